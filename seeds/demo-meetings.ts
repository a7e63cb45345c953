// Demo meetings of "Bakohumas Kabupaten Sukamaju", dated relative to today so the demo always has
// an upcoming rakor: a published quarterly rakor (all agencies invited, a few answers, Dinkes still
// to answer), a crisis rakor held three weeks ago, and a draft agenda-setting meeting.
// Inserted directly (no notifications are sent while seeding); reminders are scheduled as usual.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { plainToDoc } from "~/lib/rich-text";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { syncMeetingReminders } from "~/models/meeting-reminders.server";
import { newCheckinCode } from "~/models/rsvp.server";

const TZ = "Asia/Jakarta";
const DAY = 86_400_000;

/** The first `weekday` (0 = Sunday) at least `minDays` from now, as a local date "YYYY-MM-DD". */
function nextWeekday(now: Date, weekday: number, minDays: number): string {
  for (let i = minDays; i < minDays + 8; i++) {
    const d = new Date(now.getTime() + i * DAY);
    const local = utcToZoned(d, TZ).date;
    if (new Date(`${local}T12:00:00Z`).getUTCDay() === weekday) return local;
  }
  throw new Error("unreachable");
}

const at = (date: string, time: string) => zonedToUtc(date, time, TZ)!.toISOString();

