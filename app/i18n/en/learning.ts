import type { learning as id } from "../id/learning";

export const learning: Record<keyof typeof id, string> = {
};
