// Outcomes of meetings and the follow-up register (RTL). An outcome is information, a decision or
// an action under an agenda item (or the meeting in general); an action has an owner agency, a
// contact person among its officers, a due date (a calendar date in the meeting's zone) and a
// status (open → in progress → done | dropped) moved by progress updates from the owner agency's
// admin or the coordinator.
//
// Carry-over is computed on read, never copied: a meeting of a series opens with the open actions
// of the series' earlier meetings (`openFollowUpsForMeeting`). Overdue = due date before today in
// the meeting's own zone, and not done or dropped.
//
// Owners are reminded DUE_REMINDER_DAYS before the due date through the persisted scheduler (kind
// `followup.due`, one row per outcome and due date); a new due date moves the reminder, done or
// dropped cancels it.
import { sql } from "kysely";
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { cancelReminders, registerReminderHandler, scheduleReminder, type Clock } from "~/.server/scheduler.server";
import { inTransaction } from "~/.server/transaction.server";
import { formatDate } from "~/i18n/format";
import { DUE_REMINDER_DAYS, isClosedStatus, type FollowUpStatus, type OutcomeFormValue, type RegisterFilter } from "~/lib/follow-up";
import { addDays } from "~/lib/series";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { audit } from "./audit.server";
import { notify } from "./notification.server";

export const FOLLOW_UP_DUE = "followup.due";
const defaultClock: Clock = () => new Date();

export interface Actor { id: string; ip?: string | null }
export type OutcomeError = "outcome.agendaItemInvalid" | "outcome.contactNotOfficer" | "outcome.ownerInvalid" | "outcome.missing" | "outcome.meetingCancelled";

export const todayIn = (tz: string, clock: Clock = defaultClock) => utcToZoned(clock(), tz).date;
export const isOverdue = (o: { due_date: string | null; status: string; type?: string }, tz: string, clock: Clock = defaultClock) =>
  (o.type === undefined || o.type === "action") && !!o.due_date && !isClosedStatus(o.status) && o.due_date < todayIn(tz, clock);

async function checkRefs(db: DB, meetingId: string, v: OutcomeFormValue): Promise<OutcomeError | null> {
  if (v.agendaItemId) {
    const item = await db.selectFrom("agenda_item").select("id").where("id", "=", v.agendaItemId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!item) return "outcome.agendaItemInvalid";
  }
  if (v.ownerAgencyId) {
    const agency = await db.selectFrom("agency").select("id").where("id", "=", v.ownerAgencyId).executeTakeFirst();
    if (!agency) return "outcome.ownerInvalid";
  }
  if (v.contactUserId) {
    const u = await db.selectFrom("user").select("agency_id").where("id", "=", v.contactUserId).where("status", "=", "active").executeTakeFirst();
    if (!u || !v.ownerAgencyId || u.agency_id !== v.ownerAgencyId) return "outcome.contactNotOfficer";
  }
  return null;
}

function columns(v: OutcomeFormValue) {
  const action = v.type === "action";
  return {
    type: v.type,
    text: v.text,
    agenda_item_id: v.agendaItemId || null,
    owner_agency_id: v.ownerAgencyId || null,
    contact_user_id: v.ownerAgencyId ? v.contactUserId || null : null,
    due_date: action || v.dueDate ? v.dueDate || null : null,
  };
}

export async function createOutcome(
  db: DB,
  actor: Actor,
  meetingId: string,
  v: OutcomeFormValue,
  clock: Clock = defaultClock,
): Promise<{ ok: true; id: string } | { ok: false; error: OutcomeError }> {
  const meeting = await db.selectFrom("meeting").select(["status"]).where("id", "=", meetingId).executeTakeFirst();
  if (!meeting) return { ok: false, error: "outcome.missing" };
  if (meeting.status === "cancelled") return { ok: false, error: "outcome.meetingCancelled" };
  const bad = await checkRefs(db, meetingId, v);
  if (bad) return { ok: false, error: bad };
  const id = createId();
  const now = nowIso(clock);
  await db
    .insertInto("outcome")
    .values({ id, meeting_id: meetingId, ...columns(v), status: "open", created_by: actor.id, created_at: now, updated_at: now })
    .execute();
  await audit(db, { actorId: actor.id, action: "outcome.create", targetType: "outcome", targetId: id, agencyId: v.ownerAgencyId || null, ip: actor.ip, detail: { type: v.type } });
  await syncDueReminder(db, id, clock);
  return { ok: true, id };
}

