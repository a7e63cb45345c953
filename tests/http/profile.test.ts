// One's own side through the real production server: the profile form and the NIP, the data export,
// account removal and notifications.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let sqlite: Database.Database;
const form = (v: Record<string, string>) => new URLSearchParams(v);
const RINA_NIP = "199103152019032007";

beforeAll(async () => {
  s = await startServer();
  sqlite = new Database(s.dbFile);
});
afterAll(async () => {
  sqlite?.close();
  await s?.stop();
});

const profile = (extra: Record<string, string> = {}) =>
  form({ name: "Rina Lestari, S.I.Kom.", position: "Pranata Humas Ahli Pertama", timeZone: "Asia/Jakarta", locale: "id", ...extra });

describe("the profile page", () => {
  it("never shows the stored NIP in full, only masked, and links to the security page", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const html = await (await s.request("/profil", { cookie })).text();
    expect(html).not.toContain(RINA_NIP);
    expect(html).toContain("••••••••••••••2007");
    expect(html).toContain('href="/profil/keamanan"');
    expect(html).toContain("rina@sinergi.test");
  });

  it("a bad NIP answers 400 with a field message and keeps what was typed", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request("/profil", { method: "POST", cookie, body: profile({ name: "Rina Diubah", phone: "0812 9999", nip: "12345" }) });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("NIP harus terdiri atas 18 angka.");
    expect(html).toContain('value="Rina Diubah"');
    expect(html).toContain('value="0812 9999"');
    const row = sqlite.prepare("select name, nip from user where email = ?").get("rina@sinergi.test");
    expect(row).toEqual({ name: "Rina Lestari, S.I.Kom.", nip: RINA_NIP });
  });

  it("a new NIP is saved and, on every page afterwards, appears only masked", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const newNip = "199202022020122001";
    const r = await s.request("/profil", { method: "POST", cookie, body: profile({ nip: newNip, phone: "0812-3456-0133" }) });
    expect(r.status).toBe(302);
    expect((sqlite.prepare("select nip from user where email = ?").get("rina@sinergi.test") as { nip: string }).nip).toBe(newNip);
    const dinkes = (sqlite.prepare("select id from agency where short_name = 'Dinkes'").get() as { id: string }).id;
    for (const path of ["/profil", "/", "/notifikasi", `/instansi/${dinkes}/anggota`, "/profil/hapus"]) {
      const page = await s.request(path, { cookie });
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).not.toContain(newNip);
    }
    const again = await (await s.request("/profil", { cookie })).text();
    expect(again).toContain("••••••••••••••2001");
    // Leaving the field empty keeps it.
    await s.request("/profil", { method: "POST", cookie, body: profile() });
    expect((sqlite.prepare("select nip from user where email = ?").get("rina@sinergi.test") as { nip: string }).nip).toBe(newNip);
  });

  it("choosing English switches the interface language", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const r = await s.request("/profil", { method: "POST", cookie, body: form({ name: "Made Ayu Pertiwi, M.Si.", timeZone: "Asia/Makassar", locale: "en" }) });
    expect(r.status).toBe(302);
    const html = await (await s.request("/profil", { cookie })).text();
    expect(html).toContain("My profile");
    expect(html).toContain('value="Asia/Makassar" selected');
  });
});

