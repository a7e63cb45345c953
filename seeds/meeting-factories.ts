// Small factories for meeting rows, for tests and demo seeds of attendance, minutes, follow-ups and
// series. They insert directly (no notifications, no reminders) and return the new row's id.
import type { DB } from "#db/connection";
import { createId, nowIso, randomToken } from "~/.server/crypto.server";

let seq = 0;

export interface MeetingInput {
  title?: string;
  kind?: string;
  mode?: string;
  status?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  seriesId?: string | null;
  occurrenceDate?: string | null;
  venue?: string | null;
  joinUrl?: string | null;
  createdBy?: string | null;
}

export async function makeMeeting(db: DB, m: MeetingInput = {}): Promise<string> {
  const id = createId();
  const n = ++seq;
  const startsAt = m.startsAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = m.endsAt ?? new Date(new Date(startsAt).getTime() + 3 * 3_600_000).toISOString();
  const now = nowIso();
  await db
    .insertInto("meeting")
    .values({
      id,
      series_id: m.seriesId ?? null,
      occurrence_date: m.occurrenceDate ?? null,
      title: m.title ?? `Rapat Koordinasi Contoh ${n}`,
      kind: m.kind ?? "rakor",
      mode: m.mode ?? "hibrida",
      venue: m.venue === undefined ? "Ruang Rapat Diskominfo" : m.venue,
      join_url: m.joinUrl === undefined ? "https://zoom.example/j/123" : m.joinUrl,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: m.timeZone ?? "Asia/Jakarta",
      description_json: null,
      letter_number: null,
      status: m.status ?? "published",
      reminder_lead_minutes: 1440,
      created_by: m.createdBy ?? null,
      created_at: now,
      updated_at: now,
      published_at: m.status === "draft" ? null : now,
    })
    .execute();
  return id;
}

export async function makeInvitation(
  db: DB,
  i: { meetingId: string; agencyId: string; rsvp?: "pending" | "attending" | "declined"; declineReason?: string | null; respondedBy?: string | null },
): Promise<string> {
  const id = createId();
  await db
    .insertInto("meeting_invitation")
    .values({
      id,
      meeting_id: i.meetingId,
      agency_id: i.agencyId,
      rsvp: i.rsvp ?? "pending",
      decline_reason: i.declineReason ?? null,
      responded_by: i.respondedBy ?? null,
      responded_at: i.rsvp && i.rsvp !== "pending" ? nowIso() : null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** A named officer (userId) or a substitute by name; returns the row id and its check-in code. */
export async function makeRepresentative(
  db: DB,
  r: { meetingId: string; agencyId: string; userId?: string | null; substituteName?: string | null; substitutePosition?: string | null; code?: string },
): Promise<{ id: string; code: string }> {
  const id = createId();
  const code = r.code ?? randomToken(5).slice(0, 8).toUpperCase();
  await db
    .insertInto("meeting_representative")
    .values({
      id,
      meeting_id: r.meetingId,
      agency_id: r.agencyId,
      user_id: r.userId ?? null,
      substitute_name: r.substituteName ?? null,
      substitute_position: r.substitutePosition ?? null,
      checkin_code: code,
      created_at: nowIso(),
    })
    .execute();
  return { id, code };
}

export async function makeAgendaItem(db: DB, a: { meetingId: string; title: string; position?: number; durationMinutes?: number }): Promise<string> {
  const id = createId();
  const now = nowIso();
  await db
    .insertInto("agenda_item")
    .values({ id, meeting_id: a.meetingId, position: a.position ?? 1, title: a.title, duration_minutes: a.durationMinutes ?? 30, created_at: now, updated_at: now })
    .execute();
  return id;
}
