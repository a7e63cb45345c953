// The participation report's CSV and XLSX downloads (issue 6) over HTTP, against the production build
// and the demo network: the files hold the model's figures for the asked period (the same numbers
// the dashboard and scorecard show), every agency rather than one page, in the page's order; who may
// download what; a bad query is refused with a message instead of a file with other figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";
import { readXlsx, type XlsxCell } from "#tests/helpers/xlsx";
import { translate } from "~/i18n";
import { quarterPeriod, type Period } from "~/lib/period";
import { REPORT_COLUMNS, sortAgencies } from "~/lib/report-columns";
import { utcToZoned } from "~/lib/zoned-time";
import { agencyScorecard, networkReport, type AgencyScorecard, type NetworkReport } from "~/models/participation.server";

let s: TestServer;
let db: DB;
let quarter: Period;
let report: NetworkReport;
let dinkesId: string;
let pupr: { id: string; name: string };
let scorecard: AgencyScorecard;
const cookies: Record<string, string> = {};
const as = async (email: string) => (cookies[email] ??= await s.login(email));
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const labels = REPORT_COLUMNS.map((c) => translate("id", c.label));
const cell = (row: XlsxCell[] | undefined, i: number) => row?.[i] ?? null;
const col = (key: (typeof REPORT_COLUMNS)[number]["key"]) => REPORT_COLUMNS.findIndex((c) => c.key === key);

/** The lines of a CSV download, after checking it starts with the UTF-8 byte-order mark. */
async function csvLines(r: Response): Promise<string[]> {
  const bytes = new Uint8Array(await r.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3)).split("\r\n").filter(Boolean);
}

async function download(path: string, email: string) {
  const r = await s.request(path, { cookie: await as(email) });
  return { r, bytes: new Uint8Array(await r.arrayBuffer()) };
}

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const today = utcToZoned(new Date(), "Asia/Jakarta").date; // the koordinator's zone
  quarter = quarterPeriod(Number(today.slice(0, 4)), Math.ceil(Number(today.slice(5, 7)) / 3));
  const agencies = await db.selectFrom("agency").select(["id", "name", "short_name"]).execute();
  dinkesId = agencies.find((a) => a.short_name === "Dinkes")!.id;
  pupr = agencies.find((a) => a.short_name === "Dinas PUPR")!;
  report = await networkReport(db, quarter, {}, new Date());
  scorecard = (await agencyScorecard(db, dinkesId, quarter, new Date()))!;
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