describe("downloading one's data", () => {
  it("is a JSON attachment with the person's own data and no secrets", async () => {
    const cookie = await s.login("admin.dinkes@sinergi.test");
    const r = await s.request("/profil/data.json", { cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="data-saya-sinergi.json"');
    const text = await r.text();
    const data = JSON.parse(text);
    expect(data.profile.email).toBe("admin.dinkes@sinergi.test");
    expect(data.agency.name).toBe("Dinas Kesehatan Kabupaten Sukamaju");
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/password_hash|secret_hash|token_hash|\$argon2/);
    expect(text).not.toContain("rina@sinergi.test");
    const audited = sqlite.prepare("select count(*) n from audit_log a join user u on u.id = a.actor_id where a.action = 'user.export' and u.email = ?").get("admin.dinkes@sinergi.test");
    expect(audited).toEqual({ n: 1 });
  });
});

describe("notifications", () => {
  it("marking one and then all as read lowers the unread count in the header", async () => {
    const user = sqlite.prepare("select id from user where email = ?").get("pimpinan@sinergi.test") as { id: string };
    const now = Date.now();
    const insert = sqlite.prepare("insert into notification (id, user_id, kind, params, link, created_at) values (?, ?, ?, ?, ?, ?)");
    insert.run("nt-1", user.id, "member.promoted", JSON.stringify({ agency: "Dinas Uji" }), "/profil", new Date(now - 3000).toISOString());
    insert.run("nt-2", user.id, "member.demoted", JSON.stringify({ agency: "Dinas Uji" }), null, new Date(now - 2000).toISOString());
    insert.run("nt-3", user.id, "member.approved", JSON.stringify({ agency: "Dinas Uji" }), null, new Date(now - 1000).toISOString());
    const cookie = await s.login("pimpinan@sinergi.test");
    const unread = async () => {
      const html = await (await s.request("/notifikasi", { cookie })).text();
      return /data-testid="unread-count"[^>]*>(\d+)</.exec(html)?.[1] ?? "0";
    };
    const html = await (await s.request("/notifikasi", { cookie })).text();
    expect(html).toContain("Anda sekarang Admin Instansi Dinas Uji.");
    expect(html.indexOf("Permintaan bergabung disetujui")).toBeLessThan(html.indexOf("Peran Admin Instansi Anda berakhir")); // newest first
    expect(await unread()).toBe("3");

    const one = await s.request("/notifikasi", { method: "POST", cookie, body: form({ intent: "read", id: "nt-2" }) });
    expect(one.status).toBe(302);
    expect(await unread()).toBe("2");

    // Opening an item's link marks it read and goes to the link.
    const open = await s.request("/notifikasi?buka=nt-1", { cookie });
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe("/profil");
    expect(await unread()).toBe("1");

    // Someone else's notification cannot be opened or marked.
    const rina = await s.login("rina@sinergi.test");
    expect((await s.request("/notifikasi?buka=nt-3", { cookie: rina })).status).toBe(404);
    await s.request("/notifikasi", { method: "POST", cookie: rina, body: form({ intent: "read", id: "nt-3" }) });
    expect(await unread()).toBe("1");

    await s.request("/notifikasi", { method: "POST", cookie, body: form({ intent: "readAll" }) });
    expect(await unread()).toBe("0");
  });
});

describe("removing one's account", () => {
  it("refuses the only koordinator", async () => {
    const cookie = await s.login("koordinator@sinergi.test");
    const page = await (await s.request("/profil/hapus", { cookie })).text();
    expect(page).toContain("satu-satunya Sekretariat/Koordinator aktif");
    const r = await s.request("/profil/hapus", { method: "POST", cookie, body: form({ password: "sinergi-demo", confirm: "HAPUS" }) });
    expect(r.status).toBe(400);
    expect(sqlite.prepare("select status from user where email = ?").get("koordinator@sinergi.test")).toEqual({ status: "active" });
  });

  it("needs the password and HAPUS, then anonymises, signs out and confirms on /login", async () => {
    const cookie = await s.login("agus.dinkes@sinergi.test");
    const other = await s.login("agus.dinkes@sinergi.test");
    const wrong = await s.request("/profil/hapus", { method: "POST", cookie, body: form({ password: "sinergi-demo", confirm: "hapus saja" }) });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Ketik HAPUS");
    const r = await s.request("/profil/hapus", { method: "POST", cookie, body: form({ password: "sinergi-demo", confirm: "HAPUS" }) });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/login");
    const setCookie = r.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/sinergi_session=;/);
    const flash = /sinergi_flash=[^;]+/.exec(setCookie)![0];
    expect(await (await s.request("/login", { headers: { Cookie: flash } })).text()).toContain("Akun Anda sudah dihapus");
    expect((await s.request("/", { cookie: other })).status).toBe(302);
    expect(sqlite.prepare("select count(*) n from user where email = ?").get("agus.dinkes@sinergi.test")).toEqual({ n: 0 });
    expect(sqlite.prepare("select count(*) n from user where name = 'Pengguna terhapus' and status = 'removed'").get()).toEqual({ n: 1 });
  });
});
