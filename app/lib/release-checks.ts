// Automatic pre-checks of a press release (siaran pers) while it is written, from the editor's JSON.
// They are HINTS, never blockers: a release that fails them can still be submitted. Pure — used by the
// editor in the browser (live) and by the server (word count of a submitted version).
//
// Reading of the document: the first heading (or, without one, the first paragraph) is the title
// (judul); the next paragraph after it is the lead (teras). The place and date (dateline) is either
// "Sukamaju, 18 Maret 2025" or the wire style "SUKAMAJU – … 18 Maret 2025" / "SUKAMAJU – … Senin
// (17/11/2026)"; otherwise an Indonesian month name is required ("Sukamaju, 18/3/2025" does not count). The contact block is "Narahubung" or "Kontak" followed by a
// name and a phone number or an e-mail address.
import { docToPlain, type RichDoc, type RichNode } from "./rich-text";

export const TITLE_MAX_WORDS = 12;
export const LEAD_MAX_WORDS = 35;

export const INDONESIAN_MONTHS = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
] as const;

export type ReleaseHint = "release.hint.noTitle" | "release.hint.titleLong" | "release.hint.noLead" | "release.hint.leadLong" | "release.hint.noDateline" | "release.hint.noContact";

export interface ReleaseChecks {
  wordCount: number;
  title: { text: string; words: number; ok: boolean };
  lead: { text: string; words: number; ok: boolean };
  dateline: boolean;
  contact: boolean;
  /** catalogue keys of what to look at, in reading order; empty when every check passes */
  hints: ReleaseHint[];
}

/** Words as a reader counts them: runs of letters or digits ("5W+1H" is one, "–" is none). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

function inlineText(node: RichNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(inlineText).join("");
}

/** Top-level blocks as {type, text}, lists and quotes flattened to their text. */
function blocks(doc: RichDoc): { type: string; text: string }[] {
  return (doc.content ?? [])
    .map((n) => ({ type: n.type, text: n.type === "paragraph" || n.type === "heading" ? inlineText(n).trim() : docToPlain(n).trim() }))
    .filter((b) => b.text !== "");
}

const MONTH = `(?:${INDONESIAN_MONTHS.join("|")})`;
// "18 Maret 2025", "1 Mei 2026"
const DATE_RE = new RegExp(`\\b\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\b`, "iu");
// the wire style's day in brackets: "Senin (17/11/2026)"
const BRACKET_DATE_RE = /\(\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)/;
// "Sukamaju, 18 Maret 2025" / "Kota Sukamaju, Selasa, 18 Maret 2025" / "Jakarta, (18 Maret 2025)"
const PLACE_COMMA_DATE_RE = new RegExp(`\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*)*\\s*,\\s*(?:\\p{L}+\\s*,\\s*)?\\(?\\d{1,2}\\s+${MONTH}\\s+\\d{4}`, "u");
// "SUKAMAJU –", "KOTA SUKAMAJU (ANTARA) -", "Sukamaju —" at the start of a paragraph
const PLACE_DASH_RE = /^(?:\p{Lu}{2,}[\p{Lu}.'-]*(?:\s+\p{Lu}{2,}[\p{Lu}.'-]*)*|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*)\s*(?:\([^)]{1,30}\)\s*)?[–—-]\s/mu;
const PHONE_RE = /(?:\+62|\b0)[\d\s().-]{7,}\d/;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CONTACT_RE = /\b(?:narahubung|kontak)\b\s*(?:media|pers)?\s*[:：-]?/iu;

export function hasDateline(text: string): boolean {
  if (PLACE_COMMA_DATE_RE.test(text)) return true;
  return PLACE_DASH_RE.test(text) && (DATE_RE.test(text) || BRACKET_DATE_RE.test(text));
}

/** "Narahubung" / "Kontak" followed (within a few lines) by a name and a phone number or e-mail. */
export function hasContactBlock(text: string): boolean {
  const re = new RegExp(CONTACT_RE.source, "giu");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
    const reach = after.search(PHONE_RE) >= 0 || after.search(EMAIL_RE) >= 0;
    // a name: a capitalised word that is not the start of the phone/e-mail
    const name = /\p{Lu}\p{L}+/u.test(after.replace(EMAIL_RE, "").replace(/telepon|telp|hp|wa|surel|e-mail|email/giu, ""));
    if (reach && name) return true;
  }
  return false;
}

export function checkRelease(doc: RichDoc | null | undefined): ReleaseChecks {
  const list = doc ? blocks(doc) : [];
  const plain = list.map((b) => b.text).join("\n\n");
  const titleIndex = list.findIndex((b) => b.type === "heading");
  const ti = titleIndex >= 0 ? titleIndex : list.findIndex((b) => b.type === "paragraph");
  const titleText = ti >= 0 ? list[ti].text : "";
  const leadBlock = ti >= 0 ? list.slice(ti + 1).find((b) => b.type === "paragraph") : undefined;
  const leadText = leadBlock?.text ?? "";
  const titleWords = countWords(titleText);
  const leadWords = countWords(leadText);
  const title = { text: titleText, words: titleWords, ok: titleWords > 0 && titleWords <= TITLE_MAX_WORDS };
  const lead = { text: leadText, words: leadWords, ok: leadWords > 0 && leadWords <= LEAD_MAX_WORDS };
  const dateline = hasDateline(plain);
  const contact = hasContactBlock(plain);
  const hints: ReleaseHint[] = [];
  if (titleWords === 0) hints.push("release.hint.noTitle");
  else if (!title.ok) hints.push("release.hint.titleLong");
  if (leadWords === 0) hints.push("release.hint.noLead");
  else if (!lead.ok) hints.push("release.hint.leadLong");
  if (!dateline) hints.push("release.hint.noDateline");
  if (!contact) hints.push("release.hint.noContact");
  return { wordCount: countWords(plain), title, lead, dateline, contact, hints };
}
