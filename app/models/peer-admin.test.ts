// The fasilitator's side of peer review: the settings form's validation, saving (allocates, reports
// same-agency pairs), adding/removing a reviewer by hand, the board's counts on a small cohort, and
// the minute sweep (opening at the due date, lease expiry, reminders that never name the author).
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { fakeClock, testDb } from "#tests/helpers/db";
import { addReview, handInAt, makePeerFixture, P_DUE, P_REVIEWS_DUE, type PeerFixture } from "#tests/helpers/peer-admin-fixtures";
import { runDueReminders } from "~/.server/scheduler.server";
import { peerSettingsSchema } from "~/lib/peer-settings";
import { addReviewerByHand, BOARD_PAGE_SIZE, defaultSettings, getAdminSettings, listViolations, peerBoard, peerPerson, removeReviewer, savePeerSettings } from "./peer-admin.server";
import { allocateAfterSubmit, peerSweep } from "./peer-jobs.server";

const HOUR = 3_600_000;
const form = (o: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.set(k, v);
  return parseWithZod(fd, { schema: peerSettingsSchema });
};
const errs = (o: Record<string, string>) => {
  const r = form(o);
  return r.status === "success" ? undefined : r.error;
};
const good = {
  enabled: "on", perSubmission: "2", otherAgencyOnly: "on", anonymity: "both", opens: "on_submit", mustSubmitFirst: "on",
  facilitatorWeight: "60", peerWeight: "40", leaseHours: "48", timeZone: "Asia/Jakarta", reviewsDueDate: "2026-11-18", reviewsDueTime: "23:59", backstopHours: "24",
};
const settings = (over: Partial<Parameters<typeof savePeerSettings>[3]> = {}) => ({
  enabled: true, perSubmission: 2, otherAgencyOnly: true, anonymity: "both" as const, opens: "on_submit" as const, mustSubmitFirst: true,
  selfAssessment: false, calibration: false, facilitatorWeight: 60, peerWeight: 40, leaseHours: 48, reviewsDueAt: P_REVIEWS_DUE, backstopHours: 24, ...over,
});

describe("peerSettingsSchema", () => {
  it("accepts the defaults and refuses weights not adding to 100, out-of-range numbers and unknown choices", () => {
    expect(form(good).status).toBe("success");
    expect(errs({ ...good, facilitatorWeight: "70", peerWeight: "40" })?.peerWeight).toEqual(["review.admin.error.weights"]);
    expect(errs({ ...good, perSubmission: "0" })?.perSubmission).toEqual(["review.admin.error.range"]);
    expect(errs({ ...good, leaseHours: "abc" })?.leaseHours).toEqual(["review.admin.error.number"]);
    expect(errs({ ...good, anonymity: "nobody" })?.anonymity).toEqual(["form.invalidChoice"]);
    expect(errs({ ...good, reviewsDueDate: "2026-13-40" })?.reviewsDueDate).toEqual(["assignment.dateInvalid"]);
  });
});

async function cohort(db: DB, agencies: number, perAgency: number) {
  const f = await makePeerFixture(db, { agencies, perAgency });
  const subs = new Map<string, string>();
  for (const p of f.people) subs.set(p.id, await handInAt(db, f, p.id, "2026-11-05T00:00:00.000Z"));
  return { f, subs };
}
const active = (db: DB) => db.selectFrom("peer_review").selectAll().where("status", "in", ["assigned", "started", "submitted"]).execute();

describe("savePeerSettings", () => {
  it("stores every option, audits, allocates, and reports the pairs that broke the other-agency rule", async () => {
    const db = await testDb();
    const { f } = await cohort(db, 1, 3); // one agency: the rule cannot hold
    const clock = fakeClock("2026-11-06T00:00:00.000Z");
    const out = await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings({ anonymity: "open", leaseHours: 24, selfAssessment: true }), clock);
    expect(out.allocation).toMatchObject({ open: true, added: 6 });
    expect(out.allocation!.violations).toHaveLength(6);
    expect(await getAdminSettings(db, f.assignmentId)).toMatchObject({ enabled: true, anonymity: "open", leaseHours: 24, selfAssessment: true, reviewsDueAt: P_REVIEWS_DUE });
    const v = await listViolations(db, f.assignmentId);
    expect(v).toHaveLength(6);
    expect(v[0].author).toMatch(/^Peserta 1-/);
    expect((await db.selectFrom("audit_log").select("action").execute()).map((r) => r.action)).toContain("peer.settings.update");

    // Turning it off stores but allocates nothing more.
    const off = await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings({ enabled: false, perSubmission: 3 }), clock);
    expect(off.allocation).toBeNull();
    expect(await active(db)).toHaveLength(6);
    expect(defaultSettings(P_DUE)).toMatchObject({ perSubmission: 2, otherAgencyOnly: true, anonymity: "both", facilitatorWeight: 60, peerWeight: 40, leaseHours: 48 });
    await db.destroy();
  });

  it("waits for the due date when reviewing opens then", async () => {
    const db = await testDb();
    const { f } = await cohort(db, 2, 2);
    const out = await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings({ opens: "due" }), fakeClock("2026-11-06T00:00:00.000Z"));
    expect(out.allocation).toMatchObject({ open: false, added: 0 });
    await db.destroy();
  });
});

