// The coordinator's side of the foundation through the real production server: agencies (create,
// edit, logo, deactivate), inviting an agency admin, network profile and roles, the audit log, the
// e-mail outbox — and that nobody else can do any of it.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let koordinator: string;
let uploadDir: string;

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  koordinator = await s.login("koordinator@sinergi.test");
  uploadDir = path.resolve("tests/.tmp", `uploads-${new URL(s.baseUrl).port}`);
});
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

/** Sessions by e-mail, so the suite stays far below the sign-in rate limit. */
const sessions = new Map<string, Promise<string>>();
const as = (email: string) => {
  if (!sessions.has(email)) sessions.set(email, s.login(email));
  return sessions.get(email)!;
};

const agencyId = async (name: string) =>
  (await db.selectFrom("agency").select("id").where("name", "=", name).executeTakeFirst())?.id;

function agencyForm(fields: Record<string, string>, logo?: { bytes: Uint8Array; name: string; type: string }) {
  const fd = new FormData();
  const values = { shortName: "Uji", type: "opd", timeZone: "Asia/Jakarta", region: "Kabupaten Sukamaju", ...fields };
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  if (logo) fd.set("logo", new Blob([new Uint8Array(logo.bytes)], { type: logo.type }), logo.name);
  return fd;
}

/** Follows a redirect the way a browser would, carrying the flash cookie it set. */
async function follow(r: Response, cookie: string) {
  const flash = /sinergi_flash=[^;]+/.exec(r.headers.get("set-cookie") ?? "")?.[0];
  const to = new URL(r.headers.get("location")!, s.baseUrl);
  return s.request(to.pathname + to.search, { cookie: flash ? `${cookie}; ${flash}` : cookie });
}

const logoFiles = () => (fs.existsSync(path.join(uploadDir, "logos")) ? fs.readdirSync(path.join(uploadDir, "logos")) : []);
const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 22, g: 74, b: 112 } } }).png().toBuffer();

