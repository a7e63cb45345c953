// Participation arithmetic for the coordinator's reports, pure: rates, the "absent twice in a row"
// flag, a participation index from weighted component rates (weights shown and configurable), and
// a ranking with shared places for ties.

export type Attendance = "present" | "represented" | "excused" | "absent";

/** Attended = present or represented, over meetings the agency was invited to and that were held. */
export function attendanceRate(records: readonly (Attendance | null)[]): number | null {
  const held = records.filter((r): r is Attendance => r !== null);
  if (held.length === 0) return null;
  return held.filter((r) => r === "present" || r === "represented").length / held.length;
}

/** The longest run of consecutive absences in chronological records (excused breaks a run). */
export function longestAbsenceRun(records: readonly (Attendance | null)[]): number {
  let best = 0;
  let run = 0;
  for (const r of records) {
    if (r === null) continue; // not held / not recorded: neither breaks nor extends a run
    run = r === "absent" ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

export const absentTwiceInARow = (records: readonly (Attendance | null)[]) => longestAbsenceRun(records) >= 2;

export const PARTICIPATION_COMPONENTS = ["attendance", "rsvp", "followUps", "submissions", "reviews", "jp"] as const;
export type Component = (typeof PARTICIPATION_COMPONENTS)[number];
export type Weights = Record<Component, number>;

/** Defaults, shown beside the index and changeable by the coordinator. */
export const DEFAULT_WEIGHTS: Weights = { attendance: 30, rsvp: 10, followUps: 20, submissions: 20, reviews: 10, jp: 10 };

/** Weights must be whole numbers 0..100 adding up to 100. */
export function checkWeights(w: Partial<Record<string, unknown>>): { ok: true; weights: Weights } | { ok: false; total: number } {
  const weights = {} as Weights;
  let total = 0;
  for (const c of PARTICIPATION_COMPONENTS) {
    const n = Number(w[c]);
    if (!Number.isInteger(n) || n < 0 || n > 100) return { ok: false, total: NaN };
    weights[c] = n;
    total += n;
  }
  return total === 100 ? { ok: true, weights } : { ok: false, total };
}

/**
 * The index 0..100: the weighted mean of the component rates (each 0..1) an agency has data for;
 * a component without data (no meeting held, nobody enrolled) is left out and the remaining
 * weights count in proportion, so an agency is not punished for what did not happen. Null when
 * nothing applies.
 */
export function participationIndex(rates: Partial<Record<Component, number | null>>, weights: Weights = DEFAULT_WEIGHTS): number | null {
  let sum = 0;
  let weight = 0;
  for (const c of PARTICIPATION_COMPONENTS) {
    const r = rates[c];
    if (r == null || Number.isNaN(r) || weights[c] === 0) continue;
    sum += Math.min(1, Math.max(0, r)) * weights[c];
    weight += weights[c];
  }
  return weight === 0 ? null : Math.round((sum / weight) * 1000) / 10;
}

/** Competition ranking (1, 2, 2, 4): higher index first; no index ranks last, unnumbered. */
export function rank<T>(rows: readonly T[], index: (row: T) => number | null): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (index(b) ?? -1) - (index(a) ?? -1));
  let place = 0;
  let last: number | null | undefined;
  return sorted.map((row, i) => {
    const v = index(row);
    if (v === null) return { ...row, rank: null };
    if (v !== last) { place = i + 1; last = v; }
    return { ...row, rank: place };
  });
}
