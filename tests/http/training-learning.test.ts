// Certificates and my learning over HTTP, against the production build and the demo network: Rina
// holds the certificate of "Teras Berita dan Judul Aktif"; Fajar is enrolled in it without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { pdfStrings } from "#tests/helpers/pdf";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let moduleId: string;
let rinaId: string;
let code: string; // as stored, without dashes
const pretty = () => code.replace(/(.{4})(?=.)/g, "$1-");

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const cert = await db
    .selectFrom("certificate")
    .innerJoin("user", "user.id", "certificate.user_id")
    .select(["certificate.code", "certificate.module_id", "user.id"])
    .where("user.email", "=", "rina@sinergi.test")
    .where("certificate.module_title", "=", "Teras Berita dan Judul Aktif")
    .executeTakeFirstOrThrow();
  code = cert.code;
  moduleId = cert.module_id;
  rinaId = cert.id;
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});


describe("public verification", () => {
  it("a signed-out visitor sees a valid certificate with what it says, and nothing private", async () => {
    const r = await s.request(`/verifikasi/${pretty()}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const x of ["Sertifikat sah", "Rina Lestari", "Dinas Kesehatan Kabupaten Sukamaju", "Teras Berita dan Judul Aktif", "4 JP", pretty()]) {
      expect(html).toContain(x);
    }
    expect(html).not.toContain("rina@sinergi.test");
    expect(html).not.toContain("199103152019032007");
    expect(html).not.toContain(rinaId);
    expect(r.headers.get("cache-control")).toContain("no-store");
  });

  it("accepts the code as people type it: lower case, no dashes, O for 0", async () => {
    const sloppy = code.toLowerCase().replace(/0/g, "o");
    const r = await s.request(`/verifikasi/${sloppy}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Sertifikat sah");
  });

  it("answers an unknown code with 404 and a clear message, not an error page", async () => {
    const r = await s.request("/verifikasi/ZZZZ-ZZZZ-ZZZZ");
    expect(r.status).toBe(404);
    const html = await r.text();
    expect(html).toContain("Kode tidak dikenal");
    expect(html).toContain("ZZZZ-ZZZZ-ZZZZ");
    expect(html).not.toMatch(/at .+\.(ts|js):\d+/);
    const junk = await s.request(`/verifikasi/${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(junk.status).toBe(404);
    expect(await junk.text()).not.toContain("<script>alert(1)</script>");
  });

  it("the form sends a well-formed code on to its page and refuses a malformed one", async () => {
    const ok = await s.request("/verifikasi", { method: "POST", body: new URLSearchParams({ code: ` ${code.toLowerCase()} ` }) });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(`/verifikasi/${pretty()}`);
    const bad = await s.request("/verifikasi", { method: "POST", body: new URLSearchParams({ code: "12345" }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kode terdiri dari 12 huruf dan angka");
  });
});

describe("downloading a certificate", () => {
  it("gives the holder a PDF attachment that carries the code and the verification link", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request(`/pelatihan/${moduleId}/sertifikat`, { cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="sertifikat-${pretty()}.pdf"`);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
    const text = pdfStrings(bytes);
    expect(text).toContain(pretty());
    expect(text).toContain(`/verifikasi/${pretty()}`);
    expect(text).toContain("Rina Lestari");
    expect(text).toContain("Teras Berita dan Judul Aktif");
  });

  it("never gives another trainee someone else's certificate; the coordinator may fetch it", async () => {
    const fajar = await s.login("fajar@sinergi.test"); // enrolled in the same module, no certificate
    expect((await s.request(`/pelatihan/${moduleId}/sertifikat?user=${rinaId}`, { cookie: fajar })).status).toBe(404);
    expect((await s.request(`/pelatihan/${moduleId}/sertifikat`, { cookie: fajar })).status).toBe(404);
    const agus = await s.login("agus.dinkes@sinergi.test"); // same agency as Rina
    expect((await s.request(`/pelatihan/${moduleId}/sertifikat?user=${rinaId}`, { cookie: agus })).status).toBe(404);
    const anon = await s.request(`/pelatihan/${moduleId}/sertifikat`);
    expect(anon.status).toBe(302);
    expect(anon.headers.get("location")).toContain("/login");
    const koordinator = await s.login("koordinator@sinergi.test");
    const r = await s.request(`/pelatihan/${moduleId}/sertifikat?user=${rinaId}`, { cookie: koordinator });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/pdf");
  });
});

describe("my learning", () => {
  it("shows Rina her modules, the completed one with its certificate, and JP against the 20 JP target", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request("/belajar", { cookie });
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const x of ["Belajar saya", "Teras Berita dan Judul Aktif", "Menulis Siaran Pers Pemerintah yang Layak Muat", "Selesai", "Berjalan", pretty(), `/pelatihan/${moduleId}/sertifikat`, 'role="meter"', 'aria-valuemax="20"']) {
      expect(html).toContain(x);
    }
  });

  it("shows someone enrolled nowhere the way to the catalogue", async () => {
    const cookie = await s.login("pimpinan@sinergi.test");
    const html = await (await s.request("/belajar", { cookie })).text();
    expect(html).toContain("Anda belum terdaftar di modul apa pun.");
    expect(html).toContain('href="/pelatihan"');
  });
});

describe("rate limit", () => {
  it("stops walking through codes from one address with a message", async () => {
    let last: Response | null = null;
    for (let i = 0; i < 70; i++) {
      last = await s.request(`/verifikasi/ABCD-EFGH-${String(1000 + i).slice(0, 4)}`);
      if (last.status === 429) break;
    }
    expect(last?.status).toBe(429);
    expect(await last!.text()).toContain("Terlalu banyak pemeriksaan");
  });
});
