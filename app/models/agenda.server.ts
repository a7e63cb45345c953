// A meeting's agenda: ordered items (title, presenter agency and/or name, duration, notes). Positions
// are 1..n with no gaps; moving swaps neighbours, reordering takes the whole order at once (drag).
// The computed clock (each item's start, the overrun past the meeting's end) is in ~/lib/agenda.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { AGENDA_MAX_ITEMS, AGENDA_MAX_MINUTES } from "~/lib/meeting";

export interface AgendaInput {
  title: string;
  presenterAgencyId?: string | null;
  presenterName?: string | null;
  durationMinutes: number;
  notes?: string | null;
}

export type AgendaError = "agenda.tooManyItems" | "agenda.tooLong" | "agenda.unknownAgency" | "agenda.notEditable" | "error.404";
export type AgendaResult = { ok: true; id: string } | { ok: false; error: AgendaError; field?: "durationMinutes" | "presenterAgencyId" | "title" };

const EDITABLE = new Set(["draft", "published", "held"]);

export async function listAgenda(db: DB, meetingId: string) {
  const rows = await db
    .selectFrom("agenda_item")
    .leftJoin("agency", "agency.id", "agenda_item.presenter_agency_id")
    .select([
      "agenda_item.id", "agenda_item.position", "agenda_item.title", "agenda_item.presenter_agency_id",
      "agency.short_name as presenter_agency", "agenda_item.presenter_name", "agenda_item.duration_minutes",
      "agenda_item.notes", "agenda_item.kind",
    ])
    .where("agenda_item.meeting_id", "=", meetingId)
    .orderBy("agenda_item.position")
    .execute();
  return rows.map((r) => ({ ...r, durationMinutes: r.duration_minutes }));
}

async function editable(db: DB, meetingId: string): Promise<AgendaError | null> {
  const m = await db.selectFrom("meeting").select("status").where("id", "=", meetingId).executeTakeFirst();
  if (!m) return "error.404";
  return EDITABLE.has(m.status) ? null : "agenda.notEditable";
}

async function totals(db: DB, meetingId: string, exceptId?: string) {
  let q = db
    .selectFrom("agenda_item")
    .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.coalesce(eb.fn.sum<number>("duration_minutes"), eb.val(0)).as("minutes")])
    .where("meeting_id", "=", meetingId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const r = await q.executeTakeFirstOrThrow();
  return { count: Number(r.n), minutes: Number(r.minutes) };
}

async function checkPresenter(db: DB, agencyId: string | null | undefined): Promise<boolean> {
  if (!agencyId) return true;
  return !!(await db.selectFrom("agency").select("id").where("id", "=", agencyId).executeTakeFirst());
}

export async function addAgendaItem(db: DB, meetingId: string, input: AgendaInput, clock: Clock = () => new Date()): Promise<AgendaResult> {
  const blocked = await editable(db, meetingId);
  if (blocked) return { ok: false, error: blocked };
  const t = await totals(db, meetingId);
  if (t.count >= AGENDA_MAX_ITEMS) return { ok: false, error: "agenda.tooManyItems" };
  if (t.minutes + input.durationMinutes > AGENDA_MAX_MINUTES) return { ok: false, error: "agenda.tooLong", field: "durationMinutes" };
  if (!(await checkPresenter(db, input.presenterAgencyId))) return { ok: false, error: "agenda.unknownAgency", field: "presenterAgencyId" };
  const id = createId();
  const now = clock().toISOString();
  const last = await db.selectFrom("agenda_item").select((eb) => eb.fn.max("position").as("p")).where("meeting_id", "=", meetingId).executeTakeFirst();
  await db
    .insertInto("agenda_item")
    .values({
      id, meeting_id: meetingId, position: Number(last?.p ?? 0) + 1, title: input.title,
      presenter_agency_id: input.presenterAgencyId || null, presenter_name: input.presenterName || null,
      duration_minutes: input.durationMinutes, notes: input.notes || null, created_at: now, updated_at: now,
    })
    .execute();
  return { ok: true, id };
}

