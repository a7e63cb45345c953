// The report's rubric quality read from `quality_summary` (participation-quality.server.ts): every
// writer of grades keeps it equal to what the rule counts from the grades themselves — first grade,
// regrade, a graded piece returned, a rubric unlocked (grades cleared), a final-grade override, a
// withdrawn enrolment — and the figures read from it match the grades, month boundaries by each
// agency's zone and custom periods with partial months included.
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { createId } from "~/.server/crypto.server";
import { monthPeriod, quarterPeriod, type Period } from "~/lib/period";
import { getAssignment, unlockRubricClearingGrades, type AssignmentRow } from "./assignment.server";
import { createCohort, enrolPeople, withdrawEnrolment } from "./enrolment.server";
import { saveGrade } from "./grading.server";
import { qualityBucket, rebuildQualitySummary } from "./participation-quality.server";
import { overrideFinalGrade } from "./peer-grade.server";
import { networkReport } from "./participation.server";
import { findSubmission, submitWork } from "./submission.server";

const clockAt = (iso: string) => () => new Date(iso);
const NOW = new Date("2026-05-20T03:00:00.000Z");
const custom = (from: string, to: string): Period => ({ kind: "custom", from, to, key: `${from}_${to}` });

let db: DB;
let coordinator: string;
let facilitator: string;
let wib: string;
let wita: string;
let moduleId: string;
let rina: string;
let made: string;
const agencyOf: Record<string, string> = {};
let a1: AssignmentRow;
let a2: AssignmentRow;
const criteria: Record<string, [judul: string, teras: string]> = {};

const releaseText = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Dinas Kesehatan meluncurkan Posyandu Digital." }] }] });

async function assignment(position: number, dueAt: string): Promise<AssignmentRow> {
  const now = "2025-11-01T00:00:00.000Z";
  const rubricId = createId();
  await db.insertInto("rubric").values({ id: rubricId, title: "Rubrik Siaran Pers", scope: "assignment", work_kind: "release", created_at: now, updated_at: now }).execute();
  const ids: string[] = [];
  for (const [pos, [title, weight]] of ([["Judul", 40], ["Teras berita", 60]] as const).entries()) {
    const id = createId();
    ids.push(id);
    await db.insertInto("rubric_criterion").values({ id, rubric_id: rubricId, position: pos, title, weight, level_1: "Kurang", level_2: "Cukup", level_3: "Baik", level_4: "Sangat baik" }).execute();
  }
  const id = createId();
  await db.insertInto("assignment").values({
    id, module_id: moduleId, position, kind: "release", title: `Tugas ${position}`, instructions_json: null, rubric_id: rubricId,
    opens_at: "2026-01-01T00:00:00.000Z", due_at: dueAt, late_until: "2026-12-31T00:00:00.000Z", time_zone: "Asia/Jakarta", created_at: now, updated_at: now,
  }).execute();
  criteria[id] = [ids[0], ids[1]];
  return (await getAssignment(db, moduleId, id))!;
}

async function submit(userId: string, a: AssignmentRow, at: string) {
  const r = await submitWork(db, a, { id: userId, agencyId: agencyOf[userId] }, { json: releaseText }, clockAt(at));
  expect(r.ok).toBe(true);
}

async function grade(userId: string, a: AssignmentRow, levels: [number, number], at: string, decision: "graded" | "returned" = "graded") {
  const s = (await findSubmission(db, a.id, userId))!;
  const [judul, teras] = criteria[a.id];
  const r = await saveGrade(
    db,
    { assignment: a, submission: { id: s.id, user_id: userId, current_version_id: s.current_version_id } },
    { decision, level: { [judul]: String(levels[0]), [teras]: String(levels[1]) } },
    { graderId: facilitator },
    clockAt(at),
  );
  expect(r.ok).toBe(true);
}

/** The summary as kept by the writers, and as rebuilt from the grades: they must be the same. */
async function summary() {
  const rows = await db.selectFrom("quality_summary").selectAll().orderBy("agency_id").orderBy("bucket_start").orderBy("criterion").execute();
  return rows.map((r) => ({ ...r, level_sum: Number(r.level_sum), graded: Number(r.graded) }));
}
async function expectSummaryKeptRight() {
  const kept = await summary();
  await rebuildQualitySummary(db);
  expect(kept).toEqual(await summary());
  return kept;
}

