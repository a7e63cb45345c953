import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { runDueReminders } from "~/.server/scheduler.server";
import { meetingInstants, meetingSchema } from "~/lib/meeting";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { MEETING_REMINDER } from "./meeting-reminders.server";
import { cancelMeeting, closeMeeting, createMeeting, listMeetings, markHeld, meetingAccess, publishMeeting, updateMeeting, type MeetingInput } from "./meeting.server";
import { answerRsvp } from "./rsvp.server";

const HOUR = 3600_000;
let db: DB;
let coord: string;
let dinkes: string, pupr: string, pelabuhan: string, outsider: string;
let adminDinkes: string, rina: string, adminPelabuhan: string, nur: string;

beforeAll(async () => {
  db = await testDb();
  dinkes = await makeAgency(db, { shortName: "Dinkes" });
  pupr = await makeAgency(db, { shortName: "PUPR" });
  pelabuhan = await makeAgency(db, { shortName: "Pelabuhan", timeZone: "Asia/Makassar" });
  outsider = await makeAgency(db, { shortName: "Luar" });
  coord = await makePerson(db, { roles: ["koordinator"] });
  adminDinkes = await makePerson(db, { agencyId: dinkes, agencyRole: "admin" });
  rina = await makePerson(db, { agencyId: dinkes, name: "Rina Lestari" });
  await makePerson(db, { agencyId: pupr, agencyRole: "admin" });
  adminPelabuhan = await makePerson(db, { agencyId: pelabuhan, agencyRole: "admin", timeZone: "Asia/Makassar" });
  nur = await makePerson(db, { agencyId: pelabuhan, name: "Nurhayati", timeZone: "Asia/Makassar" });
});
afterAll(() => db.destroy());

function input(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Rakor Triwulan I", kind: "rakor", mode: "hibrida", venue: "Ruang Rapat", joinUrl: "https://zoom.us/j/1",
    startsAt: "2026-03-18T02:00:00.000Z", endsAt: "2026-03-18T05:00:00.000Z", timeZone: "Asia/Jakarta",
    reminderLeadMinutes: 1440, ...over,
  };
}

async function invite(meetingId: string, agencyIds: string[]) {
  for (const a of agencyIds) {
    await db.insertInto("meeting_invitation").values({ id: `${meetingId}-${a}`, meeting_id: meetingId, agency_id: a, created_at: new Date().toISOString() }).execute();
  }
}

describe("time zones", () => {
  it("09.00 WITA is stored as 01:00Z and shown back as 09:00 in WITA", () => {
    expect(zonedToUtc("2025-03-18", "09:00", "Asia/Makassar")?.toISOString()).toBe("2025-03-18T01:00:00.000Z");
    expect(zonedToUtc("2025-03-18", "09:00", "Asia/Jakarta")?.toISOString()).toBe("2025-03-18T02:00:00.000Z");
    expect(zonedToUtc("2025-03-18", "09:00", "Asia/Jayapura")?.toISOString()).toBe("2025-03-18T00:00:00.000Z");
    expect(utcToZoned("2025-03-18T01:00:00.000Z", "Asia/Makassar")).toEqual({ date: "2025-03-18", time: "09:00" });
    // late evening in WIT is the previous UTC day
    expect(zonedToUtc("2025-03-18", "06:30", "Asia/Jayapura")?.toISOString()).toBe("2025-03-17T21:30:00.000Z");
    expect(zonedToUtc("2025-02-30", "09:00", "Asia/Jakarta")).toBeNull();
  });

  it("the form's instants follow the chosen zone, and a multi-day meeting uses its end date", () => {
    expect(meetingInstants({ date: "2025-03-18", startTime: "09:00", endTime: "12:00", timeZone: "Asia/Makassar" })).toEqual({
      startsAt: "2025-03-18T01:00:00.000Z", endsAt: "2025-03-18T04:00:00.000Z",
    });
    expect(meetingInstants({ date: "2025-03-18", endDate: "2025-03-20", startTime: "08:00", endTime: "16:00", timeZone: "Asia/Jakarta" }).endsAt).toBe("2025-03-20T09:00:00.000Z");
  });
});

