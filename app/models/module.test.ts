import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { createLesson, deleteLesson, getLessonProgress, listLessons, markLessonDone, moveLesson, recordWatched } from "./lesson.server";
import {
  addFacilitator, createModule, getModulePage, listCatalogue, listFacilitators, removeFacilitator, updateModule, type ModuleInput,
} from "./module.server";

let db: DB;
let author: string;
beforeEach(async () => {
  db = await testDb();
  await makeNetwork(db, { name: "Bakohumas Kabupaten Sukamaju" });
  author = await makePerson(db, { roles: ["fasilitator"], name: "Made Ayu Pertiwi" });
});
afterEach(async () => db.destroy());

const input = (over: Partial<ModuleInput> = {}): ModuleInput => ({
  title: "Menulis Siaran Pers Pemerintah yang Layak Muat", summary: "Praktik menulis rilis.", jp: 8,
  outputCategory: "produksi_konten", status: "draft", selfEnrol: false, passMark: null, organiser: "", ...over,
});

describe("modules", () => {
  it("creates a draft with the creator as fasilitator, the network as organiser, and an audit entry", async () => {
    const r = await createModule(db, input(), { id: author });
    if (!r.ok) throw new Error(r.error);
    const m = await db.selectFrom("module").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow();
    expect(m.organiser).toBe("Bakohumas Kabupaten Sukamaju");
    expect(m.status).toBe("draft");
    expect((await listFacilitators(db, r.id)).map((f) => f.name)).toEqual(["Made Ayu Pertiwi"]);
    const log = await db.selectFrom("audit_log").select("action").where("target_id", "=", r.id).execute();
    expect(log.map((l) => l.action)).toEqual(["module.create"]);
  });

  it("refuses to publish a module without lessons, then publishes and archives it with audit entries", async () => {
    expect(await createModule(db, input({ status: "published" }), { id: author })).toEqual({ ok: false, error: "module.publish.noLessons", field: "status" });
    const r = await createModule(db, input(), { id: author });
    if (!r.ok) throw new Error();
    expect(await updateModule(db, r.id, input({ status: "published" }), { id: author })).toMatchObject({ ok: false, error: "module.publish.noLessons" });
    expect((await db.selectFrom("module").select("status").where("id", "=", r.id).executeTakeFirstOrThrow()).status).toBe("draft");
    await createLesson(db, r.id, { title: "Struktur siaran pers", contentJson: null, video: { kind: "none" } });
    expect(await updateModule(db, r.id, input({ status: "published", organiser: "Diskominfo Sukamaju" }), { id: author })).toEqual({ ok: true, id: r.id });
    await updateModule(db, r.id, input({ status: "archived", organiser: "Diskominfo Sukamaju" }), { id: author });
    const m = await db.selectFrom("module").select(["status", "published_at", "organiser"]).where("id", "=", r.id).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ status: "archived", organiser: "Diskominfo Sukamaju" });
    expect(m.published_at).not.toBeNull();
    const log = await db.selectFrom("audit_log").select("action").where("target_id", "=", r.id).orderBy("created_at").execute();
    expect(log.map((l) => l.action).sort()).toEqual(["module.archive", "module.create", "module.publish"]);
  });

  it("adds only fasilitators as fasilitators and keeps at least one", async () => {
    const r = await createModule(db, input(), { id: author });
    if (!r.ok) throw new Error();
    const trainee = await makePerson(db);
    const other = await makePerson(db, { roles: ["fasilitator"], name: "Fasilitator Dua" });
    expect(await addFacilitator(db, r.id, trainee, { id: author })).toEqual({ ok: false, error: "module.facilitator.notEligible" });
    expect(await addFacilitator(db, r.id, other, { id: author })).toEqual({ ok: true });
    expect(await removeFacilitator(db, r.id, author, { id: author })).toEqual({ ok: true });
    expect(await removeFacilitator(db, r.id, other, { id: author })).toEqual({ ok: false, error: "module.facilitator.last" });
    expect((await listFacilitators(db, r.id)).map((f) => f.name)).toEqual(["Fasilitator Dua"]);
  });

  it("shows trainees only enrolled and self-enrol modules; authors see drafts too", async () => {
    const agency = await makeAgency(db);
    const trainee = await makePerson(db, { agencyId: agency });
    const draft = await createModule(db, input({ title: "Draf" }), { id: author });
    const open = await createModule(db, input({ title: "Terbuka", selfEnrol: true }), { id: author });
    const closed = await createModule(db, input({ title: "Tertutup" }), { id: author });
    if (!draft.ok || !open.ok || !closed.ok) throw new Error();
    for (const id of [open.id, closed.id]) {
      await createLesson(db, id, { title: "Materi", contentJson: null, video: { kind: "none" } });
      await updateModule(db, id, input({ title: id === open.id ? "Terbuka" : "Tertutup", selfEnrol: id === open.id, status: "published" }), { id: author });
    }
    expect((await listCatalogue(db, trainee, { all: false })).map((m) => m.title)).toEqual(["Terbuka"]);
    expect((await listCatalogue(db, author, { all: true })).map((m) => m.title)).toEqual(["Terbuka", "Tertutup", "Draf"]);
  });
});

