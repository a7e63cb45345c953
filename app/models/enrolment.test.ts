import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { createCohort, enrolAgencies, enrolPeople, listEnrolmentsByAgency, searchPeople, selfEnrol, withdrawEnrolment, type EnrolContext } from "./enrolment.server";
import { createLesson, markLessonDone } from "./lesson.server";
import { createModule, updateModule } from "./module.server";

let db: DB;
let author: string;
let moduleId: string;
let ctx: EnrolContext;
let dinkes: string;
let pupr: string;
beforeEach(async () => {
  db = await testDb();
  await makeNetwork(db);
  author = await makePerson(db, { roles: ["fasilitator"] });
  const r = await createModule(db, { title: "Foto Jurnalistik", jp: 6, outputCategory: "produksi_konten", status: "draft" }, { id: author });
  if (!r.ok) throw new Error();
  moduleId = r.id;
  const cohortId = await createCohort(db, moduleId, { name: "Angkatan I 2026", startsOn: "2026-03-01", endsOn: "2026-03-31", timeZone: "Asia/Jakarta" }, { id: author });
  ctx = { moduleId, moduleTitle: "Foto Jurnalistik", cohortId, actor: { id: author } };
  dinkes = await makeAgency(db, { name: "Dinas Kesehatan" });
  pupr = await makeAgency(db, { name: "Dinas PUPR" });
});
afterEach(async () => db.destroy());

const activeEnrolments = () => db.selectFrom("enrolment").select(["user_id", "status"]).where("module_id", "=", moduleId).where("status", "=", "active").execute();

describe("enrolment", () => {
  it("enrols every active member of the chosen agencies and reports who was already enrolled", async () => {
    const rina = await makePerson(db, { agencyId: dinkes, name: "Rina Lestari" });
    await makePerson(db, { agencyId: dinkes });
    await makePerson(db, { agencyId: dinkes, status: "deactivated" });
    await makePerson(db, { agencyId: pupr });
    expect(await enrolPeople(db, ctx, [rina])).toEqual({ ok: true, added: 1, already: 0 });
    expect(await enrolAgencies(db, ctx, [dinkes])).toEqual({ ok: true, added: 1, already: 1 });
    expect(await activeEnrolments()).toHaveLength(2);
    // each newly enrolled person is notified
    const notes = await db.selectFrom("notification").select(["user_id", "kind"]).where("kind", "=", "moduleEnrolled").execute();
    expect(notes).toHaveLength(2);
    const groups = await listEnrolmentsByAgency(db, moduleId);
    expect(groups.map((g) => [g.agencyName, g.people.length])).toEqual([["Dinas Kesehatan", 2]]);
  });

  it("refuses a deactivated person with their name and changes nothing", async () => {
    const ok = await makePerson(db, { agencyId: pupr });
    const gone = await makePerson(db, { agencyId: pupr, status: "deactivated", name: "Fajar Nugroho" });
    expect(await enrolPeople(db, ctx, [ok, gone])).toEqual({ ok: false, error: "module.enrol.deactivated", names: ["Fajar Nugroho"] });
    expect(await activeEnrolments()).toEqual([]);
    expect(await db.selectFrom("notification").select("id").execute()).toEqual([]);
  });

  it("withdraws and re-enrols the same person, and lists progress as lessons done", async () => {
    const p = await makePerson(db, { agencyId: dinkes });
    const lesson = await createLesson(db, moduleId, { title: "Komposisi", contentJson: null, video: { kind: "none" } });
    await markLessonDone(db, moduleId, lesson, p);
    await enrolPeople(db, ctx, [p]);
    const [e] = await db.selectFrom("enrolment").select("id").where("user_id", "=", p).execute();
    expect(await withdrawEnrolment(db, moduleId, e.id, { id: author })).toBe(true);
    expect(await activeEnrolments()).toEqual([]);
    expect(await enrolPeople(db, ctx, [p])).toEqual({ ok: true, added: 1, already: 0 });
    const groups = await listEnrolmentsByAgency(db, moduleId);
    expect(groups[0].people[0].lessonsDone).toBe(1);
  });

  it("self-enrols into the open cohort only when there is one and the module is published and open", async () => {
    const p = await makePerson(db, { agencyId: dinkes });
    expect(await selfEnrol(db, moduleId, { id: p })).toEqual({ ok: false, error: "module.selfEnrol.closed" });
    await createLesson(db, moduleId, { title: "Materi", contentJson: null, video: { kind: "none" } });
    await updateModule(db, moduleId, { title: "Foto Jurnalistik", jp: 6, outputCategory: "produksi_konten", status: "published", selfEnrol: true }, { id: author });
    expect(await selfEnrol(db, moduleId, { id: p })).toEqual({ ok: false, error: "module.selfEnrol.noOpenCohort" });
    await createCohort(db, moduleId, { name: "Angkatan Terbuka", startsOn: "2026-04-01", endsOn: "2026-04-30", timeZone: "Asia/Makassar", openEnrolment: true }, { id: author });
    expect(await selfEnrol(db, moduleId, { id: p })).toEqual({ ok: true });
    const row = await db.selectFrom("enrolment").innerJoin("cohort", "cohort.id", "enrolment.cohort_id").select(["cohort.name", "enrolment.source"]).where("enrolment.user_id", "=", p).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Angkatan Terbuka", source: "self" });
  });

  it("finds active people by name or e-mail", async () => {
    await makePerson(db, { name: "Yohanes Kbarek", email: "yohanes@teluktimur.go.id" });
    await makePerson(db, { name: "Yohanes Nonaktif", status: "deactivated" });
    expect((await searchPeople(db, "yohanes")).map((p) => p.name)).toEqual(["Yohanes Kbarek"]);
    expect((await searchPeople(db, "TELUKTIMUR")).map((p) => p.name)).toEqual(["Yohanes Kbarek"]);
    expect(await searchPeople(db, "y")).toEqual([]);
  });
});
