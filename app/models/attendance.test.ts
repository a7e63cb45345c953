import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import {
  addWalkIn, attendanceBoard, checkInByCode, checkInRepresentative, finaliseAttendance, generateMeetingCode, rollUpAgency,
  selfCheckIn, selfCheckInWithPersonalCode,
} from "./attendance.server";
import { markHeld } from "./meeting.server";

describe("rollUpAgency (pure)", () => {
  it("present beats represented; excused/absent only once final", () => {
    const officer = { isSubstitute: false, checkedIn: true };
    const sub = { isSubstitute: true, checkedIn: true };
    const notYet = { isSubstitute: false, checkedIn: false };
    expect(rollUpAgency({ rsvp: "attending", representatives: [sub, officer] }, false)).toBe("present");
    expect(rollUpAgency({ rsvp: "attending", representatives: [sub, notYet] }, false)).toBe("represented");
    expect(rollUpAgency({ rsvp: "declined", representatives: [] }, false)).toBeNull();
    expect(rollUpAgency({ rsvp: "declined", representatives: [] }, true)).toBe("excused");
    expect(rollUpAgency({ rsvp: "attending", representatives: [notYet] }, true)).toBe("absent");
    expect(rollUpAgency({ rsvp: "pending", representatives: [] }, true)).toBe("absent");
  });
});

