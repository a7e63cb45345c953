// Attendance of a meeting, by agency and by person: check-in with a representative's personal code
// (typed, or from the QR link), a tap in the list, a time-limited meeting code for online/hybrid
// meetings (people check themselves in), walk-in substitutes, and the per-agency roll-up stored in
// meeting_invitation.attendance:
//   present      a named officer of the agency checked in
//   represented  only a substitute (named by hand) checked in
//   excused      the agency declined, with a reason
//   absent       invited, nobody checked in
// present/represented are written at each check-in; excused/absent only when the attendance is
// final (the meeting is held/closed or over), so a meeting in progress shows "not yet" instead.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { audit } from "./audit.server";
import { newCheckinCode } from "./rsvp.server";

/** People may check themselves in from this long before the start until the end. */
export const CHECKIN_OPENS_MINUTES = 60;
export const MEETING_CODE_MINUTES = 15;

const defaultClock: Clock = () => new Date();

export type AttendanceStatus = "present" | "represented" | "excused" | "absent";
export type CheckInMethod = "code" | "qr" | "list" | "self";
export type CheckInError =
  | "checkin.codeRequired"
  | "checkin.unknownCode"
  | "checkin.otherMeeting"
  | "checkin.meetingCodeExpired"
  | "checkin.isMeetingCode"
  | "checkin.notOpen"
  | "checkin.over"
  | "checkin.cancelled"
  | "checkin.notPublished"
  | "checkin.finalised"
  | "checkin.notInvited"
  | "checkin.notYours"
  | "checkin.notOnline";

export interface CheckedInPerson { kind: "representative" | "guest"; id: string; name: string; agency: string | null; checkedInAt: string }
export type CheckInResult = { ok: true; already: boolean; person: CheckedInPerson } | { ok: false; error: CheckInError };

/** Codes are shown in groups and typed in any case: "ab3 k-9x" reads as "AB3K9X". */
export function normaliseCode(raw: string | null | undefined): string {
  return (raw ?? "").replace(/[\s-]+/g, "").toUpperCase().slice(0, 64);
}
const codeVariants = (raw: string) => {
  const n = normaliseCode(raw);
  return [...new Set([n, n.toLowerCase(), raw.trim()])].filter(Boolean);
};

/** The roll-up of one agency (pure). `final` = the meeting is over: unresolved becomes excused/absent. */
export function rollUpAgency(
  input: { rsvp: string; representatives: { isSubstitute: boolean; checkedIn: boolean }[] },
  final: boolean,
): AttendanceStatus | null {
  if (input.representatives.some((r) => r.checkedIn && !r.isSubstitute)) return "present";
  if (input.representatives.some((r) => r.checkedIn && r.isSubstitute)) return "represented";
  if (!final) return null;
  return input.rsvp === "declined" ? "excused" : "absent";
}

