// The participation dashboard (/laporan) and the agency scorecards (/laporan/instansi/:id) through the
// real production server on the demo network: who may see what, bad input answered with a message
// (never a 500), and the koordinator's index weights form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "#tests/helpers/server";
import { report as msg } from "~/i18n/id/report";

let s: TestServer;
const cookies: Record<string, string> = {};
let dinkesId = "";
let puprId = "";

const DINKES = "Dinas Kesehatan Kabupaten Sukamaju";
const PUPR = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sukamaju";

/** The scorecard id of an agency, from its name's link in the dashboard. */
function agencyIdFrom(html: string, name: string): string {
  const m = new RegExp(`href="/laporan/instansi/([^"?/]+)[^"]*">${name}</a>`).exec(html);
  if (!m) throw new Error(`no scorecard link for ${name}`);
  return m[1];
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\s+/g, " ");

beforeAll(async () => {
  s = await startServer();
  for (const who of ["koordinator", "pimpinan", "admin.dinkes", "rina"]) cookies[who] = await s.login(`${who}@sinergi.test`);
  const html = await (await s.request("/laporan", { cookie: cookies.koordinator })).text();
  dinkesId = agencyIdFrom(html, DINKES);
  puprId = agencyIdFrom(html, PUPR);
}, 60_000);
afterAll(() => s?.stop());

