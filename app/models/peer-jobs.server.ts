// Peer review's background work, run every minute by app/.server/jobs.server.ts (`peerSweep`):
//   1. reviews not started within their lease are taken back and given to someone else;
//   2. reviewing opens at the due date: assignments with peer review on whose due date has passed
//      and whose pieces are still short of reviews get them allocated;
//   3. reminders through the persisted scheduler to reviewers who owe a review: ~12 h before their
//      lease ends and ~24 h before the review deadline. Notifications never name the author.
// Also `allocateAfterSubmit`, the trigger called when a piece is handed in.
import type { DB } from "#db/connection";
import { registerReminderHandler, scheduleReminder, type Clock } from "~/.server/scheduler.server";
import { formatDateTime } from "~/i18n/format";
import { notify } from "./notification.server";
import { allocateReviews, COUNTING, expireLeases } from "./peer-allocation.server";

const defaultClock: Clock = () => new Date();
const HOUR = 3_600_000;
export const PEER_LEASE_REMINDER = "peer.leaseEnding";
export const PEER_DEADLINE_REMINDER = "peer.deadline";
export const LEASE_REMINDER_HOURS = 12;
export const DEADLINE_REMINDER_HOURS = 24;

const leaseKey = (reviewId: string, leaseEnds: string) => `peer.lease:${reviewId}:${leaseEnds}`;
const deadlineKey = (assignmentId: string, userId: string, due: string) => `peer.deadline:${assignmentId}:${userId}:${due}`;

/** After a piece is handed in: allocate for its assignment when peer review is on. Never throws. */
export async function allocateAfterSubmit(db: DB, assignmentId: string, clock: Clock = defaultClock): Promise<void> {
  try {
    const on = await db.selectFrom("peer_review_setting").select("assignment_id").where("assignment_id", "=", assignmentId).where("enabled", "=", 1).executeTakeFirst();
    if (on) await allocateReviews(db, assignmentId, clock);
  } catch (e) {
    console.error("Pembagian silang baca setelah pengumpulan gagal:", e);
  }
}

export interface SweepResult { expired: number; allocated: number; reminders: number }

export async function peerSweep(db: DB, clock: Clock = defaultClock): Promise<SweepResult> {
  const now = clock();
  const iso = now.toISOString();
  const expired = await expireLeases(db, clock);

  // Assignments in their review period: on, open (due date passed, or opens on submit), deadline ahead.
  const live = await db
    .selectFrom("peer_review_setting as p")
    .innerJoin("assignment as a", "a.id", "p.assignment_id")
    .select(["a.id", "a.title", "a.due_at", "a.time_zone", "a.module_id", "p.opens", "p.per_submission", "p.reviews_due_at"])
    .where("p.enabled", "=", 1)
    .where("p.reviews_due_at", ">", iso)
    .where((eb) => eb.or([eb("p.opens", "=", "on_submit"), eb("a.due_at", "<=", iso)]))
    .execute();

  let allocated = 0;
  if (live.length) {
    // One grouped query: pieces short of reviews per assignment.
    const counts = await db
      .selectFrom("submission as s")
      .leftJoin("peer_review as r", (j) => j.onRef("r.submission_id", "=", "s.id").on("r.kind", "=", "peer").on("r.status", "in", [...COUNTING]))
      .select(["s.assignment_id", "s.id", (eb) => eb.fn.count<number>("r.id").as("n")])
      .where("s.assignment_id", "in", live.map((a) => a.id))
      .where("s.version_count", ">", 0)
      .groupBy(["s.assignment_id", "s.id"])
      .execute();
    for (const a of live) {
      const short = counts.some((c) => c.assignment_id === a.id && Number(c.n) < a.per_submission);
      if (short) allocated += (await allocateReviews(db, a.id, clock)).added;
    }
  }

  // Reminders for what is owed (scheduled once per lease / per deadline; the dedupe key moves nothing).
  let reminders = 0;
  if (live.length) {
    const owed = await db
      .selectFrom("peer_review")
      .select(["id", "assignment_id", "reviewer_id", "status", "lease_expires_at"])
      .where("assignment_id", "in", live.map((a) => a.id))
      .where("kind", "=", "peer")
      .where("status", "in", ["assigned", "started"])
      .execute();
    const existing = new Set<string>();
    for (const kind of [PEER_LEASE_REMINDER, PEER_DEADLINE_REMINDER]) {
      const refs = kind === PEER_LEASE_REMINDER ? owed.filter((o) => o.status === "assigned").map((o) => o.id) : live.map((a) => a.id);
      for (let i = 0; i < refs.length; i += 500) {
        const rows = await db.selectFrom("scheduled_reminder").select("dedupe_key").where("kind", "=", kind).where("ref_id", "in", refs.slice(i, i + 500)).execute();
        for (const r of rows) existing.add(r.dedupe_key);
      }
    }
    const dueOf = new Map(live.map((a) => [a.id, a.reviews_due_at]));
    for (const o of owed) {
      if (o.status === "assigned" && o.lease_expires_at) {
        const key = leaseKey(o.id, o.lease_expires_at);
        if (!existing.has(key)) {
          const at = Math.max(now.getTime(), Date.parse(o.lease_expires_at) - LEASE_REMINDER_HOURS * HOUR);
          if (at < Date.parse(o.lease_expires_at)) {
            await scheduleReminder(db, { kind: PEER_LEASE_REMINDER, refId: o.id, userId: o.reviewer_id, sendAt: new Date(at), dedupeKey: key }, clock);
            existing.add(key);
            reminders++;
          }
        }
      }
      const due = dueOf.get(o.assignment_id)!;
      const key = deadlineKey(o.assignment_id, o.reviewer_id, due);
      if (!existing.has(key)) {
        const at = Math.max(now.getTime(), Date.parse(due) - DEADLINE_REMINDER_HOURS * HOUR);
        await scheduleReminder(db, { kind: PEER_DEADLINE_REMINDER, refId: o.assignment_id, userId: o.reviewer_id, sendAt: new Date(at), dedupeKey: key }, clock);
        existing.add(key);
        reminders++;
      }
    }
  }
  return { expired, allocated, reminders };
}

