export const minutes = {
} as const;