describe("adding and removing a reviewer by hand", () => {
  async function setup() {
    const db = await testDb();
    const f = await makePeerFixture(db, { agencies: 2, perAgency: 2 });
    const [a, b, c] = f.people;
    const sid = await handInAt(db, f, a.id, "2026-11-05T00:00:00.000Z");
    await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings({ mustSubmitFirst: false, perSubmission: 1 }), fakeClock("2026-11-06T00:00:00.000Z"));
    return { db, f, sid, a, b, c };
  }
  const emailOf = async (db: DB, id: string) => (await db.selectFrom("user").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

  it("refuses self, duplicates, unknown and non-enrolled people; adds an enrolled person", async () => {
    const { db, f, sid, a, b } = await setup();
    const [auto] = await active(db);
    const actor = { id: f.facilitatorId };
    const mod = { id: f.assignmentId, module_id: f.moduleId };
    expect(await addReviewerByHand(db, actor, mod, sid, await emailOf(db, a.id))).toMatchObject({ ok: false, error: "review.admin.add.self" });
    expect(await addReviewerByHand(db, actor, mod, sid, await emailOf(db, auto.reviewer_id))).toMatchObject({ ok: false, error: "review.admin.add.duplicate" });
    expect(await addReviewerByHand(db, actor, mod, sid, "nobody@x.test")).toMatchObject({ ok: false, error: "review.admin.add.unknownPerson" });
    expect(await addReviewerByHand(db, actor, mod, sid, await emailOf(db, f.facilitatorId))).toMatchObject({ ok: false, error: "review.admin.add.notEnrolled" });
    expect(await addReviewerByHand(db, actor, mod, "nope", await emailOf(db, b.id))).toMatchObject({ ok: false, error: "review.admin.add.unknownSubmission" });
    const other = f.people.find((p) => p.id !== a.id && p.id !== auto.reviewer_id)!;
    const r = await addReviewerByHand(db, actor, mod, sid, (await emailOf(db, other.id)).toUpperCase());
    expect(r.ok).toBe(true);
    const rows = await active(db);
    expect(rows).toHaveLength(2);
    expect(rows.find((x) => x.reviewer_id === other.id)).toMatchObject({ source: "manual", status: "assigned", same_agency: other.agencyId === a.agencyId ? 1 : 0 });
    await db.destroy();
  });

  it("removes a reviewer (status removed) and allocates the piece to someone else; a finished review cannot be removed", async () => {
    const { db, f } = await setup();
    const [auto] = await active(db);
    expect(await removeReviewer(db, { id: f.facilitatorId }, f.assignmentId, auto.id, fakeClock("2026-11-06T01:00:00.000Z"))).toBe(true);
    const all = await db.selectFrom("peer_review").selectAll().execute();
    expect(all.find((x) => x.id === auto.id)).toMatchObject({ status: "removed", ended_at: "2026-11-06T01:00:00.000Z" });
    const now = await active(db);
    expect(now).toHaveLength(1);
    expect(now[0].reviewer_id).not.toBe(auto.reviewer_id);
    await db.updateTable("peer_review").set({ status: "submitted" }).where("id", "=", now[0].id).execute();
    expect(await removeReviewer(db, { id: f.facilitatorId }, f.assignmentId, now[0].id)).toBe(false);
    expect(await removeReviewer(db, { id: f.facilitatorId }, f.assignmentId, auto.id)).toBe(false);
    await db.destroy();
  });
});

