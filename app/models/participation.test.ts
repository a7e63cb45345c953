// The participation reports against a small network whose every figure was worked out by hand.
// The records are made the way the app makes them where a model function exists (check-in, marking
// a meeting held, outcomes and their progress, cohorts, enrolment, withdrawal, extensions,
// submitting work, grading, completion); peer reviews are written straight to their table.
//
// Agencies: Dinkes (WIB, 2 officers + 1 deactivated), Kominfo Pelabuhan (WITA, 2), Kominfo Teluk
// Timur (WIT, 1), Polres (WIB, 1), Kecamatan (WIB, nobody), and a deactivated office (WIB).
// "Now" is Wednesday 20 May 2026, 10.00 WIB (11.00 WITA, 12.00 WIT).
//
// Meetings (the agency's attendance as stored or, for a meeting that is over, as the attendance page
// shows it; rsvp in brackets):
//   M1 13 Jan 09.00 WIB   Dinkes present (att) · Pelabuhan represented (att) · Teluk excused (decl) · Polres absent (pending)
//   M2 10 Feb 09.00 WIB   Dinkes absent (att) · Pelabuhan present (att) · Teluk present (att) · Polres absent (pending)
//   M9  3 Mar (cancelled) Dinkes, Polres: not counted
//   M3 31 Mar 23.30 WITA = 22.30 WIB 31 Mar = 00.30 WIT 1 Apr
//                         Dinkes excused (decl, March) · Pelabuhan present (att, March) · Teluk absent (att, April)
//   M4 14 Apr 09.00 WIB   Dinkes absent (pending) · Polres present (att) · Teluk absent (pending)
//   M8 21 Apr 09.00 WIB   never marked held: Dinkes present (att; Rina checked in, Budi named only) · Polres absent (pending, nobody came)
//   M5  4 May 09.00 WIB   Pelabuhan absent (att)
//   M6 18–22 May forum    still running: Pelabuhan (att), Dinkes (pending) — not recorded yet
//   M7 19 May 09.00 WIB   Dinkes present (att) · Pelabuhan absent (att)
// Follow-ups: Dinkes (from M1) on time, late, overdue, open, dropped; Pelabuhan (from M2, a WIB
// meeting) done 23.30 WIB on its due date = 00.30 WITA the day after: on time by the meeting's zone;
// Pelabuhan (from M7) due today; Teluk (from M2) on time, (from M3) overdue.
// Training: T1 "Menulis Siaran Pers" with A1 due 27 Feb, A2 due 20 Mar, A3 due 25 May (not yet),
// A4 due 15 May late until 22 May (in the late window). T2 "Teras Berita" (4 JP) and T3 "Foto" (6 JP).
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { testDb } from "#tests/helpers/db";
import { createId } from "~/.server/crypto.server";
import { DEFAULT_WEIGHTS, PARTICIPATION_COMPONENTS, type Component } from "~/lib/participation";
import { monthPeriod, parsePeriod, quarterPeriod, yearPeriod, type Period } from "~/lib/period";
import { getAssignment, grantExtension, type AssignmentRow } from "./assignment.server";
import { addWalkIn, attendanceBoard, checkInRepresentative } from "./attendance.server";
import { checkCompletion } from "./completion.server";
import { createCohort, enrolPeople, withdrawEnrolment } from "./enrolment.server";
import { addProgress, createOutcome, followUpCounts } from "./follow-up.server";
import { saveGrade } from "./grading.server";
import { markHeld } from "./meeting.server";
import {
  agencyScorecard, clearReportCache, networkReport, parseFilters, saveWeights,
  type AgencyFigures, type FollowUpFigures, type MeetingFigures, type NetworkReport, type OfficerFigures, type ReviewFigures, type SubmissionFigures,
} from "./participation.server";
import { findSubmission, submitWork } from "./submission.server";

const NOW = new Date("2026-05-20T03:00:00.000Z");
const clockAt = (iso: string) => () => new Date(iso);
const addMin = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

// The yearly 20 JP prorated to a period of `days` days.
const jpTarget = (days: number) => (20 * days) / 365;

let db: DB;
let coordinator: string;
let facilitator: string;
const ag = {} as Record<"dinkes" | "pelabuhan" | "teluk" | "polres" | "kecamatan" | "lama", string>;
const p = {} as Record<"rina" | "budi" | "dewi" | "made" | "nur" | "yohanes" | "andi" | "lama", string>;
const agencyOf = {} as Record<string, string>;
const m = {} as Record<"m1" | "m2" | "m3" | "m4" | "m5" | "m6" | "m7" | "m8" | "m9", string>;
const t1 = {} as { moduleId: string; a1: AssignmentRow; a2: AssignmentRow; a3: AssignmentRow; a4: AssignmentRow; criteria: Record<string, [string, string]> };

// ---------------------------------------------------------------------------------------------
// Building the network

async function meeting(
  key: keyof typeof m,
  startsAt: string,
  minutes: number,
  invitations: [agency: string, rsvp: "pending" | "attending" | "declined"][],
  opts: { timeZone?: string; status?: string } = {},
) {
  m[key] = await makeMeeting(db, { startsAt, endsAt: addMin(startsAt, minutes), timeZone: opts.timeZone, status: opts.status, title: `Rapat ${key.toUpperCase()}` });
  for (const [agencyId, rsvp] of invitations) await makeInvitation(db, { meetingId: m[key], agencyId, rsvp, declineReason: rsvp === "declined" ? "Tugas lapangan" : null });
  return m[key];
}

/** Names an officer for the meeting and, when `checkInAt` is given, checks them in from the list. */
async function named(meetingId: string, userId: string, checkInAt?: string) {
  const rep = await makeRepresentative(db, { meetingId, agencyId: agencyOf[userId], userId });
  if (checkInAt) {
    const r = await checkInRepresentative(db, { meetingId, representativeId: rep.id, actorId: coordinator }, clockAt(checkInAt));
    expect(r.ok).toBe(true);
  }
}

async function held(meetingId: string, at: string) {
  expect(await markHeld(db, meetingId, { actorId: coordinator, clock: clockAt(at) })).toEqual({ ok: true });
}

async function action(meetingId: string, owner: string, dueDate: string, progress?: { status: "in_progress" | "done" | "dropped"; at: string }) {
  const r = await createOutcome(db, { id: coordinator }, meetingId, { type: "action", text: `RTL ${dueDate}`, ownerAgencyId: owner, dueDate }, clockAt("2026-01-13T05:00:00.000Z"));
  if (!r.ok) throw new Error(r.error);
  if (progress) expect(await addProgress(db, { id: coordinator }, r.id, { status: progress.status, note: "Perkembangan." }, clockAt(progress.at))).toBe(true);
  return r.id;
}

