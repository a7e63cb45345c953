// Peer-review arithmetic, pure: the median of peers, the final grade combining the fasilitator's
// and the peers' marks, a reviewer's own grade for reviewing (agreement with the other reviewers of
// the same piece + the author's helpfulness ratings), and the flags a fasilitator must look at.
// Levels are rubric levels 1..4; scores are 0..100.

export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export interface CombineWeights { facilitator: number; peers: number }
/** The default of the issue: fasilitator 60 %, median of peers 40 %. */
export const DEFAULT_WEIGHTS: CombineWeights = { facilitator: 60, peers: 40 };

/**
 * The final grade. With both marks: the weighted mean of the fasilitator's score and the median
 * of the peers' scores. With only one of them: that one (peers only when no fasilitator grade).
 * With neither: null. An override (with its reason, kept by the model) replaces the result.
 */
export function combineGrade(
  facilitator: number | null,
  peers: readonly number[],
  weights: CombineWeights = DEFAULT_WEIGHTS,
  override?: number | null,
): number | null {
  if (override != null) return round1(override);
  const peer = median(peers);
  if (facilitator == null) return peer == null ? null : round1(peer);
  if (peer == null) return round1(facilitator);
  const total = weights.facilitator + weights.peers;
  if (total <= 0) return round1(facilitator);
  return round1((facilitator * weights.facilitator + peer * weights.peers) / total);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export type Levels = Readonly<Record<string, number>>; // criterionId → level 1..4

/** The median level per criterion over several reviews (what the author sees). */
export function medianLevels(reviews: readonly Levels[]): Record<string, number> {
  const by = new Map<string, number[]>();
  for (const r of reviews) for (const [c, l] of Object.entries(r)) by.set(c, [...(by.get(c) ?? []), l]);
  return Object.fromEntries([...by].map(([c, ls]) => [c, median(ls)!]));
}

/**
 * How close one reviewer is to the consensus of the OTHER reviewers of the same piece: 100 when
 * every criterion matches their median, minus 100/3 per level of mean absolute distance (the
 * largest possible distance, 3 levels, gives 0). Null when nobody else reviewed the piece.
 */
export function agreement(mine: Levels, others: readonly Levels[]): number | null {
  if (others.length === 0) return null;
  const consensus = medianLevels(others);
  const diffs = Object.keys(mine).filter((c) => c in consensus).map((c) => Math.abs(mine[c] - consensus[c]));
  if (diffs.length === 0) return null;
  const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  return round1(Math.max(0, 100 - (mean * 100) / 3));
}

/**
 * A reviewer's grade for reviewing, 0..100: 70 % agreement (mean over the pieces they reviewed),
 * 30 % helpfulness (the authors' 1–5 ratings mapped 1 → 0 … 5 → 100). Either part alone when the
 * other is missing; null when there is nothing to grade yet.
 */
export function reviewerGrade(agreements: readonly (number | null)[], helpfulness: readonly number[]): number | null {
  const a = agreements.filter((x): x is number => x != null);
  const agree = a.length ? a.reduce((s, x) => s + x, 0) / a.length : null;
  const help = helpfulness.length ? ((helpfulness.reduce((s, x) => s + x, 0) / helpfulness.length - 1) / 4) * 100 : null;
  if (agree == null && help == null) return null;
  if (agree == null) return round1(help!);
  if (help == null) return round1(agree);
  return round1(agree * 0.7 + help * 0.3);
}

/** Phrases that say nothing a writer can act on. Compared after lower-casing and trimming punctuation. */
const GENERIC = new Set([
  "bagus", "sudah bagus", "bagus sekali", "sangat bagus", "baik", "sudah baik", "baik sekali", "sangat baik", "cukup",
  "cukup baik", "mantap", "mantab", "oke", "ok", "sip", "good", "nice", "keren", "lanjutkan", "setuju", "tidak ada",
  "-", "sudah sesuai", "sesuai", "sudah oke", "mantap sekali", "perlu diperbaiki", "kurang", "kurang baik",
]);
export const MIN_USEFUL_WORDS = 5;

/** Empty, a stock phrase, or too short to act on. */
export function isGenericComment(comment: string | null | undefined): boolean {
  const text = (comment ?? "").toLowerCase().replace(/[.!?,;:"'()…]+/g, " ").replace(/\s+/g, " ").trim();
  if (!text) return true;
  if (GENERIC.has(text)) return true;
  return text.split(" ").length < MIN_USEFUL_WORDS;
}

export type ReviewFlag = "disagrees" | "generic";

/**
 * Flags on one review: `disagrees` when any criterion is more than one level away from the median
 * of the other reviewers of the piece; `generic` when the overall feedback and every criterion
 * comment are empty or generic.
 */
export function reviewFlags(mine: Levels, others: readonly Levels[], feedback: string | null, comments: readonly (string | null)[]): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (others.length > 0) {
    const consensus = medianLevels(others);
    if (Object.keys(mine).some((c) => c in consensus && Math.abs(mine[c] - consensus[c]) > 1)) flags.push("disagrees");
  }
  if (isGenericComment(feedback) && comments.every(isGenericComment)) flags.push("generic");
  return flags;
}
