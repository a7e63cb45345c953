// Meetings (rakor): creating and editing them, their life cycle (draft → published → cancelled |
// held → closed), attachments, who may see which meeting (by invitation of the viewer's agency),
// and the meeting list. Invitations/RSVP live in rsvp.server.ts, the agenda in agenda.server.ts,
// reminders in meeting-reminders.server.ts. Every function takes the acting user's scope; routes
// turn the booleans computed here into permission decisions (permissions.server.ts).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { reusableQuery, type DB } from "#db/connection";
import type { Database } from "#db/schema";
import { createId } from "~/.server/crypto.server";
import { writeCache } from "~/.server/write-cache.server";
import { storeAttachment, type CheckedFile } from "~/.server/meeting-files.server";
import { removeUpload } from "~/.server/upload.server";
import type { Clock } from "~/.server/scheduler.server";
import { parseLocale } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { meetingTimeRange, type MeetingKind, type MeetingMode, type MeetingStatus, MEETING_KINDS } from "~/lib/meeting";
import { audit } from "./audit.server";
import { notify } from "./notification.server";
import { syncMeetingReminders } from "./meeting-reminders.server";
import { sendGuestInvitations } from "./rsvp.server";

export interface ActCtx {
  actorId: string;
  /** origin for links in e-mails */
  baseUrl?: string;
  clock?: Clock;
  ip?: string | null;
}
const nowOf = (ctx: { clock?: Clock }) => (ctx.clock ?? (() => new Date()))();

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  mode: MeetingMode;
  venue?: string | null;
  joinUrl?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  descriptionJson?: string | null;
  letterNumber?: string | null;
  reminderLeadMinutes: number;
}

export type MeetingResult = { ok: true } | { ok: false; error: string };

function columns(input: MeetingInput) {
  return {
    title: input.title,
    kind: input.kind,
    mode: input.mode,
    // A venue or link that the mode does not use is not kept.
    venue: input.mode === "daring" ? null : input.venue || null,
    join_url: input.mode === "luring" ? null : input.joinUrl || null,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    time_zone: input.timeZone,
    description_json: input.descriptionJson ?? null,
    letter_number: input.letterNumber || null,
    reminder_lead_minutes: input.reminderLeadMinutes,
  };
}

export async function createMeeting(
  db: DB,
  input: MeetingInput & { inviteAll?: boolean },
  files: CheckedFile[],
  ctx: ActCtx,
): Promise<string> {
  const id = createId();
  const now = nowOf(ctx).toISOString();
  // Files first: a failed write leaves no meeting behind; a failed insert leaves only unreferenced files.
  const stored = await Promise.all(files.map(async (f) => ({ f, path: await storeAttachment(f.bytes) })));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("meeting")
      .values({ id, ...columns(input), status: "draft", created_by: ctx.actorId, created_at: now, updated_at: now })
      .execute();
    for (const { f, path } of stored) {
      await trx
        .insertInto("meeting_attachment")
        .values({ id: createId(), meeting_id: id, file_path: path, original_name: f.name, mime_type: f.mime, size_bytes: f.bytes.byteLength, uploaded_by: ctx.actorId, created_at: now })
        .execute();
    }
    if (input.inviteAll) {
      const agencies = await trx.selectFrom("agency").select("id").where("active", "=", 1).execute();
      for (let i = 0; i < agencies.length; i += 100) {
        await trx
          .insertInto("meeting_invitation")
          .values(agencies.slice(i, i + 100).map((a) => ({ id: createId(), meeting_id: id, agency_id: a.id, created_at: now })))
          .execute();
      }
    }
    await audit(trx, { actorId: ctx.actorId, action: "meeting.create", targetType: "meeting", targetId: id, detail: { title: input.title }, ip: ctx.ip });
  });
  return id;
}

/**
 * Edits a draft or published meeting. A published meeting that moves in time keeps its reminders in
 * step and tells the invited agencies' admins and the named representatives.
 */