/** A module written the way the module editor leaves it, each assignment with its own copy of a two-criterion rubric. */
async function course(title: string, jp: number, assignments: { title: string; opensAt: string; dueAt: string; lateUntil: string }[]) {
  const now = "2025-11-01T00:00:00.000Z";
  const moduleId = createId();
  await db.insertInto("module").values({
    id: moduleId, title, summary: "", jp, output_category: "pengembangan_profesi", status: "published", self_enrol: 0,
    pass_mark: null, organiser: "Sekretariat Bakohumas Kabupaten Sukamaju", created_at: now, updated_at: now,
  }).execute();
  // One lesson: a module with assignments is complete only once it is done too (nobody does it in T1).
  const lessonId = createId();
  await db.insertInto("lesson").values({ id: lessonId, module_id: moduleId, position: 1, title: "Materi", created_at: now, updated_at: now }).execute();
  const rows: AssignmentRow[] = [];
  const criteria: Record<string, [string, string]> = {};
  for (const [i, a] of assignments.entries()) {
    const rubricId = createId();
    await db.insertInto("rubric").values({ id: rubricId, title: "Rubrik Siaran Pers", scope: "assignment", work_kind: "release", created_at: now, updated_at: now }).execute();
    const ids: string[] = [];
    for (const [pos, [ctitle, weight]] of ([["Judul", 40], ["Teras berita", 60]] as const).entries()) {
      const id = createId();
      ids.push(id);
      await db.insertInto("rubric_criterion").values({
        id, rubric_id: rubricId, position: pos, title: ctitle, weight, level_1: "Kurang", level_2: "Cukup", level_3: "Baik", level_4: "Sangat baik",
      }).execute();
    }
    const id = createId();
    await db.insertInto("assignment").values({
      id, module_id: moduleId, position: i + 1, kind: "release", title: a.title, instructions_json: null, rubric_id: rubricId,
      opens_at: a.opensAt, due_at: a.dueAt, late_until: a.lateUntil, time_zone: "Asia/Jakarta", created_at: now, updated_at: now,
    }).execute();
    criteria[id] = [ids[0], ids[1]];
    rows.push((await getAssignment(db, moduleId, id))!);
  }
  return { moduleId, lessonId, assignments: rows, criteria };
}

async function cohort(moduleId: string, name: string, startsOn: string, endsOn: string) {
  return createCohort(db, moduleId, { name, startsOn, endsOn, timeZone: "Asia/Jakarta" }, { id: coordinator }, clockAt("2025-11-01T00:00:00.000Z"));
}

async function enrol(moduleId: string, cohortId: string, userIds: string[], at: string) {
  const r = await enrolPeople(db, { moduleId, moduleTitle: "Modul", cohortId, actor: { id: coordinator } }, userIds, clockAt(at));
  expect(r).toMatchObject({ ok: true, added: userIds.length });
}

const releaseText = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sukamaju — Dinas Kesehatan meluncurkan Posyandu Digital hari ini." }] }] });

async function submit(userId: string, a: AssignmentRow, at: string, late: boolean) {
  const r = await submitWork(db, a, { id: userId, agencyId: agencyOf[userId] }, { json: releaseText }, clockAt(at));
  expect(r).toMatchObject({ ok: true, late });
}

async function grade(userId: string, a: AssignmentRow, levels: [judul: number, teras: number], at: string, decision: "graded" | "returned" = "graded") {
  const s = (await findSubmission(db, a.id, userId))!;
  const [judul, teras] = t1.criteria[a.id];
  const r = await saveGrade(
    db,
    { assignment: a, submission: { id: s.id, user_id: userId, current_version_id: s.current_version_id } },
    { decision, level: { [judul]: String(levels[0]), [teras]: String(levels[1]) } },
    { graderId: facilitator },
    clockAt(at),
  );
  expect(r.ok).toBe(true);
}

async function review(reviewerId: string, authorId: string, a: AssignmentRow, status: string, assignedAt: string, kind = "peer") {
  const s = (await findSubmission(db, a.id, authorId))!;
  await db.insertInto("peer_review").values({
    id: createId(), assignment_id: a.id, submission_id: s.id, version_id: s.current_version_id!, reviewer_id: reviewerId, kind, source: "auto",
    status, assigned_at: assignedAt, lease_expires_at: addMin(assignedAt, 7 * 24 * 60), started_at: status === "started" ? addMin(assignedAt, 60) : null,
    submitted_at: status === "submitted" ? addMin(assignedAt, 120) : null, score: status === "submitted" ? 75 : null,
  }).execute();
}

async function completeModule(moduleId: string, lessonId: string, userId: string, at: string) {
  await db.insertInto("lesson_progress")
    .values({ lesson_id: lessonId, user_id: userId, watched_seconds: 0, completed_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["lesson_id", "user_id"]).doNothing())
    .execute();
  await checkCompletion(db, moduleId, userId, clockAt(at));
}

