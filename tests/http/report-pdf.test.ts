// The PDF versions of the participation dashboard (/laporan.pdf) and of an agency scorecard
// (/laporan/instansi/:agencyId/kartu.pdf) over HTTP, against the production build and the demo
// network: who gets them, that pdf-lib reads them, their page size, and that they hold the period
// and the figures the model computes.
import { execFileSync } from "node:child_process";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { makeAgency } from "#seeds/factories";
import { startServer, type TestServer } from "#tests/helpers/server";
import { formatNumber } from "~/i18n/format";
import { quarterPeriod } from "~/lib/period";
import { networkReport } from "~/models/participation.server";
import { pdfStrings } from "#tests/helpers/pdf";

let s: TestServer;
let db: DB;
let dinkes: string;
let polres: string;
const cookies: Record<string, string> = {};
const as = async (email: string) => (cookies[email] ??= await s.login(email));

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const agency = (short: string) => db.selectFrom("agency").select("id").where("short_name", "=", short).executeTakeFirstOrThrow();
  dinkes = (await agency("Dinkes")).id;
  polres = (await agency("Polres")).id;
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The text of a PDF: by poppler's pdftotext where installed, else the strings pdf-lib drew. */
function pdfText(bytes: Buffer): string {
  if (HAS_PDFTOTEXT) return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes }).toString("utf8");
  return pdfStrings(bytes);
}
const oneLine = (text: string) => text.replace(/\s+/g, " ");

async function getPdf(path: string, email: string) {
  const r = await s.request(path, { cookie: await as(email) });
  expect(r.status, `${path} as ${email}`).toBe(200);
  expect(r.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await r.arrayBuffer());
  const doc = await PDFDocument.load(bytes);
  return { r, bytes, doc, text: pdfText(bytes) };
}

describe("the dashboard as PDF", () => {
  it("gives the koordinator an A4 landscape PDF with the period, the weights and the first-ranked agency's index", async () => {
    const { r, doc, text } = await getPdf("/laporan.pdf?periode=2026-Q4", "koordinator@sinergi.test");
    expect(r.headers.get("content-disposition")).toContain('filename="laporan-partisipasi-2026-Q4.pdf"');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.round(width)).toBe(842);
      expect(Math.round(height)).toBe(595);
    }
    const flat = oneLine(text);
    expect(flat).toContain("Laporan Partisipasi Instansi");
    expect(flat).toContain("Bakohumas Kabupaten Sukamaju");
    expect(flat).toContain("Triwulan IV 2026 (1 Okt – 31 Des 2026)");
    expect(flat).toContain("Kehadiran rapat 30");
    expect(flat).toMatch(/WIB/); // the generated-at time carries its zone
    expect(flat).toContain(`Halaman 1 dari ${doc.getPageCount()}`);

    // The same figures the model computes (the page's default order: rank).
    const report = await networkReport(db, quarterPeriod(2026, 4), {}, new Date());
    const first = report.agencies[0];
    expect(first.index).not.toBeNull();
    expect(flat).toContain(first.name);
    expect(flat).toContain(formatNumber(first.index!, "id"));
    // every agency, by its full name or — where that is too long for the column — its short name
    for (const a of report.agencies) expect(flat.includes(a.name) || flat.includes(a.shortName), a.name).toBe(true);
    expect(flat).toContain("Prokopim Setda"); // "Bagian Protokol dan Komunikasi Pimpinan Setda Kabupaten Sukamaju"
    expect(flat).not.toMatch(/\breport(-chart)?\.[a-z]/); // no untranslated catalogue key
  });

  it("grows by pages as agencies are added, repeating the table header on each", async () => {
    const before = await getPdf("/laporan.pdf?periode=2026-Q2", "koordinator@sinergi.test");
    for (let i = 1; i <= 90; i++) await makeAgency(db, { name: `Kantor Uji Halaman ${String(i).padStart(3, "0")}`, shortName: `KUH${i}` });
    // another period: the server has not cached it, so it reads the new agencies
    const after = await getPdf("/laporan.pdf?periode=2026-Q3", "pimpinan@sinergi.test");
    expect(after.doc.getPageCount()).toBeGreaterThan(before.doc.getPageCount());
    expect(after.doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const flat = oneLine(after.text);
    expect(flat).toContain("Peringkat instansi (lanjutan)");
    expect(flat).toContain("Kantor Uji Halaman 001");
    expect(flat).toContain("Kantor Uji Halaman 090");
    expect(flat).toContain(`Halaman ${after.doc.getPageCount()} dari ${after.doc.getPageCount()}`);
  });

  it("refuses a bad query with a plain-text message instead of a file with other figures", async () => {
    for (const q of ["periode=2026-13", "periode=kustom&dari=2026-05-01&sampai=2026-04-01", "jenis=planet", "urut=warna"]) {
      const r = await s.request(`/laporan.pdf?${q}`, { cookie: await as("koordinator@sinergi.test") });
      expect(r.status, q).toBe(400);
      expect(r.headers.get("content-type")).toContain("text/plain");
      expect(await r.text()).toMatch(/tidak|setelah/);
    }
  });

  it("is not for agency admins or officers", async () => {
    for (const email of ["admin.dinkes@sinergi.test", "rina@sinergi.test"]) {
      const r = await s.request("/laporan.pdf?periode=2026-Q4", { cookie: await as(email) });
      expect([403, 404], email).toContain(r.status);
      expect(r.headers.get("content-type") ?? "").not.toContain("pdf");
    }
    const anonymous = await s.request("/laporan.pdf");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location") ?? "").toContain("/login");
  });
});

