// Property tests of the allocation engine: for random cohorts (2–500 submissions, 1–50 agencies,
// late submitters, dropouts) every rule in allocation.ts holds.
import { describe, expect, it } from "vitest";
import { allocate, type AllocExisting, type AllocPair, type AllocReviewer, type AllocSubmission } from "./allocation";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

interface Cohort { submissions: AllocSubmission[]; reviewers: AllocReviewer[] }

function cohort(seed: number, opts: { minSubs?: number; maxSubs?: number; maxAgencies?: number; skew?: boolean } = {}): Cohort {
  const r = rng(seed);
  const n = (opts.minSubs ?? 2) + Math.floor(r() * ((opts.maxSubs ?? 500) - (opts.minSubs ?? 2) + 1));
  const agencies = 1 + Math.floor(r() * (opts.maxAgencies ?? 50));
  const submissions: AllocSubmission[] = [];
  const reviewers: AllocReviewer[] = [];
  for (let i = 0; i < n; i++) {
    // skewed cohorts put about half of the people in one agency
    const a = opts.skew && r() < 0.5 ? 0 : Math.floor(r() * agencies);
    const agencyId = r() < 0.03 ? null : `a${a}`;
    const person = `p${i}`;
    reviewers.push({ id: person, agencyId });
    submissions.push({ id: `s${i}`, authorId: person, agencyId, submittedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() });
  }
  return { submissions, reviewers };
}

function check(c: Cohort, existing: AllocExisting[], pairs: AllocPair[], per: number, otherAgencyOnly: boolean, result: ReturnType<typeof allocate>) {
  const author = new Map(c.submissions.map((s) => [s.id, s]));
  const agencyOf = new Map(c.reviewers.map((r) => [r.id, r.agencyId]));
  const seen = new Set(existing.map((e) => `${e.submissionId}|${e.reviewerId}`));
  const reported = new Set(result.violations.map((v) => `${v.submissionId}|${v.reviewerId}`));
  const broken: string[] = [];
  for (const p of pairs) {
    const s = author.get(p.submissionId)!;
    const key = `${p.submissionId}|${p.reviewerId}`;
    if (p.reviewerId === s.authorId) broken.push(`${key} reviews themselves`);
    if (seen.has(key)) broken.push(`${key} made twice or again after being taken back`);
    seen.add(key);
    const same = s.agencyId !== null && agencyOf.get(p.reviewerId) === s.agencyId;
    if (p.sameAgency !== same) broken.push(`${key} sameAgency wrong`);
    if (otherAgencyOnly && same && !reported.has(key)) broken.push(`${key} same agency not reported`);
  }
  expect(broken).toEqual([]);
  if (!otherAgencyOnly) expect(result.violations).toEqual([]);
  // Every submission gets its reviews when enough distinct reviewers exist.
  const count = new Map<string, number>();
  for (const e of existing) if (e.counts) count.set(e.submissionId, (count.get(e.submissionId) ?? 0) + 1);
  for (const p of pairs) count.set(p.submissionId, (count.get(p.submissionId) ?? 0) + 1);
  const shortOf = new Map(result.short.map((s) => [s.submissionId, s.missing]));
  const inPool = new Set(c.reviewers.map((r) => r.id));
  const takenBack = new Map<string, number>();
  for (const e of existing) if (!e.counts && inPool.has(e.reviewerId)) takenBack.set(e.submissionId, (takenBack.get(e.submissionId) ?? 0) + 1);
  const wrong: string[] = [];
  for (const s of c.submissions) {
    const have = count.get(s.id) ?? 0;
    const possible = inPool.size - (inPool.has(s.authorId) ? 1 : 0) - (takenBack.get(s.id) ?? 0);
    if (possible >= per && have < per) wrong.push(`${s.id} has ${have}`);
    if ((shortOf.get(s.id) ?? 0) !== Math.max(0, per - have)) wrong.push(`${s.id} short misreported`);
  }
  expect(wrong).toEqual([]);
}

function loads(existing: AllocExisting[], pairs: AllocPair[]) {
  const load = new Map<string, number>();
  for (const e of existing) if (e.counts) load.set(e.reviewerId, (load.get(e.reviewerId) ?? 0) + 1);
  for (const p of pairs) load.set(p.reviewerId, (load.get(p.reviewerId) ?? 0) + 1);
  return load;
}