describe("peerBoard", () => {
  it("counts per agency and per person, says who is blocked and why, shows flags, reviewer grades and the backstop queue", async () => {
    const db = await testDb();
    const f: PeerFixture = await makePeerFixture(db, { agencies: 2, perAgency: 2 });
    const [a1, a2, b1, b2] = f.people; // a* in agency 1, b* in agency 2
    const sa1 = await handInAt(db, f, a1.id, "2026-11-05T00:00:00.000Z");
    const sb1 = await handInAt(db, f, b1.id, "2026-11-05T00:00:00.000Z");
    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, opens: "on_submit", reviews_due_at: P_REVIEWS_DUE, created_at: P_DUE, updated_at: P_DUE }).execute();
    await addReview(db, f, sa1, b1.id, { score: 80, agreement: 90, helpfulness: 5, flags: "generic" });
    await addReview(db, f, sb1, a1.id, { status: "assigned" });
    await addReview(db, f, sb1, a2.id, { status: "started" });
    const s = (await getAdminSettings(db, f.assignmentId))!;
    const assignment = { id: f.assignmentId, module_id: f.moduleId, due_at: P_DUE };
    const board = await peerBoard(db, assignment, s, { clock: fakeClock("2026-11-06T00:00:00.000Z") });
    expect(board).toMatchObject({ total: 4, page: 1, pages: 1, open: true, backstop: [] });
    expect(board.summary).toEqual({ people: 4, submitted: 2, done: 1, owed: 2, flagged: 1 });
    expect(board.agencies.map((x) => [x.people, x.submitted, x.done, x.owed])).toEqual([[2, 1, 0, 2], [2, 1, 1, 0]]);
    expect(board.persons.map((p) => p.agency)).toEqual(["DU1", "DU1", "DU2", "DU2"]);
    const by = new Map(board.persons.map((p) => [p.userId, p]));
    expect(by.get(a1.id)).toMatchObject({ submitted: true, owed: 1, done: 0, received: 1, receiving: 1, blocked: ["owesReviews", "waitingReviews"] });
    expect(by.get(a2.id)).toMatchObject({ submitted: false, owed: 1, blocked: ["notSubmitted", "owesReviews"] });
    expect(by.get(b1.id)).toMatchObject({ done: 1, received: 0, receiving: 2, reviewerGrade: 93, flagged: [{ flags: ["generic"] }], blocked: ["waitingReviews"] });
    expect(by.get(b2.id)!.blocked).toEqual(["notSubmitted"]);
    expect(by.get(a1.id)!.reviews).toEqual([expect.objectContaining({ status: "submitted", flags: ["generic"] })]); // names on the person's page

    // Close to the deadline: the piece still short of reviewers goes to the backstop queue with its author.
    const late = await peerBoard(db, assignment, s, { clock: fakeClock(new Date(Date.parse(P_REVIEWS_DUE) - 2 * HOUR)) });
    expect(late.backstop.map((x) => [x.author, x.missing])).toEqual([[a1.name, 1]]); // b1's piece has two reviewers at work
    await db.destroy();
  });

  it("pages a 90-person cohort 20 at a time in agency then name order; each agency on a page counted over all its people", async () => {
    const db = await testDb();
    const { f } = await cohort(db, 6, 15);
    await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings(), fakeClock("2026-11-06T00:00:00.000Z"));
    const s = (await getAdminSettings(db, f.assignmentId))!;
    const a = { id: f.assignmentId, module_id: f.moduleId, due_at: P_DUE };
    const clock = fakeClock("2026-11-06T00:00:00.000Z");
    expect(BOARD_PAGE_SIZE).toBe(20);
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const b = await peerBoard(db, a, s, { page, clock });
      expect(b).toMatchObject({ total: 90, pages: 5, page });
      expect(b.summary).toMatchObject({ people: 90, submitted: 90, owed: 180, done: 0 });
      expect(b.persons).toHaveLength(page < 5 ? 20 : 10);
      seen.push(...b.persons.map((p) => `${p.agency} ${p.name}`));
      // page 2 holds people 21–40: the last 10 of DU2 and the first 10 of DU3, each agency counted whole
      if (page === 2) expect(b.agencies.map((x) => [x.agency, x.people, x.owed])).toEqual([["DU2", 15, 30], ["DU3", 15, 30]]);
    }
    const expected = f.people.map((p) => `${p.name.replace(/^Peserta (\d+)-.*/, "DU$1")} ${p.name}`).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(seen).toEqual(expected);
    expect((await peerBoard(db, a, s, { page: 9, clock })).page).toBe(5);
    await db.destroy();
  });

  it("filters (flagged, owes reviews, waiting, not handed in), one agency, and a search by name or agency", async () => {
    const db = await testDb();
    const f = await makePeerFixture(db, { agencies: 3, perAgency: 2 });
    const [a1, a2, b1, b2, c1] = f.people;
    const sa1 = await handInAt(db, f, a1.id, "2026-11-05T00:00:00.000Z");
    const sb1 = await handInAt(db, f, b1.id, "2026-11-05T00:00:00.000Z");
    await handInAt(db, f, c1.id, "2026-11-05T00:00:00.000Z");
    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, opens: "on_submit", per_submission: 1, reviews_due_at: P_REVIEWS_DUE, created_at: P_DUE, updated_at: P_DUE }).execute();
    await addReview(db, f, sa1, b1.id, { score: 80, flags: "generic" }); // a1's piece reviewed (flagged) by b1
    await addReview(db, f, sb1, c1.id, { status: "started" }); // c1 owes b1 a review
    const s = (await getAdminSettings(db, f.assignmentId))!;
    const a = { id: f.assignmentId, module_id: f.moduleId, due_at: P_DUE };
    const clock = fakeClock("2026-11-06T00:00:00.000Z");
    const names = async (q: Parameters<typeof peerBoard>[3]) => (await peerBoard(db, a, s, { ...q, clock })).persons.map((p) => p.name);
    expect(await names({ filter: "flagged" })).toEqual([b1.name]);
    expect(await names({ filter: "owes" })).toEqual([c1.name]);
    expect(await names({ filter: "notSubmitted" })).toEqual([a2.name, b2.name, f.people[5].name]);
    expect(await names({ filter: "waiting" })).toEqual([b1.name, c1.name]); // a1 has the one review asked for
    expect(await names({ agencyId: b1.agencyId })).toEqual([b1.name, b2.name]);
    expect(await names({ q: "peserta 3-" })).toEqual([c1.name, f.people[5].name]);
    expect(await names({ q: "du2", filter: "notSubmitted" })).toEqual([b2.name]);
    const b = await peerBoard(db, a, s, { filter: "owes", clock });
    expect(b).toMatchObject({ total: 1, pages: 1 });
    expect(b.summary.people).toBe(6); // the summary is always the whole cohort
    expect(b.agencies).toEqual([expect.objectContaining({ agency: "DU3", people: 2, submitted: 1, owed: 1, done: 0 })]);
    await db.destroy();
  });
});