beforeAll(async () => {
  db = await testDb();
  await makeNetwork(db);
  ag.dinkes = await makeAgency(db, { name: "Dinas Kesehatan", shortName: "Dinkes", type: "opd", region: "Kabupaten Sukamaju", timeZone: "Asia/Jakarta" });
  ag.pelabuhan = await makeAgency(db, { name: "Diskominfo Kota Pelabuhan Baru", shortName: "Kominfo Pelabuhan", type: "pemda", region: "Kota Pelabuhan Baru", timeZone: "Asia/Makassar" });
  ag.teluk = await makeAgency(db, { name: "Diskominfo Kabupaten Teluk Timur", shortName: "Kominfo Teluk Timur", type: "pemda", region: "Kabupaten Teluk Timur", timeZone: "Asia/Jayapura" });
  ag.polres = await makeAgency(db, { name: "Polres Sukamaju", shortName: "Polres", type: "tni_polri", region: "Kabupaten Sukamaju", timeZone: "Asia/Jakarta" });
  ag.kecamatan = await makeAgency(db, { name: "Kecamatan Sukamaju Kota", shortName: "Kec. Kota", type: "kecamatan", region: "Kabupaten Sukamaju", timeZone: "Asia/Jakarta" });
  ag.lama = await makeAgency(db, { name: "Kantor Penghubung Lama", shortName: "KPL", type: "opd", region: "Kota Lama", timeZone: "Asia/Jakarta", active: false });

  coordinator = await makePerson(db, { roles: ["koordinator"], name: "Dra. Siti Aminah" });
  facilitator = await makePerson(db, { roles: ["fasilitator"], name: "Made Ayu Pertiwi, M.Si." });
  const person = async (key: keyof typeof p, name: string, agencyId: string, status: "active" | "deactivated" = "active") => {
    p[key] = await makePerson(db, { name, agencyId, status });
    agencyOf[p[key]] = agencyId;
  };
  await person("rina", "Rina Lestari", ag.dinkes);
  await person("budi", "Budi Santoso", ag.dinkes);
  await person("dewi", "Dewi Anggraini", ag.dinkes, "deactivated");
  await person("made", "I Made Wirawan", ag.pelabuhan);
  await person("nur", "Nur Aisyah", ag.pelabuhan);
  await person("yohanes", "Yohanes Kbarek", ag.teluk);
  await person("andi", "Bripka Andi Saputra", ag.polres);
  await person("lama", "Petugas Lama", ag.lama);

  // ----- meetings
  await meeting("m1", "2026-01-13T02:00:00.000Z", 180, [[ag.dinkes, "attending"], [ag.pelabuhan, "attending"], [ag.teluk, "declined"], [ag.polres, "pending"], [ag.lama, "attending"]]);
  await named(m.m1, p.rina, "2026-01-13T02:10:00.000Z");
  await named(m.m1, p.lama, "2026-01-13T02:12:00.000Z");
  expect((await addWalkIn(db, { meetingId: m.m1, agencyId: ag.pelabuhan, name: "Joko (staf)", actorId: coordinator }, clockAt("2026-01-13T02:15:00.000Z"))).ok).toBe(true);
  await held(m.m1, "2026-01-13T06:00:00.000Z");

  await meeting("m2", "2026-02-10T02:00:00.000Z", 180, [[ag.dinkes, "attending"], [ag.pelabuhan, "attending"], [ag.polres, "pending"], [ag.teluk, "attending"]]);
  await named(m.m2, p.rina);
  await named(m.m2, p.made, "2026-02-10T02:05:00.000Z");
  await named(m.m2, p.yohanes, "2026-02-10T02:06:00.000Z");
  await held(m.m2, "2026-02-10T06:00:00.000Z");

  await meeting("m9", "2026-03-03T02:00:00.000Z", 120, [[ag.dinkes, "attending"], [ag.polres, "attending"]], { status: "cancelled" });

  // 23.30 WITA on 31 March, an online crisis meeting of the WITA office
  await meeting("m3", "2026-03-31T15:30:00.000Z", 60, [[ag.dinkes, "declined"], [ag.pelabuhan, "attending"], [ag.teluk, "attending"]], { timeZone: "Asia/Makassar" });
  await named(m.m3, p.nur, "2026-03-31T15:31:00.000Z");
  await named(m.m3, p.yohanes);
  await held(m.m3, "2026-03-31T17:30:00.000Z");

  await meeting("m4", "2026-04-14T02:00:00.000Z", 180, [[ag.dinkes, "pending"], [ag.polres, "attending"], [ag.teluk, "pending"]]);
  await named(m.m4, p.andi, "2026-04-14T02:01:00.000Z");
  await held(m.m4, "2026-04-14T06:00:00.000Z");

  // over, but nobody marked it held: the attendance page shows Polres absent
  await meeting("m8", "2026-04-21T02:00:00.000Z", 180, [[ag.dinkes, "attending"], [ag.polres, "pending"]]);
  await named(m.m8, p.rina, "2026-04-21T02:03:00.000Z");
  await named(m.m8, p.budi);

  await meeting("m5", "2026-05-04T02:00:00.000Z", 180, [[ag.pelabuhan, "attending"]]);
  await named(m.m5, p.made);
  await held(m.m5, "2026-05-04T06:00:00.000Z");

  await meeting("m6", "2026-05-18T01:00:00.000Z", 4 * 24 * 60 + 8 * 60, [[ag.pelabuhan, "attending"], [ag.dinkes, "pending"]]);
  await named(m.m6, p.made);

  await meeting("m7", "2026-05-19T02:00:00.000Z", 180, [[ag.dinkes, "attending"], [ag.pelabuhan, "attending"]]);
  await named(m.m7, p.rina, "2026-05-19T02:02:00.000Z");
  await named(m.m7, p.made);
  await held(m.m7, "2026-05-19T06:00:00.000Z");

  // ----- follow-ups (RTL)
  await action(m.m1, ag.dinkes, "2026-01-31", { status: "done", at: "2026-01-30T03:00:00.000Z" }); // on time
  await action(m.m1, ag.dinkes, "2026-02-15", { status: "done", at: "2026-02-20T03:00:00.000Z" }); // late
  await action(m.m1, ag.dinkes, "2026-03-31"); // overdue
  await action(m.m1, ag.dinkes, "2026-06-30", { status: "in_progress", at: "2026-02-01T03:00:00.000Z" }); // open
  await action(m.m1, ag.dinkes, "2026-02-28", { status: "dropped", at: "2026-02-05T03:00:00.000Z" });
  const decision = await createOutcome(db, { id: coordinator }, m.m1, { type: "decision", text: "Tema bulan depan: imunisasi.", ownerAgencyId: ag.dinkes });
  expect(decision.ok).toBe(true); // a decision is not a follow-up
  await action(m.m2, ag.pelabuhan, "2026-02-15", { status: "done", at: "2026-02-15T16:30:00.000Z" }); // 23.30 WIB on the due date
  await action(m.m7, ag.pelabuhan, "2026-05-20"); // due today
  await action(m.m2, ag.teluk, "2026-03-10", { status: "done", at: "2026-03-09T03:00:00.000Z" });
  await action(m.m3, ag.teluk, "2026-04-10"); // overdue; M3 is April for Teluk Timur

  // ----- training
  const c1 = await course("Menulis Siaran Pers Pemerintah yang Layak Muat", 8, [
    { title: "A1", opensAt: "2026-02-01T01:00:00.000Z", dueAt: "2026-02-27T16:59:00.000Z", lateUntil: "2026-03-06T16:59:00.000Z" },
    { title: "A2", opensAt: "2026-03-01T01:00:00.000Z", dueAt: "2026-03-20T16:59:00.000Z", lateUntil: "2026-03-27T16:59:00.000Z" },
    { title: "A3", opensAt: "2026-05-01T01:00:00.000Z", dueAt: "2026-05-25T16:59:00.000Z", lateUntil: "2026-05-29T16:59:00.000Z" },
    { title: "A4", opensAt: "2026-05-01T01:00:00.000Z", dueAt: "2026-05-15T16:59:00.000Z", lateUntil: "2026-05-22T16:59:00.000Z" },
  ]);
  Object.assign(t1, { moduleId: c1.moduleId, a1: c1.assignments[0], a2: c1.assignments[1], a3: c1.assignments[2], a4: c1.assignments[3], criteria: c1.criteria });
  const c1Cohort = await cohort(c1.moduleId, "Angkatan I 2026", "2026-01-05", "2026-12-31");
  await enrol(c1.moduleId, c1Cohort, [p.rina, p.budi, p.made, p.yohanes, p.andi], "2026-01-20T02:00:00.000Z");
  await enrol(c1.moduleId, c1Cohort, [p.nur], "2026-03-25T02:00:00.000Z"); // after A1 and A2 were due
  const andiEnrolment = await db.selectFrom("enrolment").select("id").where("user_id", "=", p.andi).where("module_id", "=", c1.moduleId).executeTakeFirstOrThrow();
  expect(await withdrawEnrolment(db, c1.moduleId, andiEnrolment.id, { id: coordinator })).toBe(true);

  // A1 due 27 Feb 23.59 WIB; Budi has until 4 March
  expect(await grantExtension(db, t1.a1, { userId: p.budi, dueAt: "2026-03-04T16:59:00.000Z", lateUntil: "2026-03-10T16:59:00.000Z", reason: "Sakit" }, { actorId: coordinator }, clockAt("2026-02-26T02:00:00.000Z"))).toEqual({ ok: true });
  await submit(p.rina, t1.a1, "2026-02-25T03:00:00.000Z", false);
  await submit(p.budi, t1.a1, "2026-03-02T03:00:00.000Z", false); // late but for the extension
  await submit(p.made, t1.a1, "2026-03-01T03:00:00.000Z", true);
  // Yohanes hands nothing in for A1 (missing); Nur enrolled after it was due
  await submit(p.rina, t1.a2, "2026-03-19T03:00:00.000Z", false);
  await submit(p.made, t1.a2, "2026-03-18T03:00:00.000Z", false);
  await submit(p.yohanes, t1.a2, "2026-03-25T03:00:00.000Z", true);
  // Budi hands nothing in for A2 (missing)
  await submit(p.rina, t1.a3, "2026-05-18T03:00:00.000Z", false);
  await submit(p.nur, t1.a4, "2026-05-10T03:00:00.000Z", false);
  await submit(p.made, t1.a4, "2026-05-16T03:00:00.000Z", true);

  await grade(p.rina, t1.a1, [4, 3], "2026-03-02T03:00:00.000Z");
  await grade(p.rina, t1.a1, [3, 2], "2026-03-09T03:00:00.000Z"); // graded again: this one counts (score 60)
  await grade(p.made, t1.a1, [2, 2], "2026-03-03T03:00:00.000Z"); // 50
  await grade(p.budi, t1.a1, [4, 3], "2026-03-31T16:30:00.000Z"); // 23.30 WIB 31 March; 85
  await grade(p.yohanes, t1.a2, [1, 1], "2026-03-28T03:00:00.000Z", "returned");
  await grade(p.made, t1.a2, [4, 4], "2026-04-02T03:00:00.000Z"); // 100

  await review(p.rina, p.made, t1.a2, "submitted", "2026-03-21T02:00:00.000Z");
  await review(p.rina, p.yohanes, t1.a2, "started", "2026-03-26T02:00:00.000Z");
  await review(p.budi, p.made, t1.a2, "expired", "2026-03-21T02:00:00.000Z");
  await review(p.budi, p.made, t1.a1, "removed", "2026-03-07T02:00:00.000Z");
  await review(p.rina, p.rina, t1.a2, "submitted", "2026-03-20T02:00:00.000Z", "self");
  await review(p.made, p.rina, t1.a2, "assigned", "2026-03-31T15:30:00.000Z"); // 23.30 WITA 31 March
  await review(p.yohanes, p.rina, t1.a1, "submitted", "2026-03-31T15:30:00.000Z"); // 00.30 WIT 1 April

  const c2 = await course("Teras Berita dan Judul Aktif", 4, []);
  const c2a = await cohort(c2.moduleId, "Angkatan I", "2025-12-01", "2026-03-31");
  const c2b = await cohort(c2.moduleId, "Angkatan II", "2026-03-01", "2026-06-30");
  await enrol(c2.moduleId, c2a, [p.budi, p.yohanes], "2025-12-01T02:00:00.000Z");
  await completeModule(c2.moduleId, c2.lessonId, p.budi, "2025-12-31T16:30:00.000Z"); // 23.30 WIB 31 Dec 2025
  await completeModule(c2.moduleId, c2.lessonId, p.yohanes, "2025-12-31T15:30:00.000Z"); // 00.30 WIT 1 Jan 2026
  await enrol(c2.moduleId, c2a, [p.rina], "2026-01-20T02:00:00.000Z");
  await completeModule(c2.moduleId, c2.lessonId, p.rina, "2026-02-10T05:00:00.000Z");
  const rinaFirst = await db.selectFrom("enrolment").select("id").where("user_id", "=", p.rina).where("cohort_id", "=", c2a).executeTakeFirstOrThrow();
  expect(await withdrawEnrolment(db, c2.moduleId, rinaFirst.id, { id: coordinator })).toBe(true);
  await enrol(c2.moduleId, c2b, [p.rina], "2026-03-03T02:00:00.000Z");
  await checkCompletion(db, c2.moduleId, p.rina, clockAt("2026-03-03T03:00:00.000Z")); // the same module completed again

  const c3 = await course("Foto Jurnalistik dan Keterangan Foto", 6, []);
  const c3a = await cohort(c3.moduleId, "Angkatan I", "2026-03-01", "2026-04-30");
  await enrol(c3.moduleId, c3a, [p.made], "2026-03-02T02:00:00.000Z");
  await completeModule(c3.moduleId, c3.lessonId, p.made, "2026-03-31T15:30:00.000Z"); // 23.30 WITA 31 March
});