export async function updateOutcome(
  db: DB,
  actor: Actor,
  outcomeId: string,
  v: OutcomeFormValue,
  clock: Clock = defaultClock,
): Promise<{ ok: true } | { ok: false; error: OutcomeError }> {
  const o = await db.selectFrom("outcome").select(["meeting_id"]).where("id", "=", outcomeId).executeTakeFirst();
  if (!o) return { ok: false, error: "outcome.missing" };
  const bad = await checkRefs(db, o.meeting_id, v);
  if (bad) return { ok: false, error: bad };
  await db.updateTable("outcome").set({ ...columns(v), updated_at: nowIso(clock) }).where("id", "=", outcomeId).execute();
  await audit(db, { actorId: actor.id, action: "outcome.update", targetType: "outcome", targetId: outcomeId, agencyId: v.ownerAgencyId || null, ip: actor.ip });
  await syncDueReminder(db, outcomeId, clock);
  return { ok: true };
}

export async function deleteOutcome(db: DB, actor: Actor, outcomeId: string, clock: Clock = defaultClock): Promise<boolean> {
  const o = await db.selectFrom("outcome").select(["id", "owner_agency_id"]).where("id", "=", outcomeId).executeTakeFirst();
  if (!o) return false;
  await cancelReminders(db, { kind: FOLLOW_UP_DUE, refId: outcomeId }, clock);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("follow_up_update").where("outcome_id", "=", outcomeId).execute();
    await trx.deleteFrom("outcome").where("id", "=", outcomeId).execute();
  });
  await audit(db, { actorId: actor.id, action: "outcome.delete", targetType: "outcome", targetId: outcomeId, agencyId: o.owner_agency_id, ip: actor.ip });
  return true;
}

/** A progress update: the new status and a note. Done/dropped cancel the due reminder. */
export async function addProgress(
  db: DB,
  actor: Actor,
  outcomeId: string,
  v: { status: FollowUpStatus; note: string },
  clock: Clock = defaultClock,
): Promise<boolean> {
  const o = await db.selectFrom("outcome").select(["id", "type", "status", "owner_agency_id", "done_at"]).where("id", "=", outcomeId).executeTakeFirst();
  if (!o || o.type !== "action") return false;
  const now = nowIso(clock);
  await inTransaction(db, async (trx) => {
    await trx.insertInto("follow_up_update").values({ id: createId(), outcome_id: outcomeId, user_id: actor.id, status: v.status, note: v.note, created_at: now }).execute();
    await trx
      .updateTable("outcome")
      .set({ status: v.status, done_at: v.status === "done" ? (o.status === "done" ? o.done_at : now) : null, updated_at: now })
      .where("id", "=", outcomeId)
      .execute();
  });
  await audit(db, { actorId: actor.id, action: "followup.progress", targetType: "outcome", targetId: outcomeId, agencyId: o.owner_agency_id, ip: actor.ip, detail: { status: v.status } });
  await syncDueReminder(db, outcomeId, clock);
  return true;
}

// ——— reminders ———

const dueKey = (outcomeId: string, due: string) => `${FOLLOW_UP_DUE}:${outcomeId}:${due}`;

/** When the owner is reminded of a due date (null: no reminder, e.g. it is already past). */
export function dueReminderAt(dueDate: string, tz: string, clock: Clock = defaultClock): Date | null {
  const today = todayIn(tz, clock);
  if (dueDate < today) return null;
  const at = zonedToUtc(addDays(dueDate, -DUE_REMINDER_DAYS), "08:00", tz);
  if (!at) return null;
  return at.getTime() < clock().getTime() ? clock() : at;
}

/** Makes the scheduled reminder match the outcome: scheduled, moved, or cancelled. */
export async function syncDueReminder(db: DB, outcomeId: string, clock: Clock = defaultClock): Promise<void> {
  const o = await db
    .selectFrom("outcome as o")
    .innerJoin("meeting as m", "m.id", "o.meeting_id")
    .select(["o.id", "o.type", "o.status", "o.due_date", "o.owner_agency_id", "m.time_zone"])
    .where("o.id", "=", outcomeId)
    .executeTakeFirst();
  // Any other due date's reminder is obsolete.
  const pending = await db
    .selectFrom("scheduled_reminder")
    .select(["dedupe_key"])
    .where("kind", "=", FOLLOW_UP_DUE)
    .where("ref_id", "=", outcomeId)
    .where("sent_at", "is", null)
    .where("cancelled_at", "is", null)
    .execute();
  const wanted = o && o.type === "action" && o.due_date && o.owner_agency_id && !isClosedStatus(o.status) ? dueKey(o.id, o.due_date) : null;
  for (const p of pending) {
    if (p.dedupe_key !== wanted) await cancelReminders(db, { kind: FOLLOW_UP_DUE, refId: outcomeId, dedupeKey: p.dedupe_key }, clock);
  }
  if (!o || !wanted || !o.due_date) return;
  const at = dueReminderAt(o.due_date, o.time_zone, clock);
  if (!at) return;
  await scheduleReminder(db, { kind: FOLLOW_UP_DUE, refId: o.id, userId: null, sendAt: at, dedupeKey: wanted }, clock);
}

