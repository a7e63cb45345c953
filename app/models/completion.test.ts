import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { enrol, finishLesson, handIn, makeModule, setSubmission } from "#tests/helpers/learning-fixtures";
import { fakeClock, testDb } from "#tests/helpers/db";
import { makeAgency, makePerson } from "#seeds/factories";
import { checkCompletion, moduleProgress } from "./completion.server";

let db: DB;
let agencyId: string;
let rina: string;

beforeEach(async () => {
  db = await testDb();
  agencyId = await makeAgency(db, { name: "Dinas Kesehatan Kabupaten Sukamaju" });
  rina = await makePerson(db, { name: "Dra. Siti Aminah", agencyId, timeZone: "Asia/Jayapura" });
});

const certificates = () => db.selectFrom("certificate").selectAll().where("user_id", "=", rina).execute();
const enrolmentOf = (id: string) => db.selectFrom("enrolment").select("completed_at").where("id", "=", id).executeTakeFirstOrThrow();

describe("moduleProgress", () => {
  it("counts lessons done and work handed in, and is complete only when both are whole", async () => {
    const m = await makeModule(db, { lessons: 2, assignments: [{ dueAt: "2026-12-01T00:00:00Z" }, { dueAt: "2026-12-08T00:00:00Z" }] });
    await enrol(db, m, rina, agencyId);
    expect(await moduleProgress(db, m.moduleId, rina)).toEqual({
      lessons: 2, lessonsDone: 0, assignments: 2, assignmentsSubmitted: 0, assignmentsPassed: 0, passed: false, complete: false, percent: 0,
    });
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    const half = await moduleProgress(db, m.moduleId, rina);
    expect(half).toMatchObject({ lessonsDone: 1, assignmentsSubmitted: 1, complete: false, percent: 50 });
    await finishLesson(db, m.lessonIds[1], rina);
    await handIn(db, m, m.assignmentIds[1], rina);
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ lessonsDone: 2, assignmentsSubmitted: 2, passed: true, complete: true, percent: 100 });
  });

  it("does not count a lesson opened but not finished, nor someone else's work", async () => {
    const m = await makeModule(db, { lessons: 1 });
    const other = await makePerson(db, { agencyId });
    await db.insertInto("lesson_progress").values({ lesson_id: m.lessonIds[0], user_id: rina, watched_seconds: 30, completed_at: null, updated_at: "2026-11-01T00:00:00Z" }).execute();
    await handIn(db, m, m.assignmentIds[0], other);
    await finishLesson(db, m.lessonIds[0], other);
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ lessonsDone: 0, assignmentsSubmitted: 0, complete: false });
  });

  it("does not count work returned for revision until it is handed in again", async () => {
    const m = await makeModule(db, { lessons: 1 });
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    await setSubmission(db, m.assignmentIds[0], rina, { status: "returned" });
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ assignmentsSubmitted: 0, complete: false });
    await handIn(db, m, m.assignmentIds[0], rina);
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ assignmentsSubmitted: 1, complete: true });
  });

  it("with a pass mark, needs every assignment graded at or above it", async () => {
    const m = await makeModule(db, { lessons: 1, passMark: 70 });
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ assignmentsSubmitted: 1, assignmentsPassed: 0, passed: false, complete: false, percent: 50 });
    await setSubmission(db, m.assignmentIds[0], rina, { status: "graded", score: 69.5 });
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ passed: false, complete: false });
    await setSubmission(db, m.assignmentIds[0], rina, { status: "graded", score: 70 });
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ assignmentsPassed: 1, passed: true, complete: true, percent: 100 });
  });

  it("a module with nothing in it is never complete", async () => {
    const m = await makeModule(db, { lessons: 0, assignments: [] });
    expect(await moduleProgress(db, m.moduleId, rina)).toMatchObject({ complete: false, percent: 0 });
  });
});

describe("checkCompletion", () => {
  it("stamps the enrolment, issues one certificate and tells the holder, however often it runs", async () => {
    const m = await makeModule(db, { lessons: 1, jp: 4, cohortTimeZone: "Asia/Jayapura", startsOn: "2026-10-05" });
    const enrolmentId = await enrol(db, m, rina, agencyId);
    await finishLesson(db, m.lessonIds[0], rina);
    const clock = fakeClock("2026-11-20T16:30:00.000Z"); // 01.30 WIT on 21 November
    await checkCompletion(db, m.moduleId, rina, clock);
    expect((await certificates()).length).toBe(0); // the assignment is still missing
    expect((await enrolmentOf(enrolmentId)).completed_at).toBeNull();

    await handIn(db, m, m.assignmentIds[0], rina);
    await checkCompletion(db, m.moduleId, rina, clock);
    await checkCompletion(db, m.moduleId, rina, clock);
    await Promise.all([checkCompletion(db, m.moduleId, rina, clock), checkCompletion(db, m.moduleId, rina, clock)]);
    const certs = await certificates();
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({
      enrolment_id: enrolmentId, holder_name: "Dra. Siti Aminah", agency_name: "Dinas Kesehatan Kabupaten Sukamaju",
      module_title: "Teras Berita dan Judul Aktif", jp: 4, starts_on: "2026-10-05", completed_on: "2026-11-21",
      organiser: "Sekretariat Bakohumas Kabupaten Sukamaju", revoked_at: null,
    });
    expect(certs[0].code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect((await enrolmentOf(enrolmentId)).completed_at).toBe("2026-11-20T16:30:00.000Z");
    const notes = await db.selectFrom("notification").select(["kind", "link"]).where("user_id", "=", rina).execute();
    expect(notes).toEqual([{ kind: "certificateIssued", link: "/belajar" }]);
  });

  it("does nothing without an active enrolment", async () => {
    const m = await makeModule(db, { lessons: 1 });
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    await checkCompletion(db, m.moduleId, rina); // a manager previewing, never enrolled
    const withdrawn = await enrol(db, m, rina, agencyId, "withdrawn");
    await checkCompletion(db, m.moduleId, rina);
    expect(await certificates()).toHaveLength(0);
    expect((await enrolmentOf(withdrawn)).completed_at).toBeNull();
  });

  it("keeps the certificate when the module grows after completion", async () => {
    const m = await makeModule(db, { lessons: 1 });
    await enrol(db, m, rina, agencyId);
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    await checkCompletion(db, m.moduleId, rina);
    await db.insertInto("lesson").values({ id: "extra", module_id: m.moduleId, position: 9, title: "Tambahan", created_at: "2026-11-25T00:00:00Z", updated_at: "2026-11-25T00:00:00Z" }).execute();
    await checkCompletion(db, m.moduleId, rina);
    expect(await certificates()).toHaveLength(1);
    expect((await moduleProgress(db, m.moduleId, rina)).complete).toBe(false);
  });

  it("issues no certificate below the pass mark, and one once regraded above it", async () => {
    const m = await makeModule(db, { lessons: 1, passMark: 75 });
    await enrol(db, m, rina, agencyId);
    await finishLesson(db, m.lessonIds[0], rina);
    await handIn(db, m, m.assignmentIds[0], rina);
    await setSubmission(db, m.assignmentIds[0], rina, { status: "graded", score: 60 });
    await checkCompletion(db, m.moduleId, rina);
    expect(await certificates()).toHaveLength(0);
    await setSubmission(db, m.assignmentIds[0], rina, { status: "graded", score: 80 });
    await checkCompletion(db, m.moduleId, rina);
    expect(await certificates()).toHaveLength(1);
  });
});