// ---------------------------------------------------------------------------------------------
// Expectations

const meetings = (f: Partial<MeetingFigures>): MeetingFigures => ({
  invited: 0, answered: 0, attended: 0, present: 0, represented: 0, excused: 0, absent: 0, recorded: 0, attendanceRate: null, absentTwiceInARow: false, ...f,
});
const followUps = (f: Partial<FollowUpFigures>): FollowUpFigures => ({ total: 0, open: 0, overdue: 0, doneOnTime: 0, doneLate: 0, dropped: 0, ...f });
const work = (f: Partial<SubmissionFigures>): SubmissionFigures => ({ due: 0, onTime: 0, late: 0, missing: 0, notYetDue: 0, ...f });
const reviews = (f: Partial<ReviewFigures>): ReviewFigures => ({ allocated: 0, done: 0, open: 0, lapsed: 0, ...f });
type Rates = Record<Component, number | null>;
const rates = (r: Partial<Rates>): Rates => ({ attendance: null, rsvp: null, followUps: null, submissions: null, reviews: null, jp: null, ...r });

interface Expected {
  officers: number;
  meetings: MeetingFigures;
  followUps: FollowUpFigures;
  training: AgencyFigures["training"];
  quality: AgencyFigures["quality"];
  rates: Rates;
  index: number | null;
  rank?: number | null;
}

function close(actual: number | null | undefined, expected: number | null, what: string) {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
}

function expectFigures(a: AgencyFigures & { rank?: number | null }, e: Expected) {
  const { attendanceRate, ...counts } = a.meetings;
  const { attendanceRate: expectedRate, ...expectedCounts } = e.meetings;
  expect(counts, `${a.shortName} meetings`).toEqual(expectedCounts);
  close(attendanceRate, expectedRate, `${a.shortName} attendance rate`);
  expect(a.officers, `${a.shortName} officers`).toBe(e.officers);
  expect(a.followUps, `${a.shortName} follow-ups`).toEqual(e.followUps);
  expect(a.training, `${a.shortName} training`).toEqual(e.training);
  expect(a.quality, `${a.shortName} quality`).toEqual(e.quality);
  for (const c of PARTICIPATION_COMPONENTS) close(a.rates[c], e.rates[c], `${a.shortName} rate ${c}`);
  expect(a.index, `${a.shortName} index`).toBe(e.index);
  if (e.rank !== undefined) expect(a.rank, `${a.shortName} rank`).toBe(e.rank);
}

const Q1 = quarterPeriod(2026, 1);
const Q2 = quarterPeriod(2026, 2);
const Y2026 = yearPeriod(2026);
const byId = (r: NetworkReport, id: string) => {
  const a = r.agencies.find((x) => x.agencyId === id);
  if (!a) throw new Error(`agency ${id} not in the report`);
  return a;
};
const names = (r: NetworkReport) => r.agencies.map((a) => a.shortName);
const report = (period: Period, filters = {}, now = NOW) => networkReport(db, period, filters, now);

const judulTeras = (judul: [number, number], teras: [number, number]) =>
  [{ criterion: "Judul", mean: judul[0], count: judul[1] }, { criterion: "Teras berita", mean: teras[0], count: teras[1] }]
    .sort((x, y) => x.mean - y.mean || x.criterion.localeCompare(y.criterion, "id"));

// ---------------------------------------------------------------------------------------------