describe("attendance (database)", () => {
  let db: DB;
  let coordinator: string;
  const start = "2026-03-17T02:00:00.000Z"; // Selasa 09.00 WIB
  const end = "2026-03-17T05:00:00.000Z";
  let meeting: string;
  let other: string;
  let ag: Record<"dinkes" | "pupr" | "bpbd" | "polres", string>;
  let rina: string;
  let rinaCode: string;
  let subCode: string;

  beforeEach(async () => {
    db = await testDb();
    ag = { dinkes: await makeAgency(db), pupr: await makeAgency(db), bpbd: await makeAgency(db), polres: await makeAgency(db) };
    coordinator = await makePerson(db, { roles: ["koordinator"] });
    rina = await makePerson(db, { name: "Rina Lestari", agencyId: ag.dinkes });
    meeting = await makeMeeting(db, { startsAt: start, endsAt: end, mode: "hibrida" });
    other = await makeMeeting(db, { startsAt: "2026-03-24T02:00:00.000Z", endsAt: "2026-03-24T05:00:00.000Z" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ag.dinkes, rsvp: "attending" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ag.pupr, rsvp: "attending" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ag.bpbd, rsvp: "declined", declineReason: "Siaga banjir" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ag.polres });
    rinaCode = (await makeRepresentative(db, { meetingId: meeting, agencyId: ag.dinkes, userId: rina, code: "RINA2345" })).code;
    subCode = (await makeRepresentative(db, { meetingId: meeting, agencyId: ag.pupr, substituteName: "Joko (staf)", code: "JOKO2345" })).code;
    await makeInvitation(db, { meetingId: other, agencyId: ag.dinkes, rsvp: "attending" });
    await makeRepresentative(db, { meetingId: other, agencyId: ag.dinkes, userId: rina, code: "LAIN2345" });
  });

  it("rolls up present / represented / excused / absent and stores it when final", async () => {
    const clock = fakeClock("2026-03-17T01:50:00Z");
    expect((await checkInByCode(db, { meetingId: meeting, code: " rina-2345 ", actorId: coordinator }, clock)).ok).toBe(true);
    expect((await checkInByCode(db, { meetingId: meeting, code: subCode, actorId: coordinator }, clock)).ok).toBe(true);

    const live = await attendanceBoard(db, meeting, clock);
    const status = (id: string) => live!.agencies.find((a) => a.agencyId === id)!.status;
    expect(live!.final).toBe(false);
    expect([status(ag.dinkes), status(ag.pupr), status(ag.bpbd), status(ag.polres)]).toEqual(["present", "represented", null, null]);

    await finaliseAttendance(db, meeting);
    const stored = await db.selectFrom("meeting_invitation").select(["agency_id", "attendance"]).where("meeting_id", "=", meeting).execute();
    const s = Object.fromEntries(stored.map((r) => [r.agency_id, r.attendance]));
    expect([s[ag.dinkes], s[ag.pupr], s[ag.bpbd], s[ag.polres]]).toEqual(["present", "represented", "excused", "absent"]);

    clock.set("2026-03-17T06:00:00Z"); // after the end: final on read too
    const after = await attendanceBoard(db, meeting, clock);
    expect(after!.summary).toMatchObject({ invited: 4, present: 1, represented: 1, excused: 1, absent: 1, pending: 0, people: 2 });
  });

  it("marking the meeting held stores the final roll-up for every invited agency", async () => {
    await checkInByCode(db, { meetingId: meeting, code: subCode, actorId: coordinator }, fakeClock("2026-03-17T02:01:00Z"));
    const r = await markHeld(db, meeting, { actorId: coordinator, clock: fakeClock("2026-03-17T05:30:00Z") });
    expect(r).toEqual({ ok: true });
    const stored = await db.selectFrom("meeting_invitation").select(["agency_id", "attendance"]).where("meeting_id", "=", meeting).execute();
    const s = Object.fromEntries(stored.map((x) => [x.agency_id, x.attendance]));
    expect([s[ag.dinkes], s[ag.pupr], s[ag.bpbd], s[ag.polres]]).toEqual(["absent", "represented", "excused", "absent"]);
  });

  it("refuses another meeting's code and an unknown code; a second check-in is no duplicate", async () => {
    const clock = fakeClock("2026-03-17T02:10:00Z");
    expect(await checkInByCode(db, { meetingId: meeting, code: "LAIN2345", actorId: coordinator }, clock)).toEqual({ ok: false, error: "checkin.otherMeeting" });
    expect(await checkInByCode(db, { meetingId: meeting, code: "ZZZZ9999", actorId: coordinator }, clock)).toEqual({ ok: false, error: "checkin.unknownCode" });
    const first = await checkInByCode(db, { meetingId: meeting, code: rinaCode, actorId: coordinator }, clock);
    expect(first).toMatchObject({ ok: true, already: false, person: { name: "Rina Lestari" } });
    clock.advance(5 * 60000);
    const rep = await db.selectFrom("meeting_representative").select("id").where("checkin_code", "=", rinaCode).executeTakeFirstOrThrow();
    const again = await checkInRepresentative(db, { meetingId: meeting, representativeId: rep.id, actorId: coordinator }, clock);
    expect(again).toMatchObject({ ok: true, already: true });
    const rows = await db.selectFrom("meeting_representative").select(["checked_in_at"]).where("user_id", "=", rina).where("meeting_id", "=", meeting).execute();
    expect(rows).toEqual([{ checked_in_at: "2026-03-17T02:10:00.000Z" }]);
  });

  it("meeting code: self check-in while valid, refused once expired or for another meeting", async () => {
    const clock = fakeClock("2026-03-17T02:00:00Z");
    const gen = await generateMeetingCode(db, { meetingId: meeting, actorId: coordinator }, clock);
    expect(gen.ok).toBe(true);
    if (!gen.ok) return;
    expect(gen.expiresAt).toBe("2026-03-17T02:15:00.000Z");
    const agus = await makePerson(db, { name: "Agus", agencyId: ag.dinkes });
    const r = await selfCheckIn(db, { meetingId: meeting, user: { id: agus, agencyId: ag.dinkes }, code: gen.code.toLowerCase() }, clock);
    expect(r).toMatchObject({ ok: true, already: false, person: { name: "Agus" } });

    // The same code typed on another meeting's page.
    const atOther = await selfCheckIn(db, { meetingId: other, user: { id: rina, agencyId: ag.dinkes }, code: gen.code }, clock);
    expect(atOther).toEqual({ ok: false, error: "checkin.otherMeeting" });

    clock.advance(16 * 60000);
    const late = await selfCheckIn(db, { meetingId: meeting, user: { id: rina, agencyId: ag.dinkes }, code: gen.code }, clock);
    expect(late).toEqual({ ok: false, error: "checkin.meetingCodeExpired" });

    // Someone whose agency is not invited.
    const gen2 = await generateMeetingCode(db, { meetingId: meeting, actorId: coordinator }, clock);
    const outsider = await makePerson(db, { agencyId: await makeAgency(db) });
    const o = await selfCheckIn(db, { meetingId: meeting, user: { id: outsider, agencyId: "x" }, code: gen2.ok ? gen2.code : "" }, clock);
    expect(o).toEqual({ ok: false, error: "checkin.notInvited" });
  });

  it("a meeting code is refused for in-person meetings", async () => {
    const luring = await makeMeeting(db, { mode: "luring", joinUrl: null });
    expect(await generateMeetingCode(db, { meetingId: luring, actorId: coordinator })).toEqual({ ok: false, error: "checkin.notOnline" });
  });

  it("the QR link checks the representative themself in only within the window, and only with their own code", async () => {
    const clock = fakeClock("2026-03-17T00:30:00Z"); // 90 minutes before the start
    expect(await selfCheckInWithPersonalCode(db, { meetingId: meeting, userId: rina, code: rinaCode }, clock)).toEqual({ ok: false, error: "checkin.notOpen" });
    clock.set("2026-03-17T01:30:00Z");
    const someoneElse = await makePerson(db, { agencyId: ag.pupr });
    expect(await selfCheckInWithPersonalCode(db, { meetingId: meeting, userId: someoneElse, code: rinaCode }, clock)).toEqual({ ok: false, error: "checkin.notYours" });
    expect(await selfCheckInWithPersonalCode(db, { meetingId: meeting, userId: rina, code: rinaCode }, clock)).toMatchObject({ ok: true, already: false });
    clock.set("2026-03-17T05:30:00Z");
    // After the end, already checked in stays a friendly answer.
    expect(await selfCheckInWithPersonalCode(db, { meetingId: meeting, userId: rina, code: rinaCode }, clock)).toMatchObject({ ok: true, already: true });
  });

  it("a walk-in substitute makes an agency represented; a cancelled meeting takes no check-in", async () => {
    const clock = fakeClock("2026-03-17T02:05:00Z");
    const r = await addWalkIn(db, { meetingId: meeting, agencyId: ag.polres, name: "Bripda Sari", position: "Banum Humas", actorId: coordinator }, clock);
    expect(r.ok).toBe(true);
    const board = await attendanceBoard(db, meeting, clock);
    expect(board!.agencies.find((a) => a.agencyId === ag.polres)!.status).toBe("represented");
    await db.updateTable("meeting").set({ status: "cancelled" }).where("id", "=", meeting).execute();
    expect(await checkInByCode(db, { meetingId: meeting, code: rinaCode, actorId: coordinator }, clock)).toEqual({ ok: false, error: "checkin.cancelled" });
  });
});