/** Who is reminded: the owner agency's active admins and the contact person. */
export async function followUpRecipients(db: DB, outcome: { owner_agency_id: string | null; contact_user_id: string | null }): Promise<string[]> {
  const ids = new Set<string>();
  if (outcome.owner_agency_id) {
    const admins = await db
      .selectFrom("user")
      .select("id")
      .where("agency_id", "=", outcome.owner_agency_id)
      .where("agency_role", "=", "admin")
      .where("status", "=", "active")
      .execute();
    for (const a of admins) ids.add(a.id);
  }
  if (outcome.contact_user_id) ids.add(outcome.contact_user_id);
  return [...ids];
}

registerReminderHandler(FOLLOW_UP_DUE, async (db, reminder) => {
  const o = await db
    .selectFrom("outcome as o")
    .innerJoin("meeting as m", "m.id", "o.meeting_id")
    .select(["o.id", "o.text", "o.type", "o.status", "o.due_date", "o.owner_agency_id", "o.contact_user_id", "m.title", "m.time_zone"])
    .where("o.id", "=", reminder.ref_id)
    .executeTakeFirst();
  // Still meaningful? Not done/dropped, and the due date is the one this reminder was made for.
  if (!o || o.type !== "action" || isClosedStatus(o.status) || !o.due_date || reminder.dedupe_key !== dueKey(o.id, o.due_date)) return;
  const due = formatDate(`${o.due_date}T12:00:00Z`, "UTC", "id");
  const text = o.text.length > 160 ? `${o.text.slice(0, 157)}…` : o.text;
  for (const userId of await followUpRecipients(db, o)) {
    await notify(db, { userId, kind: "followup.due", params: { text, due, meeting: o.title }, link: `/tindak-lanjut/${o.id}` });
  }
});

// ——— reading ———

function outcomeQuery(db: DB) {
  return db
    .selectFrom("outcome as o")
    .innerJoin("meeting as m", "m.id", "o.meeting_id")
    .leftJoin("agency as a", "a.id", "o.owner_agency_id")
    .leftJoin("user as c", "c.id", "o.contact_user_id")
    .leftJoin("agenda_item as ai", "ai.id", "o.agenda_item_id")
    .select([
      "o.id", "o.meeting_id", "o.agenda_item_id", "o.type", "o.text", "o.owner_agency_id", "o.contact_user_id", "o.due_date",
      "o.status", "o.done_at", "o.created_at", "o.updated_at",
      "m.title as meeting_title", "m.starts_at as meeting_starts_at", "m.time_zone", "m.series_id",
      "a.name as owner_name", "a.short_name as owner_short_name",
      "c.name as contact_name", "c.phone as contact_phone", "c.email as contact_email",
      "ai.title as agenda_title", "ai.position as agenda_position",
    ]);
}

/** Every outcome of a meeting, in agenda order (general ones first), with the latest progress. */
export async function listOutcomes(db: DB, meetingId: string, clock: Clock = defaultClock) {
  const rows = await outcomeQuery(db)
    .select((eb) =>
      eb.selectFrom("follow_up_update as f").select((e2) => e2.fn.countAll<number>().as("n")).whereRef("f.outcome_id", "=", "o.id").as("update_count"),
    )
    .where("o.meeting_id", "=", meetingId)
    .orderBy(sql`coalesce(ai.position, 0)`)
    .orderBy("o.created_at")
    .execute();
  return rows.map((r) => ({ ...r, update_count: Number(r.update_count ?? 0), overdue: isOverdue(r, r.time_zone, clock) }));
}
export type OutcomeRow = Awaited<ReturnType<typeof listOutcomes>>[number];

export async function getFollowUp(db: DB, outcomeId: string, clock: Clock = defaultClock) {
  const o = await outcomeQuery(db).where("o.id", "=", outcomeId).executeTakeFirst();
  if (!o) return null;
  const updates = await db
    .selectFrom("follow_up_update as f")
    .innerJoin("user as u", "u.id", "f.user_id")
    .leftJoin("agency as a", "a.id", "u.agency_id")
    .select(["f.id", "f.status", "f.note", "f.created_at", "u.name as author", "a.short_name as author_agency"])
    .where("f.outcome_id", "=", outcomeId)
    .orderBy("f.created_at", "desc")
    .execute();
  return { outcome: { ...o, overdue: isOverdue(o, o.time_zone, clock) }, updates };
}