describe("the network report, first quarter 2026", () => {
  it("gives every figure of every active agency, ranked by the index at the default weights", async () => {
    const r = await report(Q1);
    expect(r.weights).toEqual(DEFAULT_WEIGHTS);
    expect(r.period).toEqual(Q1);
    expect(r.generatedAt).toBe(NOW.toISOString());
    // the deactivated office is not in the network report; the agency without officers is unranked, last
    expect(names(r)).toEqual(["Kominfo Pelabuhan", "Kominfo Teluk Timur", "Dinkes", "Polres", "Kec. Kota"]);

    // Dinkes: M1 present, M2 absent, M3 excused (22.30 WIB 31 March); the cancelled M9 is not counted.
    expectFigures(byId(r, ag.dinkes), {
      officers: 2, // Dewi is deactivated
      meetings: meetings({ invited: 3, answered: 3, recorded: 3, attended: 1, present: 1, excused: 1, absent: 1, attendanceRate: 1 / 3 }),
      followUps: followUps({ total: 5, open: 1, overdue: 1, doneOnTime: 1, doneLate: 1, dropped: 1 }),
      training: {
        officersEnrolled: 2,
        modulesCompleted: 1, jpEarned: 4, // Teras Berita completed on 10 Feb and again on 3 Mar: once; Budi's was 2025 in WIB
        submissions: work({ due: 4, onTime: 3, missing: 1 }), // A1 both on time (Budi by his extension); A2 Rina on time, Budi missing
        reviews: reviews({ allocated: 3, done: 1, open: 1, lapsed: 1 }), // removed and self-assessment not counted
      },
      quality: judulTeras([3.5, 2], [2.5, 2]), // Rina's second grade (3, 2) and Budi's (4, 3) at 23.30 WIB 31 March
      rates: rates({ attendance: 1 / 3, rsvp: 1, followUps: 1 / 3, submissions: 3 / 4, reviews: 1 / 3, jp: (4 / jpTarget(90) + 0) / 2 }),
      // 30·⅓ + 10·1 + 20·⅓ + 20·¾ + 10·⅓ + 10·0.4056 = 49.06
      index: 49.1,
      rank: 3,
    });

    // Pelabuhan (WITA): M1 represented by a walk-in, M2 present, M3 at 23.30 WITA 31 March present.
    expectFigures(byId(r, ag.pelabuhan), {
      officers: 2,
      meetings: meetings({ invited: 3, answered: 3, recorded: 3, attended: 3, present: 2, represented: 1, attendanceRate: 1 }),
      // done 23.30 WIB on the due date of a WIB meeting (00.30 WITA the next day): on time, as the register says
      followUps: followUps({ total: 1, doneOnTime: 1 }),
      training: {
        officersEnrolled: 2, // Nur too: enrolled in a cohort running in the quarter
        modulesCompleted: 1, jpEarned: 6, // Foto completed 23.30 WITA 31 March
        submissions: work({ due: 2, onTime: 1, late: 1 }), // Made: A1 late, A2 on time; Nur enrolled after both were due
        reviews: reviews({ allocated: 1, open: 1 }), // assigned 23.30 WITA 31 March
      },
      quality: judulTeras([2, 1], [2, 1]),
      rates: rates({ attendance: 1, rsvp: 1, followUps: 1, submissions: 0.75, reviews: 0, jp: (1 + 0) / 2 }),
      index: 80, // 30 + 10 + 20 + 15 + 0 + 5
      rank: 1,
    });

    // Teluk Timur (WIT): M1 excused, M2 present; M3 is 00.30 WIT 1 April: not in the first quarter.
    expectFigures(byId(r, ag.teluk), {
      officers: 1,
      meetings: meetings({ invited: 2, answered: 2, recorded: 2, attended: 1, present: 1, excused: 1, attendanceRate: 0.5 }),
      followUps: followUps({ total: 1, doneOnTime: 1 }),
      training: {
        officersEnrolled: 1,
        modulesCompleted: 1, jpEarned: 4, // completed 00.30 WIT 1 January 2026
        submissions: work({ due: 2, late: 1, missing: 1 }),
        reviews: reviews({}), // the review assigned 00.30 WIT 1 April is the second quarter's
      },
      quality: [], // the only graded piece was returned
      rates: rates({ attendance: 0.5, rsvp: 1, followUps: 1, submissions: 0.25, jp: 4 / jpTarget(90) }),
      index: 64.6, // (15 + 10 + 20 + 5 + 8.11) / 90
      rank: 2,
    });

    // Polres: absent twice in a row; its only officer withdrew from the module.
    expectFigures(byId(r, ag.polres), {
      officers: 1,
      meetings: meetings({ invited: 2, recorded: 2, absent: 2, attendanceRate: 0, absentTwiceInARow: true }),
      followUps: followUps({}),
      training: { officersEnrolled: 0, modulesCompleted: 0, jpEarned: 0, submissions: work({}), reviews: reviews({}) },
      quality: [],
      rates: rates({ attendance: 0, rsvp: 0 }),
      index: 0,
      rank: 4,
    });

    expectFigures(byId(r, ag.kecamatan), {
      officers: 0,
      meetings: meetings({}),
      followUps: followUps({}),
      training: { officersEnrolled: 0, modulesCompleted: 0, jpEarned: 0, submissions: work({}), reviews: reviews({}) },
      quality: [],
      rates: rates({}),
      index: null,
      rank: null,
    });
  });

  it("adds the agencies up in the totals and pools the criteria, weakest first", async () => {
    const r = await report(Q1);
    const { meetings: totalMeetings, ...rest } = r.totals;
    expect(rest).toEqual({
      agencies: 5,
      engaged: 3, // Polres and the kecamatan did nothing that counts
      absentTwice: 1,
      followUps: followUps({ total: 7, open: 1, overdue: 1, doneOnTime: 3, doneLate: 1, dropped: 1 }),
      submissions: work({ due: 8, onTime: 4, late: 2, missing: 2 }),
      reviews: reviews({ allocated: 4, done: 1, open: 2, lapsed: 1 }),
      jpEarned: 14,
      officersEnrolled: 5,
      modulesCompleted: 3,
    });
    expect(totalMeetings).toEqual(meetings({ invited: 10, answered: 8, recorded: 10, attended: 5, present: 4, represented: 1, excused: 2, absent: 3, attendanceRate: 0.5 }));
    expect(r.criteria.map((c) => c.criterion)).toEqual(["Teras berita", "Judul"]);
    expect(r.criteria[0].count).toBe(3);
    expect(r.criteria[0].mean).toBeCloseTo(7 / 3, 9); // 2 + 3 + 2
    expect(r.criteria[1]).toEqual({ criterion: "Judul", mean: 3, count: 3 }); // 3 + 4 + 2
  });
});

