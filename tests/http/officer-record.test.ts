// The officer record (rekam jejak) and its evidence pack over HTTP, against the production build and
// the demo network: Rina (Dinkes) holds the certificate of "Teras Berita dan Judul Aktif" (4 JP).
// Who may see it: Rina, Dinkes's admin, the koordinator and pimpinan; anyone else gets 404.
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { pdfStrings } from "#tests/helpers/pdf";
import { startServer, type TestServer } from "#tests/helpers/server";
import { readXlsx } from "#tests/helpers/xlsx";

let s: TestServer;
let db: DB;
let rinaId: string;
let code: string; // XXXX-XXXX-XXXX
const cookies: Record<string, string> = {};
const as = async (email: string) => (cookies[email] ??= await s.login(email));
const page = () => `/laporan/petugas/${rinaId}`;

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const cert = await db
    .selectFrom("certificate")
    .innerJoin("user", "user.id", "certificate.user_id")
    .select(["certificate.code", "user.id"])
    .where("user.email", "=", "rina@sinergi.test")
    .executeTakeFirstOrThrow();
  rinaId = cert.id;
  code = cert.code.replace(/(.{4})(?=.)/g, "$1-");
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});


const jpShown = (html: string) => {
  const m = /data-testid="jp-earned">(\d+(?:,\d+)?) dari 20 JP</.exec(html);
  if (!m) throw new Error("JP figure not on the page");
  return Number(m[1].replace(",", "."));
};

describe("who sees a record", () => {
  it("the officer reaches her own record from /laporan/saya and sees JP, her certificate and a masked NIP", async () => {
    const go = await s.request("/laporan/saya", { cookie: await as("rina@sinergi.test") });
    expect(go.status).toBe(302);
    expect(go.headers.get("location")).toBe(page());
    const r = await s.request(page(), { cookie: await as("rina@sinergi.test") });
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const x of ["Rina Lestari, S.I.Kom.", "Pranata Humas Ahli Pertama", "Dinas Kesehatan Kabupaten Sukamaju", "Teras Berita dan Judul Aktif", code, "Unduh bukti dukung (PDF)"]) {
      expect(html).toContain(x);
    }
    expect(jpShown(html)).toBe(4);
    expect(html).toContain("2007"); // the NIP's last four digits only
    expect(html).not.toContain("199103152019032007");
  });

  it("the JP figure is the one /belajar shows", async () => {
    const belajar = await (await s.request("/belajar", { cookie: await as("rina@sinergi.test") })).text();
    expect(belajar).toContain("4 dari 20 JP");
    expect(belajar).toContain('href="/laporan/saya"');
  });

  it("another officer of the same agency gets 404, and so does an admin of another agency or a fasilitator", async () => {
    for (const email of ["agus.dinkes@sinergi.test", "fajar@sinergi.test", "fasilitator@sinergi.test"]) {
      const r = await s.request(page(), { cookie: await as(email) });
      expect(r.status, email).toBe(404);
      expect(await r.text()).not.toContain("Rina Lestari");
      expect((await s.request(`${page()}/bukti-dukung.pdf`, { cookie: await as(email) })).status, email).toBe(404);
      expect((await s.request(`${page()}/rekam.xlsx`, { cookie: await as(email) })).status, email).toBe(404);
      expect((await s.request(`${page()}/rekam.csv?tabel=modul`, { cookie: await as(email) })).status, email).toBe(404);
    }
  });

  it("her agency's admin, the koordinator and pimpinan see it", async () => {
    for (const email of ["admin.dinkes@sinergi.test", "koordinator@sinergi.test", "pimpinan@sinergi.test"]) {
      const r = await s.request(page(), { cookie: await as(email) });
      expect(r.status, email).toBe(200);
      expect(jpShown(await r.text())).toBe(4);
    }
  });

  it("an unknown person is a 404 even for the koordinator; signed out goes to the login", async () => {
    expect((await s.request("/laporan/petugas/tidak-ada", { cookie: await as("koordinator@sinergi.test") })).status).toBe(404);
    const out = await s.request(page());
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toContain("/login");
  });

  it("the agency's member list links names to records for the admin, and only one's own for a member", async () => {
    const adminView = await (await s.request(page(), { cookie: await as("admin.dinkes@sinergi.test") })).text();
    const members = /href="(\/instansi\/[^/"]+\/anggota)"/.exec(adminView)![1];
    const agusId = (await db.selectFrom("user").select("id").where("email", "=", "agus.dinkes@sinergi.test").executeTakeFirstOrThrow()).id;
    const forAdmin = await (await s.request(members, { cookie: await as("admin.dinkes@sinergi.test") })).text();
    expect(forAdmin).toContain(`href="/laporan/petugas/${rinaId}"`);
    expect(forAdmin).toContain(`href="/laporan/petugas/${agusId}"`);
    const forAgus = await (await s.request(members, { cookie: await as("agus.dinkes@sinergi.test") })).text();
    expect(forAgus).not.toContain(`href="/laporan/petugas/${rinaId}"`);
    expect(forAgus).toContain(`href="/laporan/petugas/${agusId}"`);
  });
});

