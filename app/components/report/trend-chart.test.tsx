import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { UNSAFE_DataRouterStateContext } from "react-router";
import { describe, expect, it } from "vitest";
import { monthPeriod } from "~/lib/period";
import type { TrendPoint } from "~/models/participation.server";
import { TrendChart, TrendTable } from "./trend-chart";

// The components read the locale from the root loader's data, as they do inside the app.
function render(node: ReactNode, locale: "id" | "en" = "id"): string {
  const state = { loaderData: { root: { locale, viewerTimeZone: "Asia/Jakarta" } } } as never;
  return renderToString(<UNSAFE_DataRouterStateContext.Provider value={state}>{node}</UNSAFE_DataRouterStateContext.Provider>);
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, "\"").replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
const ariaLabel = (html: string) => decode(/role="img" aria-label="([^"]*)"/.exec(html)?.[1] ?? "");
// the data table, inside a visually hidden wrapper that "Lihat angka" reveals
const srTable = (html: string) => /<div class="sr-only[^"]*"><table[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
const bodyRows = (table: string) =>
  [...(/<tbody[^>]*>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    decode(m[1].replace(/<[^>]+>/g, "|").replace(/\|+/g, "|").replace(/^\||\|$/g, "")));
// The two drawings (narrow, wide), each one <svg>.
const svgs = (html: string) => html.split(/(?=<svg viewBox=)/).slice(1).map((s) => s.split("</div>")[0]);

// Dec 2025 … Nov 2026: no data in February (no meetings, nothing due), the highest in October.
const INDEX = [41.2, null, 45, 50.5, 48, 52.25, 60, 58.5, 61, 69.8, 53.5];
function trend(): TrendPoint[] {
  const months = [monthPeriod(2025, 12), ...Array.from({ length: 11 }, (_, i) => monthPeriod(2026, i + 1))];
  const index = [38, ...INDEX];
  return months.map((period, i) => ({
    period,
    index: index[i],
    attendanceRate: index[i] === null ? null : index[i]! / 100,
    submissionRate: null,
    reviewRate: i % 3 === 0 ? 1 : null,
    jpEarned: i === 11 ? 12 : i % 2 ? 0 : 4,
    meanLevel: index[i] === null ? null : 1 + (index[i]! / 100) * 3,
  }));
}

describe("TrendChart", () => {
  it("says the period, the latest and the highest value in its accessible name", () => {
    const html = render(<TrendChart points={trend()} metric="index" title="Indeks partisipasi" />);
    expect(ariaLabel(html)).toBe("Indeks partisipasi, Des 2025 – Nov 2026: terakhir 53,5; tertinggi 69,8 (Okt 2026); 1 bulan tanpa data");
    expect(html).toContain("<figcaption");
    expect(html).toContain("Indeks partisipasi</figcaption>");
  });

  it("reads rates as percentages, and names the month of the latest value when the last month has none", () => {
    const points = trend();
    points[11] = { ...points[11], attendanceRate: null };
    const html = render(<TrendChart points={points} metric="attendanceRate" title="Tingkat kehadiran" />);
    expect(ariaLabel(html)).toBe("Tingkat kehadiran, Des 2025 – Nov 2026: terakhir 69,8 % (Okt 2026); tertinggi 69,8 % (Okt 2026); 2 bulan tanpa data");
    expect(html).toContain("100 %"); // the y axis runs to 100 %
  });

  it("lists every month's value in a table for screen readers, and 'no data' for empty months", () => {
    const html = render(<TrendChart points={trend()} metric="index" title="Indeks partisipasi" />);
    const rows = bodyRows(srTable(html));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toBe("Desember 2025|38");
    expect(rows[2]).toBe("Februari 2026|Tidak ada data");
    expect(rows[6]).toBe("Juni 2026|52,3");
    expect(rows[11]).toBe("November 2026|53,5");
    expect(srTable(html)).toContain('scope="row"');
    expect(html).toMatch(/<details class="peer[^"]*"><summary[^>]*>Lihat angka<\/summary><\/details><div class="sr-only[^"]*peer-open:not-sr-only[^"]*"><table/);
  });

  it("leaves a gap for a month without data instead of drawing a zero", () => {
    const html = render(<TrendChart points={trend()} metric="index" title="Indeks partisipasi" />);
    for (const svg of svgs(html)) {
      expect(svg.match(/<circle /g)).toHaveLength(11); // a point for each month with data, none for February
      const d = /<path [^>]*d="([^"]+)"/.exec(svg)?.[1] ?? "";
      expect(d.match(/M/g)).toHaveLength(2); // the line stops before February and starts again after it
      expect(svg).not.toMatch(/cy="162"/); // nothing sits on the zero line (y = 162 inside the plot)
    }
  });

  it("draws JP as bars from zero, a bar per month, with the latest labelled", () => {
    const html = render(<TrendChart points={trend()} metric="jpEarned" title="JP diperoleh" />);
    const [narrow, wide] = svgs(html);
    expect(narrow.match(/<rect /g)?.length).toBe(12);
    expect(wide).toMatch(/>12<\/text>/);
    expect(ariaLabel(html)).toBe("JP diperoleh, Des 2025 – Nov 2026: terakhir 12; tertinggi 12 (Nov 2026)");
  });

  it("shows short Indonesian month names on the axis with the year where it changes", () => {
    const html = render(<TrendChart points={trend()} metric="meanLevel" title="Rerata tingkat" />);
    const [narrow, wide] = svgs(html);
    // the axis labels: the month, and the year on a second line
    const months = (svg: string) => [...svg.matchAll(/<tspan [^>]*dy="(?:0.9|1.15)em"[^>]*>([^<]+)<\/tspan>/g)].map((m) => m[1]);
    expect(months(wide)).toEqual(["Des", "2025", "Jan", "2026", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov"]);
    // narrow: every other month, always the latest
    expect(months(narrow)).toEqual(["Jan", "2026", "Mar", "Mei", "Jul", "Sep", "Nov"]);
  });

  it("never writes NaN or undefined into the SVG, whatever the data", () => {
    const empty = trend().map((p) => ({ ...p, index: null, attendanceRate: null, submissionRate: null, reviewRate: null, meanLevel: null, jpEarned: 0 }));
    for (const points of [trend(), empty, trend().slice(0, 1), []]) {
      for (const metric of ["index", "attendanceRate", "submissionRate", "reviewRate", "jpEarned", "meanLevel"] as const) {
        const html = render(<TrendChart points={points} metric={metric} title="Grafik" />);
        expect(html).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
    const html = render(<TrendChart points={empty} metric="index" title="Indeks partisipasi" />);
    expect(ariaLabel(html)).toBe("Indeks partisipasi, Des 2025 – Nov 2026: belum ada data");
    expect(bodyRows(srTable(html)).every((r) => r.endsWith("|Tidak ada data"))).toBe(true);
  });

  it("follows the viewer's language", () => {
    const html = render(<TrendChart points={trend()} metric="attendanceRate" title="Attendance rate" />, "en");
    expect(ariaLabel(html)).toBe("Attendance rate, Dec 2025 – Nov 2026: latest 53.5%; highest 69.8% (Oct 2026); no data for 1 month(s)");
  });

  it("puts several charts' numbers in one table, a month a row, when the charts leave theirs out", () => {
    const chart = render(<TrendChart points={trend()} metric="index" title="Indeks partisipasi" table={false} />);
    expect(chart).not.toContain("<table");
    const html = render(<TrendTable points={trend()} caption="Tren" metrics={[{ metric: "index", title: "Indeks" }, { metric: "jpEarned", title: "JP" }]} />);
    expect(html).toMatch(/<caption[^>]*>Tren<\/caption>/);
    const rows = bodyRows(srTable(html));
    expect(rows).toHaveLength(12);
    expect(rows[2]).toMatch(/^Februari 2026\|Tidak ada data\|\d+$/);
    expect(rows[11]).toMatch(/^November 2026\|53,5\|\d+$/);
  });
});
