// The meetings stage of the large synthetic network: by default 1,000 meetings over two years
// around now, each inviting 100 agencies (one big rakor invites every agency), with RSVPs,
// representatives and attendance for past meetings. Bulk inserts, deterministic.
import type { DB } from "#db/connection";
import type { NewAgendaItem, NewMeeting, NewMeetingInvitation, NewMeetingRepresentative } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { rng } from "./large";

const KINDS = ["rakor", "rapat_redaksi", "forum", "rakor_krisis", "bimtek"];
const MODES = ["luring", "daring", "hibrida"];
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

async function insertAll<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedLargeMeetings(
  db: DB,
  opts: { meetings?: number; invitedPerMeeting?: number; now?: Date } = {},
): Promise<{ bigMeetingId: string }> {
  const count = opts.meetings ?? 1_000;
  const perMeeting = opts.invitedPerMeeting ?? 100;
  const now = opts.now ?? new Date();
  const rand = rng(7);
  const created = nowIso();
  const agencies = await db.selectFrom("agency").select(["id"]).where("active", "=", 1).execute();
  const coordinator = await db.selectFrom("network_role").select("user_id").where("role", "=", "koordinator").executeTakeFirst();
  // Up to three active people per agency, to name as representatives.
  const people = await db.selectFrom("user").select(["id", "agency_id"]).where("status", "=", "active").where("agency_id", "is not", null).execute();
  const byAgency = new Map<string, string[]>();
  for (const p of people) {
    const list = byAgency.get(p.agency_id!) ?? [];
    if (list.length < 3) list.push(p.id);
    byAgency.set(p.agency_id!, list);
  }

  const meetings: NewMeeting[] = [];
  const agenda: NewAgendaItem[] = [];
  const invitations: NewMeetingInvitation[] = [];
  const reps: NewMeetingRepresentative[] = [];
  let codeSeq = 0;
  const code = () => {
    let n = ++codeSeq;
    let s = "";
    for (let i = 0; i < 7; i++) { s += CODE_ALPHABET[n % CODE_ALPHABET.length]; n = Math.floor(n / CODE_ALPHABET.length); }
    return s;
  };

  let bigMeetingId = "";
  for (let i = 0; i < count; i++) {
    const id = createId();
    // Spread over 18 months back and 6 months ahead, at 09.00 local-ish (UTC 02:00).
    const dayOffset = Math.floor(rand() * 730) - 548;
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + dayOffset, 2, 0));
    const end = new Date(start.getTime() + 3 * 60 * 60 * 1000);
    const past = start < now;
    const status = i === 0 ? "published" : past ? (rand() < 0.8 ? "closed" : "held") : rand() < 0.05 ? "draft" : "published";
    if (i === 0) {
      bigMeetingId = id;
      start.setTime(now.getTime() + 7 * 24 * 60 * 60 * 1000);
      end.setTime(start.getTime() + 3 * 60 * 60 * 1000);
    }
    meetings.push({
      id, series_id: null, occurrence_date: null,
      title: i === 0 ? "Rapat Koordinasi Bakohumas Triwulan (semua instansi)" : `Rapat Koordinasi ${KINDS[i % KINDS.length].replace("_", " ")} ${i}`,
      kind: KINDS[i % KINDS.length], mode: MODES[i % MODES.length],
      venue: "Ruang Rapat Diskominfo", join_url: i % 3 === 0 ? null : "https://meet.example.test/rakor",
      starts_at: start.toISOString(), ends_at: end.toISOString(), time_zone: "Asia/Jakarta",
      description_json: null, letter_number: null, status,
      created_by: coordinator?.user_id ?? null, created_at: created, updated_at: created,
      published_at: status === "draft" ? null : created,
    });
    for (let a = 0; a < 6; a++) {
      agenda.push({ id: createId(), meeting_id: id, position: a + 1, title: `Agenda ${a + 1}`, duration_minutes: 30, created_at: created, updated_at: created });
    }
    const invited = i === 0 ? agencies : Array.from({ length: Math.min(perMeeting, agencies.length) }, (_, k) => agencies[(i * 37 + k) % agencies.length]);
    for (const ag of invited) {
      const r = rand();
      const rsvp = status === "draft" ? "pending" : r < 0.7 ? "attending" : r < 0.85 ? "declined" : "pending";
      const attendance = !past || status === "draft" ? null : rsvp === "attending" ? (rand() < 0.85 ? "present" : "absent") : rsvp === "declined" ? "excused" : "absent";
      invitations.push({
        id: createId(), meeting_id: id, agency_id: ag.id, rsvp,
        decline_reason: rsvp === "declined" ? "Bertepatan dengan kegiatan pimpinan" : null,
        responded_at: rsvp === "pending" ? null : created, attendance, created_at: created,
      });
      const person = byAgency.get(ag.id)?.[0];
      if (rsvp === "attending" && person) {
        reps.push({
          id: createId(), meeting_id: id, agency_id: ag.id, user_id: person, checkin_code: code(),
          checked_in_at: attendance === "present" ? start.toISOString() : null,
          checkin_method: attendance === "present" ? "code" : null, created_at: created,
        });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertAll(meetings, 200, (b) => trx.insertInto("meeting").values(b).execute());
    await insertAll(agenda, 500, (b) => trx.insertInto("agenda_item").values(b).execute());
    await insertAll(invitations, 500, (b) => trx.insertInto("meeting_invitation").values(b).execute());
    await insertAll(reps, 500, (b) => trx.insertInto("meeting_representative").values(b).execute());
  });
  return { bigMeetingId };
}