describe("lessons", () => {
  let moduleId: string;
  beforeEach(async () => {
    const r = await createModule(db, input(), { id: author });
    if (!r.ok) throw new Error();
    moduleId = r.id;
  });

  it("keeps lessons in order: added at the end, moved by swapping, renumbered after a delete", async () => {
    const a = await createLesson(db, moduleId, { title: "A", contentJson: null, video: { kind: "none" } });
    const b = await createLesson(db, moduleId, { title: "B", contentJson: null, video: { kind: "none" } });
    const c = await createLesson(db, moduleId, { title: "C", contentJson: null, video: { kind: "none" } });
    await moveLesson(db, moduleId, c, "up");
    expect((await listLessons(db, moduleId)).map((l) => l.title)).toEqual(["A", "C", "B"]);
    await moveLesson(db, moduleId, a, "up"); // already first: nothing changes
    expect((await listLessons(db, moduleId)).map((l) => l.title)).toEqual(["A", "C", "B"]);
    await deleteLesson(db, moduleId, a);
    expect((await listLessons(db, moduleId)).map((l) => [l.title, l.position])).toEqual([["C", 1], ["B", 2]]);
    await moveLesson(db, moduleId, b, "down"); // already last: nothing changes
    expect((await listLessons(db, moduleId)).map((l) => [l.id, l.position])).toEqual([[c, 1], [b, 2]]);
  });

  it("counts a video lesson done at 90 % actually watched; a skip to the end does not count", async () => {
    const trainee = await makePerson(db);
    const lesson = await createLesson(db, moduleId, { title: "Video", contentJson: null, video: { kind: "url", url: "https://cdn.example.id/v.mp4" } });
    let r = await recordWatched(db, moduleId, lesson, trainee, { ranges: [[0, 10], [95, 100]], duration: 100 });
    expect(r).toMatchObject({ watchedSeconds: 15, done: false, percent: 15 });
    expect(await markLessonDone(db, moduleId, lesson, trainee)).toEqual({ ok: false, error: "module.lesson.videoMustBeWatched" });
    r = await recordWatched(db, moduleId, lesson, trainee, { ranges: [[10, 60], [60, 85]], duration: 100 });
    expect(r).toMatchObject({ watchedSeconds: 90, done: true });
    const p = await getLessonProgress(db, lesson, trainee);
    expect(p.ranges).toEqual([[0, 85], [95, 100]]);
    expect(p.completedAt).not.toBeNull();
    // done stays done, and the page shows the tick and the percentage
    const page = await getModulePage(db, moduleId, trainee, null);
    expect(page.lessons[0]).toMatchObject({ done: true, percent: 90 });
  });

  it("marks a lesson without video done once", async () => {
    const trainee = await makePerson(db);
    const lesson = await createLesson(db, moduleId, { title: "Teks", contentJson: null, video: { kind: "none" } });
    expect(await markLessonDone(db, moduleId, lesson, trainee)).toEqual({ ok: true });
    const first = (await getLessonProgress(db, lesson, trainee)).completedAt;
    await markLessonDone(db, moduleId, lesson, trainee);
    expect((await getLessonProgress(db, lesson, trainee)).completedAt).toBe(first);
  });
});
