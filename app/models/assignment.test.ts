import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { handIn, makeAssessmentFixture, type AssessmentFixture } from "#tests/helpers/assessment-fixtures";
import { fakeClock, testDb } from "#tests/helpers/db";
import { zonedToUtc } from "~/lib/zoned-time";
import {
  countGrades, getAssignment, grantExtension, listAssignments, listExtensions, nextPosition, pickLibraryRubric, removeExtension,
  saveAssignmentRubric, unlockRubricClearingGrades,
} from "./assignment.server";
import { saveGrade } from "./grading.server";
import { getRubric } from "./rubric.server";

let db: DB;
let f: AssessmentFixture;
beforeEach(async () => {
  db = await testDb();
  f = await makeAssessmentFixture(db);
});

const allFours = async () => Object.fromEntries((await getRubric(db, f.assignment.rubric_id!))!.criteria.map((c) => [c.id, "4"]));

describe("assignments", () => {
  it("a new assignment gets its own copy of the picked library rubric and the next position", async () => {
    const rubric = (await getRubric(db, f.assignment.rubric_id!))!;
    expect(rubric).toMatchObject({ scope: "assignment", title: "Siaran Pers", lockedAt: null });
    expect(rubric.criteria).toHaveLength(8);
    expect((await listAssignments(db, f.moduleId)).map((a) => a.position)).toEqual([1, 2]);
    expect(await nextPosition(db, f.moduleId)).toBe(3);
  });
});

describe("the rubric lock", () => {
  it("the first grade locks the rubric; then edits are refused; unlocking clears the grades", async () => {
    const clock = fakeClock("2026-03-19T03:00:00.000Z");
    const s1 = await handIn(db, f.assignment, f.trainees[0], "2026-03-17T03:00:00.000Z");
    const s2 = await handIn(db, f.assignment, f.trainees[1], "2026-03-17T04:00:00.000Z");
    const ctx = (s: { submissionId: string; versionId: string }, userId: string) => ({
      assignment: { id: f.assignment.id, module_id: f.moduleId, title: f.assignment.title, rubric_id: f.assignment.rubric_id },
      submission: { id: s.submissionId, user_id: userId, current_version_id: s.versionId },
    });
    expect(await saveGrade(db, ctx(s1, f.trainees[0].id), { decision: "graded", level: await allFours() }, { graderId: f.facilitatorId }, clock)).toEqual({ ok: true, score: 100 });
    expect(await saveGrade(db, ctx(s2, f.trainees[1].id), { decision: "returned", feedback: "Teras belum ada." }, { graderId: f.facilitatorId }, clock)).toEqual({ ok: true, score: null });

    const a = (await getAssignment(db, f.moduleId, f.assignment.id))!;
    expect(a.rubric_locked_at).toBe("2026-03-19T03:00:00.000Z");
    const criteria = (await getRubric(db, a.rubric_id!))!.criteria;
    expect(await saveAssignmentRubric(db, a, criteria.map((c) => ({ ...c, title: "Diubah" })), f.facilitatorId)).toEqual({ ok: false, error: "rubric.locked" });
    expect(await pickLibraryRubric(db, a, "rubric-infografis", f.facilitatorId)).toEqual({ ok: false, error: "rubric.locked" });
    expect((await getAssignment(db, f.moduleId, f.assignment.id))!.rubric_id).toBe(a.rubric_id);

    expect(await unlockRubricClearingGrades(db, a, { actorId: f.facilitatorId, ip: "127.0.0.1" })).toEqual({ ok: true, cleared: 2 });
    expect(await countGrades(db, a.id)).toBe(0);
    const subs = await db.selectFrom("submission").select(["status", "score", "graded_at"]).where("assignment_id", "=", a.id).execute();
    expect(subs).toEqual([
      { status: "submitted", score: null, graded_at: null },
      { status: "submitted", score: null, graded_at: null },
    ]);
    expect((await getAssignment(db, f.moduleId, f.assignment.id))!.rubric_locked_at).toBeNull();
    const log = await db.selectFrom("audit_log").select(["action", "target_id", "detail"]).where("action", "=", "rubric.unlock").execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].detail)).toMatchObject({ gradesCleared: 2 });

    // unlocked: the criteria can change again
    const unlocked = (await getAssignment(db, f.moduleId, f.assignment.id))!;
    expect((await pickLibraryRubric(db, unlocked, "rubric-infografis", f.facilitatorId)).ok).toBe(true);
    expect((await getRubric(db, (await getAssignment(db, f.moduleId, f.assignment.id))!.rubric_id!))!.title).toBe("Infografis");
  });

  it("an assignment without a rubric gets its own when criteria are saved", async () => {
    await db.updateTable("assignment").set({ rubric_id: null }).where("id", "=", f.assignment.id).execute();
    const a = (await getAssignment(db, f.moduleId, f.assignment.id))!;
    const criteria = [
      { title: "Judul", weight: 30, levels: ["a", "b", "c", "d"] as [string, string, string, string] },
      { title: "Teras", weight: 60, levels: ["a", "b", "c", "d"] as [string, string, string, string] },
    ];
    expect(await saveAssignmentRubric(db, a, criteria, f.facilitatorId)).toEqual({ ok: false, error: "rubric.weightsNot100", total: 90 });
    expect((await getAssignment(db, f.moduleId, f.assignment.id))!.rubric_id).toBeNull();
    criteria[1].weight = 70;
    const r = await saveAssignmentRubric(db, a, criteria, f.facilitatorId);
    expect(r.ok).toBe(true);
    const rubric = (await getRubric(db, (await getAssignment(db, f.moduleId, f.assignment.id))!.rubric_id!))!;
    expect(rubric).toMatchObject({ scope: "assignment", title: f.assignment.title });
  });
});

