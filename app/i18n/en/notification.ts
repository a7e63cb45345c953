import type { notification as id } from "../id/notification";

export const notification: Record<keyof typeof id, string> = {
};