export async function updateMeeting(db: DB, id: string, input: MeetingInput, ctx: ActCtx): Promise<MeetingResult & { rescheduled?: boolean }> {
  const current = await db.selectFrom("meeting").select(["status", "starts_at", "ends_at", "reminder_lead_minutes"]).where("id", "=", id).executeTakeFirst();
  if (!current) return { ok: false, error: "error.404" };
  if (current.status !== "draft" && current.status !== "published") return { ok: false, error: "meeting.notEditable" };
  const rescheduled = current.starts_at !== input.startsAt || current.ends_at !== input.endsAt;
  await db
    .updateTable("meeting")
    .set({ ...columns(input), updated_at: nowOf(ctx).toISOString() })
    .where("id", "=", id)
    .execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.update", targetType: "meeting", targetId: id, detail: rescheduled ? { from: current.starts_at, to: input.startsAt } : {}, ip: ctx.ip });
  if (current.status === "published") {
    if (rescheduled || current.reminder_lead_minutes !== input.reminderLeadMinutes) await syncMeetingReminders(db, id, ctx.clock);
    if (rescheduled) await notifyParticipants(db, id, "meeting.rescheduled", ctx);
  }
  return { ok: true, rescheduled };
}

export async function publishMeeting(db: DB, id: string, ctx: ActCtx): Promise<MeetingResult> {
  const m = await db.selectFrom("meeting").select(["status", "starts_at"]).where("id", "=", id).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "draft") return { ok: false, error: "meeting.notDraft" };
  if (new Date(m.starts_at).getTime() <= nowOf(ctx).getTime()) return { ok: false, error: "meeting.publishPast" };
  const now = nowOf(ctx).toISOString();
  const r = await db
    .updateTable("meeting")
    .set({ status: "published", published_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, error: "meeting.notDraft" };
  await audit(db, { actorId: ctx.actorId, action: "meeting.publish", targetType: "meeting", targetId: id, ip: ctx.ip });
  await notifyAgencyAdmins(db, id, null, "meeting.invited", ctx);
  await syncMeetingReminders(db, id, ctx.clock);
  // Guests' links are made (and mailed) now that there is something to see.
  await sendGuestInvitations(db, id, ctx);
  return { ok: true };
}

export async function cancelMeeting(db: DB, id: string, reason: string, ctx: ActCtx): Promise<MeetingResult> {
  const m = await db.selectFrom("meeting").select(["status"]).where("id", "=", id).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "draft" && m.status !== "published") return { ok: false, error: "meeting.notCancellable" };
  const now = nowOf(ctx).toISOString();
  await db.updateTable("meeting").set({ status: "cancelled", cancel_reason: reason, updated_at: now }).where("id", "=", id).execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.cancel", targetType: "meeting", targetId: id, detail: { reason }, ip: ctx.ip });
  await syncMeetingReminders(db, id, ctx.clock);
  // Only a published meeting had anyone told about it.
  if (m.status === "published") await notifyParticipants(db, id, "meeting.cancelled", ctx, { reason });
  return { ok: true };
}

export async function markHeld(db: DB, id: string, ctx: ActCtx): Promise<MeetingResult> {
  const m = await db.selectFrom("meeting").select(["status", "starts_at"]).where("id", "=", id).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "published") return { ok: false, error: "meeting.notPublished" };
  if (new Date(m.starts_at).getTime() > nowOf(ctx).getTime()) return { ok: false, error: "meeting.notStartedYet" };
  await db.updateTable("meeting").set({ status: "held", updated_at: nowOf(ctx).toISOString() }).where("id", "=", id).execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.held", targetType: "meeting", targetId: id, ip: ctx.ip });
  // Attendance per agency becomes final: excused / absent for those nobody checked in for.
  await (await import("./attendance.server")).finaliseAttendance(db, id);
  await syncMeetingReminders(db, id, ctx.clock);
  return { ok: true };
}

