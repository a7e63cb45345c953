// The final grade: fasilitator 60 % + median of peers 40 % (or the assignment's weights), peers only
// without a fasilitator grade, only the latest reviewed version counts, and the override with a reason.
import { describe, expect, it } from "vitest";
import { testDb } from "#tests/helpers/db";
import { addGrade, addReview, handInAt, makePeerFixture, P_DUE, P_REVIEWS_DUE } from "#tests/helpers/peer-admin-fixtures";
import { saveGrade } from "./grading.server";
import { overrideFinalGrade, recomputeFinalGrade } from "./peer-grade.server";

async function setup() {
  const db = await testDb();
  const f = await makePeerFixture(db, { agencies: 2, perAgency: 2 });
  const [a, b, c, d] = f.people;
  const sid = await handInAt(db, f, a.id, P_DUE, 2);
  return { db, f, sid, a, b, c, d };
}

describe("recomputeFinalGrade", () => {
  it("is null with no marks, peers only without a fasilitator grade, 60/40 with both", async () => {
    const { db, f, sid, c, d } = await setup();
    expect((await recomputeFinalGrade(db, sid))!.score).toBeNull();
    await addReview(db, f, sid, c.id, { score: 70, version: 2 });
    await addReview(db, f, sid, d.id, { score: 90, version: 2 });
    expect(await recomputeFinalGrade(db, sid)).toMatchObject({ facilitatorScore: null, peerMedian: 80, score: 80 });
    await addGrade(db, sid, 50);
    expect(await recomputeFinalGrade(db, sid)).toMatchObject({ facilitatorScore: 50, peerMedian: 80, score: 62 });
    const stored = await db.selectFrom("final_grade").selectAll().where("submission_id", "=", sid).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ facilitator_score: 50, peer_median: 80, score: 62 });
    await db.destroy();
  });

  it("uses only the latest reviewed version, ignores unsubmitted reviews and a returned grade, and follows the assignment's weights", async () => {
    const { db, f, sid, b, c, d } = await setup();
    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, facilitator_weight: 50, peer_weight: 50, reviews_due_at: P_REVIEWS_DUE, created_at: P_DUE, updated_at: P_DUE }).execute();
    await addReview(db, f, sid, b.id, { score: 20, version: 1 });
    await addReview(db, f, sid, c.id, { score: 60, version: 2 });
    await addReview(db, f, sid, d.id, { score: 10, version: 2, status: "started" });
    await addGrade(db, sid, 100, "graded", "2026-11-11T00:00:00.000Z");
    await addGrade(db, sid, null, "returned", "2026-11-12T00:00:00.000Z");
    expect(await recomputeFinalGrade(db, sid)).toMatchObject({ facilitatorScore: null, peerMedian: 60, score: 60 });
    await addGrade(db, sid, 100, "graded", "2026-11-13T00:00:00.000Z");
    expect(await recomputeFinalGrade(db, sid)).toMatchObject({ facilitatorScore: 100, peerMedian: 60, score: 80 });
    expect(await recomputeFinalGrade(db, "nope")).toBeNull();
    await db.destroy();
  });
});

describe("a fasilitator's grade", () => {
  it("updates the final grade of a peer-reviewed piece at once, and writes none on an assignment without peer review", async () => {
    const { db, f, sid, a, c } = await setup();
    await addReview(db, f, sid, c.id, { score: 70, version: 2 });
    const v2 = await db.selectFrom("submission").select("current_version_id").where("id", "=", sid).executeTakeFirstOrThrow();
    const ctx = {
      assignment: { id: f.assignmentId, module_id: f.moduleId, title: "Tugas Uji release", rubric_id: f.rubricId },
      submission: { id: sid, user_id: a.id, current_version_id: v2.current_version_id },
    };
    const allFours = { decision: "graded" as const, level: Object.fromEntries(f.criterionIds.map((id) => [id, "4"])) };
    expect(await saveGrade(db, ctx, allFours, { graderId: f.facilitatorId })).toEqual({ ok: true, score: 100 });
    expect(await db.selectFrom("final_grade").selectAll().execute()).toHaveLength(0);

    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, reviews_due_at: P_REVIEWS_DUE, created_at: P_DUE, updated_at: P_DUE }).execute();
    await saveGrade(db, ctx, allFours, { graderId: f.facilitatorId });
    expect(await db.selectFrom("final_grade").selectAll().where("submission_id", "=", sid).executeTakeFirstOrThrow())
      .toMatchObject({ facilitator_score: 100, peer_median: 70, score: 88 });
    await saveGrade(db, ctx, { decision: "returned", feedback: "Teras belum menyebut lokasi." }, { graderId: f.facilitatorId });
    expect(await db.selectFrom("final_grade").select("score").where("submission_id", "=", sid).executeTakeFirstOrThrow()).toEqual({ score: 70 });
    await db.destroy();
  });
});

describe("overrideFinalGrade", () => {
  it("requires a reason and a score in 0..100, replaces the grade, survives recomputation, is audited, and can be cleared", async () => {
    const { db, f, sid, c } = await setup();
    await addReview(db, f, sid, c.id, { score: 70, version: 2 });
    const actor = { id: f.facilitatorId };
    expect(await overrideFinalGrade(db, actor, sid, 90, "   ")).toEqual({ ok: false, error: "review.admin.override.reasonRequired" });
    expect(await overrideFinalGrade(db, actor, sid, 101, "Alasan")).toEqual({ ok: false, error: "review.admin.override.scoreRange" });
    expect((await db.selectFrom("final_grade").selectAll().execute())).toHaveLength(0);

    const r = await overrideFinalGrade(db, actor, sid, 88.5, "Ulasan sejawat tidak mempertimbangkan data lapangan.");
    expect(r.ok && r.grade).toMatchObject({ score: 88.5, peerMedian: 70, overrideScore: 88.5 });
    expect((await recomputeFinalGrade(db, sid))!.score).toBe(88.5);
    const log = await db.selectFrom("audit_log").selectAll().where("action", "=", "peer.grade.override").execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].detail)).toMatchObject({ to: 88.5, reason: "Ulasan sejawat tidak mempertimbangkan data lapangan." });

    const cleared = await overrideFinalGrade(db, actor, sid, null, "Kembali ke nilai gabungan.");
    expect(cleared.ok && cleared.grade.score).toBe(70);
    await db.destroy();
  });
});