describe("agencies (coordinator)", () => {
  it("creates an agency, which then appears in the directory", async () => {
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Dinas Perhubungan Kabupaten Sukamaju", shortName: "Dishub", emailDomain: "dishub.sukamaju.go.id" }),
    });
    expect(r.status).toBe(302);
    const id = await agencyId("Dinas Perhubungan Kabupaten Sukamaju");
    expect(r.headers.get("location")).toBe(`/instansi/${id}`);
    const page = await follow(r, koordinator);
    expect(await page.text()).toContain("Instansi &quot;Dinas Perhubungan Kabupaten Sukamaju&quot; sudah ditambahkan.");
    const dir = await s.request("/instansi?q=perhubungan", { cookie: await as("rina@sinergi.test") });
    const html = await dir.text();
    expect(html).toContain("Dinas Perhubungan Kabupaten Sukamaju");
    expect(html).not.toContain("Dinas Kesehatan Kabupaten Sukamaju");
  });

  it("answers bad input with 400, Indonesian messages and the typed values kept", async () => {
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "", shortName: "Dinsos Baru", emailDomain: "https://Dinsos", contactPhone: "0271-555-0142" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Wajib diisi.");
    expect(html).toContain("Domain tidak valid.");
    expect(html).toContain('value="Dinsos Baru"');
    expect(html).toContain('value="https://Dinsos"');
    expect(html).toContain('value="0271-555-0142"');
    expect(await agencyId("")).toBeUndefined();
  });

  it("refuses a duplicate e-mail domain and a duplicate name with field messages", async () => {
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Dinas Kesehatan Kabupaten Sukamaju", shortName: "Dinkes Dua", emailDomain: "DINKES.sukamaju.test" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Nama instansi ini sudah terdaftar.");
    expect(html).toContain("Domain e-mail ini sudah dipakai instansi lain.");
    expect(html).toContain('value="Dinkes Dua"');
    const count = await db.selectFrom("agency").select((eb) => eb.fn.countAll<number>().as("n")).where("name", "=", "Dinas Kesehatan Kabupaten Sukamaju").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses a text file named logo.png, keeps the other fields and saves nothing", async () => {
    const before = logoFiles().length;
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Badan Kepegawaian Daerah Sukamaju", shortName: "BKD" }, { bytes: new TextEncoder().encode("ini bukan gambar"), name: "logo.png", type: "image/png" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Berkas bukan gambar");
    expect(html).toContain('value="Badan Kepegawaian Daerah Sukamaju"');
    expect(await agencyId("Badan Kepegawaian Daerah Sukamaju")).toBeUndefined();
    expect(logoFiles().length).toBe(before);
  });

  it("refuses a logo over 2 MB with a message and keeps the fields", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 10).fill(7);
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Satpol PP Sukamaju", shortName: "Satpol PP" }, { bytes: big, name: "besar.png", type: "image/png" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Berkas terlalu besar");
    expect(html).toContain('value="Satpol PP"');
    expect(await agencyId("Satpol PP Sukamaju")).toBeUndefined();
  });

  it("stores a real image as a small WebP and serves it to signed-in people only", async () => {
    const r = await s.request("/instansi/baru", {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Dinas Lingkungan Hidup Sukamaju", shortName: "DLH" }, { bytes: await png(800, 400), name: "logo.png", type: "image/png" }),
    });
    expect(r.status).toBe(302);
    const id = (await agencyId("Dinas Lingkungan Hidup Sukamaju"))!;
    const row = await db.selectFrom("agency").select("logo_path").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.logo_path).toMatch(/^logos\/[a-z0-9]+\.webp$/);
    const page = await (await s.request(`/instansi/${id}`, { cookie: koordinator })).text();
    expect(page).toContain(`/instansi/${id}/logo?v=`);
    const logo = await s.request(`/instansi/${id}/logo`, { cookie: await as("rina@sinergi.test") });
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/webp");
    expect(logo.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    const meta = await sharp(Buffer.from(await logo.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(256);
    expect(meta.height).toBe(128);
    const anonymous = await s.request(`/instansi/${id}/logo`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/login");
    // An agency without a logo, and one that does not exist, answer 404.
    const dinkes = (await agencyId("Dinas Kesehatan Kabupaten Sukamaju"))!;
    expect((await s.request(`/instansi/${dinkes}/logo`, { cookie: koordinator })).status).toBe(404);
    expect((await s.request(`/instansi/tidak-ada/logo`, { cookie: koordinator })).status).toBe(404);
  });

  it("edits an agency and records what changed; replacing the logo removes the old file", async () => {
    const id = (await agencyId("Dinas Lingkungan Hidup Sukamaju"))!;
    const old = (await db.selectFrom("agency").select("logo_path").where("id", "=", id).executeTakeFirstOrThrow()).logo_path!;
    const r = await s.request(`/instansi/${id}/ubah`, {
      method: "POST",
      cookie: koordinator,
      body: agencyForm({ name: "Dinas Lingkungan Hidup Kabupaten Sukamaju", shortName: "DLH" }, { bytes: await png(300, 300), name: "baru.png", type: "image/png" }),
    });
    expect(r.status).toBe(302);
    const row = await db.selectFrom("agency").select(["name", "logo_path"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.name).toBe("Dinas Lingkungan Hidup Kabupaten Sukamaju");
    expect(row.logo_path).not.toBe(old);
    expect(fs.existsSync(path.join(uploadDir, old))).toBe(false);
    expect(fs.existsSync(path.join(uploadDir, row.logo_path!))).toBe(true);
    const entry = await db.selectFrom("audit_log").select("detail").where("action", "=", "agency.update").where("target_id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail).changes.name).toEqual({ from: "Dinas Lingkungan Hidup Sukamaju", to: "Dinas Lingkungan Hidup Kabupaten Sukamaju" });
  });

  it("deactivates (never deletes) and reactivates an agency", async () => {
    const id = (await agencyId("Dinas Perhubungan Kabupaten Sukamaju"))!;
    const off = await s.request(`/instansi/${id}`, { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "deactivate" }) });
    expect(off.status).toBe(302);
    expect(await (await follow(off, koordinator)).text()).toContain("sudah dinonaktifkan");
    const dir = await (await s.request("/instansi?q=perhubungan", { cookie: koordinator })).text();
    expect(dir).toContain("Tidak ada instansi yang cocok");
    const inactive = await (await s.request("/instansi?q=perhubungan&status=inactive", { cookie: koordinator })).text();
    expect(inactive).toContain("Dinas Perhubungan Kabupaten Sukamaju");
    expect(inactive).toContain("Nonaktif");
    const on = await s.request(`/instansi/${id}`, { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "activate" }) });
    expect(on.status).toBe(302);
    expect((await db.selectFrom("agency").select("active").where("id", "=", id).executeTakeFirstOrThrow()).active).toBe(1);
  });

  it("answers 404 for an agency that does not exist", async () => {
    expect((await s.request("/instansi/tidak-ada", { cookie: koordinator })).status).toBe(404);
    expect((await s.request("/instansi/tidak-ada/ubah", { cookie: koordinator })).status).toBe(404);
    const post = await s.request("/instansi/tidak-ada", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "deactivate" }) });
    expect(post.status).toBe(404);
  });
});

