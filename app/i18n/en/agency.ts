import type { agency as id } from "../id/agency";

export const agency: Record<keyof typeof id, string> = {
};