export async function updateAgendaItem(db: DB, meetingId: string, itemId: string, input: AgendaInput, clock: Clock = () => new Date()): Promise<AgendaResult> {
  const blocked = await editable(db, meetingId);
  if (blocked) return { ok: false, error: blocked };
  const item = await db.selectFrom("agenda_item").select("id").where("id", "=", itemId).where("meeting_id", "=", meetingId).executeTakeFirst();
  if (!item) return { ok: false, error: "error.404" };
  const t = await totals(db, meetingId, itemId);
  if (t.minutes + input.durationMinutes > AGENDA_MAX_MINUTES) return { ok: false, error: "agenda.tooLong", field: "durationMinutes" };
  if (!(await checkPresenter(db, input.presenterAgencyId))) return { ok: false, error: "agenda.unknownAgency", field: "presenterAgencyId" };
  await db
    .updateTable("agenda_item")
    .set({
      title: input.title, presenter_agency_id: input.presenterAgencyId || null, presenter_name: input.presenterName || null,
      duration_minutes: input.durationMinutes, notes: input.notes || null, updated_at: clock().toISOString(),
    })
    .where("id", "=", itemId)
    .execute();
  return { ok: true, id: itemId };
}

export async function deleteAgendaItem(db: DB, meetingId: string, itemId: string): Promise<AgendaResult> {
  const blocked = await editable(db, meetingId);
  if (blocked) return { ok: false, error: blocked };
  await db.transaction().execute(async (trx) => {
    // Outcomes recorded under the item stay with the meeting.
    await trx.updateTable("outcome").set({ agenda_item_id: null }).where("agenda_item_id", "=", itemId).execute();
    await trx.deleteFrom("agenda_item").where("id", "=", itemId).where("meeting_id", "=", meetingId).execute();
    await renumber(trx, meetingId);
  });
  return { ok: true, id: itemId };
}

/** Swaps the item with its neighbour above or below; at either end nothing changes. */
export async function moveAgendaItem(db: DB, meetingId: string, itemId: string, direction: "up" | "down"): Promise<AgendaResult> {
  const blocked = await editable(db, meetingId);
  if (blocked) return { ok: false, error: blocked };
  const ids = (await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).orderBy("position").execute()).map((r) => r.id);
  const i = ids.indexOf(itemId);
  if (i < 0) return { ok: false, error: "error.404" };
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= ids.length) return { ok: true, id: itemId };
  [ids[i], ids[j]] = [ids[j], ids[i]];
  await writeOrder(db, meetingId, ids);
  return { ok: true, id: itemId };
}

/** Takes a complete new order (e.g. after a drag); refuses a list that is not exactly the items. */
export async function reorderAgenda(db: DB, meetingId: string, orderedIds: string[]): Promise<AgendaResult> {
  const blocked = await editable(db, meetingId);
  if (blocked) return { ok: false, error: blocked };
  const ids = (await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).execute()).map((r) => r.id);
  if (ids.length !== orderedIds.length || new Set(orderedIds).size !== ids.length || !orderedIds.every((id) => ids.includes(id))) {
    return { ok: false, error: "error.404" };
  }
  await writeOrder(db, meetingId, orderedIds);
  return { ok: true, id: orderedIds[0] ?? "" };
}

async function writeOrder(db: DB, meetingId: string, ids: string[]) {
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < ids.length; k++) {
      await trx.updateTable("agenda_item").set({ position: k + 1 }).where("id", "=", ids[k]).where("meeting_id", "=", meetingId).execute();
    }
  });
}

async function renumber(db: DB, meetingId: string) {
  const ids = (await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).orderBy("position").execute()).map((r) => r.id);
  for (let k = 0; k < ids.length; k++) {
    await db.updateTable("agenda_item").set({ position: k + 1 }).where("id", "=", ids[k]).execute();
  }
}