export async function closeMeeting(db: DB, id: string, ctx: ActCtx): Promise<MeetingResult> {
  const m = await db.selectFrom("meeting").select(["status"]).where("id", "=", id).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "held") return { ok: false, error: "meeting.notHeld" };
  await db.updateTable("meeting").set({ status: "closed", updated_at: nowOf(ctx).toISOString() }).where("id", "=", id).execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.close", targetType: "meeting", targetId: id, ip: ctx.ip });
  await (await import("./attendance.server")).finaliseAttendance(db, id);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Reading

// Every meeting page starts with it: compiled once (see reusableQuery).
const meetingQuery = reusableQuery((db, id: string) =>
  db
    .selectFrom("meeting")
    .leftJoin("meeting_series", "meeting_series.id", "meeting.series_id")
    .leftJoin("user as creator", "creator.id", "meeting.created_by")
    .selectAll("meeting")
    .select(["meeting_series.title as series_title", "creator.name as creator_name"])
    .where("meeting.id", "=", id),
);

export async function getMeeting(db: DB, id: string) {
  const [m] = await meetingQuery(db, id);
  if (!m) return null;
  return { ...m, status: m.status as MeetingStatus, kind: m.kind as MeetingKind, mode: m.mode as MeetingMode };
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/**
 * What the viewer is to this meeting: whether their agency is invited (and its answer), and whether
 * they are a named representative (with their personal check-in code).
 */
export async function meetingAccess(db: DB, meetingId: string, viewer: { id: string; agencyId: string | null }) {
  const [invitation, representative] = await Promise.all([
    viewer.agencyId
      ? db
          .selectFrom("meeting_invitation")
          .select(["id", "agency_id", "rsvp", "decline_reason", "responded_at", "attendance"])
          .where("meeting_id", "=", meetingId)
          .where("agency_id", "=", viewer.agencyId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom("meeting_representative")
      .select(["id", "agency_id", "checkin_code", "checked_in_at"])
      .where("meeting_id", "=", meetingId)
      .where("user_id", "=", viewer.id)
      .executeTakeFirst(),
  ]);
  return { invited: !!invitation || !!representative, invitation: invitation ?? null, representative: representative ?? null };
}

export async function listAttachments(db: DB, meetingId: string) {
  return db
    .selectFrom("meeting_attachment")
    .select(["id", "original_name", "mime_type", "size_bytes", "created_at"])
    .where("meeting_id", "=", meetingId)
    .orderBy("created_at")
    .execute();
}

export async function getAttachment(db: DB, meetingId: string, attachmentId: string) {
  return db
    .selectFrom("meeting_attachment")
    .select(["id", "file_path", "original_name", "mime_type", "size_bytes"])
    .where("meeting_id", "=", meetingId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}

export async function addAttachments(db: DB, meetingId: string, files: CheckedFile[], ctx: ActCtx): Promise<number> {
  const now = nowOf(ctx).toISOString();
  for (const f of files) {
    const path = await storeAttachment(f.bytes);
    await db
      .insertInto("meeting_attachment")
      .values({ id: createId(), meeting_id: meetingId, file_path: path, original_name: f.name, mime_type: f.mime, size_bytes: f.bytes.byteLength, uploaded_by: ctx.actorId, created_at: now })
      .execute();
  }
  if (files.length) await audit(db, { actorId: ctx.actorId, action: "meeting.attachment.add", targetType: "meeting", targetId: meetingId, detail: { names: files.map((f) => f.name) }, ip: ctx.ip });
  return files.length;
}

export async function removeAttachment(db: DB, meetingId: string, attachmentId: string, ctx: ActCtx): Promise<boolean> {
  const a = await getAttachment(db, meetingId, attachmentId);
  if (!a) return false;
  await db.deleteFrom("meeting_attachment").where("id", "=", a.id).execute();
  await removeUpload(a.file_path);
  await audit(db, { actorId: ctx.actorId, action: "meeting.attachment.remove", targetType: "meeting", targetId: meetingId, detail: { name: a.original_name }, ip: ctx.ip });
  return true;
}

// ---------------------------------------------------------------------------------------------
// The list

export interface ListScope {
  /** the viewer's agency: its invitations decide what a non-coordinator sees, and its answer is shown */
  agencyId: string | null;
  /** coordinator / pimpinan: every meeting, drafts included */
  seeAll: boolean;
}
export interface ListFilter {
  tab: "upcoming" | "past";
  seriesId?: string | null;
  kind?: string | null;
  q?: string | null;
  page?: number;
  pageSize?: number;
}

const VISIBLE_TO_MEMBERS: MeetingStatus[] = ["published", "cancelled", "held", "closed"];

// The list without a search is kept until a meeting or an invitation is written, for the minute:
// the only thing that moves it without a write is a meeting ending (it then leaves "upcoming" for
// "past" up to a minute late). Searches are not kept (their keys are endless).
const keptLists = writeCache<Awaited<ReturnType<typeof readMeetingList>>>(["meeting", "meeting_invitation"]);

export async function listMeetings(db: DB, scope: ListScope, f: ListFilter, clock: Clock = () => new Date()) {
  if (f.q?.trim()) return readMeetingList(db, scope, f, clock());
  const now = clock();
  const minute = now.toISOString().slice(0, 16);
  const key = [scope.seeAll ? "all" : scope.agencyId, f.tab, f.seriesId ?? "", f.kind ?? "", f.page ?? 1, f.pageSize ?? 20, minute].join("|");
  return keptLists(db, key, () => readMeetingList(db, scope, f, new Date(`${minute}:00.000Z`)));
}

async function readMeetingList(db: DB, scope: ListScope, f: ListFilter, now: Date) {
  const pageSize = f.pageSize ?? 20;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  if (!scope.seeAll && !scope.agencyId) return { rows: [], total: 0, page, pageSize };
  const nowIso = now.toISOString();
  // Every meeting lasts at most 7 days, so "not over yet" also bounds starts_at for the index.
  const earliestOngoing = new Date(now.getTime() - 7 * 24 * 3600_000).toISOString();
  const agencyId = scope.agencyId ?? "";

  // Those who see every meeting see every status, so no status condition: the range on starts_at
  // then walks the starts_at index in order and stops after one page. Their own agency's answer is
  // a left join that cannot change the count, so the count leaves it out.
  const term = f.q?.trim();
  const conditions = (eb: ExpressionBuilder<Database, "meeting">) => {
    const c: Expression<SqlBool>[] = [];
    if (!scope.seeAll) c.push(eb("meeting.status", "in", VISIBLE_TO_MEMBERS));
    if (f.tab === "upcoming") c.push(eb("meeting.starts_at", ">=", earliestOngoing), eb("meeting.ends_at", ">=", nowIso));
    else c.push(eb("meeting.starts_at", "<", nowIso), eb("meeting.ends_at", "<", nowIso));
    if (f.seriesId) c.push(eb("meeting.series_id", "=", f.seriesId));
    if (f.kind && (MEETING_KINDS as readonly string[]).includes(f.kind)) c.push(eb("meeting.kind", "=", f.kind));
    if (term) {
      const pattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      c.push(sql<SqlBool>`lower(meeting.title) like lower(${pattern}) escape '\\'`);
    }
    return eb.and(c);
  };
  const q = (scope.seeAll
    ? db.selectFrom("meeting").leftJoin("meeting_invitation as own", (j) => j.onRef("own.meeting_id", "=", "meeting.id").on("own.agency_id", "=", agencyId))
    : db.selectFrom("meeting").innerJoin("meeting_invitation as own", (j) => j.onRef("own.meeting_id", "=", "meeting.id").on("own.agency_id", "=", agencyId))
  ).where(conditions);
  const counted = scope.seeAll ? db.selectFrom("meeting").where(conditions) : q;
  const [rows, total] = await Promise.all([
    q
      .select([
        "meeting.id", "meeting.title", "meeting.kind", "meeting.mode", "meeting.status", "meeting.starts_at",
        "meeting.ends_at", "meeting.time_zone", "meeting.venue", "own.rsvp as own_rsvp",
      ])
      .orderBy("meeting.starts_at", f.tab === "upcoming" ? "asc" : "desc")
      .orderBy("meeting.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    counted.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export async function listSeriesOptions(db: DB) {
  return db.selectFrom("meeting_series").select(["id", "title"]).where("active", "=", 1).orderBy("title").execute();
}

// ---------------------------------------------------------------------------------------------
// Telling people

/** The "when" of a meeting for one recipient: date, then the times in the meeting's and their zone. */
export function meetingWhen(m: { starts_at: string; ends_at: string; time_zone: string }, viewerTz: string, localeRaw: string | null | undefined): string {
  const locale = parseLocale(localeRaw);
  return `${formatDate(m.starts_at, m.time_zone, locale)}, ${meetingTimeRange(m.starts_at, m.ends_at, m.time_zone, viewerTz, locale)}`;
}

/** Notifies the admins of the invited agencies (all, or only `agencyIds`) about this meeting. */
export async function notifyAgencyAdmins(db: DB, meetingId: string, agencyIds: string[] | null, kind: string, ctx: ActCtx, extra: Record<string, string> = {}) {
  const m = await db.selectFrom("meeting").select(["id", "title", "starts_at", "ends_at", "time_zone", "venue", "join_url"]).where("id", "=", meetingId).executeTakeFirstOrThrow();
  let q = db
    .selectFrom("meeting_invitation")
    .innerJoin("user", "user.agency_id", "meeting_invitation.agency_id")
    .select(["user.id", "user.time_zone", "user.locale"])
    .where("meeting_invitation.meeting_id", "=", meetingId)
    .where("user.agency_role", "=", "admin")
    .where("user.status", "=", "active");
  if (agencyIds) {
    if (agencyIds.length === 0) return 0;
    q = q.where("meeting_invitation.agency_id", "in", agencyIds);
  }
  const admins = await q.execute();
  for (const a of admins) {
    await notify(db, {
      userId: a.id,
      kind,
      params: { title: m.title, when: meetingWhen(m, a.time_zone, a.locale), place: placeOf(m), ...extra },
      link: `/rapat/${m.id}`,
      baseUrl: ctx.baseUrl,
    });
  }
  return admins.length;
}

/** Admins of the invited agencies and the named representatives, each told once. */
async function notifyParticipants(db: DB, meetingId: string, kind: string, ctx: ActCtx, extra: Record<string, string> = {}) {
  const m = await db.selectFrom("meeting").select(["id", "title", "starts_at", "ends_at", "time_zone", "venue", "join_url"]).where("id", "=", meetingId).executeTakeFirstOrThrow();
  const [admins, reps] = await Promise.all([
    db
      .selectFrom("meeting_invitation")
      .innerJoin("user", "user.agency_id", "meeting_invitation.agency_id")
      .select(["user.id", "user.time_zone", "user.locale"])
      .where("meeting_invitation.meeting_id", "=", meetingId)
      .where("user.agency_role", "=", "admin")
      .where("user.status", "=", "active")
      .execute(),
    db
      .selectFrom("meeting_representative")
      .innerJoin("user", "user.id", "meeting_representative.user_id")
      .select(["user.id", "user.time_zone", "user.locale"])
      .where("meeting_representative.meeting_id", "=", meetingId)
      .where("user.status", "=", "active")
      .execute(),
  ]);
  const seen = new Set<string>();
  for (const u of [...admins, ...reps]) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    await notify(db, {
      userId: u.id,
      kind,
      params: { title: m.title, when: meetingWhen(m, u.time_zone, u.locale), place: placeOf(m), ...extra },
      link: `/rapat/${m.id}`,
      baseUrl: ctx.baseUrl,
    });
  }
}

export const placeOf = (m: { venue: string | null; join_url: string | null }) => [m.venue, m.join_url].filter(Boolean).join(" · ") || "-";
