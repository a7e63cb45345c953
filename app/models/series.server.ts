// Meetings made from a template: recurring series (weekly, monthly by date, nth/last weekday of
// the month) whose occurrences are generated ahead as draft meetings linked by series_id +
// occurrence_date, and copies of one meeting with chosen parts. Each generated or copied meeting
// is an ordinary meeting afterwards: it can be moved, cancelled or edited alone.
//
// Generation is idempotent: an occurrence date that already has a meeting (even a cancelled or
// moved one) is never generated again. It runs inside one transaction (SQLite serialises writers,
// and one process owns one network's database), when a series is created, when the series list or
// page is viewed, and daily through the persisted job `series.topup`.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { storeAttachment } from "~/.server/meeting-files.server";
import { registerReminderHandler, scheduleReminder, type Clock } from "~/.server/scheduler.server";
import { inTransaction } from "~/.server/transaction.server";
import { readUpload } from "~/.server/upload.server";
import { addDays, occurrences, SERIES_HORIZON_DAYS, type Recurrence, type RecurrenceRule, type SeriesFormValue } from "~/lib/series";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { audit } from "./audit.server";

export { occurrences };
export const SERIES_TOPUP = "series.topup";

const defaultClock: Clock = () => new Date();

export type SeriesInput = Omit<SeriesFormValue, "description"> & { descriptionJson: string | null };