registerReminderHandler(PEER_LEASE_REMINDER, async (db, reminder, clock) => {
  const r = await db
    .selectFrom("peer_review as r")
    .innerJoin("assignment as a", "a.id", "r.assignment_id")
    .select(["r.id", "r.status", "r.reviewer_id", "r.lease_expires_at", "a.title", "a.time_zone"])
    .where("r.id", "=", reminder.ref_id)
    .executeTakeFirst();
  // Still meaningful: not started, same lease, not yet run out.
  if (!r || r.status !== "assigned" || !r.lease_expires_at || reminder.dedupe_key !== leaseKey(r.id, r.lease_expires_at)) return;
  if (Date.parse(r.lease_expires_at) <= clock().getTime()) return;
  const tz = (await db.selectFrom("user").select(["time_zone"]).where("id", "=", r.reviewer_id).executeTakeFirst())?.time_zone ?? r.time_zone;
  await notify(db, {
    userId: r.reviewer_id, kind: PEER_LEASE_REMINDER,
    params: { assignment: r.title, when: formatDateTime(r.lease_expires_at, tz, "id") },
    link: `/silang-baca/${r.id}`,
  });
});

registerReminderHandler(PEER_DEADLINE_REMINDER, async (db, reminder, clock) => {
  if (!reminder.user_id) return;
  const a = await db
    .selectFrom("assignment as a")
    .innerJoin("peer_review_setting as p", "p.assignment_id", "a.id")
    .select(["a.id", "a.title", "a.time_zone", "p.reviews_due_at", "p.enabled"])
    .where("a.id", "=", reminder.ref_id)
    .executeTakeFirst();
  if (!a || a.enabled !== 1 || reminder.dedupe_key !== deadlineKey(a.id, reminder.user_id, a.reviews_due_at)) return;
  if (Date.parse(a.reviews_due_at) <= clock().getTime()) return;
  const owed = await db
    .selectFrom("peer_review")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assignment_id", "=", a.id)
    .where("reviewer_id", "=", reminder.user_id)
    .where("kind", "=", "peer")
    .where("status", "in", ["assigned", "started"])
    .executeTakeFirstOrThrow();
  if (Number(owed.n) === 0) return;
  const tz = (await db.selectFrom("user").select("time_zone").where("id", "=", reminder.user_id).executeTakeFirst())?.time_zone ?? a.time_zone;
  await notify(db, {
    userId: reminder.user_id, kind: PEER_DEADLINE_REMINDER,
    params: { assignment: a.title, count: Number(owed.n), when: formatDateTime(a.reviews_due_at, tz, "id") },
    link: "/silang-baca",
  });
});