async function meetingRow(db: DB, meetingId: string) {
  return db
    .selectFrom("meeting")
    .select(["id", "title", "status", "mode", "starts_at", "ends_at", "time_zone", "meeting_code", "meeting_code_expires_at"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
}
type MeetingRow = NonNullable<Awaited<ReturnType<typeof meetingRow>>>;

export const isAttendanceFinal = (m: { status: string; ends_at: string }, now: Date) =>
  m.status === "held" || m.status === "closed" || Date.parse(m.ends_at) <= now.getTime();

function statusError(m: MeetingRow): CheckInError | null {
  if (m.status === "cancelled") return "checkin.cancelled";
  if (m.status === "draft") return "checkin.notPublished";
  if (m.status === "closed") return "checkin.finalised";
  return null;
}

function windowError(m: MeetingRow, now: Date): CheckInError | null {
  if (now.getTime() < Date.parse(m.starts_at) - CHECKIN_OPENS_MINUTES * 60000) return "checkin.notOpen";
  if (now.getTime() > Date.parse(m.ends_at)) return "checkin.over";
  return null;
}

function repQuery(db: DB) {
  return db
    .selectFrom("meeting_representative as r")
    .innerJoin("agency as a", "a.id", "r.agency_id")
    .leftJoin("user as u", "u.id", "r.user_id")
    .select([
      "r.id", "r.meeting_id", "r.agency_id", "r.user_id", "r.substitute_name", "r.substitute_position", "r.checkin_code",
      "r.checked_in_at", "r.checkin_method", "u.name as user_name", "u.position as user_position",
      "a.name as agency_name", "a.short_name as agency_short_name",
    ]);
}
type RepRow = Awaited<ReturnType<ReturnType<typeof repQuery>["executeTakeFirstOrThrow"]>>;
const repName = (r: RepRow) => r.user_name ?? r.substitute_name ?? "—";
const repPerson = (r: RepRow, at: string): CheckedInPerson => ({ kind: "representative", id: r.id, name: repName(r), agency: r.agency_short_name, checkedInAt: at });

export type CodeLookup =
  | { ok: true; kind: "representative"; rep: RepRow }
  | { ok: true; kind: "guest"; guest: { id: string; name: string; organisation: string | null; checked_in_at: string | null } }
  | { ok: false; error: CheckInError };

/** Whose code is this, for this meeting? Distinguishes another meeting's code and the meeting code. */
export async function lookupCode(db: DB, meetingId: string, raw: string): Promise<CodeLookup> {
  const variants = codeVariants(raw);
  if (variants.length === 0) return { ok: false, error: "checkin.codeRequired" };
  const rep = await repQuery(db).where("r.checkin_code", "in", variants).executeTakeFirst();
  if (rep) return rep.meeting_id === meetingId ? { ok: true, kind: "representative", rep } : { ok: false, error: "checkin.otherMeeting" };
  const guest = await db
    .selectFrom("meeting_guest")
    .select(["id", "meeting_id", "name", "organisation", "checked_in_at"])
    .where("checkin_code", "in", variants)
    .executeTakeFirst();
  if (guest) return guest.meeting_id === meetingId ? { ok: true, kind: "guest", guest } : { ok: false, error: "checkin.otherMeeting" };
  const meetingWithCode = await db.selectFrom("meeting").select("id").where("meeting_code", "=", normaliseCode(raw)).executeTakeFirst();
  if (meetingWithCode) return { ok: false, error: meetingWithCode.id === meetingId ? "checkin.isMeetingCode" : "checkin.otherMeeting" };
  return { ok: false, error: "checkin.unknownCode" };
}

/** Stores the agency's roll-up after a change (present/represented now; the rest when final). */
async function recomputeAgency(db: DB, meetingId: string, agencyId: string, final: boolean) {
  const inv = await db
    .selectFrom("meeting_invitation")
    .select(["id", "rsvp"])
    .where("meeting_id", "=", meetingId)
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  if (!inv) return;
  const reps = await db
    .selectFrom("meeting_representative")
    .select(["user_id", "checked_in_at"])
    .where("meeting_id", "=", meetingId)
    .where("agency_id", "=", agencyId)
    .execute();
  const status = rollUpAgency({ rsvp: inv.rsvp, representatives: reps.map((r) => ({ isSubstitute: !r.user_id, checkedIn: !!r.checked_in_at })) }, final);
  await db.updateTable("meeting_invitation").set({ attendance: status }).where("id", "=", inv.id).execute();
}

async function markRep(db: DB, m: MeetingRow, rep: RepRow, actorId: string, method: CheckInMethod, clock: Clock): Promise<CheckInResult> {
  if (rep.checked_in_at) return { ok: true, already: true, person: repPerson(rep, rep.checked_in_at) };
  const at = nowIso(clock);
  const r = await db
    .updateTable("meeting_representative")
    .set({ checked_in_at: at, checked_in_by: actorId, checkin_method: method })
    .where("id", "=", rep.id)
    .where("checked_in_at", "is", null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const again = await repQuery(db).where("r.id", "=", rep.id).executeTakeFirstOrThrow();
    return { ok: true, already: true, person: repPerson(again, again.checked_in_at ?? at) };
  }
  await recomputeAgency(db, m.id, rep.agency_id, isAttendanceFinal(m, clock()));
  return { ok: true, already: false, person: repPerson(rep, at) };
}

async function markGuest(db: DB, guest: { id: string; name: string; organisation: string | null; checked_in_at: string | null }, clock: Clock): Promise<CheckInResult> {
  const person = (at: string): CheckedInPerson => ({ kind: "guest", id: guest.id, name: guest.name, agency: guest.organisation, checkedInAt: at });
  if (guest.checked_in_at) return { ok: true, already: true, person: person(guest.checked_in_at) };
  const at = nowIso(clock);
  await db.updateTable("meeting_guest").set({ checked_in_at: at }).where("id", "=", guest.id).where("checked_in_at", "is", null).execute();
  return { ok: true, already: false, person: person(at) };
}

/** The coordinator checks someone in by their personal code (typed, or from the QR link). */
export async function checkInByCode(
  db: DB,
  input: { meetingId: string; code: string; actorId: string; method?: "code" | "qr" },
  clock: Clock = defaultClock,
): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const found = await lookupCode(db, m.id, input.code);
  if (!found.ok) return found;
  if (found.kind === "guest") return markGuest(db, found.guest, clock);
  return markRep(db, m, found.rep, input.actorId, input.method ?? "code", clock);
}

/** The coordinator taps a named person in the list. */
export async function checkInRepresentative(
  db: DB,
  input: { meetingId: string; representativeId: string; actorId: string },
  clock: Clock = defaultClock,
): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const rep = await repQuery(db).where("r.id", "=", input.representativeId).where("r.meeting_id", "=", m.id).executeTakeFirst();
  if (!rep) return { ok: false, error: "checkin.unknownCode" };
  return markRep(db, m, rep, input.actorId, "list", clock);
}