describe("a scorecard as PDF", () => {
  it("gives an agency's admin their own scorecard on A4 portrait, with rank, figures, trend and officers", async () => {
    const { r, doc, text } = await getPdf(`/laporan/instansi/${dinkes}/kartu.pdf?periode=2026-Q4`, "admin.dinkes@sinergi.test");
    expect(r.headers.get("content-disposition")).toContain('filename="kartu-partisipasi-dinkes-2026-Q4.pdf"');
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.round(width)).toBe(595);
      expect(Math.round(height)).toBe(842);
    }
    const flat = oneLine(text);
    expect(flat).toContain("Kartu Partisipasi Instansi");
    expect(flat).toContain("Dinas Kesehatan Kabupaten Sukamaju");
    expect(flat).toContain("Triwulan IV 2026");
    expect(flat).toMatch(/Peringkat \d+ dari \d+/);
    expect(flat).toContain("Tren dua belas bulan terakhir (Des 2025 – Nov 2026");
    expect(flat).toContain("Rina Lestari"); // an officer behind the figures
    expect(flat).toContain(`Halaman 1 dari ${doc.getPageCount()}`);
    expect(flat).not.toMatch(/\breport(-chart)?\.[a-z]/);

    const report = await networkReport(db, quarterPeriod(2026, 4), {}, new Date());
    const own = report.agencies.find((a) => a.agencyId === dinkes)!;
    expect(flat).toContain(formatNumber(own.index!, "id"));
  });

  it("is 404 for another agency's admin, an officer, or an agency that does not exist; readers of all get any", async () => {
    for (const [email, path] of [
      ["admin.dinkes@sinergi.test", `/laporan/instansi/${polres}/kartu.pdf`],
      ["rina@sinergi.test", `/laporan/instansi/${dinkes}/kartu.pdf`],
      ["koordinator@sinergi.test", "/laporan/instansi/tidak-ada/kartu.pdf"],
    ]) {
      const r = await s.request(path, { cookie: await as(email) });
      expect(r.status, `${email} ${path}`).toBe(404);
      expect(r.headers.get("content-type") ?? "").not.toContain("pdf");
    }
    const { text } = await getPdf(`/laporan/instansi/${polres}/kartu.pdf?periode=2026-11`, "pimpinan@sinergi.test");
    expect(oneLine(text)).toContain("Polres Sukamaju (Seksi Humas)");
    expect(oneLine(text)).toContain("November 2026");
  });

  it("refuses a bad period with a plain-text message", async () => {
    const r = await s.request(`/laporan/instansi/${dinkes}/kartu.pdf?periode=1999`, { cookie: await as("admin.dinkes@sinergi.test") });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toContain("text/plain");
    expect(await r.text()).toContain("Tahun di luar jangkauan");
  });
});
