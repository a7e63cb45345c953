// A year of history for the demo network, so the participation reports and their twelve-month
// trends show something a coordinator recognises: a monthly Bakohumas rakor held in each of the
// last eleven months with every agency invited, each agency with its own habit (Dinkes and
// Prokopim always there, Tirta Sukamaju often silent, Kecamatan Sukamaju Kota absent from the last
// two — the "absent twice in a row" flag), and a few follow-ups (RTL) per rakor, all settled:
// done on time, done late or dropped (the open and overdue ones of the demo live in
// demo-followups.ts). Fictional: no real office's performance implied. Dated relative to `now`.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { newCheckinCode } from "~/models/rsvp.server";

const TZ = "Asia/Jakarta";
const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

type Habit = "present" | "represented" | "excused" | "absent" | "silent";
/** Per agency, oldest month first (eleven months): p present, r represented, e excused, a absent (answered yes), s no answer and absent. */
const HABITS: Record<string, string> = {
  Diskominfo: "ppppppppppp",
  Dinkes: "ppppprpppppp",
  Disdikbud: "ppeppappepp",
  "Dinas PUPR": "pppeppprppp",
  BPBD: "ppppeeppppp",
  "Prokopim Setda": "ppppppppppp",
  "Kec. Sukamaju Kota": "pppapppppaa",
  RSUD: "rrprrrprrrp",
  "Tirta Sukamaju": "sapsspasasp",
  Polres: "pprpppprppp",
  "Kodim 0999": "ppapppaprpp",
  "Diskominfo Pelabuhan Baru": "pppppeppppp",
  "Diskominfo Teluk Timur": "peppesppepp",
};
const code: Record<string, Habit> = { p: "present", r: "represented", e: "excused", a: "absent", s: "silent" };

/** Follow-ups per rakor: [owner, text, due in days after the rakor, done after days (null = dropped)]. */
const ACTIONS: [string, string, number, number | null][] = [
  ["Dinkes", "Unggah infografis capaian imunisasi bulan berjalan ke kanal resmi", 14, 10],
  ["Dinas PUPR", "Kirim rilis progres perbaikan jalan kabupaten ke Diskominfo", 10, 16],
  ["Tirta Sukamaju", "Siapkan narasi tunggal gangguan distribusi air", 7, 12],
  ["Kec. Sukamaju Kota", "Laporkan rekap aduan warga di kanal kecamatan", 14, 13],
  ["BPBD", "Sebarkan peringatan dini cuaca ekstrem lewat grup WhatsApp kelurahan", 5, 3],
  ["Disdikbud", "Liputan pelaksanaan Asesmen Nasional di tiga sekolah", 21, null],
];

export async function seedDemoHistory(db: DB, now: Date = new Date()): Promise<void> {
  const agencies = await db.selectFrom("agency").select(["id", "short_name"]).where("active", "=", 1).execute();
  const admins = await db.selectFrom("user").select(["id", "agency_id"]).where("agency_role", "=", "admin").execute();
  const adminOf = (agencyId: string) => admins.find((u) => u.agency_id === agencyId)?.id ?? null;
  const coordinator = (await db.selectFrom("user").select("id").where("email", "=", "koordinator@sinergi.test").executeTakeFirst())?.id ?? null;
  const today = utcToZoned(now, TZ).date;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));

  for (let back = 11; back >= 1; back--) {
    // The second Tuesday of the month `back` months ago.
    let yy = y, mm = m - back;
    while (mm < 1) { mm += 12; yy--; }
    const first = new Date(Date.UTC(yy, mm - 1, 1)).getUTCDay();
    const day = 1 + ((2 - first + 7) % 7) + 7;
    const date = `${yy}-${String(mm).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const startsAt = zonedToUtc(date, "09:00", TZ)!.toISOString();
    const endsAt = zonedToUtc(date, "11:30", TZ)!.toISOString();
    const month = 11 - back; // index into the habits, oldest first
    const meetingId = createId();
    await db.insertInto("meeting").values({
      id: meetingId, title: `Rakor Bulanan Bakohumas — ${MONTHS[mm - 1]} ${yy}`, kind: "rakor", mode: "hibrida", status: "held",
      venue: "Ruang Rapat Command Center, Kantor Diskominfo Kabupaten Sukamaju", join_url: "https://zoom.us/j/81234567890",
      starts_at: startsAt, ends_at: endsAt, time_zone: TZ, reminder_lead_minutes: 1440,
      created_by: coordinator, created_at: startsAt, updated_at: endsAt, published_at: startsAt,
    }).execute();

    for (const a of agencies) {
      const habit = code[(HABITS[a.short_name] ?? "ppppppppppp")[month] ?? "p"];
      const by = adminOf(a.id);
      const answered = habit !== "silent";
      const attendance = habit === "silent" ? "absent" : habit;
      await db.insertInto("meeting_invitation").values({
        id: createId(), meeting_id: meetingId, agency_id: a.id, created_at: startsAt,
        rsvp: !answered ? "pending" : habit === "excused" ? "declined" : "attending",
        decline_reason: habit === "excused" ? "Bertepatan dengan kegiatan pimpinan." : null,
        responded_by: answered ? by : null, responded_at: answered ? startsAt : null, attendance,
      }).execute();
      if ((habit === "present" || habit === "represented") && by) {
        await db.insertInto("meeting_representative").values({
          id: createId(), meeting_id: meetingId, agency_id: a.id, created_at: startsAt,
          user_id: habit === "present" ? by : null,
          substitute_name: habit === "represented" ? "Staf yang ditunjuk" : null,
          substitute_position: habit === "represented" ? "Staf Humas" : null,
          checkin_code: await newCheckinCode(db), checked_in_at: habit === "present" ? startsAt : null, checkin_method: habit === "present" ? "list" : null,
        }).execute();
      }
    }

    // Two of the six standing actions each month, in turn.
    for (const [owner, text, dueIn, doneIn] of [ACTIONS[(2 * month) % ACTIONS.length], ACTIONS[(2 * month + 1) % ACTIONS.length]]) {
      const agency = agencies.find((a) => a.short_name === owner);
      if (!agency) continue;
      const due = new Date(Date.parse(`${date}T00:00:00Z`) + dueIn * 86_400_000).toISOString().slice(0, 10);
      const doneAt = doneIn === null ? null : zonedToUtc(new Date(Date.parse(`${date}T00:00:00Z`) + doneIn * 86_400_000).toISOString().slice(0, 10), "15:00", TZ)!.toISOString();
      await db.insertInto("outcome").values({
        id: createId(), meeting_id: meetingId, type: "action", text, owner_agency_id: agency.id, contact_user_id: adminOf(agency.id),
        due_date: due, status: doneIn === null ? "dropped" : "done", done_at: doneAt, created_by: coordinator, created_at: endsAt, updated_at: doneAt ?? endsAt,
      }).execute();
    }
  }
}
