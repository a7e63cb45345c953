// Demo minutes and follow-ups (RTL) for "Bakohumas Kabupaten Sukamaju", on top of the demo meetings
// (seeds/demo-meetings.ts, which calls this): the crisis rakor held three weeks ago gets approved
// minutes, a decision and three actions (one done, one overdue, one open); the monthly
// agenda-setting meeting becomes a series whose previous occurrence (held, locked minutes) left an
// open action — so the next occurrence opens with "Tindak lanjut rapat sebelumnya".
// Dates are relative to `now`, so the demo always has an overdue item and an upcoming one.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { formatShortDate } from "~/i18n/format";
import { addDays } from "~/lib/series";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { addProgress, createOutcome } from "~/models/follow-up.server";
import { saveMinutes } from "~/models/minutes.server";
import { topUpSeries } from "~/models/series.server";
import { newCheckinCode } from "~/models/rsvp.server";

const TZ = "Asia/Jakarta";

type Node = Record<string, unknown>;
const text = (t: string, bold = false): Node => (bold ? { type: "text", text: t, marks: [{ type: "bold" }] } : { type: "text", text: t });
const p = (...c: Node[]): Node => ({ type: "paragraph", content: c });
const h = (t: string): Node => ({ type: "heading", attrs: { level: 2 }, content: [text(t)] });
const ul = (...items: string[]): Node => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(text(i))] })) });
const doc = (...c: Node[]) => JSON.stringify({ type: "doc", content: c });