describe("the meeting form", () => {
  const now = Date.parse("2026-03-01T00:00:00Z");
  const base = { title: "Rakor", kind: "rakor", mode: "hibrida", venue: "Aula", joinUrl: "https://zoom.us/j/1", date: "2026-03-18", startTime: "09:00", endTime: "12:00", timeZone: "Asia/Jakarta", reminderLeadMinutes: 1440 };
  const errors = (v: Record<string, unknown>, opts = {}) => {
    const r = meetingSchema({ now, ...opts }).safeParse(v);
    return r.success ? {} : r.error.flatten().fieldErrors;
  };
  it("accepts a complete meeting", () => {
    expect(errors(base)).toEqual({});
  });
  it("refuses an end before the start, a start in the past, a join link that is not an https URL, a missing venue", () => {
    expect(errors({ ...base, endTime: "08:00" }).endTime).toEqual(["meeting.endBeforeStart"]);
    expect(errors({ ...base, date: "2026-02-01" }).date).toEqual(["meeting.startInPast"]);
    expect(errors({ ...base, joinUrl: "zoom meeting" }).joinUrl).toEqual(["meeting.joinUrlInvalid"]);
    expect(errors({ ...base, joinUrl: "javascript:alert(1)" }).joinUrl).toEqual(["meeting.joinUrlInvalid"]);
    expect(errors({ ...base, venue: undefined }).venue).toEqual(["meeting.venueRequired"]);
    expect(errors({ ...base, mode: "daring", venue: undefined, joinUrl: undefined }).joinUrl).toEqual(["meeting.joinUrlRequired"]);
    expect(errors({ ...base, mode: "luring", joinUrl: undefined })).toEqual({});
  });
  it("an edit may keep a start that has already passed, but not move to another past time", () => {
    const keepStart = "2026-02-01T02:00:00.000Z";
    expect(errors({ ...base, date: "2026-02-01" }, { keepStart })).toEqual({});
    expect(errors({ ...base, date: "2026-02-02" }, { keepStart }).date).toEqual(["meeting.startInPast"]);
  });
});

