import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { testDb } from "#tests/helpers/db";
import { enrol, handIn, makeModule, setSubmission, type ModuleFixture } from "#tests/helpers/learning-fixtures";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { createId } from "~/.server/crypto.server";
import { jpThisYear, myLearning } from "./learning.server";
import { officerRecord, parseRecordYear } from "./officer-record.server";

// A WITA officer (Diskominfo Kota Pelabuhan Baru) with a known year 2026:
//   JP: 4 (completed 00.30 WITA on 1 Jan 2026) + 8 (23.30 WITA on 31 Dec 2026) = 12; a module
//       finished 00.30 WITA on 1 Jan 2027 belongs to 2027. In WIB the first and last would flip years.
//   certificates: one valid, one revoked (shown, marked, not counted).
//   assignments due in 2026: one late, one missing, one on time with a final grade, one not yet due.
//   a peer review given (rated 4/5), a review still assigned (not given), a self-assessment.
//   meetings: attended by check-in; attended by the agency's paper attendance (nobody checked in);
//             named but a colleague checked in instead (not attended); a cancelled one.
const TZ = "Asia/Makassar";
const NOW = new Date("2026-06-01T02:00:00.000Z");

let db: DB;
let agencyId: string;
let me: string;
let other: string;
let trainingModule: ModuleFixture;
const ids: Record<string, string> = {};

async function completeAt(title: string, jp: number, at: string) {
  const m = await makeModule(db, { title, jp, lessons: 1, assignments: [] });
  const e = await enrol(db, m, me, agencyId);
  await db.updateTable("enrolment").set({ completed_at: at }).where("id", "=", e).execute();
  return { m, e };
}

async function certificate(e: { m: ModuleFixture; e: string }, title: string, jp: number, completedOn: string, revokedAt: string | null) {
  await db.insertInto("certificate").values({
    id: createId(), code: `${title.slice(0, 4).toUpperCase().padEnd(4, "X")}ABCD${jp}234`.slice(0, 12), enrolment_id: e.e, user_id: me, module_id: e.m.moduleId,
    holder_name: "Nur Aisyah", agency_name: "Diskominfo Kota Pelabuhan Baru", module_title: title, jp, starts_on: "2025-12-01",
    completed_on: completedOn, organiser: "Sekretariat Bakohumas", issued_at: "2026-01-02T00:00:00.000Z", revoked_at: revokedAt,
  }).execute();
}

async function version(submissionId: string, at: string) {
  const id = createId();
  await db.insertInto("submission_version").values({ id, submission_id: submissionId, number: 1, body_json: null, submitted_at: at }).execute();
  await db.updateTable("submission").set({ current_version_id: id }).where("id", "=", submissionId).execute();
  return id;
}