describe("inviting the agency admin", () => {
  it("creates an invitation whose e-mail, with its /undangan/ link, is in the outbox", async () => {
    const id = (await agencyId("Dinas Perhubungan Kabupaten Sukamaju"))!;
    const r = await s.request(`/instansi/${id}`, {
      method: "POST",
      cookie: koordinator,
      body: new URLSearchParams({ intent: "invite", email: "kadishub@dishub.sukamaju.go.id", name: "Budi Hartono" }),
    });
    expect(r.status).toBe(302);
    const page = await (await follow(r, koordinator)).text();
    expect(page).toContain("Undangan sudah dikirim ke kadishub@dishub.sukamaju.go.id.");
    expect(page).toContain("kadishub@dishub.sukamaju.go.id"); // listed among open invitations
    const outbox = await (await s.request("/kotak-keluar?to=kadishub@dishub.sukamaju.go.id", { cookie: koordinator })).text();
    expect(outbox).toContain('data-testid="mail-body"');
    expect(outbox).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/undangan\/[a-z0-9]+"/);
    expect(outbox).toContain("sebagai Admin Instansi Dinas Perhubungan Kabupaten Sukamaju");
  });

  it("refuses an address that already has an account, with a field message", async () => {
    const id = (await agencyId("Dinas Perhubungan Kabupaten Sukamaju"))!;
    const r = await s.request(`/instansi/${id}`, {
      method: "POST",
      cookie: koordinator,
      body: new URLSearchParams({ intent: "invite", email: "rina@sinergi.test" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("E-mail ini sudah memiliki akun Sinergi.");
    expect(html).toContain('value="rina@sinergi.test"');
  });

  it("revokes an open invitation", async () => {
    const id = (await agencyId("Dinas Perhubungan Kabupaten Sukamaju"))!;
    const inv = await db.selectFrom("invitation").select("id").where("email", "=", "kadishub@dishub.sukamaju.go.id").where("revoked_at", "is", null).executeTakeFirstOrThrow();
    const r = await s.request(`/instansi/${id}`, { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "revoke-invitation", invitationId: inv.id }) });
    expect(r.status).toBe(302);
    const row = await db.selectFrom("invitation").select("revoked_at").where("id", "=", inv.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });
});

describe("network profile and roles", () => {
  it("saves the network profile and audits it", async () => {
    const diskominfo = (await agencyId("Dinas Komunikasi dan Informatika Kabupaten Sukamaju"))!;
    const r = await s.request("/jejaring", {
      method: "POST",
      cookie: koordinator,
      body: new URLSearchParams({ name: "Bakohumas Kabupaten Sukamaju Raya", level: "kabupaten", timeZone: "Asia/Jakarta", coordinatingAgencyId: diskominfo }),
    });
    expect(r.status).toBe(302);
    expect((await db.selectFrom("network").select("name").executeTakeFirstOrThrow()).name).toBe("Bakohumas Kabupaten Sukamaju Raya");
    const bad = await s.request("/jejaring", { method: "POST", cookie: koordinator, body: new URLSearchParams({ name: "", level: "galaksi", timeZone: "Europe/Paris" }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wajib diisi.");
  });

  it("grants a role to an existing person and refuses to revoke the last koordinator", async () => {
    const grant = await s.request("/jejaring/peran", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "grant", email: "fajar@sinergi.test", role: "fasilitator" }) });
    expect(grant.status).toBe(302);
    const fajar = await db.selectFrom("user").select("id").where("email", "=", "fajar@sinergi.test").executeTakeFirstOrThrow();
    expect(await db.selectFrom("network_role").select("role").where("user_id", "=", fajar.id).execute()).toEqual([{ role: "fasilitator" }]);
    const unknown = await s.request("/jejaring/peran", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "grant", email: "siapa@sinergi.test", role: "pimpinan" }) });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Tidak ada akun dengan e-mail ini.");
    const me = await db.selectFrom("user").select("id").where("email", "=", "koordinator@sinergi.test").executeTakeFirstOrThrow();
    const revoke = await s.request("/jejaring/peran", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "revoke", userId: me.id, role: "koordinator" }) });
    expect(revoke.status).toBe(302);
    expect(await (await follow(revoke, koordinator)).text()).toContain("jejaring harus memiliki paling sedikit satu koordinator aktif");
    expect(await db.selectFrom("network_role").select("role").where("user_id", "=", me.id).where("role", "=", "koordinator").executeTakeFirst()).toEqual({ role: "koordinator" });
  });

  it("invites a new person with a network role by e-mail", async () => {
    const r = await s.request("/jejaring/peran", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "invite", email: "sekda@sukamaju.go.id", name: "Ir. Hendra", role: "pimpinan" }) });
    expect(r.status).toBe(302);
    const outbox = await (await s.request("/kotak-keluar?to=sekda@sukamaju.go.id", { cookie: koordinator })).text();
    expect(outbox).toContain("sebagai Pimpinan");
    expect(outbox).toContain("/undangan/");
    const taken = await s.request("/jejaring/peran", { method: "POST", cookie: koordinator, body: new URLSearchParams({ intent: "invite", email: "rina@sinergi.test", role: "pimpinan" }) });
    expect(taken.status).toBe(400);
  });

  it("lets pimpinan read the network pages but not change them", async () => {
    const pimpinan = await as("pimpinan@sinergi.test");
    const page = await s.request("/jejaring", { cookie: pimpinan });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Bakohumas Kabupaten Sukamaju Raya");
    expect(html).not.toContain('name="name"');
    expect((await s.request("/jejaring/peran", { cookie: pimpinan })).status).toBe(200);
  });
});