describe("the dashboard's workbook (/laporan.xlsx)", () => {
  let book: Record<string, XlsxCell[][]>;
  beforeAll(async () => {
    const { r, bytes } = await download(`/laporan.xlsx?periode=${quarter.key}`, "koordinator@sinergi.test");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(r.headers.get("content-disposition")).toContain(`laporan-partisipasi-${quarter.key}.xlsx`);
    book = readXlsx(bytes);
  });

  it("has the summary, agencies, criteria, meeting attendance and officers sheets", () => {
    expect(Object.keys(book)).toEqual(["Ringkasan", "Instansi", "Kriteria", "Kehadiran rapat", "Petugas"]);
    const summary = book.Ringkasan;
    expect(String(summary[0][0])).toContain(`Laporan partisipasi — ${quarter.key}`);
    expect(String(summary[0][0])).toMatch(/WIB/); // generated-at carries the zone
    const value = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(value("Periode")).toContain(quarter.key);
    expect(value("Filter jenis instansi")).toBe("Semua");
    expect(value("Bobot indeks: Kehadiran rapat")).toBe(report.weights.attendance);
    expect(value("Jumlah instansi")).toBe(report.totals.agencies);
    expect(value("JP diperoleh")).toBe(report.totals.jpEarned);
    expect(value("RTL lewat tenggat")).toBe(report.totals.followUps.overdue);
  });

  it("lists every agency in rank order with the model's figures", () => {
    const sheet = book.Instansi;
    expect(sheet[1]).toEqual(labels);
    const rows = sheet.slice(2);
    const expected = sortAgencies(report.agencies, "rank", "asc");
    expect(expected.length).toBeGreaterThan(5);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((a, i) => {
      const row = rows[i];
      expect(cell(row, col("name")), `row ${i}`).toBe(a.name);
      expect(cell(row, col("rank")), a.name).toBe(a.rank);
      expect(cell(row, col("index")), a.name).toBe(a.index);
      expect(cell(row, col("invited")), a.name).toBe(a.meetings.invited);
      expect(cell(row, col("attended")), a.name).toBe(a.meetings.attended);
      expect(cell(row, col("attendanceRate")), a.name).toBe(a.meetings.attendanceRate); // a fraction, shown as %
      expect(cell(row, col("absentTwice")), a.name).toBe(a.meetings.absentTwiceInARow ? "Ya" : "Tidak");
      expect(cell(row, col("fuOverdue")), a.name).toBe(a.followUps.overdue);
      expect(cell(row, col("jp")), a.name).toBe(a.training.jpEarned);
      expect(cell(row, col("missing")), a.name).toBe(a.training.submissions.missing);
      expect(cell(row, col("reviewsDone")), a.name).toBe(a.training.reviews.done);
    });
    // the demo quarter is not empty: someone attended, someone earned JP
    expect(rows.some((r) => Number(cell(r, col("attended"))) > 0)).toBe(true);
  });

  it("holds the network's criterion means, weakest first", () => {
    const rows = book.Kriteria.slice(2);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(report.criteria.map((c) => [c.criterion, c.mean, c.count]));
  });

  it("lists every invitation the attendance figures count, and every officer's JP", () => {
    const invitations = book["Kehadiran rapat"].slice(2);
    expect(invitations).toHaveLength(report.totals.meetings.invited);
    const attended = invitations.filter((r) => r[5] === "Hadir" || r[5] === "Diwakili").length;
    expect(attended).toBe(report.totals.meetings.attended);
    expect(typeof invitations[0]?.[0]).toBe("number"); // a real date cell
    const officers = book.Petugas.slice(2);
    expect(officers.length).toBeGreaterThan(0);
    expect(officers.some((r) => r[1] === "Rina Lestari, S.I.Kom.")).toBe(true);
    const jpColumn = book.Petugas[1].indexOf("JP diperoleh");
    expect(officers.reduce((sum, r) => sum + Number(r[jpColumn] ?? 0), 0)).toBe(report.totals.jpEarned);
  });
});

describe("the dashboard's CSV (/laporan.csv)", () => {
  it("has a byte-order mark, the header and one line per agency, in the asked order", async () => {
    const r = await s.request(`/laporan.csv?periode=${quarter.key}&urut=name&arah=naik`, { cookie: await as("koordinator@sinergi.test") });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    const lines = await csvLines(r);
    expect(lines[0]).toBe(labels.join(";"));
    expect(lines).toHaveLength(report.agencies.length + 1);
    const names = lines.slice(1).map((l) => l.split(";")[col("name")].replace(/^"|"$/g, ""));
    expect(names).toEqual(sortAgencies(report.agencies, "name", "asc").map((a) => a.name));
    // a rate as the page rounds it: one decimal, decimal comma, percent sign
    const withRate = report.agencies.find((a) => a.meetings.attendanceRate !== null)!;
    const line = lines.find((l) => l.includes(withRate.name))!;
    expect(line.split(";")[col("attendanceRate")]).toBe(`${(withRate.meetings.attendanceRate! * 100).toFixed(1).replace(".", ",")}%`);
  });

  it("gives the criterion table with ?tabel=kriteria", async () => {
    const r = await s.request(`/laporan.csv?periode=${quarter.key}&tabel=kriteria`, { cookie: await as("pimpinan@sinergi.test") });
    expect(r.status).toBe(200);
    const lines = await csvLines(r);
    expect(lines[0]).toBe("Kriteria;Rerata level (1–4);Jumlah penilaian");
    expect(lines).toHaveLength(report.criteria.length + 1);
  });
});

