export const agency = {
} as const;
