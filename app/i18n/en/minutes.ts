import type { minutes as id } from "../id/minutes";

export const minutes: Record<keyof typeof id, string> = {
};
