// Attendance and minutes through the real production server: check-in by code (and the QR link),
// the wrong-meeting and expired-code messages, the CSV daftar hadir, self check-in with the meeting
// code, a stale minutes save refused with the typed text kept, and drafts hidden from participants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
const cookie: Record<string, string> = {};
const ids = { dinkes: "", pupr: "", rina: "", agus: "", bambang: "" };

const userId = async (email: string) => (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const agencyId = async (short: string) => (await db.selectFrom("agency").select("id").where("short_name", "=", short).executeTakeFirstOrThrow()).id;
const post = (path: string, who: string, body: Record<string, string>) =>
  s.request(path, { method: "POST", body: new URLSearchParams(body), cookie: cookie[who] });

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  ids.dinkes = await agencyId("Dinkes");
  ids.pupr = await agencyId("Dinas PUPR");
  ids.rina = await userId("rina@sinergi.test");
  ids.agus = await userId("agus.dinkes@sinergi.test");
  ids.bambang = await userId("pimpinan@sinergi.test");
  // A second secretariat member who writes minutes alongside the coordinator.
  await makePerson(db, { email: "notulis@sinergi.test", name: "Hendra Saputra (Notulis)", roles: ["koordinator"], agencyId: await agencyId("Diskominfo") });
  for (const e of ["koordinator", "notulis", "pimpinan", "rina", "admin.dinkes", "fajar", "lestari.pupr", "agus.dinkes"]) cookie[e] = await s.login(`${e}@sinergi.test`);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

describe("attendance", () => {
  let meeting: string;
  let rinaCode: string;
  let agusCode: string;
  let otherCode: string;
  beforeAll(async () => {
    const soon = Date.now() + 30 * 60000; // within the check-in window
    meeting = await makeMeeting(db, { title: "Rakor Uji Kehadiran", startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 3 * 3600000).toISOString(), mode: "hibrida" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ids.dinkes, rsvp: "attending" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ids.pupr });
    rinaCode = (await makeRepresentative(db, { meetingId: meeting, agencyId: ids.dinkes, userId: ids.rina })).code;
    agusCode = (await makeRepresentative(db, { meetingId: meeting, agencyId: ids.dinkes, userId: ids.agus })).code;
    const other = await makeMeeting(db, { title: "Rakor Lain" });
    await makeInvitation(db, { meetingId: other, agencyId: ids.dinkes });
    otherCode = (await makeRepresentative(db, { meetingId: other, agencyId: ids.dinkes, userId: ids.rina })).code;
  });
  const repOf = (code: string) => db.selectFrom("meeting_representative").select(["checked_in_at", "checkin_method"]).where("checkin_code", "=", code).executeTakeFirstOrThrow();

  it("the coordinator checks a representative in by their code; a second time is no duplicate", async () => {
    const r = await post(`/rapat/${meeting}/hadir`, "koordinator", { intent: "code", code: rinaCode.toLowerCase() });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toContain(`/rapat/${meeting}/hadir`);
    const first = await repOf(rinaCode);
    expect(first.checked_in_at).not.toBeNull();
    expect(first.checkin_method).toBe("code");
    const page = await (await s.request(`/rapat/${meeting}/hadir`, { cookie: cookie.koordinator })).text();
    expect(page).toContain("Rina Lestari");
    expect(page).toContain("✓");
    const again = await post(`/rapat/${meeting}/hadir`, "koordinator", { intent: "code", code: rinaCode });
    expect(again.status).toBe(302);
    expect((await repOf(rinaCode)).checked_in_at).toBe(first.checked_in_at);
  });

  it("a code of another meeting is refused with a clear message and the typed code kept", async () => {
    const r = await post(`/rapat/${meeting}/hadir`, "koordinator", { intent: "code", code: otherCode });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Kode ini bukan untuk rapat ini.");
    expect(html).toContain(`value="${otherCode}"`);
    expect((await repOf(otherCode)).checked_in_at).toBeNull();
  });

  it("the QR link: prefilled for the coordinator, a check-in for the representative themself", async () => {
    const forCoordinator = await s.request(`/rapat/${meeting}/hadir?kode=${agusCode}`, { cookie: cookie.koordinator });
    expect(forCoordinator.status).toBe(200);
    expect(await forCoordinator.text()).toContain("Kode milik Agus Setiawan");
    expect((await repOf(agusCode)).checked_in_at).toBeNull();
    // Someone else's code opened by Rina does nothing.
    const notHers = await s.request(`/rapat/${meeting}/hadir?kode=${agusCode}`, { cookie: cookie.rina });
    expect(await notHers.text()).toContain("Kode ini milik perwakilan lain.");
    expect((await repOf(agusCode)).checked_in_at).toBeNull();
    const own = await s.request(`/rapat/${meeting}/hadir?kode=${agusCode}`, { cookie: cookie["agus.dinkes"] });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Kehadiran Anda tercatat");
    expect(await repOf(agusCode)).toMatchObject({ checkin_method: "qr" });
  });

  it("the daftar hadir downloads as CSV (BOM, one separator, times in the meeting zone); participants may not", async () => {
    const r = await s.request(`/rapat/${meeting}/hadir.csv`, { cookie: cookie.koordinator });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    expect(r.headers.get("content-disposition")).toMatch(/attachment; filename="daftar-hadir-rakor-uji-kehadiran-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("No.;Instansi;Status kehadiran;Nama;Jabatan;Keterangan;Waktu hadir (WIB);Catatan");
    const rina = lines.find((l) => l.includes("Rina Lestari"))!;
    expect(rina).toMatch(/^\d+;Dinas Kesehatan Kabupaten Sukamaju;Hadir;Rina Lestari, S\.I\.Kom\.;Pranata Humas Ahli Pertama;Perwakilan;\d{4}-\d{2}-\d{2} \d{2}:\d{2};$/);
    expect(lines.every((l) => l.split(";").length === 8)).toBe(true);

    expect((await s.request(`/rapat/${meeting}/hadir.csv`, { cookie: cookie.rina })).status).toBe(403);
    expect((await s.request(`/rapat/${meeting}/hadir/cetak`, { cookie: cookie.rina })).status).toBe(403);
    expect((await s.request(`/rapat/${meeting}/hadir/cetak`, { cookie: cookie.pimpinan })).status).toBe(200);
    const forbidden = await post(`/rapat/${meeting}/hadir`, "rina", { intent: "tap", representativeId: "x" });
    expect(forbidden.status).toBe(403);
  });

  it("online self check-in with the meeting code; an expired code is refused", async () => {
    const gen = await post(`/rapat/${meeting}/hadir`, "koordinator", { intent: "meetingCode" });
    expect(gen.status).toBe(302);
    const { meeting_code: code } = await db.selectFrom("meeting").select("meeting_code").where("id", "=", meeting).executeTakeFirstOrThrow();
    const ok = await post(`/rapat/${meeting}/hadir`, "lestari.pupr", { intent: "self", code: code!, redirectTo: `/rapat/${meeting}` });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(`/rapat/${meeting}`);
    const lestari = await userId("lestari.pupr@sinergi.test");
    const rep = await db.selectFrom("meeting_representative").select(["checked_in_at", "checkin_method"]).where("meeting_id", "=", meeting).where("user_id", "=", lestari).executeTakeFirstOrThrow();
    expect(rep).toMatchObject({ checkin_method: "self" });

    await db.updateTable("meeting").set({ meeting_code_expires_at: new Date(Date.now() - 60000).toISOString() }).where("id", "=", meeting).execute();
    const late = await post(`/rapat/${meeting}/hadir`, "fajar", { intent: "self", code: code! });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Kode rapat sudah kedaluwarsa.");
  });
});

describe("minutes", () => {
  let meeting: string;
  const doc = (t: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: t }] }] });
  beforeAll(async () => {
    meeting = await makeMeeting(db, { title: "Rakor Uji Notulen", startsAt: new Date(Date.now() - 2 * 86400000).toISOString(), status: "held" });
    await makeInvitation(db, { meetingId: meeting, agencyId: ids.dinkes, rsvp: "attending" });
  });
  const current = () => db.selectFrom("meeting_minutes").selectAll().where("meeting_id", "=", meeting).executeTakeFirst();

  it("a draft is hidden from participants (404 with a message), shown to coordinator and pimpinan", async () => {
    expect((await post(`/rapat/${meeting}/notulen`, "koordinator", { intent: "save", version: "0", content: "Rapat dibuka pukul 09.00.\n\nPaparan Dinkes." })).status).toBe(302);
    const forRina = await s.request(`/rapat/${meeting}/notulen`, { cookie: cookie.rina });
    expect(forRina.status).toBe(404);
    const html = await forRina.text();
    expect(html).toContain("Notulen rapat ini belum diedarkan.");
    expect(html).not.toContain("Paparan Dinkes");
    expect((await s.request(`/rapat/${meeting}/notulen/cetak`, { cookie: cookie.rina })).status).toBe(404);
    const forPimpinan = await s.request(`/rapat/${meeting}/notulen`, { cookie: cookie.pimpinan });
    expect(forPimpinan.status).toBe(200);
    expect(await forPimpinan.text()).toContain("Paparan Dinkes");
    // A participant cannot save either (the draft does not exist for them), nor the pimpinan (who approves).
    expect((await post(`/rapat/${meeting}/notulen`, "rina", { intent: "save", version: "1", content: "x" })).status).toBe(404);
    expect((await post(`/rapat/${meeting}/notulen`, "pimpinan", { intent: "save", version: "1", content: "x" })).status).toBe(403);
  });

  it("a stale save is refused (409) with who saved and when; the typed text comes back; nothing is overwritten", async () => {
    // The second notulis saves version 2 while the coordinator still has version 1 open.
    expect((await post(`/rapat/${meeting}/notulen`, "notulis", { intent: "save", version: "1", content: doc("Versi notulis: RTL ditambah.") })).status).toBe(302);
    const typed = doc("Catatan koordinator yang belum tersimpan <dengan tanda>");
    const r = await post(`/rapat/${meeting}/notulen`, "koordinator", { intent: "save", version: "1", content: typed });
    expect(r.status).toBe(409);
    const html = await r.text();
    expect(html).toContain("notulen sudah diubah orang lain");
    expect(html).toContain("Versi 2 disimpan oleh Hendra Saputra (Notulis) pada");
    expect(html).toContain("Catatan koordinator yang belum tersimpan &lt;dengan tanda&gt;"); // in the editor's fallback
    expect(html).toContain("Versi notulis: RTL ditambah."); // the latest version beside it
    expect(html).toMatch(/name="version" value="2"/); // saving again after merging is on top of version 2
    const m = await current();
    expect(m).toMatchObject({ version: 2, content_json: doc("Versi notulis: RTL ditambah.") });
    const revs = await db.selectFrom("minutes_revision").select("version").where("meeting_id", "=", meeting).execute();
    expect(revs).toHaveLength(2);
  });

  it("stored text never carries script or javascript: links to the page", async () => {
    const evil = JSON.stringify({ type: "doc", content: [
      { type: "paragraph", content: [{ type: "text", text: "klik", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }, { type: "text", text: "<script>alert(2)</script>" }] },
      { type: "iframe", attrs: { src: "https://evil.example" } },
    ] });
    expect((await post(`/rapat/${meeting}/notulen`, "koordinator", { intent: "save", version: "2", content: evil })).status).toBe(302);
    const html = await (await s.request(`/rapat/${meeting}/notulen`, { cookie: cookie.koordinator })).text();
    expect(html).not.toContain("javascript:alert");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).not.toContain("evil.example");
  });

  it("once circulated, an invited participant reads it; after locking nobody can save", async () => {
    const d = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    expect((await post(`/rapat/${meeting}/notulen`, "koordinator", { intent: "circulate", date: d, time: "16:00" })).status).toBe(302);
    const forRina = await s.request(`/rapat/${meeting}/notulen`, { cookie: cookie.rina });
    expect(forRina.status).toBe(200);
    expect(await forRina.text()).toContain("klik");
    expect((await post(`/rapat/${meeting}/notulen`, "rina", { intent: "approve" })).status).toBe(403);
    expect((await post(`/rapat/${meeting}/notulen`, "pimpinan", { intent: "approve" })).status).toBe(302);
    expect((await post(`/rapat/${meeting}/notulen`, "pimpinan", { intent: "lock" })).status).toBe(302);
    const locked = await post(`/rapat/${meeting}/notulen`, "koordinator", { intent: "save", version: "3", content: "Perubahan terlambat" });
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain("Notulen sudah dikunci");
    expect((await current())!.status).toBe("locked");
    const print = await s.request(`/rapat/${meeting}/notulen/cetak`, { cookie: cookie.rina });
    expect(print.status).toBe(200);
    expect(await print.text()).toContain("Drs. Bambang Wicaksono, M.Si.");
  });
});