describe("a scorecard's downloads", () => {
  const kartu = (id: string, ext: string, query = `?periode=${quarter.key}`) => `/laporan/instansi/${id}/kartu.${ext}${query}`;

  it("the agency's admin gets her own agency's workbook with the scorecard's figures", async () => {
    const { r, bytes } = await download(kartu(dinkesId, "xlsx"), "admin.dinkes@sinergi.test");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(`kartu-partisipasi-dinkes-${quarter.key}.xlsx`);
    const book = readXlsx(bytes);
    expect(Object.keys(book)).toEqual(["Ringkasan", "Petugas", "Kriteria", "Tren"]);
    const value = (label: string) => book.Ringkasan.find((row) => row[0] === label)?.[1];
    const f = scorecard.figures;
    expect(value("Instansi")).toBe(f.name);
    expect(value("Peringkat")).toBe(scorecard.rank);
    expect(value("JP diperoleh")).toBe(f.training.jpEarned);
    expect(value("Diundang")).toBe(f.meetings.invited);
    expect(value("Tingkat kehadiran (%)")).toBe(f.meetings.attendanceRate === null ? null : Math.round(f.meetings.attendanceRate * 1000) / 10);
    expect(value("Indeks partisipasi")).toBe(f.index === null ? null : Math.round(f.index * 10) / 10);
    expect(book.Petugas.slice(2).map((row) => row[0])).toEqual(scorecard.officers.map((o) => o.name));
    expect(book.Tren.slice(2)).toHaveLength(12);
    expect(book.Kriteria.slice(2).map((row) => row[0])).toEqual(f.quality.map((q) => q.criterion));
  });

  it("one table as CSV with ?tabel=; an unknown table is refused with the list", async () => {
    const ok = await s.request(kartu(dinkesId, "csv", `?periode=${quarter.key}&tabel=petugas`), { cookie: await as("admin.dinkes@sinergi.test") });
    expect(ok.status).toBe(200);
    expect(await csvLines(ok)).toHaveLength(scorecard.officers.length + 1);
    const bad = await s.request(kartu(dinkesId, "csv", "?tabel=gaji"), { cookie: await as("admin.dinkes@sinergi.test") });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("text/plain");
    expect(await bad.text()).toBe('Tabel "gaji" tidak dikenali. Pilih salah satu: ringkasan, petugas, kriteria, tren.');
  });

  it("another agency's scorecard is not found for the admin, and nothing of it leaks", async () => {
    for (const ext of ["xlsx", "csv"]) {
      const r = await s.request(kartu(pupr.id, ext), { cookie: await as("admin.dinkes@sinergi.test") });
      expect(r.status, ext).toBe(404);
      expect(await r.text()).not.toContain(pupr.name);
    }
    expect((await s.request(kartu("tidak-ada", "xlsx"), { cookie: await as("koordinator@sinergi.test") })).status).toBe(404);
  });
});

describe("who may download", () => {
  it("the agency admin and an officer may not download the network's files", async () => {
    for (const email of ["admin.dinkes@sinergi.test", "rina@sinergi.test"]) {
      for (const path of ["/laporan.xlsx", "/laporan.csv"]) {
        const r = await s.request(path, { cookie: await as(email) });
        expect([403, 404], `${email} ${path}`).toContain(r.status);
        expect(r.headers.get("content-type") ?? "").not.toContain("spreadsheet");
      }
    }
  });

  it("an officer gets 404 for her own agency's scorecard files", async () => {
    for (const ext of ["xlsx", "csv"]) {
      expect((await s.request(`/laporan/instansi/${dinkesId}/kartu.${ext}`, { cookie: await as("rina@sinergi.test") })).status).toBe(404);
    }
  });

  it("signed out goes to the login", async () => {
    const r = await s.request("/laporan.xlsx");
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toContain("/login");
  });
});

describe("a bad query is refused with a message, not answered with other figures", () => {
  const cases: [string, string][] = [
    ["/laporan.xlsx?periode=2026-13", "Periode tidak dikenali."],
    ["/laporan.csv?periode=kustom&dari=2026-05-01&sampai=2026-01-01", "Tanggal mulai setelah tanggal selesai."],
    ["/laporan.xlsx?periode=1850", "Tahun di luar jangkauan data"],
    ["/laporan.csv?jenis=xyz", "Jenis instansi tidak dikenali."],
    ["/laporan.xlsx?zona=Europe/Paris", "Zona waktu tidak dikenali."],
    ["/laporan.csv?urut=drop%20table", "Urutan tidak dikenali."],
    ["/laporan.csv?tabel=semua", 'Tabel "semua" tidak dikenali.'],
  ];
  it.each(cases)("%s → 400", async (path, message) => {
    const r = await s.request(path, { cookie: await as("koordinator@sinergi.test") });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await r.text();
    expect(text).toContain(message);
  });

  it("a scorecard refuses a bad period too", async () => {
    const r = await s.request(`/laporan/instansi/${dinkesId}/kartu.xlsx?periode=2026-Q7`, { cookie: await as("admin.dinkes@sinergi.test") });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Periode tidak dikenali.");
  });
});
