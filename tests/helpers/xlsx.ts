// Reads an .xlsx file back into plain values so tests can check that a download holds the figures of
// the page: sheet name → rows → cells (strings, numbers, null for an empty cell). Reads inline and
// shared strings, numbers, booleans ("TRUE"/"FALSE") and formula results, so files from other
// writers (Excel, LibreOffice) work too. Dates come back as Excel serial numbers: see excelDate().
import { strFromU8, unzipSync } from "fflate";

export type XlsxCell = string | number | null;

export function readXlsx(bytes: Uint8Array): Record<string, XlsxCell[][]> {
  const files = unzipSync(bytes);
  const text = (path: string): string => {
    const file = files[path];
    if (!file) throw new Error(`${path} is missing from the workbook`);
    return strFromU8(file);
  };

  const workbookRels = relationships(text("xl/_rels/workbook.xml.rels"), "xl/");
  const sharedPath = [...workbookRels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const shared = sharedPath && files[sharedPath] ? sharedStrings(strFromU8(files[sharedPath])) : [];

  const result: Record<string, XlsxCell[][]> = {};
  for (const tag of text("xl/workbook.xml").match(/<sheet\b[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    const rel = workbookRels.get(attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "");
    if (!rel) throw new Error(`No relationship for sheet ${attrs.name}`);
    result[decode(attrs.name ?? "")] = worksheet(text(rel.target), shared);
  }
  return result;
}

/** An Excel serial day number (1900 date system) as "YYYY-MM-DD". */
export function excelDate(serial: number): string {
  return new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10);
}

function worksheet(xml: string, shared: string[]): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  for (const [, rowAttrs, body = ""] of xml.matchAll(rowPattern)) {
    const r = attributes(rowAttrs).r;
    const index = r ? Number(r) - 1 : rows.length;
    while (rows.length < index) rows.push([]);
    const cells: XlsxCell[] = [];
    const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    for (const [, cellAttrs, inner = ""] of body.matchAll(cellPattern)) {
      const a = attributes(cellAttrs);
      const col = a.r ? columnIndex(a.r) : cells.length;
      while (cells.length < col) cells.push(null);
      cells[col] = cellValue(a.t, inner, shared);
    }
    rows[index] = cells;
  }
  return rows;
}

function cellValue(type: string | undefined, inner: string, shared: string[]): XlsxCell {
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (type) {
    case "inlineStr":
      return richText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
    case "s":
      return v === undefined ? null : (shared[Number(v)] ?? null);
    case "b":
      return v === undefined ? null : v === "1" ? "TRUE" : "FALSE";
    case "str":
    case "e":
      return v === undefined ? null : decode(v);
    default:
      return v === undefined || v === "" ? null : Number(v);
  }
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si]) => richText(si));
}

/** The text of a <t> or of its rich-text runs, leaving out phonetic hints. */
function richText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  return [...withoutPhonetic.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map(([, t = ""]) => decode(t)).join("");
}

function relationships(xml: string, base: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (!a.Id || !a.Target) continue;
    const target = a.Target.startsWith("/") ? a.Target.slice(1) : base + a.Target;
    map.set(a.Id, { type: a.Type ?? "", target: target.replace(/[^/]+\/\.\.\//g, "") });
  }
  return map;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, dq, sq] of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[name] = dq ?? sq;
  return out;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()] ?? _;
  });
}