describe("life cycle, visibility and reminders", () => {
  it("a draft is seen only by those who see all; publishing tells the invited agencies' admins", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await createMeeting(db, input(), [], { actorId: coord, clock });
    await invite(id, [dinkes, pelabuhan]);
    const asDinkes = await listMeetings(db, { agencyId: dinkes, seeAll: false }, { tab: "upcoming" }, clock);
    expect(asDinkes.rows.map((r) => r.id)).not.toContain(id);
    const asCoord = await listMeetings(db, { agencyId: null, seeAll: true }, { tab: "upcoming" }, clock);
    expect(asCoord.rows.map((r) => r.id)).toContain(id);

    expect(await publishMeeting(db, id, { actorId: coord, clock })).toEqual({ ok: true });
    const listed = await listMeetings(db, { agencyId: dinkes, seeAll: false }, { tab: "upcoming" }, clock);
    expect(listed.rows.find((r) => r.id === id)?.own_rsvp).toBe("pending");
    expect((await listMeetings(db, { agencyId: outsider, seeAll: false }, { tab: "upcoming" }, clock)).rows.map((r) => r.id)).not.toContain(id);
    expect((await meetingAccess(db, id, { id: rina, agencyId: dinkes })).invited).toBe(true);
    expect((await meetingAccess(db, id, { id: "x", agencyId: outsider })).invited).toBe(false);

    const notes = await db.selectFrom("notification").select(["user_id", "params"]).where("kind", "=", "meeting.invited").execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([adminDinkes, adminPelabuhan].sort());
    // the WITA admin sees the time in the meeting's zone and their own
    const forNur = JSON.parse(notes.find((n) => n.user_id === adminPelabuhan)!.params);
    expect(forNur.when).toContain("09.00–12.00 WIB (10.00–13.00 WITA)");
    expect(await publishMeeting(db, id, { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.notDraft" });
  });

  it("refuses to publish a meeting whose start has passed", async () => {
    const clock = fakeClock("2026-03-20T00:00:00Z");
    const id = await createMeeting(db, input(), [], { actorId: coord, clock });
    expect(await publishMeeting(db, id, { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.publishPast" });
  });

  it("schedules a reminder per representative, moves it on reschedule, sends it once with both zones, and cancels it with the meeting", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await createMeeting(db, input(), [], { actorId: coord, clock });
    await invite(id, [dinkes, pelabuhan]);
    await publishMeeting(db, id, { actorId: coord, clock });
    await answerRsvp(db, { meetingId: id, agencyId: pelabuhan, answer: "attending", officerIds: [nur] }, { actorId: adminPelabuhan, clock });
    const rows = () => db.selectFrom("scheduled_reminder").selectAll().where("ref_id", "=", id).where("kind", "=", MEETING_REMINDER).execute();
    expect((await rows()).map((r) => [r.user_id, r.send_at])).toEqual([[nur, "2026-03-17T02:00:00.000Z"]]);

    // moved by a day: the same row moves, no second one appears
    const r = await updateMeeting(db, id, input({ startsAt: "2026-03-19T02:00:00.000Z", endsAt: "2026-03-19T05:00:00.000Z" }), { actorId: coord, clock });
    expect(r).toEqual({ ok: true, rescheduled: true });
    expect((await rows()).map((x) => [x.user_id, x.send_at, x.sent_at])).toEqual([[nur, "2026-03-18T02:00:00.000Z", null]]);
    const told = await db.selectFrom("notification").select("user_id").where("kind", "=", "meeting.rescheduled").execute();
    expect(told.map((t) => t.user_id).sort()).toEqual([adminDinkes, adminPelabuhan, nur].sort());

    clock.set("2026-03-17T03:00:00Z"); // the old time: nothing due
    await runDueReminders(db, clock);
    expect(await db.selectFrom("notification").select("id").where("kind", "=", MEETING_REMINDER).where("user_id", "=", nur).execute()).toHaveLength(0);
    clock.set("2026-03-18T02:00:30Z");
    await runDueReminders(db, clock);
    await runDueReminders(db, clock);
    const reminders = await db.selectFrom("notification").select("params").where("kind", "=", MEETING_REMINDER).where("user_id", "=", nur).execute();
    expect(reminders).toHaveLength(1);
    expect(JSON.parse(reminders[0].params).time).toBe("09.00 WIB (10.00 WITA)");
    const mail = await db.selectFrom("email_outbox").select(["subject", "text_body"]).where("subject", "like", "%Pengingat rapat%").execute();
    expect(mail.some((m) => m.text_body.includes("09.00 WIB (10.00 WITA)"))).toBe(true);

    // a second meeting, cancelled: its reminder never goes out
    const id2 = await createMeeting(db, input({ title: "Rakor dibatalkan" }), [], { actorId: coord, clock: fakeClock("2026-03-01T00:00:00Z") });
    await invite(id2, [pelabuhan]);
    const c2 = fakeClock("2026-03-01T00:00:00Z");
    await publishMeeting(db, id2, { actorId: coord, clock: c2 });
    await answerRsvp(db, { meetingId: id2, agencyId: pelabuhan, answer: "attending", officerIds: [nur] }, { actorId: adminPelabuhan, clock: c2 });
    expect(await cancelMeeting(db, id2, "Bentrok dengan kunjungan kerja", { actorId: coord, clock: c2 })).toEqual({ ok: true });
    const row = await db.selectFrom("scheduled_reminder").selectAll().where("ref_id", "=", id2).executeTakeFirstOrThrow();
    expect(row.cancelled_at).not.toBeNull();
    c2.set("2026-03-17T02:00:00Z");
    await runDueReminders(db, c2);
    expect((await db.selectFrom("scheduled_reminder").select("sent_at").where("ref_id", "=", id2).executeTakeFirstOrThrow()).sent_at).toBeNull();
    const cancelNotes = await db.selectFrom("notification").select(["user_id", "params"]).where("kind", "=", "meeting.cancelled").execute();
    expect(cancelNotes.map((n) => n.user_id).sort()).toEqual([adminPelabuhan, nur].sort());
    expect(JSON.parse(cancelNotes[0].params).reason).toBe("Bentrok dengan kunjungan kerja");
  });

  it("a reminder that fell due while the server was down is sent on the next run only if the meeting has not started", async () => {
    const clock = fakeClock("2026-04-01T00:00:00Z");
    const mk = async (title: string) => {
      const id = await createMeeting(db, input({ title, startsAt: "2026-04-10T02:00:00.000Z", endsAt: "2026-04-10T04:00:00.000Z" }), [], { actorId: coord, clock });
      await invite(id, [dinkes]);
      await publishMeeting(db, id, { actorId: coord, clock });
      await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "attending", officerIds: [rina] }, { actorId: adminDinkes, clock });
      return id;
    };
    const a = await mk("Rapat A");
    clock.set("2026-04-10T01:00:00Z"); // due since the 9th, server was down; meeting starts in an hour
    await runDueReminders(db, clock);
    const countFor = async (id: string) =>
      (await db.selectFrom("notification").select("params").where("kind", "=", MEETING_REMINDER).where("user_id", "=", rina).execute()).filter((n) => n.params.includes(id === a ? "Rapat A" : "Rapat B")).length;
    expect(await countFor(a)).toBe(1);
    clock.set("2026-04-01T00:00:00Z");
    const b = await mk("Rapat B");
    clock.set("2026-04-10T03:00:00Z"); // already started: claimed, but nothing is sent
    await runDueReminders(db, clock);
    expect(await countFor(b)).toBe(0);
  });

  it("marks held only after the start, and closes only a held meeting", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await createMeeting(db, input(), [], { actorId: coord, clock });
    await publishMeeting(db, id, { actorId: coord, clock });
    expect(await closeMeeting(db, id, { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.notHeld" });
    expect(await markHeld(db, id, { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.notStartedYet" });
    clock.set("2026-03-18T03:00:00Z");
    expect(await markHeld(db, id, { actorId: coord, clock })).toEqual({ ok: true });
    expect(await updateMeeting(db, id, input(), { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.notEditable" });
    expect(await closeMeeting(db, id, { actorId: coord, clock })).toEqual({ ok: true });
    expect(await cancelMeeting(db, id, "x", { actorId: coord, clock })).toEqual({ ok: false, error: "meeting.notCancellable" });
  });
});

describe("the list", () => {
  it("pages by 20, searches titles, and splits upcoming from past", async () => {
    const ldb = await testDb();
    const agency = await makeAgency(ldb, {});
    const actor = await makePerson(ldb, { roles: ["koordinator"] });
    const clock = fakeClock("2026-06-01T00:00:00Z");
    for (let i = 0; i < 45; i++) {
      const start = new Date(Date.parse("2026-05-20T02:00:00Z") + i * 86400_000).toISOString();
      const id = await createMeeting(ldb, input({ title: i % 2 ? `Rakor Isu ${i}` : `Forum ${i}`, startsAt: start, endsAt: new Date(Date.parse(start) + 2 * HOUR).toISOString() }), [], { actorId: actor, clock });
      await ldb.updateTable("meeting").set({ status: "published" }).where("id", "=", id).execute();
      await ldb.insertInto("meeting_invitation").values({ id: `i${i}`, meeting_id: id, agency_id: agency, created_at: "2026-05-01T00:00:00Z" }).execute();
    }
    const scope = { agencyId: agency, seeAll: false };
    const up = await listMeetings(ldb, scope, { tab: "upcoming" }, clock);
    expect(up.total).toBe(33);
    expect(up.rows).toHaveLength(20);
    expect(up.rows[0].starts_at < up.rows[1].starts_at).toBe(true);
    const page2 = await listMeetings(ldb, scope, { tab: "upcoming", page: 2 }, clock);
    expect(page2.rows).toHaveLength(13);
    const past = await listMeetings(ldb, scope, { tab: "past" }, clock);
    expect(past.total).toBe(12);
    expect(past.rows[0].starts_at > past.rows[1].starts_at).toBe(true);
    const found = await listMeetings(ldb, scope, { tab: "upcoming", q: "isu" }, clock);
    expect(found.rows.every((r) => r.title.startsWith("Rakor Isu"))).toBe(true);
    expect((await listMeetings(ldb, scope, { tab: "upcoming", q: "100%_" }, clock)).total).toBe(0);
    await ldb.destroy();
  });
});
