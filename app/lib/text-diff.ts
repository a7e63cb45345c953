// A word-level diff of two plain texts, pure: what changed between two versions of a piece, as
// runs of equal / inserted / deleted text. Longest common subsequence on word tokens after the
// common head and tail are cut off; the DP table is bounded (MAX_CELLS), and when the changed
// middle is larger than that the diff falls back to whole paragraphs (blank-line separated), whose
// count is small. Whitespace is carried with the word before it and not compared, so re-wrapping
// alone is not a change; equal runs keep the new text's spacing.

export type DiffOp = "equal" | "insert" | "delete";
export interface DiffPart { op: DiffOp; text: string }
export interface TextDiff { parts: DiffPart[]; granularity: "word" | "paragraph"; inserted: number; deleted: number }

/** ~3,000 × 3,000 words of changed middle. */
export const MAX_CELLS = 9_000_000;

interface Token { key: string; text: string }

/** Words with their following whitespace; leading whitespace becomes its own token. */
export function wordTokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/\s+|\S+\s*/g)) {
    const text = m[0];
    out.push({ key: text.trim(), text });
  }
  return out; // a whitespace-only token can only be the first one
}

/** Paragraphs (separated by blank lines) with their separator. */
export function paragraphTokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*\s*|\s+/g)) {
    out.push({ key: m[0].trim(), text: m[0] });
  }
  return out;
}

function push(parts: DiffPart[], op: DiffOp, text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * LCS of a[lo..] and b[lo..] minus the shared tail; null when the table would exceed `maxCells`.
 */
function lcsDiff(a: Token[], b: Token[], maxCells: number): DiffPart[] | null {
  let head = 0;
  while (head < a.length && head < b.length && a[head].key === b[head].key) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].key === b[b.length - 1 - tail].key) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  if (n * m > maxCells) return null;

  const parts: DiffPart[] = [];
  for (let i = 0; i < head; i++) push(parts, "equal", b[i].text);
  if (n === 0 || m === 0) {
    for (const t of A) push(parts, "delete", t.text);
    for (const t of B) push(parts, "insert", t.text);
  } else {
    // L[i][j] = LCS length of A[i..] and B[j..]; lengths ≤ 3,000-ish fit Uint16 only up to 65,535.
    const W = m + 1;
    const L = n < 65_535 && m < 65_535 ? new Uint16Array((n + 1) * W) : new Uint32Array((n + 1) * W);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i * W + j] = A[i].key === B[j].key ? L[(i + 1) * W + j + 1] + 1 : Math.max(L[(i + 1) * W + j], L[i * W + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (A[i].key === B[j].key) { push(parts, "equal", B[j].text); i++; j++; }
      else if (L[(i + 1) * W + j] >= L[i * W + j + 1]) { push(parts, "delete", A[i].text); i++; }
      else { push(parts, "insert", B[j].text); j++; }
    }
    for (; i < n; i++) push(parts, "delete", A[i].text);
    for (; j < m; j++) push(parts, "insert", B[j].text);
  }
  for (let k = b.length - tail; k < b.length; k++) push(parts, "equal", b[k].text);
  return parts;
}

function count(parts: DiffPart[], op: DiffOp) {
  return parts.filter((p) => p.op === op).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
}

/** The diff from `before` to `after`. */
export function diffText(before: string, after: string, maxCells = MAX_CELLS): TextDiff {
  let parts = lcsDiff(wordTokens(before), wordTokens(after), maxCells);
  let granularity: TextDiff["granularity"] = "word";
  if (!parts) {
    granularity = "paragraph";
    parts = lcsDiff(paragraphTokens(before), paragraphTokens(after), maxCells) ?? [
      ...(before ? [{ op: "delete" as const, text: before }] : []),
      ...(after ? [{ op: "insert" as const, text: after }] : []),
    ];
  }
  return { parts, granularity, inserted: count(parts, "insert"), deleted: count(parts, "delete") };
}
