// Follow-ups (RTL), series and copies through the real production server: only the owning agency's
// admin (and the coordinator) files progress, the overdue view, carry-over into the next meeting of
// a series, creating a series and copying a meeting — and who may open each page of this part.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { makeAgendaItem, makeInvitation, makeMeeting } from "#seeds/meeting-factories";
import { startServer, type TestServer } from "#tests/helpers/server";
import { createId } from "~/.server/crypto.server";
import { createOutcome } from "~/models/follow-up.server";

let s: TestServer;
let db: DB;
const cookie: Record<string, string> = {};
const ids = { dinkes: "", pupr: "", teluk: "", rina: "", siti: "" };
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const post = (path: string, who: string, body: Record<string, string>) =>
  s.request(path, { method: "POST", body: new URLSearchParams(body), cookie: cookie[who] });

let past: string;
let next: string;
let action: string;

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const agency = async (short: string) => (await db.selectFrom("agency").select("id").where("short_name", "=", short).executeTakeFirstOrThrow()).id;
  const user = async (email: string) => (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  ids.dinkes = await agency("Dinkes");
  ids.pupr = await agency("Dinas PUPR");
  ids.teluk = await agency("Diskominfo Teluk Timur");
  ids.rina = await user("rina@sinergi.test");
  ids.siti = await user("koordinator@sinergi.test");
  for (const e of ["koordinator", "pimpinan", "rina", "admin.dinkes", "fajar", "yohanes"]) cookie[e] = await s.login(`${e}@sinergi.test`);

  // A series of two meetings: the earlier one left an overdue action for Dinkes.
  const series = createId();
  const now = new Date().toISOString();
  await db.insertInto("meeting_series").values({
    id: series, title: "Rapat Redaksi Uji", kind: "rapat_redaksi", mode: "daring", time_zone: "Asia/Jakarta", recurrence: "weekly", weekday: 1,
    start_time: "10:00", duration_minutes: 60, starts_on: day(-30), created_at: now, updated_at: now,
  }).execute();
  past = await makeMeeting(db, { title: "Rapat Redaksi Uji (lalu)", seriesId: series, occurrenceDate: day(-7), startsAt: new Date(Date.now() - 7 * 86400000).toISOString(), status: "held" });
  next = await makeMeeting(db, { title: "Rapat Redaksi Uji (berikut)", seriesId: series, occurrenceDate: day(7), startsAt: new Date(Date.now() + 7 * 86400000).toISOString() });
  for (const m of [past, next]) {
    await makeInvitation(db, { meetingId: m, agencyId: ids.dinkes, rsvp: "attending" });
    await makeInvitation(db, { meetingId: m, agencyId: ids.pupr, rsvp: "attending" });
  }
  await makeAgendaItem(db, { meetingId: past, title: "Evaluasi konten minggu lalu" });
  const r = await createOutcome(db, { id: ids.siti }, past, {
    type: "action", text: "Dinkes menerbitkan rilis capaian imunisasi (uji)", ownerAgencyId: ids.dinkes, contactUserId: ids.rina, dueDate: day(-2),
  });
  if (!r.ok) throw new Error(r.error);
  action = r.id;
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const state = async () => ({
  status: (await db.selectFrom("outcome").select("status").where("id", "=", action).executeTakeFirstOrThrow()).status,
  updates: (await db.selectFrom("follow_up_update").select("id").where("outcome_id", "=", action).execute()).length,
});

describe("progress on an action", () => {
  it("another agency's admin may read it but not update it (403, unchanged); its contact details stay hidden", async () => {
    const before = await state();
    const r = await post(`/tindak-lanjut/${action}`, "fajar", { status: "done", note: "Diklaim selesai oleh PUPR" });
    expect(r.status).toBe(403);
    expect(await state()).toEqual(before);
    const view = await s.request(`/tindak-lanjut/${action}`, { cookie: cookie.fajar });
    expect(view.status).toBe(200);
    const html = await view.text();
    expect(html).toContain("Dinkes menerbitkan rilis capaian imunisasi (uji)");
    expect(html).not.toContain("Kirim laporan");
    expect(html).not.toContain("Rina Lestari");
    // A member (not admin) of the owner agency may not either.
    expect((await post(`/tindak-lanjut/${action}`, "rina", { status: "done", note: "x" })).status).toBe(403);
  });

  it("the owner agency's admin files progress; an empty note is refused with the choice kept", async () => {
    const bad = await post(`/tindak-lanjut/${action}`, "admin.dinkes", { status: "in_progress", note: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wajib diisi.");
    const r = await post(`/tindak-lanjut/${action}`, "admin.dinkes", { status: "in_progress", note: "Naskah rilis sedang disunting." });
    expect(r.status).toBe(302);
    expect(await state()).toEqual({ status: "in_progress", updates: 1 });
    const page = await (await s.request(`/tindak-lanjut/${action}`, { cookie: cookie["admin.dinkes"] })).text();
    expect(page).toContain("Naskah rilis sedang disunting.");
  });
});

describe("the register and carry-over", () => {
  it("the coordinator's overdue view lists it; each agency sees only its own actions", async () => {
    const overdue = await (await s.request("/tindak-lanjut?status=terlambat", { cookie: cookie.koordinator })).text();
    expect(overdue).toContain("Dinkes menerbitkan rilis capaian imunisasi (uji)");
    expect(overdue).toContain("Terlambat");
    const own = await (await s.request("/tindak-lanjut?status=semua", { cookie: cookie.rina })).text();
    expect(own).toContain("Dinkes menerbitkan rilis capaian imunisasi (uji)");
    const other = await (await s.request("/tindak-lanjut?status=semua", { cookie: cookie.fajar })).text();
    expect(other).not.toContain("Dinkes menerbitkan rilis capaian imunisasi (uji)");
  });

  it("the next meeting of the series opens with the open action", async () => {
    const html = await (await s.request(`/rapat/${next}/tindak-lanjut`, { cookie: cookie.koordinator })).text();
    expect(html).toContain("Tindak lanjut rapat sebelumnya");
    expect(html).toContain("Dinkes menerbitkan rilis capaian imunisasi (uji)");
  });

  it("recording an action needs an owner and a due date; what was typed stays", async () => {
    const r = await post(`/rapat/${past}/tindak-lanjut`, "koordinator", { type: "action", text: "Semua OPD memasang widget berita" });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Pilih instansi penanggung jawab.");
    expect(html).toContain("Semua OPD memasang widget berita");
    expect((await post(`/rapat/${past}/tindak-lanjut`, "fajar", { type: "decision", text: "x" })).status).toBe(403);
    const ok = await post(`/rapat/${past}/tindak-lanjut`, "koordinator", { type: "action", text: "PUPR memasang widget berita", ownerAgencyId: ids.pupr, dueDate: day(14) });
    expect(ok.status).toBe(302);
    const reminder = await db
      .selectFrom("scheduled_reminder as r")
      .innerJoin("outcome as o", "o.id", "r.ref_id")
      .select(["r.kind", "r.send_at"])
      .where("o.text", "=", "PUPR memasang widget berita")
      .executeTakeFirstOrThrow();
    expect(reminder.kind).toBe("followup.due");
  });
});

describe("series and copies", () => {
  it("the coordinator creates a series; its occurrences exist as drafts; others may not", async () => {
    const body = {
      title: "Rapat Redaksi Bulanan (uji)", kind: "rapat_redaksi", mode: "daring", joinUrl: "https://zoom.us/j/1", timeZone: "Asia/Jakarta",
      recurrence: "monthly_weekday", weekday: "1", weekOfMonth: "1", startTime: "10:00", durationMinutes: "90", startsOn: day(1),
      reminderLeadMinutes: "1440", inviteAll: "on",
    };
    expect((await post("/rapat/seri/baru", "fajar", body)).status).toBe(403);
    const r = await post("/rapat/seri/baru", "koordinator", body);
    expect(r.status).toBe(302);
    const id = r.headers.get("location")!.split("/").pop()!;
    const meetings = await db.selectFrom("meeting").select(["status", "occurrence_date"]).where("series_id", "=", id).execute();
    expect(meetings.length).toBeGreaterThanOrEqual(2);
    expect(meetings.every((m) => m.status === "draft")).toBe(true);
    for (const m of meetings) expect(new Date(`${m.occurrence_date}T00:00:00Z`).getUTCDay()).toBe(1);
    // Viewing the series again never duplicates an occurrence.
    expect((await s.request(`/rapat/seri/${id}`, { cookie: cookie.koordinator })).status).toBe(200);
    expect((await db.selectFrom("meeting").select("id").where("series_id", "=", id).execute()).length).toBe(meetings.length);

    const bad = await post("/rapat/seri/baru", "koordinator", { ...body, recurrence: "monthly_date", dayOfMonth: "40", untilDate: day(-5) });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Isi tanggal 1–31.");
    expect(html).toContain("Rapat Redaksi Bulanan (uji)");
  });

  it("copying a meeting makes a draft with the chosen parts", async () => {
    const r = await post(`/rapat/${past}/salin`, "koordinator", { title: "Rapat Redaksi Uji (salinan)", date: day(20), startTime: "13:00", endTime: "14:00", copyAgenda: "on" });
    expect(r.status).toBe(302);
    const copy = r.headers.get("location")!.split("/").pop()!;
    const m = await db.selectFrom("meeting").select(["status", "title", "series_id"]).where("id", "=", copy).executeTakeFirstOrThrow();
    expect(m).toEqual({ status: "draft", title: "Rapat Redaksi Uji (salinan)", series_id: null });
    expect((await db.selectFrom("agenda_item").select("title").where("meeting_id", "=", copy).execute()).map((a) => a.title)).toEqual(["Evaluasi konten minggu lalu"]);
    expect((await db.selectFrom("meeting_invitation").select("id").where("meeting_id", "=", copy).execute())).toHaveLength(0);
    const past2 = await post(`/rapat/${past}/salin`, "koordinator", { title: "x", date: day(-3), startTime: "13:00", endTime: "14:00" });
    expect(past2.status).toBe(400);
  });
});

describe("who may open each page of this part", () => {
  type Who = "anon" | "koordinator" | "pimpinan" | "admin.dinkes" | "rina" | "fajar" | "yohanes";
  const WHO: Who[] = ["anon", "koordinator", "pimpinan", "admin.dinkes", "rina", "fajar", "yohanes"];
  // yohanes: admin of an agency not invited to these meetings → the meeting's pages are 404 for him.
  const meetingPage = { anon: 302, yohanes: 404, default: 200 };
  const coordinatorish = { anon: 302, koordinator: 200, pimpinan: 200, yohanes: 404, default: 403 };
  const cases: { path: () => string; expect: Partial<Record<Who, number>> & { default: number } }[] = [
    { path: () => `/rapat/${past}/hadir`, expect: meetingPage },
    { path: () => `/rapat/${past}/hadir/cetak`, expect: coordinatorish },
    { path: () => `/rapat/${past}/hadir.csv`, expect: coordinatorish },
    { path: () => `/rapat/${past}/notulen`, expect: { anon: 302, koordinator: 200, pimpinan: 200, yohanes: 404, default: 404 } }, // no minutes yet
    { path: () => `/rapat/${past}/tindak-lanjut`, expect: meetingPage },
    { path: () => `/rapat/${past}/salin`, expect: { anon: 302, koordinator: 200, yohanes: 404, default: 403 } },
    { path: () => "/tindak-lanjut", expect: { anon: 302, default: 200 } },
    { path: () => "/tindak-lanjut?status=terlambat", expect: { anon: 302, default: 200 } },
    { path: () => `/tindak-lanjut/${action}`, expect: { anon: 302, default: 200 } },
    { path: () => "/tindak-lanjut/tidak-ada", expect: { anon: 302, default: 404 } },
    { path: () => "/rapat/seri", expect: { anon: 302, koordinator: 200, pimpinan: 200, default: 403 } },
    { path: () => "/rapat/seri/baru", expect: { anon: 302, koordinator: 200, default: 403 } },
  ];
  for (const c of cases) {
    // Titles are read before the ids exist: name them from the path's shape.
    it(c.path.toString().replace(/^\(\) => /, "").replace(/\$\{(\w+)\}/g, ":$1").replace(/[`"]/g, ""), async () => {
      const failures: string[] = [];
      for (const who of WHO) {
        const r = await s.request(c.path(), { cookie: who === "anon" ? undefined : cookie[who] });
        const want = c.expect[who] ?? c.expect.default;
        if (r.status !== want) failures.push(`${who}: ${r.status} ≠ ${want}`);
        const body = await r.text();
        if (r.status >= 500 || /at .+\.(ts|js):\d+/.test(body)) failures.push(`${who}: error or stack trace`);
        if (who === "fajar" && body.includes("Rina Lestari")) failures.push("fajar sees Dinkes's people");
      }
      expect(failures).toEqual([]);
    });
  }
});