describe("the second quarter and the whole year", () => {
  it("second quarter: M3 is April for the WIT office; a meeting over but not marked held counts as the attendance page shows it", async () => {
    const r = await report(Q2);
    expect(names(r)).toEqual(["Dinkes", "Polres", "Kominfo Pelabuhan", "Kominfo Teluk Timur", "Kec. Kota"]);

    // M4 absent, M8 present, M6 still running (not recorded), M7 present
    expectFigures(byId(r, ag.dinkes), {
      officers: 2,
      meetings: meetings({ invited: 4, answered: 2, recorded: 3, attended: 2, present: 2, absent: 1, attendanceRate: 2 / 3 }),
      followUps: followUps({}),
      training: {
        officersEnrolled: 2, modulesCompleted: 0, jpEarned: 0,
        // A3: Rina on time, Budi not yet due; A4 (in its late window): neither handed in, not yet due
        submissions: work({ due: 4, onTime: 1, notYetDue: 3 }),
        reviews: reviews({}),
      },
      quality: [],
      rates: rates({ attendance: 2 / 3, rsvp: 0.5, submissions: 1, jp: 0 }),
      index: 64.3, // (20 + 5 + 20 + 0) / 70
      rank: 1,
    });

    // M5 absent, M6 not yet recorded, M7 absent: still "absent twice in a row"
    expectFigures(byId(r, ag.pelabuhan), {
      officers: 2,
      meetings: meetings({ invited: 3, answered: 3, recorded: 2, absent: 2, attendanceRate: 0, absentTwiceInARow: true }),
      followUps: followUps({ total: 1, open: 1 }), // due today: not overdue
      training: {
        officersEnrolled: 2, modulesCompleted: 0, jpEarned: 0,
        submissions: work({ due: 4, onTime: 1, late: 1, notYetDue: 2 }), // A4: Nur on time, Made late; A3 not yet due
        reviews: reviews({}),
      },
      quality: judulTeras([4, 1], [4, 1]), // Made's A2, graded 2 April
      rates: rates({ attendance: 0, rsvp: 1, submissions: 0.75, jp: 0 }),
      index: 35.7, // (0 + 10 + 15 + 0) / 70
      rank: 3,
    });

    expectFigures(byId(r, ag.teluk), {
      officers: 1,
      meetings: meetings({ invited: 2, answered: 1, recorded: 2, absent: 2, attendanceRate: 0, absentTwiceInARow: true }),
      followUps: followUps({ total: 1, overdue: 1 }),
      training: {
        officersEnrolled: 1, modulesCompleted: 0, jpEarned: 0,
        submissions: work({ due: 2, notYetDue: 2 }),
        reviews: reviews({ allocated: 1, done: 1 }), // assigned 00.30 WIT 1 April
      },
      quality: [],
      rates: rates({ attendance: 0, rsvp: 0.5, followUps: 0, reviews: 1, jp: 0 }),
      index: 18.8, // (0 + 5 + 0 + 10 + 0) / 80
      rank: 4,
    });

    // M4 present; M8 ended on 21 April without anyone from Polres and was never marked held
    expectFigures(byId(r, ag.polres), {
      officers: 1,
      meetings: meetings({ invited: 2, answered: 1, recorded: 2, attended: 1, present: 1, absent: 1, attendanceRate: 0.5 }),
      followUps: followUps({}),
      training: { officersEnrolled: 0, modulesCompleted: 0, jpEarned: 0, submissions: work({}), reviews: reviews({}) },
      quality: [],
      rates: rates({ attendance: 0.5, rsvp: 0.5 }),
      index: 50,
      rank: 2,
    });
    const board = await attendanceBoard(db, m.m8, () => NOW);
    expect(board!.agencies.find((a) => a.agencyId === ag.polres)!.status).toBe("absent");
  });

  it("the year 2026: every meeting, module and piece of work of the year, a module completed twice counted once", async () => {
    const r = await report(Y2026);
    expect(names(r)).toEqual(["Kominfo Pelabuhan", "Dinkes", "Kominfo Teluk Timur", "Polres", "Kec. Kota"]);
    expectFigures(byId(r, ag.dinkes), {
      officers: 2,
      // present, absent, excused, absent, present, (running), present: an excused meeting breaks the run
      meetings: meetings({ invited: 7, answered: 5, recorded: 6, attended: 3, present: 3, excused: 1, absent: 2, attendanceRate: 0.5 }),
      followUps: followUps({ total: 5, open: 1, overdue: 1, doneOnTime: 1, doneLate: 1, dropped: 1 }),
      training: {
        officersEnrolled: 2, modulesCompleted: 1, jpEarned: 4,
        submissions: work({ due: 8, onTime: 4, missing: 1, notYetDue: 3 }),
        reviews: reviews({ allocated: 3, done: 1, open: 1, lapsed: 1 }),
      },
      quality: judulTeras([3.5, 2], [2.5, 2]),
      rates: rates({ attendance: 0.5, rsvp: 5 / 7, followUps: 1 / 3, submissions: 0.8, reviews: 1 / 3, jp: (4 / 20 + 0) / 2 }),
      index: 49.1, // 15 + 7.14 + 6.67 + 16 + 3.33 + 1
      rank: 2,
    });
    expectFigures(byId(r, ag.pelabuhan), {
      officers: 2,
      meetings: meetings({ invited: 6, answered: 6, recorded: 5, attended: 3, present: 2, represented: 1, absent: 2, attendanceRate: 0.6, absentTwiceInARow: true }),
      followUps: followUps({ total: 2, open: 1, doneOnTime: 1 }),
      training: {
        officersEnrolled: 2, modulesCompleted: 1, jpEarned: 6,
        submissions: work({ due: 6, onTime: 2, late: 2, notYetDue: 2 }),
        reviews: reviews({ allocated: 1, open: 1 }),
      },
      quality: judulTeras([3, 2], [3, 2]),
      rates: rates({ attendance: 0.6, rsvp: 1, followUps: 1, submissions: 0.75, reviews: 0, jp: (6 / 20 + 0) / 2 }),
      index: 64.5, // 18 + 10 + 20 + 15 + 0 + 1.5
      rank: 1,
    });
    expectFigures(byId(r, ag.teluk), {
      officers: 1,
      meetings: meetings({ invited: 4, answered: 3, recorded: 4, attended: 1, present: 1, excused: 1, absent: 2, attendanceRate: 0.25, absentTwiceInARow: true }),
      followUps: followUps({ total: 2, overdue: 1, doneOnTime: 1 }),
      training: {
        officersEnrolled: 1, modulesCompleted: 1, jpEarned: 4,
        submissions: work({ due: 4, late: 1, missing: 1, notYetDue: 2 }),
        reviews: reviews({ allocated: 1, done: 1 }),
      },
      quality: [],
      rates: rates({ attendance: 0.25, rsvp: 0.75, followUps: 0.5, submissions: 0.25, reviews: 1, jp: 4 / 20 }),
      index: 42, // 7.5 + 7.5 + 10 + 5 + 10 + 2
      rank: 3,
    });
    expectFigures(byId(r, ag.polres), {
      officers: 1,
      meetings: meetings({ invited: 4, answered: 1, recorded: 4, attended: 1, present: 1, absent: 3, attendanceRate: 0.25, absentTwiceInARow: true }),
      followUps: followUps({}),
      training: { officersEnrolled: 0, modulesCompleted: 0, jpEarned: 0, submissions: work({}), reviews: reviews({}) },
      quality: [],
      rates: rates({ attendance: 0.25, rsvp: 0.25 }),
      index: 25,
      rank: 4,
    });
  });

  it("follow-ups agree with the register (its open, overdue, done and dropped tabs)", async () => {
    const r = await report(Y2026);
    for (const agencyId of [ag.dinkes, ag.pelabuhan, ag.teluk, ag.polres]) {
      const register = await followUpCounts(db, agencyId, () => NOW);
      const f = byId(r, agencyId).followUps;
      expect({ open: f.open + f.overdue, overdue: f.overdue, done: f.doneOnTime + f.doneLate, dropped: f.dropped })
        .toEqual({ open: register.terbuka, overdue: register.terlambat, done: register.selesai, dropped: register.batal });
    }
  });

  it("overdue is judged by the due date in the meeting's zone, as in the register", async () => {
    // 23.30 WIB on 20 May = 00.30 WITA on 21 May: the WIB meeting's action due on 20 May is not yet overdue
    const late = new Date("2026-05-20T16:30:00.000Z");
    const register = await followUpCounts(db, ag.pelabuhan, () => late);
    expect(register.terlambat).toBe(0);
    const r = await report(monthPeriod(2026, 5), {}, late);
    expect(byId(r, ag.pelabuhan).followUps).toEqual(followUps({ total: 1, open: 1 }));
    const nextDay = await report(monthPeriod(2026, 5), {}, new Date("2026-05-20T17:30:00.000Z")); // 00.30 WIB on 21 May
    expect(byId(nextDay, ag.pelabuhan).followUps).toEqual(followUps({ total: 1, overdue: 1 }));
  });
});

