// The translation catalogue: one file per domain under id/ and en/, merged here. The Indonesian
// catalogue defines the keys; TypeScript refuses an English catalogue with a key missing.
import { common as idCommon } from "./id/common";
import { auth as idAuth } from "./id/auth";
import { common as enCommon } from "./en/common";
import { auth as enAuth } from "./en/auth";

export const id = { ...idCommon, ...idAuth };
export type MessageKey = keyof typeof id;
export const en: Record<MessageKey, string> = { ...enCommon, ...enAuth };
