// Rich text shared by browser and server, WITHOUT Tiptap: the JSON shape, the size limit, the
// plain-text fallback (<textarea> before JavaScript loads) and the zod field. Importing this file
// never pulls the editor into a page's bundle; the editor itself loads lazily.
import { z } from "zod";

export interface RichMark { type: string; attrs?: Record<string, unknown> }
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}
export interface RichDoc extends RichNode { type: "doc"; content: RichNode[] }

/** Larger submissions are refused (200 KB of UTF-8). */
export const MAX_RICH_TEXT_BYTES = 200 * 1024;

export const byteLength = (s: string) => new TextEncoder().encode(s).length;

export const emptyDoc = (): RichDoc => ({ type: "doc", content: [{ type: "paragraph" }] });

/** Plain text → paragraphs (blank line) with line breaks (single newline). */
export function plainToDoc(text: string): RichDoc {
  const paragraphs = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((p) => p.replace(/^\n+|\n+$/g, "")).filter((p) => p.trim() !== "");
  if (paragraphs.length === 0) return emptyDoc();
  return {
    type: "doc",
    content: paragraphs.map((p) => {
      const lines = p.split("\n");
      const content: RichNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: "hardBreak" });
        if (line !== "") content.push({ type: "text", text: line });
      });
      return { type: "paragraph", content };
    }),
  };
}

/** A JSON string from the editor, or null when the input is not one. */
export function tryParseDoc(input: string): RichDoc | null {
  const s = input.trim();
  if (!s.startsWith("{")) return null;
  try {
    const v: unknown = JSON.parse(s);
    if (v && typeof v === "object" && (v as RichNode).type === "doc") {
      const content = (v as RichNode).content;
      return { type: "doc", content: Array.isArray(content) ? content : [] };
    }
  } catch {
    /* not JSON: the user typed text that starts with "{" */
  }
  return null;
}

function inlineText(node: RichNode): string {
  if (node.type === "text") {
    const text = typeof node.text === "string" ? node.text : "";
    const link = node.marks?.find((m) => m.type === "link");
    const href = typeof link?.attrs?.href === "string" ? link.attrs.href : "";
    return href && href !== text ? `${text} (${href.replace(/^mailto:/, "")})` : text;
  }
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function blockText(node: RichNode, indent = ""): string[] {
  switch (node.type) {
    case "doc":
      return (node.content ?? []).flatMap((c) => blockText(c, indent));
    case "bulletList":
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return [
        (node.content ?? [])
          .map((item, i) => {
            const bullet = node.type === "bulletList" ? "- " : `${start + i}. `;
            const inner = (item.content ?? []).flatMap((c) => blockText(c, `${indent}   `)).join("\n");
            return `${indent}${bullet}${inner.trimStart()}`;
          })
          .join("\n"),
      ];
    }
    case "blockquote":
      return (node.content ?? []).flatMap((c) => blockText(c, indent)).map((l) => `> ${l}`);
    default: {
      const text = inlineText(node);
      return [indent + text.split("\n").join(`\n${indent}`)];
    }
  }
}

/** The document as plain text: paragraphs separated by a blank line, lists with "- " / "1. ". */
export function docToPlain(doc: RichNode | null | undefined): string {
  if (!doc) return "";
  return blockText(doc)
    .filter((b) => b.trim() !== "")
    .join("\n\n");
}

/** Plain text of a stored JSON string (or "" when there is none). */
export function storedToPlain(json: string | null | undefined): string {
  if (!json) return "";
  return docToPlain(tryParseDoc(json));
}

/**
 * The zod field of a rich-text input: the editor's JSON or the fallback's text, as a string. The
 * server parses and sanitises it with `parseRichText`; this only bounds it.
 */
export const richTextInput = ({ required = false } = {}) => {
  const base = z
    .string({ required_error: "form.required", invalid_type_error: "form.invalidChoice" })
    .refine((s) => byteLength(s) <= MAX_RICH_TEXT_BYTES, "rt.tooLarge");
  return required
    ? base.refine((s) => storedOrTypedPlain(s).trim() !== "", "form.required")
    : base.optional();
};

function storedOrTypedPlain(s: string) {
  const doc = tryParseDoc(s);
  return doc ? docToPlain(doc) : s;
}