/** An agency's means per criterion in a period, as the dashboard shows them. */
async function quality(agencyId: string, p: Period) {
  const r = await networkReport(db, p, {}, NOW);
  return Object.fromEntries((r.agencies.find((a) => a.agencyId === agencyId)?.quality ?? []).map((q) => [q.criterion, [q.mean, q.count]]));
}

beforeEach(async () => {
  db = await testDb();
  await makeNetwork(db);
  wib = await makeAgency(db, { name: "Dinas Kesehatan", timeZone: "Asia/Jakarta" });
  wita = await makeAgency(db, { name: "Diskominfo Kota Pelabuhan Baru", timeZone: "Asia/Makassar" });
  coordinator = await makePerson(db, { roles: ["koordinator"], name: "Koordinator" });
  facilitator = await makePerson(db, { roles: ["fasilitator"], name: "Fasilitator" });
  rina = await makePerson(db, { name: "Rina Lestari", agencyId: wib });
  made = await makePerson(db, { name: "I Made Wirawan", agencyId: wita });
  agencyOf[rina] = wib;
  agencyOf[made] = wita;
  moduleId = createId();
  const at = "2025-11-01T00:00:00.000Z";
  await db.insertInto("module").values({
    id: moduleId, title: "Menulis Siaran Pers", summary: "", jp: 8, output_category: "pengembangan_profesi", status: "published", self_enrol: 0,
    pass_mark: null, organiser: "Sekretariat", created_at: at, updated_at: at,
  }).execute();
  a1 = await assignment(1, "2026-03-20T16:59:00.000Z");
  a2 = await assignment(2, "2026-04-20T16:59:00.000Z");
  const cohortId = await createCohort(db, moduleId, { name: "Angkatan 1", startsOn: "2026-01-05", endsOn: "2026-06-30", timeZone: "Asia/Jakarta" }, { id: coordinator }, clockAt(at));
  const r = await enrolPeople(db, { moduleId, moduleTitle: "Menulis Siaran Pers", cohortId, actor: { id: coordinator } }, [rina, made], clockAt("2026-01-05T00:00:00.000Z"));
  expect(r).toMatchObject({ ok: true, added: 2 });
  await submit(rina, a1, "2026-03-10T03:00:00.000Z");
  await submit(made, a1, "2026-03-11T03:00:00.000Z");
});