describe("peerPerson", () => {
  it("one person in full: their piece's reviewers, the reviews they write, the final grade; null when not enrolled", async () => {
    const db = await testDb();
    const f = await makePeerFixture(db, { agencies: 2, perAgency: 1 });
    const [a1, b1] = f.people;
    const sa1 = await handInAt(db, f, a1.id, "2026-11-05T00:00:00.000Z");
    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, opens: "on_submit", reviews_due_at: P_REVIEWS_DUE, created_at: P_DUE, updated_at: P_DUE }).execute();
    const r = await addReview(db, f, sa1, b1.id, { score: 80, flags: "generic" });
    await db.insertInto("final_grade").values({ submission_id: sa1, peer_median: 80, score: 80, computed_at: P_DUE }).execute();
    const s = (await getAdminSettings(db, f.assignmentId))!;
    const a = { id: f.assignmentId, module_id: f.moduleId, due_at: P_DUE };
    const author = (await peerPerson(db, a, s, a1.id))!;
    expect(author.person).toMatchObject({ name: a1.name, agency: "DU1", submitted: true, received: 1, finalScore: 80 });
    expect(author.person.reviews).toEqual([expect.objectContaining({ id: r, reviewer: b1.name, flags: ["generic"] })]);
    expect(author.final).toMatchObject({ peerMedian: 80, score: 80, overrideScore: null });
    const reviewer = (await peerPerson(db, a, s, b1.id))!;
    expect(reviewer.written).toEqual([expect.objectContaining({ id: r, status: "submitted", flags: ["generic"], score: 80 })]);
    expect(reviewer.person).toMatchObject({ submitted: false, done: 1, flagged: [{ id: r, flags: ["generic"] }] });
    expect(await peerPerson(db, a, s, f.facilitatorId)).toBeNull();
    await db.destroy();
  });
});