export async function checkInGuest(db: DB, input: { meetingId: string; guestId: string }, clock: Clock = defaultClock): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const guest = await db
    .selectFrom("meeting_guest")
    .select(["id", "name", "organisation", "checked_in_at"])
    .where("id", "=", input.guestId)
    .where("meeting_id", "=", m.id)
    .executeTakeFirst();
  if (!guest) return { ok: false, error: "checkin.unknownCode" };
  return markGuest(db, guest, clock);
}

/** Takes a check-in back (a wrong tap). */
export async function undoCheckIn(db: DB, input: { meetingId: string; representativeId: string; actorId: string }, clock: Clock = defaultClock) {
  const m = await meetingRow(db, input.meetingId);
  if (!m || m.status === "closed") return false;
  const rep = await db
    .selectFrom("meeting_representative")
    .select(["id", "agency_id"])
    .where("id", "=", input.representativeId)
    .where("meeting_id", "=", m.id)
    .executeTakeFirst();
  if (!rep) return false;
  await db.updateTable("meeting_representative").set({ checked_in_at: null, checked_in_by: null, checkin_method: null }).where("id", "=", rep.id).execute();
  await recomputeAgency(db, m.id, rep.agency_id, isAttendanceFinal(m, clock()));
  await audit(db, { actorId: input.actorId, action: "attendance.undo", targetType: "meeting_representative", targetId: rep.id, agencyId: rep.agency_id });
  return true;
}

/** Someone who came for an invited agency without being named: recorded as a substitute, checked in. */
export async function addWalkIn(
  db: DB,
  input: { meetingId: string; agencyId: string; name: string; position?: string | null; actorId: string },
  clock: Clock = defaultClock,
): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const inv = await db.selectFrom("meeting_invitation").select("id").where("meeting_id", "=", m.id).where("agency_id", "=", input.agencyId).executeTakeFirst();
  if (!inv) return { ok: false, error: "checkin.notInvited" };
  const at = nowIso(clock);
  const id = createId();
  await db
    .insertInto("meeting_representative")
    .values({
      id, meeting_id: m.id, agency_id: input.agencyId, user_id: null, substitute_name: input.name, substitute_position: input.position || null,
      checkin_code: await newCheckinCode(db), checked_in_at: at, checked_in_by: input.actorId, checkin_method: "list", created_at: at,
    })
    .execute();
  await recomputeAgency(db, m.id, input.agencyId, isAttendanceFinal(m, clock()));
  const rep = await repQuery(db).where("r.id", "=", id).executeTakeFirstOrThrow();
  return { ok: true, already: false, person: repPerson(rep, at) };
}

