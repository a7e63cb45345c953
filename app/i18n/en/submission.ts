import type { submission as id } from "../id/submission";

export const submission: Record<keyof typeof id, string> = {
};