describe("audit log and outbox", () => {
  it("shows the coordinator's actions with their labels and details", async () => {
    const html = await (await s.request("/audit?action=agency.", { cookie: koordinator })).text();
    expect(html).toContain("Instansi ditambahkan");
    expect(html).toContain("Data instansi diubah");
    expect(html).toContain("Instansi dinonaktifkan");
    expect(html).toContain("Dinas Lingkungan Hidup Kabupaten Sukamaju");
    expect(html).not.toContain("fajar@sinergi.test"); // the role grant is filtered out
    const roles = await (await s.request("/audit?action=role.grant", { cookie: koordinator })).text();
    expect(roles).toContain("Peran diberikan");
    expect(roles).toContain("fajar@sinergi.test");
  });

  it("filters by agency and date, and reports bad filters instead of failing", async () => {
    const dishub = (await agencyId("Dinas Perhubungan Kabupaten Sukamaju"))!;
    const byAgency = await (await s.request(`/audit?agency=${dishub}`, { cookie: koordinator })).text();
    expect(byAgency).toContain("kadishub@dishub.sukamaju.go.id");
    expect(byAgency).not.toContain("fajar@sinergi.test");
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Jakarta" });
    const todays = await (await s.request(`/audit?from=${today}&to=${today}`, { cookie: koordinator })).text();
    expect(todays).toContain("Instansi ditambahkan");
    const past = await (await s.request("/audit?from=2020-01-01&to=2020-01-31", { cookie: koordinator })).text();
    expect(past).toContain("Tidak ada catatan yang cocok");
    const badDate = await s.request("/audit?from=abc", { cookie: koordinator });
    expect(badDate.status).toBe(200);
    expect(await badDate.text()).toContain("Tanggal tidak valid");
    const inverted = await s.request("/audit?from=2025-03-20&to=2025-03-01", { cookie: koordinator });
    expect(inverted.status).toBe(200);
    expect(await inverted.text()).toContain("Tanggal awal harus sebelum");
    const junk = await s.request("/audit?action=%27%3Bdrop&agency=zzz&page=-4", { cookie: koordinator });
    expect(junk.status).toBe(200);
  });

  it("filters the outbox by recipient", async () => {
    const html = await (await s.request("/kotak-keluar?to=sekda@sukamaju.go.id", { cookie: koordinator })).text();
    expect(html).toContain("sekda@sukamaju.go.id");
    expect(html).not.toContain("kadishub@dishub.sukamaju.go.id");
    const all = await (await s.request("/kotak-keluar", { cookie: koordinator })).text();
    expect(all).toContain("kadishub@dishub.sukamaju.go.id");
    expect(all).toContain("SMTP belum diatur");
    const bad = await s.request("/kotak-keluar?to=bukan-alamat", { cookie: koordinator });
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Alamat e-mail penerima tidak valid");
  });
});

