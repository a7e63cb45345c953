import type { module as id } from "../id/module";

export const module: Record<keyof typeof id, string> = {
};