describe("the year", () => {
  it("a bad or absurd year shows a message in Bahasa Indonesia and the current year, not an error", async () => {
    const year = new Date().getFullYear();
    for (const bad of ["abc", "1900", "99999", "<script>"]) {
      const r = await s.request(`${page()}?tahun=${encodeURIComponent(bad)}`, { cookie: await as("rina@sinergi.test") });
      expect(r.status, bad).toBe(200);
      const html = await r.text();
      expect(html).toContain("tidak dapat dipakai. Pilih tahun antara 2000 dan");
      expect(html).toContain(`JP tahun ${year}`);
      expect(html).not.toContain("<script>\u201d"); // the input is escaped, never markup
    }
  });

  it("a past year without activity shows empty tables and 0 JP", async () => {
    const html = await (await s.request(`${page()}?tahun=2020`, { cookie: await as("rina@sinergi.test") })).text();
    expect(jpShown(html)).toBe(0);
    expect(html).toContain("Tidak ada modul yang diikuti pada tahun 2020.");
    expect(html).not.toContain("tidak dapat dipakai");
  });
});

describe("the evidence pack and exports", () => {
  it("the PDF opens with pdf-lib: A4 summary page(s) first, then one page per valid certificate", async () => {
    const r = await s.request(`${page()}/bukti-dukung.pdf`, { cookie: await as("admin.dinkes@sinergi.test") });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename="bukti-dukung-rina-lestari-s-i-kom-\d{4}\.pdf"$/);
    const bytes = Buffer.from(await r.arrayBuffer());
    const pdf = await PDFDocument.load(bytes);
    const sizes = pdf.getPages().map((p) => p.getSize());
    const portrait = sizes.filter((z) => z.height > z.width);
    expect(portrait.length).toBeGreaterThanOrEqual(1);
    expect(sizes.slice(0, portrait.length).every((z) => Math.round(z.width) === 595 && Math.round(z.height) === 842)).toBe(true);
    expect(sizes.length - portrait.length).toBe(1); // Rina's one certificate, landscape like its own download
    const text = pdfStrings(bytes);
    for (const x of ["BUKTI DUKUNG PENGEMBANGAN KOMPETENSI", "Rina Lestari, S.I.Kom.", "4 dari target 20 JP", code, "/verifikasi", "SERTIFIKAT"]) {
      expect(text).toContain(x);
    }
    expect(text).not.toContain("199103152019032007");
  });

  it("the XLSX holds the JP figure the page shows", async () => {
    const html = await (await s.request(page(), { cookie: await as("koordinator@sinergi.test") })).text();
    const r = await s.request(`${page()}/rekam.xlsx`, { cookie: await as("koordinator@sinergi.test") });
    expect(r.status).toBe(200);
    const book = readXlsx(new Uint8Array(await r.arrayBuffer()));
    expect(Object.keys(book)).toEqual(["Ringkasan", "Modul", "Rapat", "Tugas", "Ulasan"]);
    const jpRow = book.Ringkasan.find((row) => row[0] === "JP diperoleh");
    expect(jpRow?.[1]).toBe(jpShown(html));
    const header = book.Modul.findIndex((row) => row[0] === "Modul");
    const counted = book.Modul.slice(header + 1).reduce((sum, row) => sum + Number(row[6] ?? 0), 0);
    expect(counted).toBe(jpShown(html));
    expect(book.Modul.some((row) => row.includes(code))).toBe(true);
  });

  it("each table comes as CSV; an unknown table is a 400 with a message", async () => {
    const cookie = await as("rina@sinergi.test");
    const ok = await s.request(`${page()}/rekam.csv?tabel=modul`, { cookie });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    const csv = await ok.text();
    expect(csv).toContain("Teras Berita dan Judul Aktif");
    expect(csv).toContain(code);
    for (const table of ["rapat", "tugas", "ulasan"]) expect((await s.request(`${page()}/rekam.csv?tabel=${table}`, { cookie })).status, table).toBe(200);
    const bad = await s.request(`${page()}/rekam.csv?tabel=gaji`, { cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Tabel “gaji” tidak dikenal");
    expect((await s.request(`${page()}/rekam.csv`, { cookie })).status).toBe(400);
  });
});