describe("nobody but the coordinator", () => {
  const others = ["rina@sinergi.test", "admin.dinkes@sinergi.test", "fasilitator@sinergi.test", "pimpinan@sinergi.test"];

  it("may open the coordinator's pages", async () => {
    const dinkes = (await agencyId("Dinas Kesehatan Kabupaten Sukamaju"))!;
    for (const email of others) {
      const cookie = await as(email);
      for (const p of ["/instansi/baru", `/instansi/${dinkes}/ubah`, "/audit", "/kotak-keluar"]) {
        expect([email, p, (await s.request(p, { cookie })).status]).toEqual([email, p, 403]);
      }
      const network = (await s.request("/jejaring", { cookie })).status;
      expect([email, network]).toEqual([email, email.startsWith("pimpinan") ? 200 : 403]);
    }
  });

  it("may change anything: every POST is refused with 403 and nothing changes", async () => {
    const dinkes = (await agencyId("Dinas Kesehatan Kabupaten Sukamaju"))!;
    const snapshot = async () => ({
      agencies: await db.selectFrom("agency").select(["id", "name", "active", "logo_path"]).orderBy("id").execute(),
      network: await db.selectFrom("network").selectAll().execute(),
      roles: await db.selectFrom("network_role").select(["user_id", "role"]).orderBy("user_id").orderBy("role").execute(),
      invitations: await db.selectFrom("invitation").select(["id", "revoked_at"]).orderBy("id").execute(),
      mails: (await db.selectFrom("email_outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    });
    const before = await snapshot();
    const me = await db.selectFrom("user").select("id").where("email", "=", "koordinator@sinergi.test").executeTakeFirstOrThrow();
    const attempts: [string, () => BodyInit][] = [
      ["/instansi/baru", () => agencyForm({ name: "Instansi Liar", shortName: "Liar" })],
      [`/instansi/${dinkes}/ubah`, () => agencyForm({ name: "Dinas Diubah Orang Lain", shortName: "X" })],
      [`/instansi/${dinkes}`, () => new URLSearchParams({ intent: "deactivate" })],
      [`/instansi/${dinkes}`, () => new URLSearchParams({ intent: "invite", email: "penyusup@contoh.go.id" })],
      ["/jejaring", () => new URLSearchParams({ name: "Jejaring Diretas", level: "kota", timeZone: "Asia/Jayapura" })],
      ["/jejaring/peran", () => new URLSearchParams({ intent: "grant", email: "rina@sinergi.test", role: "koordinator" })],
      ["/jejaring/peran", () => new URLSearchParams({ intent: "revoke", userId: me.id, role: "koordinator" })],
      ["/jejaring/peran", () => new URLSearchParams({ intent: "invite", email: "teman@contoh.go.id", role: "koordinator" })],
    ];
    for (const email of others) {
      const cookie = await as(email);
      for (const [p, body] of attempts) {
        const r = await s.request(p, { method: "POST", cookie, body: body() });
        expect([email, p, r.status]).toEqual([email, p, 403]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("shows the agency page to everyone, with the member link only to those allowed", async () => {
    const dinkes = (await agencyId("Dinas Kesehatan Kabupaten Sukamaju"))!;
    const own = await (await s.request(`/instansi/${dinkes}`, { cookie: await as("rina@sinergi.test") })).text();
    expect(own).toContain(`/instansi/${dinkes}/anggota`);
    expect(own).toContain("humas@dinkes.sukamaju.test"); // contact details for the agency's own people
    expect(own).not.toContain("Undang admin instansi");
    const outsider = await (await s.request(`/instansi/${dinkes}`, { cookie: await as("fajar@sinergi.test") })).text();
    expect(outsider).toContain("Dinas Kesehatan Kabupaten Sukamaju");
    expect(outsider).not.toContain(`/instansi/${dinkes}/anggota`);
    expect(outsider).not.toContain("humas@dinkes.sukamaju.test");
  });
});

describe("home", () => {
  it("gives the coordinator the network in numbers and recent audit entries", async () => {
    const html = await (await s.request("/", { cookie: koordinator })).text();
    expect(html).toContain("Jejaring dalam angka");
    expect(html).toContain("Instansi aktif");
    expect(html).toContain("Aktivitas administratif terbaru");
    expect(html).toContain("Undangan dikirim");
  });

  it("gives an agency admin their agency's waiting work, and a member a welcome", async () => {
    const admin = await (await s.request("/", { cookie: await as("admin.dinkes@sinergi.test") })).text();
    expect(admin).toContain("Permintaan bergabung");
    expect(admin).toMatch(/href="\/instansi\/[a-z0-9]+\/anggota"/);
    expect(admin).not.toContain("Jejaring dalam angka");
    const member = await (await s.request("/", { cookie: await as("rina@sinergi.test") })).text();
    expect(member).toContain("Rina Lestari");
    expect(member).toContain('href="/profil"');
    expect(member).not.toContain("Aktivitas administratif terbaru");
  });
});
