// Rich text on the server: parse what a form sent (the editor's JSON or the fallback's plain text)
// into a sanitised Tiptap document, render a stored document to HTML, and flatten it to plain text
// for e-mails and calendar files. The HTML is produced here from the fixed extension list
// (~/components/rich-text/extensions) — HTML from a client is never accepted or echoed.
import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import {
  ALLOWED_MARKS, ALLOWED_NODES, HEADING_LEVELS, isSafeHref, richTextExtensions,
} from "~/components/rich-text/extensions";
import {
  byteLength, docToPlain, emptyDoc, MAX_RICH_TEXT_BYTES, plainToDoc, tryParseDoc,
  type RichDoc, type RichMark, type RichNode,
} from "~/lib/rich-text";

export type { RichDoc };
export type RichTextError = "rt.tooLarge" | "rt.invalid";
export type ParsedRichText =
  | { ok: true; doc: RichDoc; json: string; plain: string; empty: boolean }
  | { ok: false; error: RichTextError };

const schema = getSchema(richTextExtensions);
const BLOCK_CONTAINERS = new Set(["doc", "listItem", "blockquote"]);
const INLINE = new Set(["text", "hardBreak"]);
const MAX_DEPTH = 40;

function cleanMarks(marks: unknown): RichMark[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const out: RichMark[] = [];
  for (const m of marks) {
    if (!m || typeof m !== "object" || !ALLOWED_MARKS.has((m as RichMark).type)) continue;
    const type = (m as RichMark).type;
    if (type === "link") {
      const href = (m as RichMark).attrs?.href;
      if (!isSafeHref(href)) continue; // the text stays, the dangerous link goes
      out.push({ type, attrs: { href: href.trim() } });
    } else if (!out.some((x) => x.type === type)) {
      out.push({ type });
    }
  }
  return out.length ? out : undefined;
}

function cleanAttrs(type: string, attrs: unknown): Record<string, unknown> | undefined {
  const a = attrs && typeof attrs === "object" ? (attrs as Record<string, unknown>) : {};
  if (type === "heading") {
    const level = Number(a.level);
    return { level: (HEADING_LEVELS as readonly number[]).includes(level) ? level : level < 2 ? 2 : 3 };
  }
  if (type === "orderedList") {
    const start = Number(a.start);
    return { start: Number.isInteger(start) && start > 0 && start < 100000 ? start : 1 };
  }
  return undefined;
}

/** Keeps only known nodes, marks and attributes; unknown nodes are dropped with their content. */
function cleanNode(node: unknown, depth: number): RichNode | null {
  if (!node || typeof node !== "object" || depth > MAX_DEPTH) return null;
  const n = node as RichNode;
  if (typeof n.type !== "string" || !ALLOWED_NODES.has(n.type)) return null;
  if (n.type === "text") {
    if (typeof n.text !== "string" || n.text === "") return null;
    const marks = cleanMarks(n.marks);
    return marks ? { type: "text", text: n.text, marks } : { type: "text", text: n.text };
  }
  if (n.type === "hardBreak") return { type: "hardBreak" };
  const out: RichNode = { type: n.type };
  const attrs = cleanAttrs(n.type, n.attrs);
  if (attrs) out.attrs = attrs;
  let children = (Array.isArray(n.content) ? n.content : [])
    .map((c) => cleanNode(c, depth + 1))
    .filter((c): c is RichNode => c !== null);
  if (BLOCK_CONTAINERS.has(n.type)) children = wrapInlineRuns(children);
  else if (n.type === "bulletList" || n.type === "orderedList") {
    children = children.map((c) => (c.type === "listItem" ? c : { type: "listItem", content: wrapInlineRuns([c]) }));
  } else {
    // paragraph / heading: inline content only; a nested block gives up its inline text
    children = children.flatMap((c) => (INLINE.has(c.type) ? [c] : flattenInline(c)));
  }
  if (children.length) out.content = children;
  if ((n.type === "bulletList" || n.type === "orderedList") && !children.length) return null;
  if (n.type === "listItem" && !children.length) out.content = [{ type: "paragraph" }];
  if (n.type === "blockquote" && !children.length) return null;
  return out;
}

function flattenInline(node: RichNode): RichNode[] {
  if (INLINE.has(node.type)) return [node];
  return (node.content ?? []).flatMap(flattenInline);
}

/** Inside a block container, loose text becomes a paragraph. */
function wrapInlineRuns(children: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  let run: RichNode[] = [];
  const flush = () => {
    if (run.length) out.push({ type: "paragraph", content: run });
    run = [];
  };
  for (const c of children) {
    if (INLINE.has(c.type)) run.push(c);
    else if (c.type === "listItem") {
      flush();
      out.push({ type: "bulletList", content: [c] });
    } else {
      flush();
      out.push(c);
    }
  }
  flush();
  return out;
}

/** Sanitises any JSON value into a valid document of the fixed schema (or null if impossible). */
export function sanitizeDoc(value: unknown): RichDoc | null {
  const raw = value && typeof value === "object" ? (value as RichNode) : null;
  if (!raw || raw.type !== "doc") return null;
  const cleaned = cleanNode(raw, 0);
  const content = [...(cleaned?.content ?? [])];
  // The editor keeps an empty paragraph at the end for the cursor; it is not content.
  while (content.length > 1 && content[content.length - 1].type === "paragraph" && !content[content.length - 1].content?.length) content.pop();
  const doc: RichDoc = { type: "doc", content: content.length ? content : emptyDoc().content };
  try {
    const pm = PMNode.fromJSON(schema, doc);
    pm.check();
    return pm.toJSON() as RichDoc;
  } catch {
    return null;
  }
}

/**
 * A form value → a sanitised document. Accepts the editor's JSON or the fallback's plain text;
 * refuses more than 200 KB.
 */
export function parseRichText(input: string | null | undefined): ParsedRichText {
  const s = input ?? "";
  if (byteLength(s) > MAX_RICH_TEXT_BYTES) return { ok: false, error: "rt.tooLarge" };
  const parsed = tryParseDoc(s);
  const doc = parsed ? sanitizeDoc(parsed) : sanitizeDoc(plainToDoc(s));
  if (!doc) return { ok: false, error: "rt.invalid" };
  const json = JSON.stringify(doc);
  if (byteLength(json) > MAX_RICH_TEXT_BYTES) return { ok: false, error: "rt.tooLarge" };
  const plain = docToPlain(doc);
  return { ok: true, doc, json, plain, empty: plain.trim() === "" };
}

function toDoc(json: string | RichDoc | null | undefined): RichDoc | null {
  if (!json) return null;
  if (typeof json !== "string") return sanitizeDoc(json);
  const parsed = tryParseDoc(json);
  return parsed ? sanitizeDoc(parsed) : null;
}

/** HTML of a stored document, from the fixed extension list only. Stored data is re-sanitised. */
export function renderRichText(json: string | RichDoc | null | undefined): string {
  const doc = toDoc(json);
  if (!doc) return "";
  return renderToHTMLString({ extensions: richTextExtensions, content: doc });
}

/** Plain text for e-mails and .ics descriptions. */
export function richTextToPlain(json: string | RichDoc | null | undefined): string {
  return docToPlain(toDoc(json));
}
