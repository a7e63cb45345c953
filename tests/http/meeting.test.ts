// Meetings through the real server: create + publish, bad input, agency RSVP and who may do it,
// drafts, attachments checked by content, calendar files.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";
import { utcToZoned } from "~/lib/zoned-time";

let s: TestServer;
let db: DB;
let coord: string;
const DAY = 86_400_000;
const futureDate = (days: number) => utcToZoned(new Date(Date.now() + days * DAY), "Asia/Jakarta").date;

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  coord = await s.login("koordinator@sinergi.test");
});
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const agencyId = async (short: string) => (await db.selectFrom("agency").select("id").where("short_name", "=", short).executeTakeFirstOrThrow()).id;
const userId = async (email: string) => (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const meetingId = async (title: string) => (await db.selectFrom("meeting").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;

function meetingForm(over: Record<string, string> = {}) {
  return {
    title: "Rakor Persiapan Hari Jadi Kabupaten", kind: "rakor", mode: "hibrida", venue: "Aula Setda Lt. 3",
    joinUrl: "https://zoom.us/j/81230000000", date: futureDate(10), startTime: "09:00", endTime: "12:00",
    timeZone: "Asia/Makassar", description: "Mohon membawa rencana liputan masing-masing.", letterNumber: "005/300/Diskominfo/2025",
    reminderLeadMinutes: "1440", inviteAll: "on", ...over,
  };
}

async function createMeeting(fields: Record<string, string>) {
  const r = await s.request("/rapat/baru", { method: "POST", body: new URLSearchParams(fields), cookie: coord });
  expect(r.status).toBe(302);
  return r.headers.get("location")!.split("/").pop()!;
}

describe("creating and publishing", () => {
  it("the coordinator creates a meeting (stored in UTC from the meeting's zone) and publishes it; admins are told", async () => {
    const id = await createMeeting(meetingForm());
    const row = await db.selectFrom("meeting").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("draft");
    expect(row.starts_at).toBe(`${futureDate(10)}T01:00:00.000Z`); // 09.00 WITA
    expect(JSON.parse(row.description_json!).type).toBe("doc");
    const page = await s.request(`/rapat/${id}`, { cookie: coord });
    const html = await page.text();
    expect(html).toContain("09.00–12.00 WITA (08.00–11.00 WIB)");
    expect(html).toContain("Mohon membawa rencana liputan masing-masing.");

    const pub = await s.request(`/rapat/${id}`, { method: "POST", body: new URLSearchParams({ intent: "publish" }), cookie: coord });
    expect(pub.status).toBe(302);
    expect((await db.selectFrom("meeting").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("published");
    const told = await db.selectFrom("notification").select("user_id").where("kind", "=", "meeting.invited").where("link", "=", `/rapat/${id}`).execute();
    expect(told.map((n) => n.user_id)).toContain(await userId("admin.dinkes@sinergi.test"));
    expect(told.map((n) => n.user_id)).not.toContain(await userId("rina@sinergi.test"));
  });

  it("bad input answers 400 with field messages, keeps what was typed and saves nothing", async () => {
    const before = (await db.selectFrom("meeting").select("id").execute()).length;
    const cases: [Record<string, string>, string][] = [
      [{ endTime: "08:00" }, "Jam selesai harus sesudah jam mulai."],
      [{ date: futureDate(-3) }, "Waktu mulai sudah lewat."],
      [{ joinUrl: "rapat lewat zoom" }, "Tautan harus berupa alamat lengkap yang diawali https://."],
      [{ mode: "luring", venue: "" }, "Tempat wajib diisi untuk rapat luring atau hibrida."],
    ];
    for (const [over, message] of cases) {
      const r = await s.request("/rapat/baru", { method: "POST", body: new URLSearchParams(meetingForm({ title: "Rapat Salah Isi", ...over })), cookie: coord });
      expect(r.status).toBe(400);
      const html = await r.text();
      expect(html).toContain(message);
      expect(html).toContain('value="Rapat Salah Isi"');
      expect(html).toContain('value="005/300/Diskominfo/2025"');
    }
    expect((await db.selectFrom("meeting").select("id").execute()).length).toBe(before);
  });

  it("a peserta cannot create meetings; a draft is 404 for them", async () => {
    const rina = await s.login("rina@sinergi.test");
    expect((await s.request("/rapat/baru", { cookie: rina })).status).toBe(403);
    const r = await s.request("/rapat/baru", { method: "POST", body: new URLSearchParams(meetingForm({ title: "Rapat Gelap" })), cookie: rina });
    expect(r.status).toBe(403);
    expect(await db.selectFrom("meeting").select("id").where("title", "=", "Rapat Gelap").executeTakeFirst()).toBeUndefined();
    // The demo's agenda-setting series has draft occurrences (and a past closed one, which she may see).
    const draft = (await db.selectFrom("meeting").select("id").where("title", "=", "Rapat Redaksi Bulanan Agenda Setting").where("status", "=", "draft").executeTakeFirstOrThrow()).id;
    expect((await s.request(`/rapat/${draft}`, { cookie: rina })).status).toBe(404);
    expect((await s.request(`/rapat/${draft}.ics`, { cookie: rina })).status).toBe(404);
    expect((await s.request("/rapat", { cookie: rina }).then((x) => x.text()))).not.toContain(`/rapat/${draft}`);
    expect((await s.request(`/rapat/${draft}`, { cookie: await s.login("pimpinan@sinergi.test") })).status).toBe(200);
  });

  it("an agency that is not invited gets 404; a member cannot open the management pages", async () => {
    const crisis = await meetingId("Rakor Isu Krisis: Hoaks Pemotongan Bansos");
    const yohanes = await s.login("yohanes@sinergi.test");
    expect((await s.request(`/rapat/${crisis}`, { cookie: yohanes })).status).toBe(404);
    expect((await s.request(`/rapat/${crisis}/agenda`, { cookie: yohanes })).status).toBe(404);
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const rina = await s.login("rina@sinergi.test");
    expect((await s.request(`/rapat/${rakor}`, { cookie: rina })).status).toBe(200);
    for (const p of ["undangan", "ubah"]) expect((await s.request(`/rapat/${rakor}/${p}`, { cookie: rina })).status).toBe(403);
    expect((await s.request(`/rapat/${rakor}/agenda`, { method: "POST", body: new URLSearchParams({ title: "Sisipan", durationMinutes: "10" }), cookie: rina })).status).toBe(403);
    expect((await s.request(`/rapat/${rakor}/jawab`, { cookie: rina })).status).toBe(403);
  });
});

describe("agency RSVP", () => {
  it("admin.dinkes answers attending with Rina; Rina then sees her check-in code and QR", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const admin = await s.login("admin.dinkes@sinergi.test");
    const form = await s.request(`/rapat/${rakor}/jawab`, { cookie: admin });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Rina Lestari");
    const rinaId = await userId("rina@sinergi.test");
    const r = await s.request(`/rapat/${rakor}/jawab`, { method: "POST", body: new URLSearchParams({ answer: "attending", officerIds: rinaId }), cookie: admin });
    expect(r.status).toBe(302);
    const inv = await db.selectFrom("meeting_invitation").selectAll().where("meeting_id", "=", rakor).where("agency_id", "=", await agencyId("Dinkes")).executeTakeFirstOrThrow();
    expect(inv.rsvp).toBe("attending");
    const rep = await db.selectFrom("meeting_representative").selectAll().where("meeting_id", "=", rakor).where("user_id", "=", rinaId).executeTakeFirstOrThrow();
    const page = await (await s.request(`/rapat/${rakor}`, { cookie: await s.login("rina@sinergi.test") })).text();
    expect(page).toContain(rep.checkin_code);
    expect(page).toContain("<svg");
    const reminder = await db.selectFrom("scheduled_reminder").selectAll().where("dedupe_key", "=", `meeting.reminder:${rakor}:${rinaId}`).executeTakeFirst();
    expect(reminder?.sent_at).toBeNull();
  });

  it("declining needs a reason (400, nothing changed)", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const admin = await s.login("admin.dinkes@sinergi.test");
    const r = await s.request(`/rapat/${rakor}/jawab`, { method: "POST", body: new URLSearchParams({ answer: "declined" }), cookie: admin });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Tuliskan alasan tidak hadir.");
    const inv = await db.selectFrom("meeting_invitation").select("rsvp").where("meeting_id", "=", rakor).where("agency_id", "=", await agencyId("Dinkes")).executeTakeFirstOrThrow();
    expect(inv.rsvp).toBe("attending");
  });

  it("the admin of another agency cannot answer for Dinkes (403, nothing changed)", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const dinkes = await agencyId("Dinkes");
    const fajar = await s.login("fajar@sinergi.test");
    const r = await s.request(`/rapat/${rakor}/jawab?instansi=${dinkes}`, { method: "POST", body: new URLSearchParams({ answer: "declined", reason: "Sabotase" }), cookie: fajar });
    expect(r.status).toBe(403);
    expect((await s.request(`/rapat/${rakor}/jawab?instansi=${dinkes}`, { cookie: fajar })).status).toBe(403);
    const inv = await db.selectFrom("meeting_invitation").select(["rsvp", "decline_reason"]).where("meeting_id", "=", rakor).where("agency_id", "=", dinkes).executeTakeFirstOrThrow();
    expect(inv).toEqual({ rsvp: "attending", decline_reason: null });
  });

  it("an answer after the start is refused with a message and changes nothing", async () => {
    const id = await createMeeting(meetingForm({ title: "Rakor Sudah Mulai" }));
    await s.request(`/rapat/${id}`, { method: "POST", body: new URLSearchParams({ intent: "publish" }), cookie: coord });
    const started = new Date(Date.now() - 10 * 60_000).toISOString();
    await db.updateTable("meeting").set({ starts_at: started }).where("id", "=", id).execute();
    const admin = await s.login("admin.dinkes@sinergi.test");
    const r = await s.request(`/rapat/${id}/jawab`, { method: "POST", body: new URLSearchParams({ answer: "declined", reason: "Terlambat" }), cookie: admin });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Rapat sudah dimulai");
    const inv = await db.selectFrom("meeting_invitation").select("rsvp").where("meeting_id", "=", id).where("agency_id", "=", await agencyId("Dinkes")).executeTakeFirstOrThrow();
    expect(inv.rsvp).toBe("pending");
  });

  it("the nudge reaches only agencies that have not answered and says how many", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const pending = await db.selectFrom("meeting_invitation").select("agency_id").where("meeting_id", "=", rakor).where("rsvp", "=", "pending").execute();
    const r = await s.request(`/rapat/${rakor}/undangan`, { method: "POST", body: new URLSearchParams({ intent: "nudge" }), cookie: coord });
    expect(r.status).toBe(302);
    const board = await (await s.request(r.headers.get("location")!, { cookie: `${coord}; ${r.headers.get("set-cookie")?.split(";")[0]}` })).text();
    expect(board).toContain(`Pengingat dikirim ke ${pending.length} instansi yang belum menjawab.`);
    const nudged = await db.selectFrom("meeting_invitation").select(["agency_id", "nudge_count"]).where("meeting_id", "=", rakor).where("nudge_count", ">", 0).execute();
    expect(nudged.map((n) => n.agency_id).sort()).toEqual(pending.map((p) => p.agency_id).sort());
    const fajar = await userId("fajar@sinergi.test"); // PUPR answered in the seed
    expect(await db.selectFrom("notification").select("id").where("user_id", "=", fajar).where("kind", "=", "meeting.nudge").execute()).toHaveLength(0);
  });
});