describe("periods and time zones", () => {
  it("a meeting at 23.30 WITA on 31 March is March for the WITA office, March for WIB, April for WIT", async () => {
    const march = await report(monthPeriod(2026, 3));
    const april = await report(monthPeriod(2026, 4));
    expect(byId(march, ag.pelabuhan).meetings).toEqual(meetings({ invited: 1, answered: 1, recorded: 1, attended: 1, present: 1, attendanceRate: 1 }));
    expect(byId(april, ag.pelabuhan).meetings.invited).toBe(0);
    expect(byId(march, ag.dinkes).meetings).toEqual(meetings({ invited: 1, answered: 1, recorded: 1, excused: 1, attendanceRate: 0 }));
    expect(byId(march, ag.teluk).meetings.invited).toBe(0);
    expect(byId(april, ag.teluk).meetings).toEqual(meetings({ invited: 2, answered: 1, recorded: 2, absent: 2, attendanceRate: 0, absentTwiceInARow: true }));
    // its follow-up belongs where the meeting does: April for Teluk Timur
    expect(byId(march, ag.teluk).followUps.total).toBe(0);
    expect(byId(april, ag.teluk).followUps).toEqual(followUps({ total: 1, overdue: 1 }));
    // the same instant for a completion and a review
    expect(byId(march, ag.pelabuhan).training).toMatchObject({ modulesCompleted: 1, jpEarned: 6, reviews: reviews({ allocated: 1, open: 1 }) });
    expect(byId(april, ag.pelabuhan).training).toMatchObject({ modulesCompleted: 0, jpEarned: 0, reviews: reviews({}) });
    expect(byId(march, ag.teluk).training.reviews).toEqual(reviews({}));
    expect(byId(april, ag.teluk).training.reviews).toEqual(reviews({ allocated: 1, done: 1 }));
    // a grade at 23.30 WIB on 31 March is March for Dinkes
    expect(byId(march, ag.dinkes).quality).toEqual(judulTeras([3.5, 2], [2.5, 2]));
    expect(byId(april, ag.dinkes).quality).toEqual([]);
  });

  it("months: each one holds its own meetings, work, completions (the second completion of a module counts in its month)", async () => {
    const [jan, feb, mar] = await Promise.all([1, 2, 3].map((n) => report(monthPeriod(2026, n))));
    expect(byId(jan, ag.dinkes).meetings).toMatchObject({ invited: 1, present: 1 });
    expect(byId(feb, ag.dinkes).meetings).toMatchObject({ invited: 1, absent: 1 });
    expect(byId(feb, ag.dinkes).training.submissions).toEqual(work({ due: 2, onTime: 2 }));
    expect(byId(mar, ag.dinkes).training.submissions).toEqual(work({ due: 2, onTime: 1, missing: 1 }));
    expect(byId(feb, ag.pelabuhan).training.submissions).toEqual(work({ due: 1, late: 1 }));
    expect(byId(feb, ag.teluk).training.submissions).toEqual(work({ due: 1, missing: 1 }));
    expect(byId(mar, ag.teluk).training.submissions).toEqual(work({ due: 1, late: 1 }));
    expect([jan, feb, mar].map((r) => byId(r, ag.dinkes).training.jpEarned)).toEqual([0, 4, 4]);
    expect([jan, feb, mar].map((r) => byId(r, ag.teluk).training.jpEarned)).toEqual([4, 0, 0]);
  });

  it("a completion at 00.30 WIT on 1 January belongs to the new year; 23.30 WIB on 31 December to the old", async () => {
    const y2025 = await report(yearPeriod(2025));
    expect(byId(y2025, ag.dinkes).training).toMatchObject({ modulesCompleted: 1, jpEarned: 4, officersEnrolled: 1 });
    expect(byId(y2025, ag.teluk).training).toMatchObject({ modulesCompleted: 0, jpEarned: 0, officersEnrolled: 1 });
    const y2026 = await report(Y2026);
    expect(byId(y2026, ag.teluk).training).toMatchObject({ modulesCompleted: 1, jpEarned: 4 });
    expect(byId(y2026, ag.dinkes).training).toMatchObject({ modulesCompleted: 1, jpEarned: 4 }); // Rina only
  });

  it("a custom period from 15 March to 15 April", async () => {
    const parsed = parsePeriod({ periode: "kustom", dari: "2026-03-15", sampai: "2026-04-15" }, "2026-05-20");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = await report(parsed.period);
    expect(r.period).toMatchObject({ kind: "custom", from: "2026-03-15", to: "2026-04-15" });
    expect(byId(r, ag.dinkes).meetings).toEqual(meetings({ invited: 2, answered: 1, recorded: 2, excused: 1, absent: 1, attendanceRate: 0 }));
    expect(byId(r, ag.pelabuhan).meetings).toMatchObject({ invited: 1, present: 1 });
    expect(byId(r, ag.teluk).meetings).toMatchObject({ invited: 2, absent: 2, absentTwiceInARow: true });
    expect(byId(r, ag.polres).meetings).toMatchObject({ invited: 1, present: 1 });
    expect(byId(r, ag.dinkes).training.submissions).toEqual(work({ due: 2, onTime: 1, missing: 1 })); // A2 only
    expect(byId(r, ag.pelabuhan).training).toMatchObject({ jpEarned: 6, submissions: work({ due: 1, onTime: 1 }) });
    expect(byId(r, ag.dinkes).training.jpEarned).toBe(0); // Rina's completions were 10 Feb and 3 Mar
    expect(byId(r, ag.dinkes).training.reviews).toEqual(reviews({ allocated: 3, done: 1, open: 1, lapsed: 1 }));
    expect(byId(r, ag.teluk).training.reviews).toEqual(reviews({ allocated: 1, done: 1 }));
  });
});

describe("filters", () => {
  it("type, region and zone each narrow the agencies (ranks within what is shown)", async () => {
    expect(names(await report(Q1, { type: "tni_polri" }))).toEqual(["Polres"]);
    expect(names(await report(Q1, { type: "pemda" }))).toEqual(["Kominfo Pelabuhan", "Kominfo Teluk Timur"]);
    const region = await report(Q1, { region: "Kabupaten Sukamaju" });
    expect(region.agencies.map((a) => [a.shortName, a.rank])).toEqual([["Dinkes", 1], ["Polres", 2], ["Kec. Kota", null]]);
    expect(region.totals.agencies).toBe(3);
    expect(names(await report(Q1, { zone: "Asia/Makassar" }))).toEqual(["Kominfo Pelabuhan"]);
    expect(names(await report(Q1, { zone: "Asia/Jayapura" }))).toEqual(["Kominfo Teluk Timur"]);
    expect(names(await report(Q1, { zone: "Asia/Pontianak" }))).toEqual([]);
    expect(names(await report(Q1, { type: "opd", region: "Kabupaten Sukamaju", zone: "Asia/Jakarta" }))).toEqual(["Dinkes"]);
  });

  it("parseFilters takes known values and refuses unknown ones with the field's message", async () => {
    expect(await parseFilters(db, { jenis: " opd ", wilayah: "Kabupaten Sukamaju", zona: "Asia/Jakarta" }))
      .toEqual({ ok: true, filters: { type: "opd", region: "Kabupaten Sukamaju", zone: "Asia/Jakarta" } });
    expect(await parseFilters(db, { jenis: "", wilayah: null })).toEqual({ ok: true, filters: {} });
    expect(await parseFilters(db, { jenis: "dinas" })).toMatchObject({ ok: false, error: "report.filter.type" });
    expect(await parseFilters(db, { jenis: "opd", zona: "Europe/London" })).toEqual({ ok: false, error: "report.filter.zone", filters: { type: "opd" } });
    expect(await parseFilters(db, { wilayah: "Atlantis" })).toMatchObject({ ok: false, error: "report.filter.region" });
    // only the deactivated office is in this region: not a choice any more
    expect(await parseFilters(db, { wilayah: "Kota Lama" })).toMatchObject({ ok: false, error: "report.filter.region" });
  });
});