beforeAll(async () => {
  db = await testDb();
  agencyId = await makeAgency(db, { name: "Diskominfo Kota Pelabuhan Baru", timeZone: TZ });
  me = await makePerson(db, { agencyId, timeZone: TZ, name: "Nur Aisyah", position: "Pranata Humas Ahli Muda", nip: "198805122010012003" });
  other = await makePerson(db, { agencyId, timeZone: TZ });

  const a = await completeAt("Teras Berita dan Judul Aktif", 4, "2025-12-31T16:30:00.000Z"); // 00.30 WITA 1 Jan 2026
  const b = await completeAt("Menulis Siaran Pers Pemerintah", 8, "2026-12-31T15:30:00.000Z"); // 23.30 WITA 31 Dec 2026
  await completeAt("Foto Jurnalistik dan Keterangan Foto", 6, "2026-12-31T16:30:00.000Z"); // 00.30 WITA 1 Jan 2027
  await certificate(a, "Teras Berita dan Judul Aktif", 4, "2026-01-01", null);
  await certificate(b, "Menulis Siaran Pers Pemerintah", 8, "2026-12-31", "2026-05-01T00:00:00.000Z");

  // A module running in 2026 with four assignments due in it and one due in 2025.
  trainingModule = await makeModule(db, {
    title: "Infografis Berbasis Data", jp: 6, lessons: 1,
    assignments: [
      { title: "Tugas terlambat", dueAt: "2026-03-01T15:59:00.000Z", lateUntil: "2026-03-03T15:59:00.000Z" },
      { title: "Tugas tidak dikumpulkan", dueAt: "2026-04-01T15:59:00.000Z", lateUntil: "2026-04-03T15:59:00.000Z" },
      { title: "Tugas tepat waktu", dueAt: "2026-05-01T15:59:00.000Z", lateUntil: "2026-05-03T15:59:00.000Z" },
      { title: "Tugas belum jatuh tempo", dueAt: "2026-09-01T15:59:00.000Z", lateUntil: "2026-09-03T15:59:00.000Z" },
      { title: "Tugas tahun lalu", dueAt: "2025-06-01T15:59:00.000Z", lateUntil: "2025-06-03T15:59:00.000Z" },
    ],
  });
  await enrol(db, trainingModule, me, agencyId);
  await enrol(db, trainingModule, other, agencyId);
  const [late, , onTime] = trainingModule.assignmentIds;
  const lateSub = await handIn(db, trainingModule, late, me, "2026-03-02T03:00:00.000Z");
  await db.updateTable("submission").set({ late: 1 }).where("id", "=", lateSub).execute();
  const onTimeSub = await handIn(db, trainingModule, onTime, me, "2026-04-28T03:00:00.000Z");
  await setSubmission(db, onTime, me, { status: "graded", score: 80 });
  await db.insertInto("final_grade").values({ submission_id: onTimeSub, facilitator_score: 80, peer_median: 75, score: 78, computed_at: "2026-05-05T00:00:00.000Z" }).execute();

  // Reviews: one given (peer, submitted, rated), one owed, one self-assessment.
  const theirs = await handIn(db, trainingModule, onTime, other, "2026-04-29T03:00:00.000Z");
  const theirVersion = await version(theirs, "2026-04-29T03:00:00.000Z");
  const myVersion = await version(onTimeSub, "2026-04-28T03:00:00.000Z");
  const review = (reviewer: string, submissionId: string, versionId: string, kind: string, status: string, helpfulness: number | null) =>
    db.insertInto("peer_review").values({
      id: createId(), assignment_id: onTime, submission_id: submissionId, version_id: versionId, reviewer_id: reviewer, kind, source: "auto", status,
      assigned_at: "2026-05-02T00:00:00.000Z", submitted_at: status === "submitted" ? "2026-05-03T02:00:00.000Z" : null, helpfulness,
    }).execute();
  await review(me, theirs, theirVersion, "peer", "submitted", 4);
  const third = await makePerson(db, { agencyId: await makeAgency(db, { timeZone: TZ }), timeZone: TZ });
  await enrol(db, trainingModule, third);
  const thirdSub = await handIn(db, trainingModule, onTime, third, "2026-04-29T04:00:00.000Z");
  await review(me, thirdSub, await version(thirdSub, "2026-04-29T04:00:00.000Z"), "peer", "assigned", null);
  await review(me, onTimeSub, myVersion, "self", "submitted", null);

  // Meetings.
  const meeting = async (title: string, startsAt: string, status = "held") => {
    const id = await makeMeeting(db, { title, startsAt, status, timeZone: TZ });
    const inv = await makeInvitation(db, { meetingId: id, agencyId, rsvp: "attending" });
    const rep = await makeRepresentative(db, { meetingId: id, agencyId, userId: me });
    return { id, inv, rep: rep.id };
  };
  const byCheckIn = await meeting("Rakor Triwulan I", "2026-02-10T01:00:00.000Z");
  await db.updateTable("meeting_representative").set({ checked_in_at: "2026-02-10T00:55:00.000Z", checkin_method: "code" }).where("id", "=", byCheckIn.rep).execute();
  await db.updateTable("meeting_invitation").set({ attendance: "present" }).where("id", "=", byCheckIn.inv).execute();
  ids.byCheckIn = byCheckIn.id;

  const onPaper = await meeting("Rapat Redaksi Bulanan Agenda Setting", "2026-03-02T02:00:00.000Z");
  await db.updateTable("meeting_invitation").set({ attendance: "present" }).where("id", "=", onPaper.inv).execute();
  ids.onPaper = onPaper.id;

  const colleagueCame = await meeting("Rakor Isu Krisis", "2026-04-10T01:00:00.000Z");
  const colleague = await makeRepresentative(db, { meetingId: colleagueCame.id, agencyId, userId: other });
  await db.updateTable("meeting_representative").set({ checked_in_at: "2026-04-10T00:58:00.000Z" }).where("id", "=", colleague.id).execute();
  await db.updateTable("meeting_invitation").set({ attendance: "present" }).where("id", "=", colleagueCame.inv).execute();

  const cancelled = await meeting("Rakor yang dibatalkan", "2026-05-10T01:00:00.000Z", "cancelled");
  await db.updateTable("meeting_representative").set({ checked_in_at: "2026-05-10T00:58:00.000Z" }).where("id", "=", cancelled.rep).execute();
});