export async function seedDemoMinutesAndFollowUps(db: DB, now: Date = new Date()): Promise<void> {
  const clock = () => now;
  const users = await db.selectFrom("user").select(["id", "email"]).execute();
  const user = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  const agencies = await db.selectFrom("agency").select(["id", "short_name"]).execute();
  const agency = (short: string) => agencies.find((a) => a.short_name === short)?.id ?? null;
  const coordinator = user("koordinator@sinergi.test");
  const pimpinan = user("pimpinan@sinergi.test");
  if (!coordinator || !pimpinan) return;
  const today = utcToZoned(now, TZ).date;
  const actor = { id: coordinator };

  async function approve(meetingId: string, body: string, lock: boolean, heldOn: string) {
    // Written the afternoon of the meeting, circulated the next morning, approved five days later.
    const written = zonedToUtc(heldOn, "16:00", TZ)!;
    await saveMinutes(db, actor, { meetingId, baseVersion: 0, contentJson: body }, () => written);
    await db
      .updateTable("meeting_minutes")
      .set({
        status: lock ? "locked" : "approved",
        circulated_at: zonedToUtc(addDays(heldOn, 1), "09:00", TZ)!.toISOString(),
        corrections_until: zonedToUtc(addDays(heldOn, 4), "16:00", TZ)!.toISOString(),
        approved_by: pimpinan,
        approved_at: zonedToUtc(addDays(heldOn, 5), "10:00", TZ)!.toISOString(),
      })
      .where("meeting_id", "=", meetingId)
      .execute();
  }

  // 1. The crisis rakor held three weeks ago.
  const crisis = await db.selectFrom("meeting").select(["id", "starts_at"]).where("kind", "=", "rakor_krisis").where("status", "=", "held").executeTakeFirst();
  if (crisis) {
    const heldOn = utcToZoned(crisis.starts_at, TZ).date;
    // People checked in just before the start (the meetings seed stamps them with the seeding time).
    await db
      .updateTable("meeting_representative")
      .set({ checked_in_at: new Date(Date.parse(crisis.starts_at) - 4 * 60000).toISOString() })
      .where("meeting_id", "=", crisis.id)
      .where("checked_in_at", "is not", null)
      .execute();
    await approve(
      crisis.id,
      doc(
        h("Kronologi"),
        p(text("Diskominfo memaparkan sebaran pesan berantai yang menyebut bantuan sosial tahap I dipotong 30%. Pesan pertama terpantau di grup percakapan warga Kecamatan Sukamaju Kota dan menyebar ke 40-an grup dalam dua hari.")),
        h("Klarifikasi data"),
        p(text("Prokopim Setda menyampaikan data penyaluran: seluruh penerima menerima bantuan "), text("penuh tanpa potongan", true), text("; tidak ada pungutan dalam bentuk apa pun.")),
        h("Kesepakatan"),
        ul(
          "Narasi tunggal: bansos tahap I disalurkan utuh; laporkan pungutan ke kanal pengaduan resmi.",
          "Holding statement diterbitkan Prokopim Setda dan disebarkan seluruh humas OPD.",
          "Polres memantau akun penyebar awal dan berkoordinasi dengan Diskominfo.",
        ),
        p(text("Rapat ditutup pukul 14.30 WIB.")),
      ),
      false,
      heldOn,
    );
    await createOutcome(db, actor, crisis.id, { type: "decision", text: "Narasi tunggal: bansos tahap I disalurkan utuh tanpa potongan; warga diminta melapor ke kanal pengaduan resmi bila ada pungutan." }, clock);
    const done = await createOutcome(db, actor, crisis.id, {
      type: "action", text: "Prokopim Setda menerbitkan holding statement klarifikasi penyaluran bansos paling lambat sehari setelah rapat",
      ownerAgencyId: agency("Prokopim Setda") ?? undefined, contactUserId: user("rizky.prokopim@sinergi.test") ?? undefined, dueDate: addDays(heldOn, 1),
    }, clock);
    if (done.ok) {
      await addProgress(db, { id: user("rizky.prokopim@sinergi.test") ?? coordinator }, done.id, { status: "done", note: "Holding statement terbit di situs pemkab dan akun media sosial resmi; disebarkan ke 38 grup humas OPD." }, clock);
    }
    const overdueDue = addDays(today, -5);
    const late = await createOutcome(db, actor, crisis.id, {
      type: "action", text: `Dinkes menerbitkan rilis capaian imunisasi triwulan I paling lambat ${formatShortDate(`${overdueDue}T12:00:00Z`, "UTC")} sebagai konten penyeimbang di kanal resmi`,
      ownerAgencyId: agency("Dinkes") ?? undefined, contactUserId: user("rina@sinergi.test") ?? undefined, dueDate: overdueDue,
    }, clock);
    if (late.ok) {
      await addProgress(db, { id: user("admin.dinkes@sinergi.test") ?? coordinator }, late.id, { status: "in_progress", note: "Data capaian sudah diterima dari bidang P2P; naskah rilis dalam penyuntingan." }, clock);
    }
    await createOutcome(db, actor, crisis.id, {
      type: "action", text: "Polres menayangkan video klarifikasi 60 detik di akun media sosial resmi",
      ownerAgencyId: agency("Polres") ?? undefined, contactUserId: user("andi@sinergi.test") ?? undefined, dueDate: addDays(today, 10),
    }, clock);
  }

  // 2. The monthly agenda-setting meeting as a series: first Monday of each month, 10.00 WIB.
  const draft = await db.selectFrom("meeting").select(["id", "starts_at", "description_json", "created_by"]).where("kind", "=", "rapat_redaksi").where("status", "=", "draft").where("series_id", "is", null).executeTakeFirst();
  if (!draft) return;
  const draftDate = utcToZoned(draft.starts_at, TZ).date;
  // The previous first Monday before today.
  let prev = addDays(today, -1);
  for (;;) {
    const d = new Date(`${prev}T12:00:00Z`);
    if (d.getUTCDay() === 1 && d.getUTCDate() <= 7) break;
    prev = addDays(prev, -1);
  }
  const seriesId = createId();
  const nowIso = now.toISOString();
  await db
    .insertInto("meeting_series")
    .values({
      id: seriesId, title: "Rapat Redaksi Bulanan Agenda Setting", kind: "rapat_redaksi", mode: "daring", join_url: "https://zoom.us/j/80011122233",
      description_json: draft.description_json, time_zone: TZ, recurrence: "monthly_weekday", weekday: 1, week_of_month: 1, start_time: "10:00",
      duration_minutes: 90, starts_on: prev, invite_all_agencies: 1, created_by: coordinator, created_at: nowIso, updated_at: nowIso,
    })
    .execute();
  await db.updateTable("meeting").set({ series_id: seriesId, occurrence_date: draftDate }).where("id", "=", draft.id).execute();
  const pastId = createId();
  await db
    .insertInto("meeting")
    .values({
      id: pastId, series_id: seriesId, occurrence_date: prev, title: "Rapat Redaksi Bulanan Agenda Setting", kind: "rapat_redaksi", mode: "daring",
      join_url: "https://zoom.us/j/80011122233", starts_at: zonedToUtc(prev, "10:00", TZ)!.toISOString(), ends_at: zonedToUtc(prev, "11:30", TZ)!.toISOString(),
      time_zone: TZ, description_json: draft.description_json, status: "closed", reminder_lead_minutes: 1440, created_by: coordinator,
      created_at: nowIso, updated_at: nowIso, published_at: nowIso,
    })
    .execute();
  const came: [string, string][] = [["Diskominfo", "koordinator@sinergi.test"], ["Dinkes", "rina@sinergi.test"], ["Disdikbud", "budi.disdik@sinergi.test"], ["Dinas PUPR", "lestari.pupr@sinergi.test"]];
  for (const a of agencies) {
    const who = came.find(([short]) => short === a.short_name);
    await db.insertInto("meeting_invitation").values({ id: createId(), meeting_id: pastId, agency_id: a.id, rsvp: who ? "attending" : "pending", attendance: who ? "present" : "absent", created_at: nowIso }).execute();
    if (who) {
      await db
        .insertInto("meeting_representative")
        .values({
          id: createId(), meeting_id: pastId, agency_id: a.id, user_id: user(who[1]), checkin_code: await newCheckinCode(db), created_at: nowIso,
          checked_in_at: zonedToUtc(prev, "09:58", TZ)!.toISOString(), checkin_method: "self",
        })
        .execute();
    }
  }
  await approve(
    pastId,
    doc(
      h("Tema bulan ini"),
      p(text("Disepakati tema "), text("Imunisasi Lengkap, Anak Sehat", true), text(" dengan kalender konten bersama: rilis pembuka oleh Dinkes, infografis oleh Diskominfo, liputan posyandu oleh kecamatan.")),
      h("Catatan"),
      ul("Setiap OPD mengunggah minimal dua konten bertema bulan ini.", "Materi visual bersama disiapkan Diskominfo di folder bersama."),
    ),
    true,
    prev,
  );
  await createOutcome(db, actor, pastId, {
    type: "action", text: "Disdikbud menyiapkan liputan foto kegiatan imunisasi sekolah untuk kalender konten bersama",
    ownerAgencyId: agency("Disdikbud") ?? undefined, contactUserId: user("budi.disdik@sinergi.test") ?? undefined, dueDate: addDays(draftDate, -3),
  }, clock);
  // The months in between (if any) exist as drafts too.
  await topUpSeries(db, seriesId, clock);
}