describe("weights", () => {
  it("changed weights change the index and the ranking; equal indexes share a place", async () => {
    await saveWeights(db, { attendance: 0, rsvp: 100, followUps: 0, submissions: 0, reviews: 0, jp: 0 });
    try {
      const r = await report(Q1);
      expect(r.weights).toMatchObject({ rsvp: 100, attendance: 0 });
      expect(r.agencies.map((a) => [a.shortName, a.index, a.rank])).toEqual([
        // equal indexes keep the agencies' name order
        ["Dinkes", 100, 1], ["Kominfo Teluk Timur", 100, 1], ["Kominfo Pelabuhan", 100, 1], ["Polres", 0, 4], ["Kec. Kota", null, null],
      ]);
      await saveWeights(db, { attendance: 50, rsvp: 0, followUps: 10, submissions: 20, reviews: 10, jp: 10 });
      const r2 = await report(Q1);
      // Dinkes: 50·⅓ + 10·⅓ + 20·¾ + 10·⅓ + 10·0.4056 = 42.39
      expect(byId(r2, ag.dinkes).index).toBe(42.4);
      // Teluk Timur (no reviews): (25 + 10 + 5 + 8.11) / 90 = 53.46
      expect(byId(r2, ag.teluk).index).toBe(53.5);
    } finally {
      await saveWeights(db, DEFAULT_WEIGHTS);
    }
    expect((await report(Q1)).weights).toEqual(DEFAULT_WEIGHTS);
  });
});

describe("the agency scorecard", () => {
  const officer = (o: Partial<OfficerFigures> & { userId: string; name: string }): OfficerFigures => ({
    position: null, active: true, meetingsNamed: 0, meetingsCheckedIn: 0, modulesCompleted: 0, jpEarned: 0, enrolled: false,
    submissions: work({}), meanScore: null, reviews: reviews({}), ...o,
  });

  it("has the agency's figures, its place in the network and the officers behind them", async () => {
    const s = (await agencyScorecard(db, ag.dinkes, Q1, NOW))!;
    const { rank, ...inNetwork } = byId(await report(Q1), ag.dinkes);
    expect(s.figures).toEqual(inNetwork);
    expect([s.rank, s.ranked]).toEqual([rank, 4]);
    expect(s.weights).toEqual(DEFAULT_WEIGHTS);
    // Dewi (deactivated, nothing in the period) is left out
    expect(s.officers).toEqual([
      officer({
        userId: p.budi, name: "Budi Santoso", enrolled: true,
        submissions: work({ due: 2, onTime: 1, missing: 1 }), meanScore: 85, reviews: reviews({ allocated: 1, lapsed: 1 }),
      }),
      officer({
        userId: p.rina, name: "Rina Lestari", enrolled: true, meetingsNamed: 2, meetingsCheckedIn: 1, modulesCompleted: 1, jpEarned: 4,
        submissions: work({ due: 2, onTime: 2 }), meanScore: 60, reviews: reviews({ allocated: 2, done: 1, open: 1 }),
      }),
    ]);
  });

  it("an officer named for a meeting a colleague checked in for has not attended it (as on the officer record)", async () => {
    const s = (await agencyScorecard(db, ag.dinkes, Q2, NOW))!;
    expect(s.rank).toBe(1);
    expect(s.officers).toEqual([
      officer({ userId: p.budi, name: "Budi Santoso", enrolled: true, meetingsNamed: 1, meetingsCheckedIn: 0, submissions: work({ due: 2, notYetDue: 2 }) }),
      officer({ userId: p.rina, name: "Rina Lestari", enrolled: true, meetingsNamed: 2, meetingsCheckedIn: 2, submissions: work({ due: 2, onTime: 1, notYetDue: 1 }) }),
    ]);
  });

  it("draws twelve months back from now in the agency's zone, with months without data as gaps", async () => {
    const s = (await agencyScorecard(db, ag.dinkes, Q1, NOW))!;
    expect(s.trend.map((t) => t.period.key)).toEqual([
      "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
    ]);
    for (const t of s.trend.slice(0, 6)) {
      expect(t, t.period.key).toMatchObject({ index: null, attendanceRate: null, submissionRate: null, reviewRate: null, jpEarned: 0, meanLevel: null });
    }
    const points = s.trend.slice(6).map((t) => [t.period.key, t.index, t.attendanceRate, t.submissionRate, t.reviewRate, t.jpEarned, t.meanLevel]);
    expect(points).toEqual([
      ["2025-12", 50, null, null, null, 4, null], // only JP: Budi 4 of his 1.7, Rina 0
      ["2026-01", 66.7, 1, null, null, 0, null], // (30 + 10 + 20·⅓ + 0) / 70
      ["2026-02", 50, 0, 1, null, 4, null], // (0 + 10 + 20 + 5) / 70
      ["2026-03", 35.4, 0, 0.5, expect.closeTo(1 / 3, 9), 4, 3], // (0 + 10 + 10 + 3.33 + 5) / 80
      ["2026-04", 40, 0.5, null, null, 0, null], // (15 + 5 + 0) / 50
      ["2026-05", 78.6, 1, 1, null, 0, null], // (30 + 5 + 20 + 0) / 70
    ]);
  });

  it("still works for a deactivated agency, which is not ranked; an unknown agency has none", async () => {
    const s = (await agencyScorecard(db, ag.lama, Q1, NOW))!;
    expect(s.figures).toMatchObject({ agencyId: ag.lama, officers: 1, index: 100 });
    expect(s.figures.meetings).toEqual(meetings({ invited: 1, answered: 1, recorded: 1, attended: 1, present: 1, attendanceRate: 1 }));
    expect([s.rank, s.ranked]).toEqual([null, 4]);
    expect(s.officers.map((o) => [o.name, o.meetingsNamed, o.meetingsCheckedIn])).toEqual([["Petugas Lama", 1, 1]]);
    expect(await agencyScorecard(db, "tidak-ada", Q1, NOW)).toBeNull();
  });
});

describe("the cache", () => {
  it("answers a repeated request from memory and recomputes after a record changes", async () => {
    clearReportCache(db);
    let t = performance.now();
    const first = await report(Q2);
    const cold = performance.now() - t;
    t = performance.now();
    const again = await report(Q2);
    const warm = performance.now() - t;
    expect(again).toBe(first);
    expect(warm).toBeLessThan(cold);
    expect(byId(first, ag.pelabuhan).meetings.absentTwiceInARow).toBe(true);

    // Made checks in at the forum still running (M6): absent, present, absent is no longer a run.
    const rep = await db.selectFrom("meeting_representative").select("id").where("meeting_id", "=", m.m6).where("user_id", "=", p.made).executeTakeFirstOrThrow();
    expect((await checkInRepresentative(db, { meetingId: m.m6, representativeId: rep.id, actorId: coordinator }, () => NOW)).ok).toBe(true);
    const after = await report(Q2);
    expect(after).not.toBe(first);
    expect(byId(after, ag.pelabuhan).meetings).toEqual(
      meetings({ invited: 3, answered: 3, recorded: 3, attended: 1, present: 1, absent: 2, attendanceRate: 1 / 3 }),
    );
  });
});