describe("officer record", () => {
  it("counts JP by the officer's WITA calendar year, as /belajar does", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.jp).toEqual({ year: 2026, earned: 12, target: 20 });
    expect(r.jp).toEqual(await jpThisYear(db, me, TZ, NOW));
    expect(r.jp).toEqual((await myLearning(db, { id: me, timeZone: TZ }, NOW)).jp);
    expect((await officerRecord(db, me, 2025, NOW))!.jp.earned).toBe(0);
    expect((await officerRecord(db, me, 2027, NOW))!.jp.earned).toBe(6);
    // The module rows add up to the same figure.
    const completed = r.modules.filter((m) => m.status === "completed");
    expect(completed.map((m) => m.title)).toEqual(["Teras Berita dan Judul Aktif", "Menulis Siaran Pers Pemerintah"]);
    expect(completed.reduce((s, m) => s + m.jpCounted, 0)).toBe(12);
    expect(r.modules.find((m) => m.title === "Infografis Berbasis Data")).toMatchObject({ status: "inProgress", jpCounted: 0, completedAt: null });
  });

  it("lists both certificates of the year but counts only the valid one", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.certificates.map((c) => [c.moduleTitle, c.revoked])).toEqual([["Teras Berita dan Judul Aktif", false], ["Menulis Siaran Pers Pemerintah", true]]);
    expect(r.certificates[0].code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(r.summary.certificates).toBe(1);
    expect(r.modules.find((m) => m.title === "Menulis Siaran Pers Pemerintah")!.certificate).toMatchObject({ revoked: true });
  });

  it("gives each assignment due in the year its status and final grade", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.assignments.map((a) => [a.title, a.status, a.finalScore])).toEqual([
      ["Tugas terlambat", "late", null],
      ["Tugas tidak dikumpulkan", "missing", null],
      ["Tugas tepat waktu", "onTime", 78],
      ["Tugas belum jatuh tempo", "notDue", null],
    ]);
    expect(r.summary.assignments).toMatchObject({ total: 4, onTime: 1, late: 1, missing: 1, notDue: 1 });
    // Without a final-grade row the fasilitator's score is the grade.
    await db.deleteFrom("final_grade").execute();
    expect((await officerRecord(db, me, 2026, NOW))!.assignments.find((a) => a.status === "onTime")!.finalScore).toBe(80);
  });

  it("lists the peer reviews given in the year with the rating received", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.reviews).toHaveLength(1);
    expect(r.reviews[0]).toMatchObject({ assignmentTitle: "Tugas tepat waktu", moduleTitle: "Infografis Berbasis Data", helpfulness: 4 });
    expect((await officerRecord(db, me, 2025, NOW))!.reviews).toHaveLength(0);
  });

  it("counts a meeting by the person's check-in, or by the agency's attendance where nobody checked in", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.meetings.map((m) => [m.meetingId, m.via, m.agencyAttendance])).toEqual([
      [ids.byCheckIn, "checkIn", "present"],
      [ids.onPaper, "agencyAttendance", "present"],
    ]);
    expect(r.summary.meetingsAttended).toBe(2);
  });

  it("shows the NIP masked and nothing for an unknown person", async () => {
    const r = (await officerRecord(db, me, 2026, NOW))!;
    expect(r.officer.nipMasked).toBe("••••••••••••••2003");
    expect(r.officer.agencyName).toBe("Diskominfo Kota Pelabuhan Baru");
    expect(await officerRecord(db, "tidak-ada", 2026, NOW)).toBeNull();
  });
});

describe("the year asked for", () => {
  it("takes 2000 up to next year and refuses the rest with the current year", () => {
    expect(parseRecordYear("2025", 2026)).toMatchObject({ year: 2025, error: null });
    expect(parseRecordYear("2027", 2026)).toMatchObject({ year: 2027, error: null });
    expect(parseRecordYear(null, 2026)).toMatchObject({ year: 2026, error: null });
    for (const bad of ["abc", "1900", "2028", "20261", "2026.5", "-2026", "1e3"]) {
      expect(parseRecordYear(bad, 2026)).toMatchObject({ year: 2026, error: "record.year.invalid" });
    }
  });
});
