import type { profile as id } from "../id/profile";

export const profile: Record<keyof typeof id, string> = {
};