describe("allocate", () => {
  it("holds every rule for 200 random cohorts", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const c = cohort(seed);
      const per = 1 + (seed % 3);
      const strict = seed % 4 !== 0;
      const result = allocate(c.submissions, c.reviewers, [], { perSubmission: per, otherAgencyOnly: strict, seed });
      check(c, [], result.assign, per, strict, result);
    }
  });

  it("keeps everyone within one review of the balance target when agencies are not lopsided", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const c = cohort(seed, { minSubs: 20, maxAgencies: 50 });
      const agencies = new Set(c.reviewers.map((r) => r.agencyId));
      if (agencies.size < 5) continue;
      const result = allocate(c.submissions, c.reviewers, [], { perSubmission: 2, otherAgencyOnly: true, seed });
      const max = Math.max(...loads([], result.assign).values());
      const target = Math.ceil((2 * c.submissions.length) / c.reviewers.length);
      expect(max).toBeLessThanOrEqual(target + 1);
      expect(result.violations).toEqual([]);
      expect(result.short).toEqual([]);
    }
  });

  it("reports which pairs broke the other-agency rule when the cohort makes it impossible", () => {
    const reviewers = [
      { id: "a", agencyId: "dinkes" }, { id: "b", agencyId: "dinkes" }, { id: "c", agencyId: "dinkes" }, { id: "d", agencyId: "pupr" },
    ];
    const submissions = reviewers.map((r, i) => ({ id: `s-${r.id}`, authorId: r.id, agencyId: r.agencyId, submittedAt: `2026-11-0${i + 1}T00:00:00.000Z` }));
    const result = allocate(submissions, reviewers, [], { perSubmission: 2, otherAgencyOnly: true });
    // Dinkes has three authors and only one reviewer outside: each needs one Dinkes reviewer too.
    expect(result.short).toEqual([]);
    expect(result.violations.length).toBeGreaterThanOrEqual(3);
    for (const v of result.violations) expect(v.sameAgency).toBe(true);
    // One agency only: every pair breaks the rule, and every one is reported.
    const one = allocate(submissions.slice(0, 3), reviewers.slice(0, 3), [], { perSubmission: 2, otherAgencyOnly: true });
    expect(one.violations).toHaveLength(6);
  });

  it("lets late submitters join without touching what exists", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const c = cohort(seed, { minSubs: 6 });
      const early = Math.max(3, Math.floor(c.submissions.length * 0.7));
      const first = { submissions: c.submissions.slice(0, early), reviewers: c.reviewers.slice(0, early) };
      const r1 = allocate(first.submissions, first.reviewers, [], { perSubmission: 2, otherAgencyOnly: true, seed });
      const existing = r1.assign.map((p) => ({ submissionId: p.submissionId, reviewerId: p.reviewerId, counts: true }));
      const r2 = allocate(c.submissions, c.reviewers, existing, { perSubmission: 2, otherAgencyOnly: true, seed });
      check(c, existing, r2.assign, 2, true, r2);
      // the late submitters got their reviews
      for (const s of c.submissions.slice(early)) expect(r2.assign.filter((p) => p.submissionId === s.id)).toHaveLength(2);
    }
  });

  it("replaces reviews taken back and reviewers who dropped out, never with the same person", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const c = cohort(seed, { minSubs: 8 });
      const r1 = allocate(c.submissions, c.reviewers, [], { perSubmission: 2, otherAgencyOnly: true, seed });
      const r = rng(seed * 31);
      const dropped = new Set(c.reviewers.filter(() => r() < 0.15).map((x) => x.id));
      // A third of reviews are not started in time; dropouts' reviews are taken back too.
      const existing: AllocExisting[] = r1.assign.map((p) => ({
        submissionId: p.submissionId, reviewerId: p.reviewerId, counts: !(dropped.has(p.reviewerId) || r() < 0.33),
      }));
      const pool = c.reviewers.filter((x) => !dropped.has(x.id));
      const stillIn = { submissions: c.submissions, reviewers: pool };
      const r2 = allocate(c.submissions, pool, existing, { perSubmission: 2, otherAgencyOnly: true, seed: seed + 1 });
      check(stillIn, existing, r2.assign, 2, true, r2);
      for (const p of r2.assign) expect(dropped.has(p.reviewerId)).toBe(false);
    }
  });

  it("is deterministic for a seed", () => {
    const c = cohort(7, { minSubs: 100, maxSubs: 100 });
    const a = allocate(c.submissions, c.reviewers, [], { perSubmission: 2, otherAgencyOnly: true, seed: 3 });
    const b = allocate(c.submissions, c.reviewers, [], { perSubmission: 2, otherAgencyOnly: true, seed: 3 });
    expect(a).toEqual(b);
  });

  it("handles a cohort of one, nobody to review", () => {
    const s = [{ id: "s", authorId: "a", agencyId: "x", submittedAt: "2026-11-01T00:00:00.000Z" }];
    expect(allocate(s, [{ id: "a", agencyId: "x" }], [], { perSubmission: 2, otherAgencyOnly: true })).toMatchObject({ assign: [], short: [{ submissionId: "s", missing: 2 }] });
  });
});