/** The open actions of the series' earlier meetings: the "Tindak lanjut rapat sebelumnya" section. */
export async function openFollowUpsForMeeting(db: DB, meetingId: string, clock: Clock = defaultClock) {
  const m = await db.selectFrom("meeting").select(["id", "series_id", "starts_at"]).where("id", "=", meetingId).executeTakeFirst();
  if (!m?.series_id) return [];
  const rows = await outcomeQuery(db)
    .where("m.series_id", "=", m.series_id)
    .where("m.id", "!=", m.id)
    .where("m.starts_at", "<", m.starts_at)
    .where("m.status", "!=", "cancelled")
    .where("o.type", "=", "action")
    .where("o.status", "in", ["open", "in_progress"])
    .orderBy("o.due_date")
    .orderBy("m.starts_at")
    .execute();
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, r.time_zone, clock) }));
}
export type CarriedFollowUp = Awaited<ReturnType<typeof openFollowUpsForMeeting>>[number];

export interface RegisterFilterInput {
  status: RegisterFilter;
  /** only this agency's actions (forced for viewers who do not read everything) */
  agencyId?: string | null;
  page?: number;
  pageSize?: number;
}

/** The register of actions across meetings, newest due first within the filter; paginated. */
export async function listFollowUps(db: DB, f: RegisterFilterInput, clock: Clock = defaultClock) {
  const pageSize = f.pageSize ?? 25;
  const page = Math.max(1, f.page ?? 1);
  let q = db
    .selectFrom("outcome as o")
    .innerJoin("meeting as m", "m.id", "o.meeting_id")
    .where("o.type", "=", "action")
    .where("m.status", "!=", "cancelled");
  if (f.agencyId) q = q.where("o.owner_agency_id", "=", f.agencyId);
  if (f.status === "terbuka") q = q.where("o.status", "in", ["open", "in_progress"]);
  if (f.status === "proses") q = q.where("o.status", "=", "in_progress");
  if (f.status === "selesai") q = q.where("o.status", "=", "done");
  if (f.status === "batal") q = q.where("o.status", "=", "dropped");
  if (f.status === "terlambat") {
    // "Today" differs per zone: compare each meeting's due date with its own zone's date.
    const zones = (await db.selectFrom("meeting").select("time_zone").distinct().execute()).map((z) => z.time_zone);
    q = q
      .where("o.status", "in", ["open", "in_progress"])
      .where("o.due_date", "is not", null)
      .where((eb) => eb.or(zones.map((z) => eb.and([eb("m.time_zone", "=", z), eb("o.due_date", "<", todayIn(z, clock))]))));
  }
  const [total, ids] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .select("o.id")
      .orderBy(sql`case when o.status in ('open', 'in_progress') then 0 else 1 end`)
      .orderBy("o.due_date")
      .orderBy("o.created_at")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const rows = ids.length
    ? await outcomeQuery(db)
        .select((eb) =>
          eb
            .selectFrom("follow_up_update as f")
            .select("f.created_at")
            .whereRef("f.outcome_id", "=", "o.id")
            .orderBy("f.created_at", "desc")
            .limit(1)
            .as("last_update_at"),
        )
        .where("o.id", "in", ids.map((i) => i.id))
        .execute()
    : [];
  const order = new Map(ids.map((i, n) => [i.id, n]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const n = Number(total.n);
  return {
    rows: rows.map((r) => ({ ...r, overdue: isOverdue(r, r.time_zone, clock) })),
    total: n,
    page,
    pages: Math.max(1, Math.ceil(n / pageSize)),
  };
}

/** Counts per status for the register's tabs (same scope as the list). */
export async function followUpCounts(db: DB, agencyId: string | null | undefined, clock: Clock = defaultClock) {
  const out: Record<RegisterFilter, number> = { terbuka: 0, terlambat: 0, proses: 0, selesai: 0, batal: 0, semua: 0 };
  for (const status of Object.keys(out) as RegisterFilter[]) {
    out[status] = (await listFollowUps(db, { status, agencyId, pageSize: 1 }, clock)).total;
  }
  return out;
}

/** Officers of an agency (contact person choices). */
export async function agencyOfficers(db: DB, agencyIds: string[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom("user")
    .select(["id", "name", "agency_id", "position"])
    .where("agency_id", "in", agencyIds)
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}