export async function seedDemoMeetings(db: DB, now: Date = new Date()): Promise<void> {
  const agencies = await db.selectFrom("agency").select(["id", "short_name"]).where("active", "=", 1).execute();
  const agencyId = (short: string) => agencies.find((a) => a.short_name === short)?.id ?? null;
  const users = await db.selectFrom("user").select(["id", "email", "agency_id"]).execute();
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  const coordinator = userId("koordinator@sinergi.test");
  const nowIso = now.toISOString();

  async function meeting(m: {
    title: string; kind: string; mode: string; status: string; date: string; start: string; end: string;
    venue?: string | null; joinUrl?: string | null; description?: string; letter?: string | null; cancelReason?: string | null;
  }) {
    const id = createId();
    await db
      .insertInto("meeting")
      .values({
        id, title: m.title, kind: m.kind, mode: m.mode, status: m.status,
        venue: m.venue ?? null, join_url: m.joinUrl ?? null,
        starts_at: at(m.date, m.start), ends_at: at(m.date, m.end), time_zone: TZ,
        description_json: m.description ? JSON.stringify(plainToDoc(m.description)) : null,
        letter_number: m.letter ?? null, cancel_reason: m.cancelReason ?? null, reminder_lead_minutes: 1440,
        created_by: coordinator, created_at: nowIso, updated_at: nowIso, published_at: m.status === "draft" ? null : nowIso,
      })
      .execute();
    return id;
  }

  async function agenda(meetingId: string, items: [string, number, string | null, string | null][]) {
    let position = 0;
    for (const [title, minutes, agencyShort, presenter] of items) {
      await db
        .insertInto("agenda_item")
        .values({
          id: createId(), meeting_id: meetingId, position: ++position, title, duration_minutes: minutes,
          presenter_agency_id: agencyShort ? agencyId(agencyShort) : null, presenter_name: presenter,
          created_at: nowIso, updated_at: nowIso,
        })
        .execute();
    }
  }

  async function invite(meetingId: string, which: string[] | "all") {
    const list = which === "all" ? agencies : agencies.filter((a) => which.includes(a.short_name));
    for (const a of list) {
      await db.insertInto("meeting_invitation").values({ id: createId(), meeting_id: meetingId, agency_id: a.id, created_at: nowIso }).execute();
    }
  }

  async function answer(meetingId: string, short: string, r: { rsvp: "attending" | "declined"; by: string; officers?: string[]; substitute?: [string, string]; reason?: string; attendance?: string; checkedIn?: boolean }) {
    const agency = agencyId(short);
    if (!agency) return;
    await db
      .updateTable("meeting_invitation")
      .set({ rsvp: r.rsvp, decline_reason: r.reason ?? null, responded_by: userId(r.by), responded_at: nowIso, attendance: r.attendance ?? null })
      .where("meeting_id", "=", meetingId)
      .where("agency_id", "=", agency)
      .execute();
    const reps: { user_id: string | null; substitute_name: string | null; substitute_position: string | null }[] = [
      ...(r.officers ?? []).map((e) => ({ user_id: userId(e), substitute_name: null, substitute_position: null })),
      ...(r.substitute ? [{ user_id: null, substitute_name: r.substitute[0], substitute_position: r.substitute[1] }] : []),
    ];
    for (const rep of reps) {
      await db
        .insertInto("meeting_representative")
        .values({
          id: createId(), meeting_id: meetingId, agency_id: agency, ...rep, checkin_code: await newCheckinCode(db), created_at: nowIso,
          checked_in_at: r.checkedIn ? nowIso : null, checkin_method: r.checkedIn ? "list" : null,
        })
        .execute();
    }
  }

  // 1. The quarterly rakor: next Tuesday, at least three days ahead.
  const rakorDate = nextWeekday(now, 2, 3);
  const rakor = await meeting({
    title: "Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I",
    kind: "rakor", mode: "hibrida", status: "published", date: rakorDate, start: "09:00", end: "12:00",
    venue: "Ruang Rapat Command Center, Kantor Diskominfo Kabupaten Sukamaju, Jl. Merdeka No. 1",
    joinUrl: "https://zoom.us/j/81234567890",
    letter: "005/214/Diskominfo/2025",
    description:
      "Rapat koordinasi triwulanan seluruh humas perangkat daerah dan mitra Bakohumas Kabupaten Sukamaju.\n\n" +
      "Mohon setiap instansi membawa rekap publikasi triwulan berjalan (jumlah rilis, unggahan media sosial, dan liputan media) serta usulan tema agenda setting bulan depan.",
  });
  await agenda(rakor, [
    ["Pembukaan oleh Kepala Diskominfo", 15, "Diskominfo", "Drs. Bambang Wicaksono, M.Si."],
    ["Evaluasi publikasi OPD triwulan berjalan", 45, "Diskominfo", "Dra. Siti Aminah"],
    ["Tema agenda setting bulan depan", 30, null, null],
    ["Paparan Polres tentang potensi hoaks", 30, "Polres", "Bripka Andi Saputra"],
    ["Pembagian tugas liputan Hari Jadi Kabupaten", 30, "Prokopim Setda", null],
    ["Rencana tindak lanjut (RTL) dan penutup", 30, null, null],
  ]);
  await invite(rakor, "all");
  await answer(rakor, "Dinas PUPR", { rsvp: "attending", by: "fajar@sinergi.test", officers: ["lestari.pupr@sinergi.test"] });
  await answer(rakor, "Polres", { rsvp: "attending", by: "andi@sinergi.test", officers: ["andi@sinergi.test"] });
  await answer(rakor, "RSUD", { rsvp: "attending", by: "sari.rsud@sinergi.test", substitute: ["dr. Hendra Gunawan", "Kepala Bagian Umum"] });
  await answer(rakor, "Disdikbud", { rsvp: "declined", by: "budi.disdik@sinergi.test", reason: "Bertepatan dengan pelaksanaan Asesmen Nasional; rekap publikasi dikirim lewat e-mail." });
  await syncMeetingReminders(db, rakor, () => now);

  // 2. A crisis rakor held three weeks ago, online.
  const pastDate = utcToZoned(new Date(now.getTime() - 21 * DAY), TZ).date;
  const crisis = await meeting({
    title: "Rakor Isu Krisis: Hoaks Pemotongan Bansos",
    kind: "rakor_krisis", mode: "daring", status: "held", date: pastDate, start: "13:00", end: "14:30",
    joinUrl: "https://zoom.us/j/89876543210",
    description: "Menyepakati narasi tunggal dan holding statement atas hoaks pemotongan bantuan sosial yang beredar di grup percakapan warga.",
  });
  await agenda(crisis, [
    ["Kronologi sebaran hoaks", 15, "Diskominfo", null],
    ["Klarifikasi data penyaluran bansos", 20, "Prokopim Setda", null],
    ["Penyusunan holding statement bersama", 40, null, "Dra. Siti Aminah"],
    ["Pembagian kanal publikasi klarifikasi", 15, null, null],
  ]);
  await invite(crisis, ["Diskominfo", "Dinkes", "Prokopim Setda", "Polres", "Kec. Sukamaju Kota", "Dinas PUPR"]);
  await answer(crisis, "Dinkes", { rsvp: "attending", by: "admin.dinkes@sinergi.test", officers: ["rina@sinergi.test"], attendance: "present", checkedIn: true });
  await answer(crisis, "Polres", { rsvp: "attending", by: "andi@sinergi.test", officers: ["andi@sinergi.test"], attendance: "present", checkedIn: true });
  await answer(crisis, "Prokopim Setda", { rsvp: "attending", by: "rizky.prokopim@sinergi.test", officers: ["rizky.prokopim@sinergi.test"], attendance: "present", checkedIn: true });
  await answer(crisis, "Dinas PUPR", { rsvp: "declined", by: "fajar@sinergi.test", reason: "Peninjauan lapangan jembatan bersama Bupati.", attendance: "excused" });

  // 3. A draft agenda-setting meeting: the first Monday of next month, 10.00 WIB, online.
  const local = utcToZoned(now, TZ).date;
  const [y, mo] = local.split("-").map(Number);
  const first = new Date(Date.UTC(mo === 12 ? y + 1 : y, mo === 12 ? 0 : mo, 1));
  while (first.getUTCDay() !== 1) first.setUTCDate(first.getUTCDate() + 1);
  const draft = await meeting({
    title: "Rapat Redaksi Bulanan Agenda Setting",
    kind: "rapat_redaksi", mode: "daring", status: "draft", date: first.toISOString().slice(0, 10), start: "10:00", end: "11:30",
    joinUrl: "https://zoom.us/j/80011122233",
    description: "Menetapkan tema dan kalender konten bersama untuk bulan berjalan.",
  });
  await agenda(draft, [
    ["Evaluasi tema bulan lalu", 20, "Diskominfo", null],
    ["Usulan tema dari OPD", 40, null, null],
    ["Penetapan kalender konten", 30, null, null],
  ]);
  await invite(draft, "all");
}