/** A fresh self check-in code for an online/hybrid meeting, valid `minutes` from now. */
export async function generateMeetingCode(
  db: DB,
  input: { meetingId: string; actorId: string; minutes?: number },
  clock: Clock = defaultClock,
): Promise<{ ok: true; code: string; expiresAt: string } | { ok: false; error: CheckInError }> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  if (m.mode === "luring") return { ok: false, error: "checkin.notOnline" };
  // Same alphabet as personal codes, and never equal to one (a typed code has one meaning).
  const code = await newCheckinCode(db);
  const expiresAt = new Date(clock().getTime() + (input.minutes ?? MEETING_CODE_MINUTES) * 60000).toISOString();
  await db.updateTable("meeting").set({ meeting_code: code, meeting_code_expires_at: expiresAt, updated_at: nowIso(clock) }).where("id", "=", m.id).execute();
  await audit(db, { actorId: input.actorId, action: "attendance.meetingCode", targetType: "meeting", targetId: m.id, detail: { expiresAt } });
  return { ok: true, code, expiresAt };
}

export interface SelfUser { id: string; agencyId: string | null }

async function ownRepresentative(db: DB, meetingId: string, userId: string) {
  return repQuery(db).where("r.meeting_id", "=", meetingId).where("r.user_id", "=", userId).executeTakeFirst();
}

/**
 * A person checks themself in on the meeting page with the meeting code (online/hybrid) — or their
 * own personal code. An officer of an invited agency who was not named is added as its officer.
 */
export async function selfCheckIn(db: DB, input: { meetingId: string; user: SelfUser; code: string }, clock: Clock = defaultClock): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const code = normaliseCode(input.code);
  if (!code) return { ok: false, error: "checkin.codeRequired" };
  const now = clock();
  if (m.meeting_code && code === m.meeting_code) {
    if (!m.meeting_code_expires_at || Date.parse(m.meeting_code_expires_at) <= now.getTime()) return { ok: false, error: "checkin.meetingCodeExpired" };
  } else {
    const found = await lookupCode(db, m.id, input.code);
    if (!found.ok) return found;
    if (found.kind !== "representative" || found.rep.user_id !== input.user.id) return { ok: false, error: "checkin.notYours" };
    const late = windowError(m, now);
    if (late) return { ok: false, error: late };
    return markRep(db, m, found.rep, input.user.id, "self", clock);
  }
  const late = windowError(m, now);
  if (late) return { ok: false, error: late };
  let rep = await ownRepresentative(db, m.id, input.user.id);
  if (!rep) {
    if (!input.user.agencyId) return { ok: false, error: "checkin.notInvited" };
    const inv = await db.selectFrom("meeting_invitation").select("id").where("meeting_id", "=", m.id).where("agency_id", "=", input.user.agencyId).executeTakeFirst();
    if (!inv) return { ok: false, error: "checkin.notInvited" };
    const id = createId();
    await db
      .insertInto("meeting_representative")
      .values({ id, meeting_id: m.id, agency_id: input.user.agencyId, user_id: input.user.id, checkin_code: await newCheckinCode(db), created_at: nowIso(clock) })
      .execute();
    rep = await repQuery(db).where("r.id", "=", id).executeTakeFirstOrThrow();
  }
  return markRep(db, m, rep, input.user.id, "self", clock);
}

/**
 * The QR link opened by the representative themself while signed in: checks them in only when the
 * code is theirs, for this meeting, and the meeting is within its check-in window.
 */
export async function selfCheckInWithPersonalCode(
  db: DB,
  input: { meetingId: string; userId: string; code: string },
  clock: Clock = defaultClock,
): Promise<CheckInResult> {
  const m = await meetingRow(db, input.meetingId);
  if (!m) return { ok: false, error: "checkin.unknownCode" };
  const blocked = statusError(m);
  if (blocked) return { ok: false, error: blocked };
  const found = await lookupCode(db, m.id, input.code);
  if (!found.ok) return found;
  if (found.kind !== "representative" || found.rep.user_id !== input.userId) return { ok: false, error: "checkin.notYours" };
  if (found.rep.checked_in_at) return { ok: true, already: true, person: repPerson(found.rep, found.rep.checked_in_at) };
  const late = windowError(m, clock());
  if (late) return { ok: false, error: late };
  return markRep(db, m, found.rep, input.userId, "qr", clock);
}

