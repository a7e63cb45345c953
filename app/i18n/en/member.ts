import type { member as id } from "../id/member";

export const member: Record<keyof typeof id, string> = {
};