describe("attachments and calendar", () => {
  it("refuses a .pdf that is not a PDF (400, field message, nothing saved); serves a real one only to people who may see the meeting", async () => {
    const fake = new FormData();
    for (const [k, v] of Object.entries(meetingForm({ title: "Rapat Berlampiran Palsu" }))) fake.append(k, v);
    fake.append("attachments", new Blob(["bukan pdf sama sekali"], { type: "application/pdf" }), "undangan.pdf");
    const r = await s.request("/rapat/baru", { method: "POST", body: fake, cookie: coord });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Isi berkas tidak sesuai dengan ekstensinya");
    expect(html).toContain('value="Rapat Berlampiran Palsu"');
    expect(await db.selectFrom("meeting").select("id").where("title", "=", "Rapat Berlampiran Palsu").executeTakeFirst()).toBeUndefined();

    const real = new FormData();
    for (const [k, v] of Object.entries(meetingForm({ title: "Rapat Berlampiran", inviteAll: "" }))) if (v) real.append(k, v);
    real.append("attachments", new Blob(["%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"], { type: "application/pdf" }), "Undangan Rakor.pdf");
    const ok = await s.request("/rapat/baru", { method: "POST", body: real, cookie: coord });
    expect(ok.status).toBe(302);
    const id = ok.headers.get("location")!.split("/").pop()!;
    const att = await db.selectFrom("meeting_attachment").selectAll().where("meeting_id", "=", id).executeTakeFirstOrThrow();
    expect(att.mime_type).toBe("application/pdf");
    expect(att.file_path).toMatch(/^meetings\/[a-z0-9]+$/);
    const file = await s.request(`/rapat/${id}/lampiran/${att.id}`, { cookie: coord });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toContain("Undangan%20Rakor.pdf");
    // Dinkes is not invited to this meeting (and it is a draft): Rina gets 404
    expect((await s.request(`/rapat/${id}/lampiran/${att.id}`, { cookie: await s.login("rina@sinergi.test") })).status).toBe(404);
  });

  it("the meeting's .ics parses with the right instants; the personal feed works by secret token", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const rina = await s.login("rina@sinergi.test");
    const r = await s.request(`/rapat/${rakor}.ics`, { cookie: rina });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/calendar");
    const row = await db.selectFrom("meeting").select(["starts_at", "ends_at"]).where("id", "=", rakor).executeTakeFirstOrThrow();
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(await r.text())).getFirstSubcomponent("vevent")!);
    expect(ev.startDate.toJSDate().toISOString()).toBe(row.starts_at);
    expect(ev.endDate.toJSDate().toISOString()).toBe(row.ends_at);
    expect(ev.summary).toBe("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");

    const made = await s.request("/kalender", { method: "POST", body: new URLSearchParams({ intent: "create" }), cookie: rina });
    expect(made.status).toBe(200);
    const url = /(http:\/\/[^"]+\/kalender\/[a-z0-9]+\.ics)/.exec(await made.text())![1];
    const feed = await s.request(new URL(url).pathname);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toContain("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    // Drafts never reach a calendar.
    const drafts = await db.selectFrom("meeting").select("id").where("status", "=", "draft").execute();
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(events.map((e) => e.uid).join(" ")).not.toContain(d.id);
    await s.request("/kalender", { method: "POST", body: new URLSearchParams({ intent: "create" }), cookie: rina });
    expect((await s.request(new URL(url).pathname)).status).toBe(404);
  });
});

