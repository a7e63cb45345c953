// Peer-review allocation: who reviews which submission. Pure and deterministic (seeded), so the
// model can call it whenever the pool changes — at the review start, when a late submitter joins,
// after a review is taken back, after a dropout — and it only ever ADDS assignments to what exists.
//
// The rules, in order of strength:
//   1. never one's own submission, never the same submission twice (incl. reviews taken back before);
//   2. every submission gets `perSubmission` reviews when enough distinct reviewers exist;
//   3. reviewers from another agency when `otherAgencyOnly` — when that is impossible the pair is
//      still made (rule 2 wins) and reported in `violations`, so the fasilitator is told;
//   4. balance: a reviewer's load stays within `cap` = ceil(total reviews / pool) + 1 unless rules
//      1–3 leave no other choice.
// Candidates are kept in buckets by load, so each pick looks at the least-loaded reviewers first;
// the most constrained submissions (fewest reviewers outside their agency, fewest reviews so far)
// are served first. 10,000 submissions allocate in well under a second.

export interface AllocSubmission { id: string; authorId: string; agencyId: string | null; submittedAt: string }
export interface AllocReviewer { id: string; agencyId: string | null }
/** An existing pair. `counts`: active or done (adds to the load and the submission's reviews);
 *  false for reviews taken back or removed (the pair is still never made again). */
export interface AllocExisting { submissionId: string; reviewerId: string; counts: boolean }
export interface AllocOptions { perSubmission: number; otherAgencyOnly: boolean; seed?: number }

export interface AllocPair { submissionId: string; reviewerId: string; sameAgency: boolean }
export interface AllocResult {
  /** new pairs to create */
  assign: AllocPair[];
  /** new pairs that break the other-agency rule because nothing else was possible */
  violations: AllocPair[];
  /** submissions still short of reviews (for the fasilitators' backstop queue) */
  short: { submissionId: string; missing: number }[];
  /** the balance target + 1 */
  cap: number;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const agencyKey = (agencyId: string | null, personId: string) => agencyId ?? `person:${personId}`;

export function allocate(
  submissions: readonly AllocSubmission[],
  reviewers: readonly AllocReviewer[],
  existing: readonly AllocExisting[],
  options: AllocOptions,
): AllocResult {
  const per = Math.max(0, Math.floor(options.perSubmission));
  const rand = rng(options.seed ?? 1);

  // Reviewers, deduplicated, with their load from counting pairs.
  const pool = new Map<string, { id: string; agency: string; load: number; bucketPos: number }>();
  for (const r of reviewers) if (!pool.has(r.id)) pool.set(r.id, { id: r.id, agency: agencyKey(r.agencyId, r.id), load: 0, bucketPos: -1 });
  const made = new Set<string>();
  const reviewsOf = new Map<string, number>();
  let existingTotal = 0;
  for (const e of existing) {
    made.add(`${e.submissionId}|${e.reviewerId}`);
    if (!e.counts) continue;
    reviewsOf.set(e.submissionId, (reviewsOf.get(e.submissionId) ?? 0) + 1);
    const r = pool.get(e.reviewerId);
    if (r) { r.load++; existingTotal++; }
  }

  const subs = [...new Map(submissions.map((s) => [s.id, s])).values()];
  let needed = 0;
  for (const s of subs) needed += Math.max(0, per - (reviewsOf.get(s.id) ?? 0));
  const cap = pool.size ? Math.ceil((existingTotal + needed) / pool.size) + 1 : 0;

  // Buckets by load; each bucket shuffled once so equal loads are picked fairly but reproducibly.
  const buckets: (typeof pool extends Map<string, infer V> ? V : never)[][] = [];
  const shuffled = [...pool.values()];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  for (const r of shuffled) {
    (buckets[r.load] ??= []).push(r);
    r.bucketPos = buckets[r.load].length - 1;
  }
  const move = (r: (typeof shuffled)[number]) => {
    const b = buckets[r.load];
    const last = b.pop()!;
    if (last !== r) { b[r.bucketPos] = last; last.bucketPos = r.bucketPos; }
    r.load++;
    (buckets[r.load] ??= []).push(r);
    r.bucketPos = buckets[r.load].length - 1;
  };

  // Most constrained first: fewest possible reviewers outside the author's agency, then fewest
  // reviews so far, then the earliest submitted.
  const agencySize = new Map<string, number>();
  for (const r of pool.values()) agencySize.set(r.agency, (agencySize.get(r.agency) ?? 0) + 1);
  const outside = (s: AllocSubmission) => pool.size - (agencySize.get(agencyKey(s.agencyId, s.authorId)) ?? 0);
  subs.sort((a, b) => outside(a) - outside(b) || (reviewsOf.get(a.id) ?? 0) - (reviewsOf.get(b.id) ?? 0) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));

  const assign: AllocPair[] = [];
  const violations: AllocPair[] = [];
  const short: AllocResult["short"] = [];

  /** The least-loaded acceptable reviewer with load < maxLoad, or null. */
  const find = (s: AllocSubmission, maxLoad: number, allowSameAgency: boolean) => {
    const agency = agencyKey(s.agencyId, s.authorId);
    for (let load = 0; load < Math.min(maxLoad, buckets.length); load++) {
      const b = buckets[load];
      if (!b || b.length === 0) continue;
      const start = Math.floor(rand() * b.length);
      for (let k = 0; k < b.length; k++) {
        const r = b[(start + k) % b.length];
        if (r.id === s.authorId || made.has(`${s.id}|${r.id}`)) continue;
        if (!allowSameAgency && r.agency === agency) continue;
        return r;
      }
    }
    return null;
  };

  for (const s of subs) {
    let missing = Math.max(0, per - (reviewsOf.get(s.id) ?? 0));
    while (missing > 0) {
      const strict = options.otherAgencyOnly;
      const r =
        find(s, cap, !strict) ??
        (strict ? find(s, cap + 1, false) ?? find(s, cap, true) : null) ??
        find(s, Infinity, !strict) ??
        (strict ? find(s, Infinity, true) : null);
      if (!r) break;
      const sameAgency = r.agency === agencyKey(s.agencyId, s.authorId);
      const pair = { submissionId: s.id, reviewerId: r.id, sameAgency };
      assign.push(pair);
      if (strict && sameAgency) violations.push(pair);
      made.add(`${s.id}|${r.id}`);
      move(r);
      missing--;
    }
    if (missing > 0) short.push({ submissionId: s.id, missing });
  }
  return { assign, violations, short, cap };
}
