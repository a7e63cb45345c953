// Meeting reminders to the named representatives (kind `meeting.reminder`), one per person per
// meeting under the dedupe key `meeting.reminder:<meetingId>:<userId>`, due at
// starts_at − reminder_lead_minutes. `syncMeetingReminders` is called whenever something they depend
// on changes (publish, reschedule, lead time, representatives named or removed, cancellation): it
// moves, creates or cancels rows so they always match the meeting. The handler registered here is
// what the background runner calls; it re-checks that the meeting is still on and not yet started.
import type { DB } from "#db/connection";
import { absoluteUrl } from "~/.server/mailer.server";
import {
  cancelReminders, registerReminderHandler, scheduleReminder, type Clock,
} from "~/.server/scheduler.server";
import { formatDate, formatTimeForViewer } from "~/i18n/format";
import { parseLocale } from "~/i18n";
import { notify } from "./notification.server";

export const MEETING_REMINDER = "meeting.reminder";
export const meetingReminderKey = (meetingId: string, userId: string) => `${MEETING_REMINDER}:${meetingId}:${userId}`;

export async function syncMeetingReminders(db: DB, meetingId: string, clock: Clock = () => new Date()): Promise<void> {
  const m = await db
    .selectFrom("meeting")
    .select(["status", "starts_at", "reminder_lead_minutes"])
    .where("id", "=", meetingId)
    .executeTakeFirst();
  if (!m || m.status !== "published") {
    await cancelReminders(db, { kind: MEETING_REMINDER, refId: meetingId }, clock);
    return;
  }
  const reps = await db
    .selectFrom("meeting_representative")
    .select("user_id")
    .where("meeting_id", "=", meetingId)
    .where("user_id", "is not", null)
    .execute();
  const wanted = new Set(reps.map((r) => r.user_id as string));
  const sendAt = new Date(new Date(m.starts_at).getTime() - m.reminder_lead_minutes * 60000);
  for (const userId of wanted) {
    await scheduleReminder(db, { kind: MEETING_REMINDER, refId: meetingId, userId, sendAt, dedupeKey: meetingReminderKey(meetingId, userId) }, clock);
  }
  const pending = await db
    .selectFrom("scheduled_reminder")
    .select(["user_id", "dedupe_key"])
    .where("kind", "=", MEETING_REMINDER)
    .where("ref_id", "=", meetingId)
    .where("sent_at", "is", null)
    .where("cancelled_at", "is", null)
    .execute();
  for (const p of pending) {
    if (!p.user_id || !wanted.has(p.user_id)) {
      await cancelReminders(db, { kind: MEETING_REMINDER, refId: meetingId, dedupeKey: p.dedupe_key }, clock);
    }
  }
}

registerReminderHandler(MEETING_REMINDER, async (db, reminder, clock) => {
  if (!reminder.user_id) return;
  const m = await db
    .selectFrom("meeting")
    .select(["id", "title", "status", "starts_at", "time_zone", "venue", "join_url", "mode"])
    .where("id", "=", reminder.ref_id)
    .executeTakeFirst();
  // A reminder that became due while the server was down is still useful until the start.
  if (!m || m.status !== "published" || new Date(m.starts_at).getTime() <= clock().getTime()) return;
  const rep = await db
    .selectFrom("meeting_representative")
    .innerJoin("user", "user.id", "meeting_representative.user_id")
    .select(["user.time_zone", "user.locale"])
    .where("meeting_representative.meeting_id", "=", m.id)
    .where("meeting_representative.user_id", "=", reminder.user_id)
    .executeTakeFirst();
  if (!rep) return;
  const locale = parseLocale(rep.locale);
  await notify(db, {
    userId: reminder.user_id,
    kind: MEETING_REMINDER,
    params: {
      title: m.title,
      date: formatDate(m.starts_at, m.time_zone, locale),
      time: formatTimeForViewer(m.starts_at, m.time_zone, rep.time_zone, locale),
      place: [m.venue, m.join_url].filter(Boolean).join(" · ") || "-",
    },
    link: `/rapat/${m.id}`,
    baseUrl: absoluteUrl(null, "/"),
  });
});