describe("agenda without JavaScript", () => {
  it("adds an item, moves it up with a plain POST, and warns when the agenda overruns", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const add = await s.request(`/rapat/${rakor}/agenda`, { method: "POST", body: new URLSearchParams({ intent: "add", title: "Sesi tanya jawab", durationMinutes: "25" }), cookie: coord });
    expect(add.status).toBe(302);
    const item = await db.selectFrom("agenda_item").select(["id", "position"]).where("meeting_id", "=", rakor).where("title", "=", "Sesi tanya jawab").executeTakeFirstOrThrow();
    expect(item.position).toBe(7);
    const move = await s.request(`/rapat/${rakor}/agenda`, { method: "POST", body: new URLSearchParams({ intent: "move", itemId: item.id, direction: "up" }), cookie: coord });
    expect(move.status).toBe(302);
    expect((await db.selectFrom("agenda_item").select("position").where("id", "=", item.id).executeTakeFirstOrThrow()).position).toBe(6);
    const page = await (await s.request(`/rapat/${rakor}/agenda`, { cookie: coord })).text();
    expect(page).toContain("Agenda melewati jam selesai rapat 25 menit.");
    expect(page).toContain("11.30 WIB"); // the moved item now starts where "RTL dan penutup" did
    const bad = await s.request(`/rapat/${rakor}/agenda`, { method: "POST", body: new URLSearchParams({ intent: "add", title: "Durasi nol", durationMinutes: "0" }), cookie: coord });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Durasi harus lebih dari 0 menit.");
    expect(html).toContain('value="Durasi nol"');
    await s.request(`/rapat/${rakor}/agenda`, { method: "POST", body: new URLSearchParams({ intent: "delete", itemId: item.id }), cookie: coord });
  });
});

