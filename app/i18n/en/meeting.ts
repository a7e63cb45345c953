import type { meeting as id } from "../id/meeting";

export const meeting: Record<keyof typeof id, string> = {
};