describe("who sees the dashboard", () => {
  it("koordinator and pimpinan get the current quarter in words, the glance tiles and every agency", async () => {
    for (const who of ["koordinator", "pimpinan"]) {
      const r = await s.request("/laporan", { cookie: cookies[who] });
      expect(r.status).toBe(200);
      const html = await r.text();
      expect(text(html)).toContain("Triwulan IV 2026 (1 Okt – 31 Des 2026)");
      expect(html).toContain("Sekilas");
      expect(html).toContain("Kriteria yang perlu dilatih");
      expect(html).toContain(DINKES);
      expect(html).toContain("Dinas Komunikasi dan Informatika Kabupaten Teluk Timur");
      expect(html).toContain("Bobot indeks");
      expect(html).toContain("Cara menghitung");
      expect(html).toContain('href="/laporan.xlsx?periode=2026-Q4');
    }
  });

  it("an agency admin and an officer are refused", async () => {
    for (const who of ["admin.dinkes", "rina"]) {
      const r = await s.request("/laporan", { cookie: cookies[who] });
      expect([403, 404]).toContain(r.status);
      expect(await r.text()).not.toContain(PUPR);
    }
  });

  it("sorting by a column marks its header and keeps the period", async () => {
    const r = await s.request("/laporan?periode=2026-11&urut=jp&arah=turun", { cookie: cookies.koordinator });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(text(html)).toContain("November 2026 (1–30 Nov 2026)");
    expect(html).toMatch(/aria-sort="descending"[^>]*><a href="\/laporan\?periode=2026-11&amp;urut=jp&amp;arah=naik/);
  });
});

describe("the scorecard", () => {
  it("an agency admin sees their own agency's scorecard, and no other agency's name", async () => {
    const r = await s.request(`/laporan/instansi/${dinkesId}`, { cookie: cookies["admin.dinkes"] });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain(DINKES);
    expect(html).toContain("Petugas di balik angka");
    expect(html).toContain("Rina Lestari, S.I.Kom.");
    expect(html).toMatch(/Peringkat \d+ dari \d+|Belum berperingkat/);
    expect(html).not.toContain(PUPR);
    expect(html).not.toContain("Polres Sukamaju");
    // no way back to the network dashboard for them
    expect(html).not.toContain("Kembali ke laporan jejaring");
  });

  it("another agency's scorecard is not found for that admin, and shows nothing of it", async () => {
    const r = await s.request(`/laporan/instansi/${puprId}`, { cookie: cookies["admin.dinkes"] });
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain(PUPR);
  });

  it("an officer without rights gets 404; an unknown id is 404 for the koordinator", async () => {
    expect((await s.request(`/laporan/instansi/${dinkesId}`, { cookie: cookies.rina })).status).toBe(404);
    expect((await s.request("/laporan/instansi/tidak-ada", { cookie: cookies.koordinator })).status).toBe(404);
  });

  it("the koordinator reads any scorecard with a link back to the dashboard for the same period", async () => {
    const r = await s.request(`/laporan/instansi/${puprId}?periode=2026`, { cookie: cookies.koordinator });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain(PUPR);
    expect(text(html)).toContain("Tahun 2026 (1 Jan – 31 Des 2026)");
    expect(html).toContain('href="/laporan?periode=2026"');
    expect(html).toContain(`/laporan/instansi/${puprId}/kartu.xlsx?periode=2026`);
  });

  it("a bad period on a scorecard is a message above the current quarter", async () => {
    const r = await s.request(`/laporan/instansi/${dinkesId}?periode=2026-13`, { cookie: cookies["admin.dinkes"] });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain(msg["report.period.invalid"]);
  });

  it("the agency page links to its participation report for those who may see it", async () => {
    const admin = await (await s.request(`/instansi/${dinkesId}`, { cookie: cookies["admin.dinkes"] })).text();
    expect(admin).toContain(`href="/laporan/instansi/${dinkesId}"`);
    const officer = await (await s.request(`/instansi/${dinkesId}`, { cookie: cookies.rina })).text();
    expect(officer).not.toContain(`/laporan/instansi/${dinkesId}`);
  });
});

describe("bad input is a message, never a 500", () => {
  const cases: [string, keyof typeof msg, string | null][] = [
    ["?periode=2026-13", "report.period.invalid", '<option value="2026-13" selected="">'],
    ["?periode=kustom&dari=2026-05-01&sampai=2026-01-01", "report.period.inverted", 'value="2026-05-01"'],
    ["?periode=1850", "report.period.outOfRange", '<option value="1850" selected="">'],
    ["?jenis=xyz", "report.filter.type", '<option value="xyz" selected="">'],
    ["?zona=Europe/Paris", "report.filter.zone", '<option value="Europe/Paris" selected="">'],
    ["?urut=drop%20table", "report.sort.invalid", null],
    ["?hal=-1", "report.page.invalid", null],
  ];
  for (const [query, key, kept] of cases) {
    it(`${decodeURIComponent(query)} → 200 with "${key}"`, async () => {
      const r = await s.request(`/laporan${query}`, { cookie: cookies.koordinator });
      expect(r.status).toBe(200);
      const html = await r.text();
      expect(html).toContain(msg[key]);
      // the report below is still the current quarter's, and what was sent stays in the form
      expect(text(html)).toContain("Triwulan IV 2026");
      if (kept) expect(html).toContain(kept);
    });
  }
});

describe("index weights", () => {
  const form = (w: number[]) =>
    new URLSearchParams(Object.fromEntries(["attendance", "rsvp", "followUps", "submissions", "reviews", "jp"].map((k, i) => [k, String(w[i])])));

  it("pimpinan reads them but may not change them", async () => {
    const html = await (await s.request("/laporan", { cookie: cookies.pimpinan })).text();
    expect(html).toContain("Bobot diatur oleh sekretariat.");
    expect(html).not.toContain('name="attendance"');
    const r = await s.request("/laporan?index", { method: "POST", body: form([100, 0, 0, 0, 0, 0]), cookie: cookies.pimpinan });
    expect(r.status).toBe(403);
  });

  it("the koordinator reads them and opens the form from a link that keeps the period", async () => {
    const page = await (await s.request("/laporan?periode=2026-Q4", { cookie: cookies.koordinator })).text();
    expect(page).not.toContain('name="attendance"');
    expect(page).toContain('href="/laporan?periode=2026-Q4&amp;arah=naik&amp;bobot=ubah#bobot"');
    const form = await (await s.request("/laporan?periode=2026-Q4&arah=naik&bobot=ubah", { cookie: cookies.koordinator })).text();
    expect(form).toMatch(/name="attendance"[^>]*value="\d+"|value="\d+"[^>]*name="attendance"/);
    expect(form).toContain("Simpan bobot");
  });

  it("a sum other than 100 is refused with the sum, keeping what was typed", async () => {
    const r = await s.request("/laporan?index&periode=2026-Q4", { method: "POST", body: form([25, 5, 20, 20, 10, 10]), cookie: cookies.koordinator });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Jumlah bobot harus 100 (sekarang 90).");
    expect(html).toMatch(/name="attendance"[^>]*value="25"|value="25"[^>]*name="attendance"/);
    expect(html).toMatch(/name="rsvp"[^>]*value="5"|value="5"[^>]*name="rsvp"/);
  });

  it("a sum of 100 is saved, audited, and every index is recomputed with it", async () => {
    const r = await s.request("/laporan?index&periode=2026-Q4", { method: "POST", body: form([100, 0, 0, 0, 0, 0]), cookie: cookies.koordinator });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/laporan?periode=2026-Q4");
    expect(r.headers.get("set-cookie")).toContain("sinergi_flash");
    // With attendance weighing 100, an agency's index is its attendance rate.
    const card = await (await s.request(`/laporan/instansi/${dinkesId}`, { cookie: cookies.koordinator })).text();
    const index = /data-testid="card-index">([^<]*)</.exec(card)?.[1];
    const rate = /Kehadiran rapat<\/th>.*?<td[^>]*>(?:(?!<\/tr>).)*?([\d,]+)\s%/s.exec(card)?.[1];
    expect(rate).toMatch(/^\d+(,\d+)?$/); // the scorecard shows its attendance rate, e.g. "66,7"
    expect(index).toBe(rate);
    const pimpinan = await (await s.request("/laporan", { cookie: cookies.pimpinan })).text();
    expect(text(pimpinan)).toMatch(/Kehadiran rapat .*? 100 /);
    const audit = await (await s.request("/audit", { cookie: cookies.koordinator })).text();
    expect(audit).toContain("Bobot indeks partisipasi diubah");
  });
});
