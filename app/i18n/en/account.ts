import type { account as id } from "../id/account";

export const account: Record<keyof typeof id, string> = {
};
