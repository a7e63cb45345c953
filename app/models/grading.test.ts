import { CompiledQuery } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { handIn, makeAssessmentFixture, type AssessmentFixture } from "#tests/helpers/assessment-fixtures";
import { fakeClock, testDb } from "#tests/helpers/db";
import { getRubric } from "./rubric.server";
import { latestGrade, listQueue, queueCounts, queueRowsQuery, saveGrade, type GradeContext } from "./grading.server";

let db: DB;
let f: AssessmentFixture;
beforeEach(async () => {
  db = await testDb();
  f = await makeAssessmentFixture(db, { trainees: 5 });
});

const ctx = (s: { submissionId: string; versionId: string }, userId: string): GradeContext => ({
  assignment: { id: f.assignment.id, module_id: f.moduleId, title: f.assignment.title, rubric_id: f.assignment.rubric_id },
  submission: { id: s.submissionId, user_id: userId, current_version_id: s.versionId },
});

describe("the grading queue", () => {
  it("counts handed-in work by state, late work, and who has not handed in", async () => {
    const [t0, t1, t2, t3] = f.trainees;
    await handIn(db, f.assignment, t0, "2026-03-17T03:00:00.000Z");
    await handIn(db, f.assignment, t1, "2026-03-19T03:00:00.000Z"); // after the due date: late
    await handIn(db, f.assignment, t2, "2026-03-16T03:00:00.000Z", { status: "graded" });
    await handIn(db, f.assignment, t3, "2026-03-15T03:00:00.000Z", { status: "returned" });
    expect(await queueCounts(db, f.moduleId, f.assignment.id)).toEqual({ submitted: 2, graded: 1, returned: 1, late: 1, notSubmitted: 1, enrolled: 5 });
  });

  it("does not count a person who handed in and then left the module as missing, nor among the enrolled", async () => {
    const [t0, t1] = f.trainees;
    await handIn(db, f.assignment, t0, "2026-03-17T03:00:00.000Z");
    await handIn(db, f.assignment, t1, "2026-03-17T04:00:00.000Z");
    await db.updateTable("enrolment").set({ status: "withdrawn" }).where("user_id", "=", t1.id).where("module_id", "=", f.moduleId).execute();
    // four still enrolled, one of whom (t0) handed in: three missing; t1's work still waits in the queue
    expect(await queueCounts(db, f.moduleId, f.assignment.id)).toMatchObject({ submitted: 2, enrolled: 4, notSubmitted: 3 });
  });

  it("lists the oldest handed-in first, filters by state, agency and a search, 25 to a page", async () => {
    const [t0, t1, t2] = f.trainees;
    await handIn(db, f.assignment, t0, "2026-03-17T05:00:00.000Z", { versions: 2 });
    await handIn(db, f.assignment, t1, "2026-03-17T03:00:00.000Z");
    await handIn(db, f.assignment, t2, "2026-03-19T03:00:00.000Z");
    const q = await listQueue(db, f.assignment.id);
    expect(q.rows.map((r) => [r.name, r.version_count, r.late])).toEqual([["Peserta 2", 1, false], ["Peserta 1", 2, false], ["Peserta 3", 1, true]]);
    expect(q.rows[0].agency).toBe("PUPR");
    expect((await listQueue(db, f.assignment.id, { filter: "late" })).rows.map((r) => r.name)).toEqual(["Peserta 3"]);
    expect((await listQueue(db, f.assignment.id, { agencyId: f.agencyIds[0] })).rows.map((r) => r.name)).toEqual(["Peserta 1", "Peserta 3"]);
    // search by part of a name or of the agency's name, case-insensitive, % taken literally
    expect((await listQueue(db, f.assignment.id, { q: "serta 2" })).rows.map((r) => r.name)).toEqual(["Peserta 2"]);
    expect((await listQueue(db, f.assignment.id, { q: "pupr" })).rows.map((r) => r.agency)).toEqual(["PUPR"]);
    expect((await listQueue(db, f.assignment.id, { q: "%" })).total).toBe(0);
    expect((await listQueue(db, f.assignment.id, { filter: "graded" })).total).toBe(0);
    const paged = await listQueue(db, f.assignment.id, { pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(paged.rows.map((r) => r.name)).toEqual(["Peserta 3"]);
  });

  it("reads one assignment's waiting work through submission_queue_idx", async () => {
    const plan = queueRowsQuery(db, f.assignment.id, { filter: "submitted" }).compile();
    const rows = await db.executeQuery(CompiledQuery.raw(`explain query plan ${plan.sql}`, [...plan.parameters]));
    expect(JSON.stringify(rows.rows)).toContain("submission_queue_idx");
    // at most the tie-breaker (id) is sorted within equal submitted_at values, never the whole list
    expect(JSON.stringify(rows.rows)).not.toContain("TEMP B-TREE FOR ORDER BY");
  });
});

describe("grading", () => {
  it("scores the siaran pers rubric by its weights, locks the rubric and tells the trainee", async () => {
    const clock = fakeClock("2026-03-19T03:00:00.000Z");
    const trainee = f.trainees[0];
    const s = await handIn(db, f.assignment, trainee, "2026-03-17T03:00:00.000Z");
    const criteria = (await getRubric(db, f.assignment.rubric_id!))!.criteria;
    // judul 4, teras 3, 5W+1H 3, piramida 2, akurasi 4, nilai berita 3, bahasa 2, administratif 4 → 78,75
    const level = Object.fromEntries(criteria.map((c, i) => [c.id, String([4, 3, 3, 2, 4, 3, 2, 4][i])]));
    const r = await saveGrade(db, ctx(s, trainee.id), {
      decision: "graded", level, comment: { [criteria[1].id]: "Pelaku belum di depan." }, feedback: "Rapi; perbaiki teras.",
    }, { graderId: f.facilitatorId }, clock);
    expect(r).toEqual({ ok: true, score: 78.75 });
    expect(await db.selectFrom("submission").select(["status", "score", "graded_at"]).where("id", "=", s.submissionId).executeTakeFirst())
      .toEqual({ status: "graded", score: 78.75, graded_at: "2026-03-19T03:00:00.000Z" });
    expect((await getRubric(db, f.assignment.rubric_id!))!.lockedAt).toBe("2026-03-19T03:00:00.000Z");

    const g = (await latestGrade(db, s.submissionId))!;
    expect(g).toMatchObject({ decision: "graded", score: 78.75, feedback: "Rapi; perbaiki teras.", graderName: "Made Ayu Pertiwi", versionNumber: 1 });
    expect(g.levels[criteria[0].id]).toBe(4);
    expect(g.comments).toEqual({ [criteria[1].id]: "Pelaku belum di depan." });

    const n = await db.selectFrom("notification").select(["kind", "params"]).where("user_id", "=", trainee.id).execute();
    expect(n.map((x) => x.kind)).toEqual(["submissionGraded"]);
    expect(JSON.parse(n[0].params)).toMatchObject({ score: "78,75" });
  });

  it("returns work for revision with feedback, without a score", async () => {
    const trainee = f.trainees[1];
    const s = await handIn(db, f.assignment, trainee, "2026-03-17T03:00:00.000Z");
    expect(await saveGrade(db, ctx(s, trainee.id), { decision: "returned", feedback: "Tambahkan narahubung." }, { graderId: f.facilitatorId })).toEqual({ ok: true, score: null });
    expect(await db.selectFrom("submission").select(["status", "score"]).where("id", "=", s.submissionId).executeTakeFirst()).toEqual({ status: "returned", score: null });
    expect((await latestGrade(db, s.submissionId))!).toMatchObject({ decision: "returned", feedback: "Tambahkan narahubung.", levels: {} });
    expect((await db.selectFrom("notification").select("kind").where("user_id", "=", trainee.id).execute()).map((x) => x.kind)).toEqual(["submissionReturned"]);
  });

  it("saves nothing for a criterion not in the rubric or a level outside 1..4", async () => {
    const trainee = f.trainees[2];
    const s = await handIn(db, f.assignment, trainee, "2026-03-17T03:00:00.000Z");
    const criteria = (await getRubric(db, f.assignment.rubric_id!))!.criteria;
    const fours = Object.fromEntries(criteria.map((c) => [c.id, "4"]));
    expect(await saveGrade(db, ctx(s, trainee.id), { decision: "graded", level: { ...fours, "rubric-infografis-data": "4" } }, { graderId: f.facilitatorId }))
      .toEqual({ ok: false, error: "grading.unknownCriterion" });
    expect(await saveGrade(db, ctx(s, trainee.id), { decision: "graded", level: { ...fours, [criteria[0].id]: "7" } }, { graderId: f.facilitatorId }))
      .toEqual({ ok: false, error: "grading.levelRange" });
    expect(await latestGrade(db, s.submissionId)).toBeNull();
    expect(await db.selectFrom("submission").select("status").where("id", "=", s.submissionId).executeTakeFirst()).toEqual({ status: "submitted" });
    expect((await getRubric(db, f.assignment.rubric_id!))!.lockedAt).toBeNull();
    expect(await db.selectFrom("notification").select("id").where("user_id", "=", trainee.id).execute()).toEqual([]);
  });
});