export async function createSeries(db: DB, actor: { id: string; ip?: string | null }, v: SeriesInput, clock: Clock = defaultClock) {
  const id = createId();
  const now = nowIso(clock);
  await db
    .insertInto("meeting_series")
    .values({
      id,
      title: v.title,
      kind: v.kind,
      mode: v.mode,
      venue: v.venue || null,
      join_url: v.joinUrl || null,
      description_json: v.descriptionJson,
      time_zone: v.timeZone,
      recurrence: v.recurrence,
      weekday: v.recurrence === "monthly_date" ? null : (v.weekday ?? null),
      week_of_month: v.recurrence === "monthly_weekday" ? (v.weekOfMonth ?? 1) : null,
      day_of_month: v.recurrence === "monthly_date" ? (v.dayOfMonth ?? null) : null,
      start_time: v.startTime.replace(".", ":"),
      duration_minutes: v.durationMinutes,
      starts_on: v.startsOn,
      until_date: v.untilDate || null,
      invite_all_agencies: v.inviteAll ? 1 : 0,
      reminder_lead_minutes: v.reminderLeadMinutes,
      active: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(db, { actorId: actor.id, action: "series.create", targetType: "meeting_series", targetId: id, ip: actor.ip, detail: { title: v.title, recurrence: v.recurrence } });
  const created = await topUpSeries(db, id, clock);
  return { id, created };
}

type SeriesRow = Awaited<ReturnType<typeof getSeriesRow>>;
async function getSeriesRow(db: DB, id: string) {
  return db.selectFrom("meeting_series").selectAll().where("id", "=", id).executeTakeFirst();
}

export function ruleOf(s: NonNullable<SeriesRow>): RecurrenceRule {
  return {
    recurrence: s.recurrence as Recurrence,
    weekday: s.weekday,
    weekOfMonth: s.week_of_month,
    dayOfMonth: s.day_of_month,
    startsOn: s.starts_on,
    untilDate: s.until_date,
  };
}

/**
 * Creates the missing draft meetings of a series from today (in the series' zone) up to the
 * horizon; returns how many it created. Schedules tomorrow's top-up while the series is active.
 */
export async function topUpSeries(db: DB, seriesId: string, clock: Clock = defaultClock, horizonDays = SERIES_HORIZON_DAYS): Promise<number> {
  const created = await inTransaction(db, async (trx) => {
    const s = await getSeriesRow(trx, seriesId);
    if (!s || !s.active) return -1;
    const today = utcToZoned(clock(), s.time_zone).date;
    const dates = occurrences(ruleOf(s), today, addDays(today, horizonDays));
    if (dates.length === 0) return 0;
    const existing = new Set(
      (await trx.selectFrom("meeting").select("occurrence_date").where("series_id", "=", s.id).where("occurrence_date", "in", dates).execute())
        .map((r) => r.occurrence_date),
    );
    const missing = dates.filter((d) => !existing.has(d));
    if (missing.length === 0) return 0;
    const agencies = s.invite_all_agencies
      ? await trx.selectFrom("agency").select("id").where("active", "=", 1).execute()
      : [];
    const now = nowIso(clock);
    for (const date of missing) {
      const start = zonedToUtc(date, s.start_time, s.time_zone);
      if (!start) continue;
      const meetingId = createId();
      await trx
        .insertInto("meeting")
        .values({
          id: meetingId,
          series_id: s.id,
          occurrence_date: date,
          title: s.title,
          kind: s.kind,
          mode: s.mode,
          venue: s.venue,
          join_url: s.join_url,
          starts_at: start.toISOString(),
          ends_at: new Date(start.getTime() + s.duration_minutes * 60000).toISOString(),
          time_zone: s.time_zone,
          description_json: s.description_json,
          letter_number: null,
          status: "draft",
          reminder_lead_minutes: s.reminder_lead_minutes,
          created_by: s.created_by,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (agencies.length) {
        await trx
          .insertInto("meeting_invitation")
          .values(agencies.map((a) => ({ id: createId(), meeting_id: meetingId, agency_id: a.id, rsvp: "pending", created_at: now })))
          .execute();
      }
    }
    return missing.length;
  });
  if (created >= 0) await scheduleNextTopUp(db, seriesId, clock);
  return Math.max(0, created);
}

async function scheduleNextTopUp(db: DB, seriesId: string, clock: Clock) {
  const s = await getSeriesRow(db, seriesId);
  if (!s || !s.active) return;
  const tomorrow = addDays(utcToZoned(clock(), s.time_zone).date, 1);
  if (s.until_date && tomorrow > s.until_date) return;
  const at = zonedToUtc(tomorrow, "01:00", s.time_zone);
  if (!at) return;
  await scheduleReminder(db, { kind: SERIES_TOPUP, refId: s.id, userId: null, sendAt: at, dedupeKey: `${SERIES_TOPUP}:${s.id}:${tomorrow}` }, clock);
}

/** Tops up every active series (used when the series list is viewed). */
export async function topUpAllSeries(db: DB, clock: Clock = defaultClock): Promise<number> {
  const ids = await db.selectFrom("meeting_series").select("id").where("active", "=", 1).execute();
  let n = 0;
  for (const { id } of ids) n += await topUpSeries(db, id, clock);
  return n;
}

registerReminderHandler(SERIES_TOPUP, async (db, reminder, clock) => {
  await topUpSeries(db, reminder.ref_id, clock);
});

export async function listSeries(db: DB, clock: Clock = defaultClock) {
  const now = nowIso(clock);
  const rows = await db
    .selectFrom("meeting_series")
    .select([
      "id", "title", "kind", "mode", "recurrence", "weekday", "week_of_month", "day_of_month", "start_time",
      "duration_minutes", "time_zone", "starts_on", "until_date", "active",
    ])
    .select((eb) => [
      eb
        .selectFrom("meeting")
        .select((e2) => e2.fn.min("starts_at").as("next"))
        .whereRef("meeting.series_id", "=", "meeting_series.id")
        .where("meeting.starts_at", ">=", now)
        .where("meeting.status", "!=", "cancelled")
        .as("next_starts_at"),
      eb
        .selectFrom("meeting")
        .select((e2) => e2.fn.countAll<number>().as("n"))
        .whereRef("meeting.series_id", "=", "meeting_series.id")
        .as("meeting_count"),
    ])
    .orderBy("active", "desc")
    .orderBy("title")
    .execute();
  return rows.map((r) => ({ ...r, active: r.active === 1, meeting_count: Number(r.meeting_count ?? 0) }));
}

export async function getSeries(db: DB, id: string) {
  const s = await getSeriesRow(db, id);
  if (!s) return null;
  const meetings = await db
    .selectFrom("meeting")
    .select(["id", "title", "status", "starts_at", "ends_at", "time_zone", "occurrence_date", "cancel_reason"])
    .where("series_id", "=", id)
    .orderBy("occurrence_date")
    .orderBy("starts_at")
    .execute();
  return { series: { ...s, active: s.active === 1, invite_all_agencies: s.invite_all_agencies === 1 }, meetings };
}

/** Stops generating: the series ends today; meetings already made stay as they are. */
export async function endSeries(db: DB, actor: { id: string; ip?: string | null }, id: string, clock: Clock = defaultClock) {
  const s = await getSeriesRow(db, id);
  if (!s || !s.active) return false;
  const today = utcToZoned(clock(), s.time_zone).date;
  await db
    .updateTable("meeting_series")
    .set({ active: 0, until_date: s.until_date && s.until_date < today ? s.until_date : today, updated_at: nowIso(clock) })
    .where("id", "=", id)
    .execute();
  await db.updateTable("scheduled_reminder").set({ cancelled_at: nowIso(clock) }).where("kind", "=", SERIES_TOPUP).where("ref_id", "=", id).where("sent_at", "is", null).execute();
  await audit(db, { actorId: actor.id, action: "series.end", targetType: "meeting_series", targetId: id, ip: actor.ip });
  return true;
}

export interface CopyInput {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  copyAgenda?: boolean;
  copyInvitations?: boolean;
  copyAttachments?: boolean;
}

/** What the copy form offers: the source's counts of each part. */
export async function copySource(db: DB, meetingId: string) {
  const m = await db
    .selectFrom("meeting")
    .select(["id", "title", "status", "starts_at", "ends_at", "time_zone", "series_id"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!m) return null;
  const count = async (table: "agenda_item" | "meeting_invitation" | "meeting_attachment") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("meeting_id", "=", meetingId).executeTakeFirstOrThrow()).n);
  const [agenda, invitations, attachments] = await Promise.all([count("agenda_item"), count("meeting_invitation"), count("meeting_attachment")]);
  return { meeting: m, counts: { agenda, invitations, attachments } };
}

/**
 * A new draft meeting from an existing one at a new date and time (in the original's zone), with
 * the chosen parts: agenda items, invitations to the same agencies (unanswered), attachments (the
 * files are copied, so deleting one never breaks the other).
 */
export async function copyMeeting(db: DB, actor: { id: string; ip?: string | null }, sourceId: string, v: CopyInput, clock: Clock = defaultClock) {
  const src = await db.selectFrom("meeting").selectAll().where("id", "=", sourceId).executeTakeFirst();
  if (!src) return null;
  const start = zonedToUtc(v.date, v.startTime, src.time_zone);
  const end = zonedToUtc(v.date, v.endTime, src.time_zone);
  if (!start || !end) return null;
  // Files are written before the transaction: a failed copy leaves at worst an unreferenced file.
  const files: { row: { original_name: string; mime_type: string; size_bytes: number }; path: string }[] = [];
  if (v.copyAttachments) {
    const atts = await db.selectFrom("meeting_attachment").selectAll().where("meeting_id", "=", sourceId).orderBy("created_at").execute();
    for (const a of atts) {
      const bytes = await readUpload(a.file_path);
      if (!bytes) continue;
      files.push({ row: a, path: await storeAttachment(new Uint8Array(bytes)) });
    }
  }
  const id = createId();
  const now = nowIso(clock);
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("meeting")
      .values({
        id,
        series_id: null,
        occurrence_date: null,
        title: v.title,
        kind: src.kind,
        mode: src.mode,
        venue: src.venue,
        join_url: src.join_url,
        starts_at: start.toISOString(),
        ends_at: end.toISOString(),
        time_zone: src.time_zone,
        description_json: src.description_json,
        letter_number: null,
        status: "draft",
        reminder_lead_minutes: src.reminder_lead_minutes,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (v.copyAgenda) {
      const items = await trx.selectFrom("agenda_item").selectAll().where("meeting_id", "=", sourceId).orderBy("position").execute();
      if (items.length) {
        await trx
          .insertInto("agenda_item")
          .values(items.map((i) => ({ ...i, id: createId(), meeting_id: id, created_at: now, updated_at: now })))
          .execute();
      }
    }
    if (v.copyInvitations) {
      const inv = await trx.selectFrom("meeting_invitation").select("agency_id").where("meeting_id", "=", sourceId).execute();
      if (inv.length) {
        await trx
          .insertInto("meeting_invitation")
          .values(inv.map((i) => ({ id: createId(), meeting_id: id, agency_id: i.agency_id, rsvp: "pending", created_at: now })))
          .execute();
      }
    }
    for (const f of files) {
      await trx
        .insertInto("meeting_attachment")
        .values({ id: createId(), meeting_id: id, file_path: f.path, original_name: f.row.original_name, mime_type: f.row.mime_type, size_bytes: f.row.size_bytes, uploaded_by: actor.id, created_at: now })
        .execute();
    }
  });
  await audit(db, {
    actorId: actor.id, action: "meeting.copy", targetType: "meeting", targetId: id, ip: actor.ip,
    detail: { from: sourceId, agenda: !!v.copyAgenda, invitations: !!v.copyInvitations, attachments: files.length },
  });
  return id;
}