describe("extensions", () => {
  it("gives an enrolled trainee new dates and tells them in their own zone", async () => {
    const trainee = f.trainees[0];
    await db.updateTable("user").set({ time_zone: "Asia/Makassar" }).where("id", "=", trainee.id).execute();
    const dueAt = zonedToUtc("2026-03-25", "23:59", "Asia/Jakarta")!.toISOString();
    const lateUntil = zonedToUtc("2026-03-27", "23:59", "Asia/Jakarta")!.toISOString();
    const r = await grantExtension(db, f.assignment, { userId: trainee.id, dueAt, lateUntil, reason: "Sakit" }, { actorId: f.facilitatorId });
    expect(r).toEqual({ ok: true });
    expect(await listExtensions(db, f.assignment.id)).toMatchObject([{ user_id: trainee.id, due_at: dueAt, late_until: lateUntil, reason: "Sakit", granted_by_name: "Made Ayu Pertiwi" }]);
    const n = await db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", trainee.id).execute();
    expect(n).toHaveLength(1);
    expect(n[0].kind).toBe("extensionGranted");
    expect(n[0].link).toBe(`/pelatihan/${f.moduleId}/tugas/${f.assignment.id}`);
    // 23.59 WIB is 00.59 WITA the next day
    expect(JSON.parse(n[0].params)).toMatchObject({ due: "Kamis, 26 Maret 2026 00.59 WITA" });
    const mail = await db.selectFrom("email_outbox").select(["subject", "text_body"]).orderBy("created_at", "desc").executeTakeFirst();
    expect(mail?.subject).toContain("Tenggat tugas Anda diperpanjang");

    // granting again replaces it
    await grantExtension(db, f.assignment, { userId: trainee.id, dueAt: lateUntil, lateUntil }, { actorId: f.facilitatorId });
    expect(await listExtensions(db, f.assignment.id)).toMatchObject([{ due_at: lateUntil, reason: null }]);

    expect(await removeExtension(db, f.assignment, trainee.id, { actorId: f.facilitatorId })).toBe(true);
    expect(await listExtensions(db, f.assignment.id)).toEqual([]);
    expect(await removeExtension(db, f.assignment, trainee.id, { actorId: f.facilitatorId })).toBe(false);
  });

  it("refuses a person not enrolled and dates before the assignment opens", async () => {
    const stranger = await makePerson(db);
    const due = "2026-03-25T16:59:00.000Z";
    expect(await grantExtension(db, f.assignment, { userId: stranger, dueAt: due, lateUntil: due }, { actorId: f.facilitatorId }))
      .toEqual({ ok: false, error: "extension.notEnrolled", field: "userId" });
    expect(await grantExtension(db, f.assignment, { userId: f.trainees[1].id, dueAt: "2026-02-01T00:00:00.000Z", lateUntil: due }, { actorId: f.facilitatorId }))
      .toEqual({ ok: false, error: "extension.beforeOpens", field: "dueDate" });
    expect(await listExtensions(db, f.assignment.id)).toEqual([]);
  });
});