/** Writes every invited agency's final status (call when the meeting is marked held or closed). */
export async function finaliseAttendance(db: DB, meetingId: string): Promise<void> {
  const invs = await db.selectFrom("meeting_invitation").select("agency_id").where("meeting_id", "=", meetingId).execute();
  for (const i of invs) await recomputeAgency(db, meetingId, i.agency_id, true);
}

export interface BoardPerson {
  id: string;
  name: string;
  position: string | null;
  isSubstitute: boolean;
  checkedInAt: string | null;
  method: string | null;
}
export interface BoardAgency {
  agencyId: string;
  name: string;
  shortName: string;
  rsvp: string;
  declineReason: string | null;
  status: AttendanceStatus | null;
  people: BoardPerson[];
}

/** Attendance by agency with named people, the guests, and the counts (computed live). */
export async function attendanceBoard(db: DB, meetingId: string, clock: Clock = defaultClock) {
  const m = await meetingRow(db, meetingId);
  if (!m) return null;
  const final = isAttendanceFinal(m, clock());
  const [invs, reps, guests] = await Promise.all([
    db
      .selectFrom("meeting_invitation as i")
      .innerJoin("agency as a", "a.id", "i.agency_id")
      .select(["i.agency_id", "i.rsvp", "i.decline_reason", "a.name", "a.short_name"])
      .where("i.meeting_id", "=", meetingId)
      .orderBy("a.name")
      .execute(),
    repQuery(db).where("r.meeting_id", "=", meetingId).orderBy("r.created_at").execute(),
    db
      .selectFrom("meeting_guest")
      .select(["id", "name", "organisation", "checked_in_at"])
      .where("meeting_id", "=", meetingId)
      .orderBy("name")
      .execute(),
  ]);
  const byAgency = new Map<string, BoardPerson[]>();
  for (const r of reps) {
    const list = byAgency.get(r.agency_id) ?? [];
    list.push({
      id: r.id,
      name: repName(r),
      position: r.user_id ? r.user_position : r.substitute_position,
      isSubstitute: !r.user_id,
      checkedInAt: r.checked_in_at,
      method: r.checkin_method,
    });
    byAgency.set(r.agency_id, list);
  }
  const agencies: BoardAgency[] = invs.map((i) => {
    const people = byAgency.get(i.agency_id) ?? [];
    return {
      agencyId: i.agency_id,
      name: i.name,
      shortName: i.short_name,
      rsvp: i.rsvp,
      declineReason: i.decline_reason,
      status: rollUpAgency({ rsvp: i.rsvp, representatives: people.map((p) => ({ isSubstitute: p.isSubstitute, checkedIn: !!p.checkedInAt })) }, final),
      people,
    };
  });
  const count = (s: AttendanceStatus | null) => agencies.filter((a) => a.status === s).length;
  return {
    meeting: m,
    final,
    agencies,
    guests,
    summary: {
      invited: agencies.length,
      present: count("present"),
      represented: count("represented"),
      excused: count("excused"),
      absent: count("absent"),
      pending: count(null),
      people: reps.filter((r) => r.checked_in_at).length + guests.filter((g) => g.checked_in_at).length,
    },
  };
}
export type AttendanceBoard = NonNullable<Awaited<ReturnType<typeof attendanceBoard>>>;

/** Agencies that attended (present or represented), falling back to "attending" RSVPs before check-in. */
export async function attendingAgencyIds(db: DB, meetingId: string): Promise<string[]> {
  const board = await attendanceBoard(db, meetingId);
  if (!board) return [];
  const came = board.agencies.filter((a) => a.status === "present" || a.status === "represented").map((a) => a.agencyId);
  if (came.length) return came;
  return board.agencies.filter((a) => a.rsvp === "attending").map((a) => a.agencyId);
}
