import type { assignment as id } from "../id/assignment";

export const assignment: Record<keyof typeof id, string> = {
};