describe("who may open which meeting page", () => {
  type Role = "anon" | "peserta" | "adminA" | "adminB" | "fasilitator" | "pimpinan" | "koordinator";
  const EMAIL: Record<Exclude<Role, "anon">, string> = {
    peserta: "rina@sinergi.test", adminA: "admin.dinkes@sinergi.test", adminB: "fajar@sinergi.test",
    fasilitator: "fasilitator@sinergi.test", pimpinan: "pimpinan@sinergi.test", koordinator: "koordinator@sinergi.test",
  };
  const ROLES = ["anon", ...Object.keys(EMAIL)] as Role[];
  const all = { anon: 302, default: 200 };
  const manage = { anon: 302, koordinator: 200, default: 403 };
  const draftOnly = { anon: 302, pimpinan: 200, koordinator: 200, default: 404 };
  it("answers the expected status for every role", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const draft = await meetingId("Rapat Redaksi Bulanan Agenda Setting");
    const cases: [string, Partial<Record<Role | "default", number>>][] = [
      ["/rapat", all],
      ["/rapat?tab=lalu", all],
      ["/rapat/baru", manage],
      [`/rapat/${rakor}`, all],
      [`/rapat/${rakor}/agenda`, all],
      [`/rapat/${rakor}.ics`, all],
      [`/rapat/${rakor}/undangan`, manage],
      [`/rapat/${rakor}/ubah`, manage],
      [`/rapat/${rakor}/jawab`, { anon: 302, adminA: 200, adminB: 200, koordinator: 200, default: 403 }],
      [`/rapat/${draft}`, draftOnly],
      [`/rapat/${draft}/agenda`, draftOnly],
      [`/rapat/${draft}/undangan`, { anon: 302, koordinator: 200, pimpinan: 403, default: 404 }],
      ["/rapat/tidak-ada", { anon: 302, default: 404 }],
      ["/kalender", all],
      ["/kalender/tebakan.ics", { default: 404 }],
      ["/tamu/tebakan", { default: 404 }],
    ];
    const cookies: Partial<Record<Role, string>> = {};
    for (const r of ROLES) if (r !== "anon") cookies[r] = await s.login(EMAIL[r]);
    const failures: string[] = [];
    for (const [path, exp] of cases) {
      for (const role of ROLES) {
        const want = exp[role] ?? exp.default;
        const got = (await s.request(path, { cookie: cookies[role] })).status;
        if (got !== want) failures.push(`${role} ${path}: ${got}, expected ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("guests (narasumber)", () => {
  it("a guest gets an e-mail with a secret link to a read-only page with their own code; a new link replaces the old", async () => {
    const rakor = await meetingId("Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I");
    const r = await s.request(`/rapat/${rakor}/undangan`, { method: "POST", body: new URLSearchParams({ intent: "addGuest", name: "AKBP Darmawan", email: "Darmawan@Polri.test", organisation: "Bidhumas Polda" }), cookie: coord });
    expect(r.status).toBe(302);
    const guest = await db.selectFrom("meeting_guest").selectAll().where("meeting_id", "=", rakor).where("email", "=", "darmawan@polri.test").executeTakeFirstOrThrow();
    const mail = await db.selectFrom("email_outbox").select("text_body").where("to_address", "=", "darmawan@polri.test").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    const link = /(\/tamu\/[a-z0-9]+)/.exec(mail.text_body)![1];
    expect(guest.token_hash).not.toContain(link.split("/").pop()!);
    expect(mail.text_body).toContain(guest.checkin_code);
    const page = await s.request(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(guest.checkin_code);
    expect(html).toContain("Pembukaan oleh Kepala Diskominfo");
    const dup = await s.request(`/rapat/${rakor}/undangan`, { method: "POST", body: new URLSearchParams({ intent: "addGuest", name: "Lagi", email: "darmawan@polri.test" }), cookie: coord });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Tamu dengan e-mail ini sudah ada.");
    await s.request(`/rapat/${rakor}/undangan`, { method: "POST", body: new URLSearchParams({ intent: "resendGuest", guestId: guest.id }), cookie: coord });
    expect((await s.request(link)).status).toBe(404);
  });
});
