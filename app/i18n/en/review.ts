import type { review as id } from "../id/review";

export const review: Record<keyof typeof id, string> = {
};