describe("triggers and the minute sweep", () => {
  it("allocates after a submit when on; opens at the due date; takes back leases; reminds owers without naming the author", async () => {
    const db = await testDb();
    const f = await makePeerFixture(db, { agencies: 2, perAgency: 2 });
    const clock = fakeClock("2026-11-05T00:00:00.000Z");
    const [a1, , b1] = f.people;
    await handInAt(db, f, a1.id, clock().toISOString());
    await allocateAfterSubmit(db, f.assignmentId, clock); // off: nothing
    expect(await active(db)).toHaveLength(0);
    await savePeerSettings(db, { id: f.facilitatorId }, f.assignmentId, settings({ opens: "due" }), clock);
    await handInAt(db, f, b1.id, clock().toISOString());
    await allocateAfterSubmit(db, f.assignmentId, clock); // on, but not open until the due date
    expect(await active(db)).toHaveLength(0);

    clock.set(new Date(Date.parse(P_DUE) + 60_000));
    const first = await peerSweep(db, clock);
    expect(first.allocated).toBe(2); // a1 ↔ b1, the only two who submitted
    expect(first.reminders).toBe(4); // lease + deadline for each reviewer
    expect((await peerSweep(db, clock)).reminders).toBe(0);

    // 12 h before the lease ends the reviewer is reminded; the text does not name the author.
    clock.set(new Date(Date.parse(P_DUE) + 60_000 + 36 * HOUR + 1000));
    await runDueReminders(db, clock);
    const notes = await db.selectFrom("notification").selectAll().execute();
    expect(notes.map((n) => n.kind).sort()).toEqual(["peer.leaseEnding", "peer.leaseEnding"]);
    const mail = await db.selectFrom("email_outbox").selectAll().execute();
    for (const text of [...notes.map((n) => n.params), ...mail.map((m) => JSON.stringify(m))]) {
      expect(text).not.toContain(a1.name);
      expect(text).not.toContain(b1.name);
    }

    // The lease runs out: both reviews are taken back (nobody else submitted, so none is re-given).
    clock.set(new Date(Date.parse(P_DUE) + 49 * HOUR));
    expect((await peerSweep(db, clock)).expired).toBe(2);
    expect(await active(db)).toHaveLength(0);
    await db.destroy();
  });
});

describe("calibration examples (fasilitator)", () => {
  it("needs a level 1..4 for every criterion and a text or image; at most three; deleting removes references", async () => {
    const { addCalibrationExample, deleteCalibrationExample, listCalibrationExamples } = await import("./peer-calibration-admin.server");
    const db = await testDb();
    const f = await makePeerFixture(db, { agencies: 1, perAgency: 1 });
    const a = { id: f.assignmentId, rubric_id: f.rubricId };
    const actor = { id: f.facilitatorId };
    const [c1, c2] = f.criterionIds;
    const doc = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Contoh" }] }] });
    const base = { title: "Contoh lemah", bodyJson: doc, imagePath: null, notes: { [c1]: "Judul pasif." } };
    expect(await addCalibrationExample(db, actor, a, { ...base, levels: { [c1]: 2 } })).toEqual({ ok: false, error: "review.calib.admin.levels" });
    expect(await addCalibrationExample(db, actor, a, { ...base, levels: { [c1]: 2, [c2]: 5 } })).toEqual({ ok: false, error: "review.calib.admin.levels" });
    expect(await addCalibrationExample(db, actor, a, { ...base, levels: { [c1]: 2, [c2]: 3, palsu: 1 } })).toEqual({ ok: false, error: "review.calib.admin.unknownCriterion" });
    expect(await addCalibrationExample(db, actor, a, { ...base, bodyJson: null, levels: { [c1]: 2, [c2]: 3 } })).toEqual({ ok: false, error: "review.calib.admin.empty" });
    for (let i = 0; i < 3; i++) expect((await addCalibrationExample(db, actor, a, { ...base, levels: { [c1]: 2, [c2]: 3 } })).ok).toBe(true);
    expect(await addCalibrationExample(db, actor, a, { ...base, levels: { [c1]: 2, [c2]: 3 } })).toEqual({ ok: false, error: "review.calib.admin.max" });
    const list = await listCalibrationExamples(db, f.assignmentId);
    expect(list.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(list[0].references).toEqual({ [c1]: { level: 2, note: "Judul pasif." }, [c2]: { level: 3, note: null } });
    expect(await deleteCalibrationExample(db, actor, f.assignmentId, list[0].id)).toBe(true);
    expect(await deleteCalibrationExample(db, actor, "other", list[1].id)).toBe(false);
    expect(await db.selectFrom("calibration_reference").selectAll().where("example_id", "=", list[0].id).execute()).toHaveLength(0);
    await db.destroy();
  });
});
