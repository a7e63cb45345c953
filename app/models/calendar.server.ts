// Calendars: the `.ics` of one meeting, and each person's secret-token feed of the meetings they or
// their agency are invited to. Only the SHA-256 of a feed token is stored; making a new link
// replaces the old one, which stops working at once.
import type { DB } from "#db/connection";
import { hashToken, randomToken } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { translate, type Locale } from "~/i18n";
import { buildCalendar, sequenceFrom, type IcsEvent } from "~/lib/ics";
import { richTextToPlain } from "~/.server/rich-text.server";

export interface CalendarMeeting {
  id: string;
  title: string;
  status: string;
  starts_at: string;
  ends_at: string;
  venue: string | null;
  join_url: string | null;
  description_json: string | null;
  letter_number: string | null;
  cancel_reason: string | null;
  updated_at: string;
}

export function meetingEvent(m: CalendarMeeting, opts: { baseUrl: string; locale: Locale }): IcsEvent {
  const url = new URL(`/rapat/${m.id}`, opts.baseUrl).toString();
  const parts: string[] = [];
  if (m.status === "cancelled") parts.push(translate(opts.locale, "ics.cancelled", { reason: m.cancel_reason ?? "-" }));
  const text = richTextToPlain(m.description_json);
  if (text) parts.push(text);
  if (m.join_url) parts.push(translate(opts.locale, "ics.joinUrl", { url: m.join_url }));
  if (m.letter_number) parts.push(translate(opts.locale, "ics.letter", { number: m.letter_number }));
  parts.push(translate(opts.locale, "ics.details", { url }));
  return {
    uid: `rapat-${m.id}@sinergi`,
    start: m.starts_at,
    end: m.ends_at,
    summary: m.title,
    location: m.venue ?? m.join_url,
    url,
    description: parts.join("\n\n"),
    status: m.status === "cancelled" ? "CANCELLED" : m.status === "draft" ? "TENTATIVE" : "CONFIRMED",
    sequence: sequenceFrom(m.updated_at),
    stamp: m.updated_at,
  };
}

const EVENT_COLUMNS = [
  "meeting.id", "meeting.title", "meeting.status", "meeting.starts_at", "meeting.ends_at", "meeting.venue",
  "meeting.join_url", "meeting.description_json", "meeting.letter_number", "meeting.cancel_reason", "meeting.updated_at",
] as const;

export async function meetingIcs(db: DB, meetingId: string, opts: { baseUrl: string; locale: Locale }): Promise<string | null> {
  const m = await db.selectFrom("meeting").select(EVENT_COLUMNS).where("meeting.id", "=", meetingId).executeTakeFirst();
  if (!m) return null;
  return buildCalendar({ events: [meetingEvent(m, opts)] });
}

// ---------------------------------------------------------------------------------------------
// Personal feeds

export async function getFeed(db: DB, userId: string) {
  return (await db.selectFrom("calendar_feed").select(["created_at"]).where("user_id", "=", userId).executeTakeFirst()) ?? null;
}

/** A new secret link for the person; any older link stops working. Returns the token (shown once). */
export async function createFeed(db: DB, userId: string, clock: Clock = () => new Date()): Promise<string> {
  const token = randomToken(20);
  await db
    .insertInto("calendar_feed")
    .values({ user_id: userId, token_hash: hashToken(token), created_at: clock().toISOString() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: hashToken(token), created_at: clock().toISOString() }))
    .execute();
  return token;
}

export async function deleteFeed(db: DB, userId: string): Promise<void> {
  await db.deleteFrom("calendar_feed").where("user_id", "=", userId).execute();
}

const FEED_STATUSES = ["published", "held", "closed", "cancelled"];
const FEED_DAYS_BACK = 90;

/** The feed behind a token: the meetings the person or their agency is invited to. Null if unknown. */
export async function feedIcs(db: DB, token: string, opts: { baseUrl: string; clock?: Clock }): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const owner = await db
    .selectFrom("calendar_feed")
    .innerJoin("user", "user.id", "calendar_feed.user_id")
    .select(["user.id", "user.agency_id", "user.locale", "user.status"])
    .where("calendar_feed.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!owner || owner.status !== "active") return null;
  const since = new Date((opts.clock ?? (() => new Date()))().getTime() - FEED_DAYS_BACK * 86400_000).toISOString();
  const agencyId = owner.agency_id ?? "";
  const rows = await db
    .selectFrom("meeting")
    .select(EVENT_COLUMNS)
    .where("meeting.status", "in", FEED_STATUSES)
    .where("meeting.starts_at", ">=", since)
    .where(({ or, exists, selectFrom }) =>
      or([
        exists(selectFrom("meeting_invitation").select("meeting_invitation.id").whereRef("meeting_invitation.meeting_id", "=", "meeting.id").where("meeting_invitation.agency_id", "=", agencyId)),
        exists(selectFrom("meeting_representative").select("meeting_representative.id").whereRef("meeting_representative.meeting_id", "=", "meeting.id").where("meeting_representative.user_id", "=", owner.id)),
      ]),
    )
    .orderBy("meeting.starts_at")
    .limit(1000)
    .execute();
  const locale: Locale = owner.locale === "en" ? "en" : "id";
  return buildCalendar({
    name: translate(locale, "ics.feedName"),
    events: rows.map((m) => meetingEvent(m, { baseUrl: opts.baseUrl, locale })),
  });
}
