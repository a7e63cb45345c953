// Allocation persisted over time with a controllable clock: reviewing opens at the due date, late
// submitters join, leases run out and are reassigned to someone else, dropouts leave the pool, and
// the backstop queue appears close to the review deadline.
import { describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { fakeClock, testDb } from "#tests/helpers/db";
import { makeAgency, makePerson } from "#seeds/factories";
import { allocateReviews, backstopQueue, expireLeases } from "./peer-allocation.server";

const HOUR = 3_600_000;
const T0 = "2026-11-01T00:00:00.000Z";
const DUE = "2026-11-10T16:59:00.000Z"; // 23.59 WIB

async function cohort(db: DB, agencies: number, perAgency: number) {
  const now = T0;
  const moduleId = "m1";
  await db.insertInto("module").values({ id: moduleId, title: "Modul", summary: "", jp: 4, output_category: "produksi_konten", status: "published", organiser: "Sekretariat", created_at: now, updated_at: now }).execute();
  await db.insertInto("cohort").values({ id: "c1", module_id: moduleId, name: "Angkatan", starts_on: "2026-11-01", ends_on: "2026-12-01", time_zone: "Asia/Jakarta", created_at: now }).execute();
  await db.insertInto("assignment").values({ id: "a1", module_id: moduleId, position: 1, kind: "release", title: "Rilis", opens_at: T0, due_at: DUE, late_until: "2026-11-12T16:59:00.000Z", time_zone: "Asia/Jakarta", created_at: now, updated_at: now }).execute();
  await db.insertInto("peer_review_setting").values({ assignment_id: "a1", reviews_due_at: "2026-11-17T16:59:00.000Z", created_at: now, updated_at: now }).execute();
  const people: { id: string; agencyId: string }[] = [];
  for (let a = 0; a < agencies; a++) {
    const agencyId = await makeAgency(db, { name: `Instansi ${a}` });
    for (let p = 0; p < perAgency; p++) {
      const id = await makePerson(db, { email: `p${a}-${p}@x.test`, agencyId });
      await db.insertInto("enrolment").values({ id: `e-${id}`, cohort_id: "c1", module_id: moduleId, user_id: id, agency_id: agencyId, source: "agency", status: "active", enrolled_at: now }).execute();
      people.push({ id, agencyId });
    }
  }
  return people;
}

async function submit(db: DB, person: { id: string; agencyId: string }, at: string) {
  const sid = `s-${person.id}`;
  await db.insertInto("submission").values({
    id: sid, assignment_id: "a1", module_id: "m1", user_id: person.id, agency_id: person.agencyId, status: "submitted",
    current_version_id: `v-${person.id}`, version_count: 1, first_submitted_at: at, submitted_at: at, created_at: at, updated_at: at,
  }).execute();
  await db.insertInto("submission_version").values({ id: `v-${person.id}`, submission_id: sid, number: 1, submitted_at: at }).execute();
}

const reviews = (db: DB) => db.selectFrom("peer_review").selectAll().execute();

describe("allocateReviews over time", () => {
  it("waits for the due date, then gives every piece two reviewers from other agencies; late work joins", async () => {
    const db = await testDb();
    const people = await cohort(db, 4, 3);
    const clock = fakeClock("2026-11-09T00:00:00.000Z");
    for (const p of people.slice(0, 10)) await submit(db, p, clock().toISOString());
    expect((await allocateReviews(db, "a1", clock)).open).toBe(false);
    expect(await reviews(db)).toHaveLength(0);

    clock.set("2026-11-10T17:00:00.000Z");
    const first = await allocateReviews(db, "a1", clock);
    expect(first).toMatchObject({ open: true, added: 20, violations: [], short: 0 });
    const agencyOf = new Map(people.map((p) => [p.id, p.agencyId]));
    for (const r of await reviews(db)) {
      expect(r.reviewer_id).not.toBe(r.submission_id.slice(2));
      expect(agencyOf.get(r.reviewer_id)).not.toBe(agencyOf.get(r.submission_id.slice(2)));
      expect(r.lease_expires_at).toBe("2026-11-12T17:00:00.000Z");
    }
    // Calling again adds nothing.
    expect((await allocateReviews(db, "a1", clock)).added).toBe(0);

    // Two late submitters join the pool and get their reviews.
    clock.advance(HOUR);
    for (const p of people.slice(10)) await submit(db, p, clock().toISOString());
    expect((await allocateReviews(db, "a1", clock)).added).toBe(4);
    const counts = new Map<string, number>();
    for (const r of await reviews(db)) counts.set(r.reviewer_id, (counts.get(r.reviewer_id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
    await db.destroy();
  });

  it("takes back reviews not started within 48 hours and gives them to someone else", async () => {
    const db = await testDb();
    const people = await cohort(db, 3, 4);
    const clock = fakeClock("2026-11-10T17:00:00.000Z");
    for (const p of people) await submit(db, p, "2026-11-09T00:00:00.000Z");
    await allocateReviews(db, "a1", clock);
    const all = await reviews(db);
    // Half the reviewers start in time.
    const started = all.filter((_, i) => i % 2 === 0).map((r) => r.id);
    await db.updateTable("peer_review").set({ status: "started", started_at: clock().toISOString() }).where("id", "in", started).execute();

    clock.advance(47 * HOUR);
    expect(await expireLeases(db, clock)).toBe(0);
    clock.advance(2 * HOUR);
    expect(await expireLeases(db, clock)).toBe(all.length - started.length);

    const after = await reviews(db);
    const expired = after.filter((r) => r.status === "expired");
    expect(expired).toHaveLength(all.length - started.length);
    for (const e of expired) {
      const replacements = after.filter((r) => r.submission_id === e.submission_id && r.status === "assigned");
      expect(replacements.length).toBeGreaterThanOrEqual(1);
      expect(replacements.map((r) => r.reviewer_id)).not.toContain(e.reviewer_id);
    }
    // Every piece still has two counting reviews.
    for (const p of people) {
      expect(after.filter((r) => r.submission_id === `s-${p.id}` && r.status !== "expired")).toHaveLength(2);
    }
    await db.destroy();
  });

  it("leaves dropouts out and lists short pieces for the fasilitators near the review deadline", async () => {
    const db = await testDb();
    const people = await cohort(db, 2, 2);
    const clock = fakeClock("2026-11-10T17:00:00.000Z");
    for (const p of people) await submit(db, p, "2026-11-09T00:00:00.000Z");
    // Three of four leave: the last one cannot cover everything.
    for (const p of people.slice(1)) await db.updateTable("enrolment").set({ status: "withdrawn" }).where("user_id", "=", p.id).execute();
    const r = await allocateReviews(db, "a1", clock);
    expect(r.short).toBeGreaterThan(0);
    for (const row of await reviews(db)) expect(row.reviewer_id).toBe(people[0].id);
    expect(await backstopQueue(db, "a1", clock)).toEqual([]); // not yet close to the deadline
    clock.set("2026-11-17T00:00:00.000Z");
    const queue = await backstopQueue(db, "a1", clock);
    expect(queue.length).toBe(4);
    expect(queue.every((q) => q.missing >= 1)).toBe(true);
    await db.destroy();
  });
});
