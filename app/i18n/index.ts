import { en, id, type MessageKey } from "./messages";
import type { Locale } from "./format";

export type { MessageKey, Locale };
export type TParams = Record<string, string | number>;
export type T = (key: MessageKey | (string & {}), params?: TParams) => string;

const catalogs: Record<Locale, Record<string, string>> = { id, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

/** Unknown keys come back as written, so a server message that is already prose still shows. */
export function translate(locale: Locale, key: string, params?: TParams): string {
  const template = catalogs[locale]?.[key] ?? catalogs.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const makeT = (locale: Locale): T => (key, params) => translate(locale, key, params);

export function parseLocale(v: unknown): Locale {
  return v === "en" ? "en" : "id";
}
