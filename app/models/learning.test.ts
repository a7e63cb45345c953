import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { enrol, finishLesson, handIn, makeModule, saveDraft, setSubmission } from "#tests/helpers/learning-fixtures";
import { testDb } from "#tests/helpers/db";
import { makeAgency, makePerson } from "#seeds/factories";
import { checkCompletion } from "./completion.server";
import { JP_TARGET, jpThisYear, myLearning, yearBounds } from "./learning.server";

let db: DB;
let agencyId: string;
let me: string;

beforeEach(async () => {
  db = await testDb();
  agencyId = await makeAgency(db, { name: "Dinas Kesehatan" });
  me = await makePerson(db, { agencyId });
});

async function completeAt(title: string, jp: number, at: string) {
  const m = await makeModule(db, { title, jp, lessons: 1, assignments: [] });
  const e = await enrol(db, m, me, agencyId);
  await finishLesson(db, m.lessonIds[0], me);
  await db.updateTable("enrolment").set({ completed_at: at }).where("id", "=", e).execute();
  return m;
}

describe("JP earned this year", () => {
  it("counts a completion at 23.30 WIB on 31 December in the old year for a WIB viewer, the new year for a WIT viewer", async () => {
    await completeAt("Teras Berita dan Judul Aktif", 4, "2026-12-31T16:30:00.000Z"); // 23.30 WIB, 01.30 WIT on 1 January
    await completeAt("Foto Jurnalistik dan Keterangan Foto", 6, "2026-06-10T03:00:00.000Z");
    await completeAt("Modul Tahun Lalu", 8, "2025-12-31T16:00:00.000Z"); // 23.00 WIB, 01.00 WIT

    const lateDecemberWib = new Date("2026-12-31T16:45:00.000Z"); // still 31 December in WIB
    expect(await jpThisYear(db, me, "Asia/Jakarta", lateDecemberWib)).toEqual({ year: 2026, earned: 10, target: 20 });
    // Same instant, viewer in Papua: it is already 2027 there; only the completion at 01.30 WIT counts.
    expect(await jpThisYear(db, me, "Asia/Jayapura", lateDecemberWib)).toEqual({ year: 2027, earned: 4, target: 20 });
    // Mid-2026 in Papua: the 8-JP module finished at 01.00 WIT on 1 January 2026 belongs to 2026.
    expect(await jpThisYear(db, me, "Asia/Jayapura", new Date("2026-07-01T00:00:00Z"))).toEqual({ year: 2026, earned: 14, target: 20 });
    const page = await myLearning(db, { id: me, timeZone: "Asia/Jayapura" }, lateDecemberWib);
    expect(page.jp).toEqual({ year: 2027, earned: 4, target: JP_TARGET });
  });

  it("counts a module once even when completed in two runs", async () => {
    const m = await completeAt("Teras Berita dan Judul Aktif", 4, "2026-03-01T03:00:00Z");
    const cohort2 = await db.insertInto("cohort").values({ id: "c2", module_id: m.moduleId, name: "Angkatan II", starts_on: "2026-08-01", ends_on: "2026-09-01", time_zone: "Asia/Jakarta", created_at: "2026-08-01T00:00:00Z" }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("enrolment").values({ id: "e2", cohort_id: cohort2.id, module_id: m.moduleId, user_id: me, source: "self", status: "active", enrolled_at: "2026-08-01T00:00:00Z", completed_at: "2026-08-20T00:00:00Z" }).execute();
    expect((await jpThisYear(db, me, "Asia/Jakarta", new Date("2026-10-01T00:00:00Z"))).earned).toBe(4);
  });

  it("bounds a year by the viewer's midnight", () => {
    expect(yearBounds(2027, "Asia/Jakarta")).toEqual({ start: "2026-12-31T17:00:00.000Z", end: "2027-12-31T17:00:00.000Z" });
    expect(yearBounds(2027, "Asia/Jayapura")).toEqual({ start: "2026-12-31T15:00:00.000Z", end: "2027-12-31T15:00:00.000Z" });
  });
});

describe("my learning", () => {
  const now = new Date("2026-11-20T03:00:00.000Z");

  it("is empty for someone enrolled nowhere", async () => {
    expect(await myLearning(db, { id: me, timeZone: "Asia/Jakarta" }, now)).toEqual({
      modules: [], dueNext: [], returned: [], certificates: [], jp: { year: 2026, earned: 0, target: 20 },
    });
  });

  it("lists modules with progress, work due next by the viewer's own deadline, returned work and certificates", async () => {
    const release = await makeModule(db, {
      title: "Menulis Siaran Pers Pemerintah yang Layak Muat", jp: 8, lessons: 3, startsOn: "2026-11-01",
      assignments: [
        { title: "Siaran pers: Posyandu Digital", dueAt: "2026-11-27T16:59:00.000Z", lateUntil: "2026-11-29T16:59:00.000Z" },
        { title: "Judul dan teras", dueAt: "2026-11-19T16:59:00.000Z", lateUntil: "2026-11-21T16:59:00.000Z" }, // past due, late window open
        { title: "Refleksi", dueAt: "2026-11-10T16:59:00.000Z" }, // closed, never handed in
        { title: "Lembar fakta", dueAt: "2026-11-25T16:59:00.000Z" },
      ],
    });
    const photo = await makeModule(db, { title: "Foto Jurnalistik dan Keterangan Foto", jp: 6, startsOn: "2026-11-10", lessons: 1, assignments: [{ title: "Foto berita", dueAt: "2026-12-05T16:59:00.000Z" }] });
    const done = await makeModule(db, { title: "Teras Berita dan Judul Aktif", jp: 4, lessons: 1, assignments: [{ title: "Latihan teras", dueAt: "2026-10-20T16:59:00.000Z" }] });
    const draft = await makeModule(db, { title: "Komunikasi Krisis", status: "draft" });
    const other = await makePerson(db, { agencyId });
    for (const m of [release, photo, done, draft]) await enrol(db, m, me, agencyId);
    await enrol(db, release, other, agencyId);

    await finishLesson(db, release.lessonIds[0], me);
    await saveDraft(db, release, release.assignmentIds[0], me);
    await handIn(db, release, release.assignmentIds[3], me);
    // An extension moves "Judul dan teras" to 1 December for me only.
    await db.insertInto("assignment_extension").values({ assignment_id: release.assignmentIds[1], user_id: me, due_at: "2026-12-01T16:59:00.000Z", late_until: "2026-12-02T16:59:00.000Z", created_at: "2026-11-18T00:00:00Z" }).execute();
    await handIn(db, photo, photo.assignmentIds[0], me);
    await setSubmission(db, photo.assignmentIds[0], me, { status: "returned" });
    await finishLesson(db, done.lessonIds[0], me);
    await handIn(db, done, done.assignmentIds[0], me);
    await checkCompletion(db, done.moduleId, me, () => new Date("2026-10-21T02:00:00.000Z"));
    await handIn(db, release, release.assignmentIds[0], other); // someone else's work counts for nothing here

    const page = await myLearning(db, { id: me, timeZone: "Asia/Jakarta" }, now);
    expect(page.modules.map((m) => [m.title, m.completedAt ? "selesai" : "berjalan"])).toEqual([
      ["Menulis Siaran Pers Pemerintah yang Layak Muat", "berjalan"],
      ["Foto Jurnalistik dan Keterangan Foto", "berjalan"],
      ["Teras Berita dan Judul Aktif", "selesai"],
    ]);
    expect(page.modules[0].progress).toMatchObject({ lessons: 3, lessonsDone: 1, assignments: 4, assignmentsSubmitted: 1, complete: false });
    expect(page.modules[1].progress).toMatchObject({ assignmentsSubmitted: 0 });
    expect(page.modules[2]).toMatchObject({ hasCertificate: true, progress: { complete: true, percent: 100 } });

    expect(page.dueNext.map((d) => [d.title, d.window, d.extended, d.started])).toEqual([
      ["Refleksi", "closed", false, false],
      ["Siaran pers: Posyandu Digital", "open", false, true],
      ["Judul dan teras", "open", true, false],
    ]);
    expect(page.dueNext[2].dueAt).toBe("2026-12-01T16:59:00.000Z");
    expect(page.returned.map((r) => [r.title, r.moduleTitle])).toEqual([["Foto berita", "Foto Jurnalistik dan Keterangan Foto"]]);
    expect(page.certificates).toHaveLength(1);
    expect(page.certificates[0]).toMatchObject({ moduleTitle: "Teras Berita dan Judul Aktif", jp: 4, completedOn: "2026-10-21", revoked: false });
    expect(page.certificates[0].code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(page.jp.earned).toBe(4);
  });
});