describe("quality_summary", () => {
  it("puts a grade in the bucket that is one month in every zone", () => {
    // month starts: WIT 15.00 UTC, WITA 16.00 UTC, WIB 17.00 UTC on the last day of the month before
    expect(qualityBucket("2026-03-15T03:00:00.000Z")).toBe("2026-02-28T17:00:00.000Z");
    expect(qualityBucket("2026-03-31T15:30:00.000Z")).toBe("2026-03-31T15:00:00.000Z"); // April in WIT only
    expect(qualityBucket("2026-03-31T16:30:00.000Z")).toBe("2026-03-31T16:00:00.000Z"); // April in WIT and WITA
    expect(qualityBucket("2026-03-31T17:00:00.000Z")).toBe("2026-03-31T17:00:00.000Z"); // April everywhere
  });

  it("counts a first grade, and a regrade replaces it", async () => {
    await grade(rina, a1, [4, 3], "2026-03-12T03:00:00.000Z");
    expect(await expectSummaryKeptRight()).toEqual([
      { agency_id: wib, bucket_start: "2026-02-28T17:00:00.000Z", criterion: "Judul", level_sum: 4, graded: 1 },
      { agency_id: wib, bucket_start: "2026-02-28T17:00:00.000Z", criterion: "Teras berita", level_sum: 3, graded: 1 },
    ]);
    await grade(rina, a1, [2, 1], "2026-04-02T03:00:00.000Z"); // regraded in April: March loses it
    expect(await quality(wib, monthPeriod(2026, 3))).toEqual({});
    expect(await quality(wib, monthPeriod(2026, 4))).toEqual({ Judul: [2, 1], "Teras berita": [1, 1] });
    const kept = await expectSummaryKeptRight();
    expect(kept.map((r) => [r.bucket_start, r.criterion, r.level_sum])).toEqual([
      ["2026-03-31T17:00:00.000Z", "Judul", 2],
      ["2026-03-31T17:00:00.000Z", "Teras berita", 1],
    ]);
  });

  it("stops counting a piece returned for revision, and counts it again once graded", async () => {
    await grade(made, a1, [3, 3], "2026-03-12T03:00:00.000Z");
    await grade(made, a1, [1, 1], "2026-03-13T03:00:00.000Z", "returned");
    expect(await expectSummaryKeptRight()).toEqual([]);
    expect(await quality(wita, monthPeriod(2026, 3))).toEqual({});
    await submit(made, a1, "2026-03-14T03:00:00.000Z");
    await grade(made, a1, [4, 2], "2026-03-15T03:00:00.000Z");
    expect(await quality(wita, monthPeriod(2026, 3))).toEqual({ Judul: [4, 1], "Teras berita": [2, 1] });
    expect(await expectSummaryKeptRight()).toHaveLength(2);
  });

  it("is emptied for an assignment whose rubric is unlocked (its grades cleared), other assignments kept", async () => {
    await grade(rina, a1, [4, 3], "2026-03-12T03:00:00.000Z");
    await grade(made, a1, [2, 2], "2026-03-12T04:00:00.000Z");
    await submit(rina, a2, "2026-04-10T03:00:00.000Z");
    await grade(rina, a2, [3, 3], "2026-04-12T03:00:00.000Z");
    const locked = (await getAssignment(db, moduleId, a1.id))!;
    const r = await unlockRubricClearingGrades(db, locked, { actorId: facilitator }, clockAt("2026-04-13T03:00:00.000Z"));
    expect(r).toEqual({ ok: true, cleared: 2 });
    expect((await expectSummaryKeptRight()).map((x) => [x.agency_id, x.criterion, x.level_sum])).toEqual([
      [wib, "Judul", 3],
      [wib, "Teras berita", 3],
    ]);
    expect(await quality(wib, quarterPeriod(2026, 1))).toEqual({});
    expect(await quality(wita, quarterPeriod(2026, 1))).toEqual({});
    expect(await quality(wib, quarterPeriod(2026, 2))).toEqual({ Judul: [3, 1], "Teras berita": [3, 1] });
  });

  it("is not changed by a final-grade override or a withdrawn enrolment (the rule reads the fasilitator's levels)", async () => {
    await grade(rina, a1, [4, 3], "2026-03-12T03:00:00.000Z");
    const before = await summary();
    const s = (await findSubmission(db, a1.id, rina))!;
    expect((await overrideFinalGrade(db, { id: facilitator }, s.id, 95, "Nilai akhir disesuaikan setelah banding.")).ok).toBe(true);
    const enrolment = await db.selectFrom("enrolment").select("id").where("user_id", "=", rina).executeTakeFirstOrThrow();
    expect(await withdrawEnrolment(db, moduleId, enrolment.id, { id: coordinator })).toBe(true);
    expect(await expectSummaryKeptRight()).toEqual(before);
    expect(await quality(wib, monthPeriod(2026, 3))).toEqual({ Judul: [4, 1], "Teras berita": [3, 1] });
  });

  it("reads month boundaries by each agency's zone, and partial months of a custom period from the grades", async () => {
    // 31 March 23.30 WITA = 22.30 WIB: March for both; 1 April 00.30 WITA = 31 March 23.30 WIB
    await grade(made, a1, [4, 4], "2026-03-31T15:30:00.000Z");
    await grade(rina, a1, [1, 2], "2026-03-31T16:30:00.000Z");
    await expectSummaryKeptRight();
    expect(await quality(wita, monthPeriod(2026, 3))).toEqual({ Judul: [4, 1], "Teras berita": [4, 1] });
    expect(await quality(wib, monthPeriod(2026, 3))).toEqual({ Judul: [1, 1], "Teras berita": [2, 1] });
    expect(await quality(wita, monthPeriod(2026, 4))).toEqual({});
    // the WITA agency moves to WIT: its grade at 00.30 WIT on 1 April is April now, with nothing rewritten
    await db.updateTable("agency").set({ time_zone: "Asia/Jayapura" }).where("id", "=", wita).execute();
    expect(await quality(wita, monthPeriod(2026, 3))).toEqual({});
    expect(await quality(wita, monthPeriod(2026, 4))).toEqual({ Judul: [4, 1], "Teras berita": [4, 1] });
    // custom periods: whole months from the summary, the days around them from the grades
    expect(await quality(wib, custom("2026-03-31", "2026-04-15"))).toEqual({ Judul: [1, 1], "Teras berita": [2, 1] });
    expect(await quality(wib, custom("2026-02-15", "2026-03-30"))).toEqual({});
    expect(await quality(wib, custom("2026-02-15", "2026-04-30"))).toEqual({ Judul: [1, 1], "Teras berita": [2, 1] });
    expect(await quality(wita, custom("2026-04-01", "2026-04-01"))).toEqual({ Judul: [4, 1], "Teras berita": [4, 1] });
  });
});
