// Persisted reminders. A reminder is a row in `scheduled_reminder`, never an in-memory timer, so a
// restart loses none. Each row has a unique `dedupe_key`: scheduling the same key again MOVES the
// unsent row (a rescheduled meeting moves its reminder instead of adding a second one).
//
// Sending is at-most-once: a runner first CLAIMS a due row with
// `UPDATE … SET sent_at = now WHERE id = ? AND sent_at IS NULL AND cancelled_at IS NULL` and only
// the runner whose update touched the row calls the handler, so two runners (or a restart in the
// middle of a run) never double-send.
//
// How a domain plugs in: call `registerReminderHandler("<kind>", handler)` at module top level in a
// `*.server.ts` file, and import that file from `app/.server/jobs.server.ts` so the background
// runner started by `server.ts` knows the kind. A handler decides itself whether the reminder is
// still meaningful (e.g. the meeting has not started yet) and simply returns when it is not.
import type { DB } from "#db/connection";
import type { ScheduledReminder } from "#db/schema";
import { createId } from "./crypto.server";

export type Clock = () => Date;
export type ReminderHandler = (db: DB, reminder: ScheduledReminder, clock: Clock) => Promise<void>;

const handlers = new Map<string, ReminderHandler>();

export function registerReminderHandler(kind: string, handler: ReminderHandler): void {
  handlers.set(kind, handler);
}

/** For tests: forget a handler (so a test can register its own fake). */
export function unregisterReminderHandler(kind: string): void {
  handlers.delete(kind);
}

export function hasReminderHandler(kind: string): boolean {
  return handlers.has(kind);
}

export interface ScheduleInput {
  kind: string;
  refId: string;
  userId: string | null;
  /** ISO-8601 UTC instant or a Date */
  sendAt: string | Date;
  dedupeKey: string;
}

/**
 * Creates the reminder or moves it. An unsent row with the same dedupe key gets the new send time
 * (and is revived if it had been cancelled); a row that was already sent is left alone.
 */
export async function scheduleReminder(db: DB, input: ScheduleInput, clock: Clock = () => new Date()): Promise<void> {
  const sendAt = typeof input.sendAt === "string" ? new Date(input.sendAt).toISOString() : input.sendAt.toISOString();
  await db
    .insertInto("scheduled_reminder")
    .values({
      id: createId(),
      kind: input.kind,
      ref_id: input.refId,
      user_id: input.userId,
      send_at: sendAt,
      sent_at: null,
      cancelled_at: null,
      dedupe_key: input.dedupeKey,
      created_at: clock().toISOString(),
    })
    .onConflict((oc) =>
      oc
        .column("dedupe_key")
        .doUpdateSet({ send_at: sendAt, kind: input.kind, ref_id: input.refId, user_id: input.userId, cancelled_at: null })
        .where("scheduled_reminder.sent_at", "is", null),
    )
    .execute();
}

/** Cancels every unsent reminder of this kind for this object (optionally only one person's). */
export async function cancelReminders(
  db: DB,
  input: { kind: string; refId: string; userId?: string; dedupeKey?: string },
  clock: Clock = () => new Date(),
): Promise<number> {
  let q = db
    .updateTable("scheduled_reminder")
    .set({ cancelled_at: clock().toISOString() })
    .where("kind", "=", input.kind)
    .where("ref_id", "=", input.refId)
    .where("sent_at", "is", null)
    .where("cancelled_at", "is", null);
  if (input.userId) q = q.where("user_id", "=", input.userId);
  if (input.dedupeKey) q = q.where("dedupe_key", "=", input.dedupeKey);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface RunResult {
  /** rows this runner claimed and handed to a handler */
  sent: number;
  /** handlers that threw (the row stays claimed: at-most-once) */
  failed: number;
}

/**
 * Sends every due, unsent, uncancelled reminder whose kind has a handler. Rows of kinds without a
 * handler are left untouched for a runner that knows them.
 */
export async function runDueReminders(db: DB, clock: Clock = () => new Date(), batchSize = 200): Promise<RunResult> {
  const result: RunResult = { sent: 0, failed: 0 };
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return result;
  for (;;) {
    const now = clock().toISOString();
    const due = await db
      .selectFrom("scheduled_reminder")
      .selectAll()
      .where("sent_at", "is", null)
      .where("cancelled_at", "is", null)
      .where("send_at", "<=", now)
      .where("kind", "in", kinds)
      .orderBy("send_at")
      .limit(batchSize)
      .execute();
    if (due.length === 0) break;
    for (const row of due) {
      const claimed = await db
        .updateTable("scheduled_reminder")
        .set({ sent_at: now })
        .where("id", "=", row.id)
        .where("sent_at", "is", null)
        .where("cancelled_at", "is", null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another runner took it, or it was cancelled
      const handler = handlers.get(row.kind);
      if (!handler) continue;
      try {
        await handler(db, { ...row, sent_at: now }, clock);
        result.sent++;
      } catch (e) {
        result.failed++;
        console.error(`Pengingat ${row.kind} (${row.id}) gagal dikirim:`, e);
      }
    }
    if (due.length < batchSize) break;
  }
  return result;
}

export interface SchedulerHandle {
  stop(): void;
  /** Runs once now (also what the interval does); resolves when the run is over. */
  tick(): Promise<RunResult | null>;
}

/** Runs `runDueReminders` now and every `intervalMs` (60 s); overlapping runs are skipped. */
export function startScheduler(db: DB, opts: { intervalMs?: number; clock?: Clock } = {}): SchedulerHandle {
  const clock = opts.clock ?? (() => new Date());
  let running: Promise<RunResult> | null = null;
  const tick = async () => {
    if (running) return null;
    running = runDueReminders(db, clock).catch((e) => {
      console.error("Penjadwal pengingat gagal:", e);
      return { sent: 0, failed: 0 };
    });
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref?.();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
