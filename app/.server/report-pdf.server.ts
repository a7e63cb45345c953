// The participation reports as PDFs for leadership: the network dashboard (A4 landscape: header with
// period, filters, order, generated-at time and weights; the totals; every agency in the page's
// order with REPORT_COLUMNS, the header row repeated on each page; the criterion means) and one
// agency's scorecard (A4 portrait: index and rank, figures by group, criterion bars, the twelve-month
// trend as small bar charts with their numbers, the officers). Same fonts, palette and text
// handling as the certificate and the evidence pack (pdf-lib, standard Helvetica through
// `pdfText`); always in Indonesian, like them: these are documents handed on, whatever language the
// viewer reads the app in. A value with no data prints as "–", never as 0.
import { PDFDocument, PageSizes, StandardFonts, degrees, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { formatFigure } from "~/components/report/report-ui";
import { makeT, type MessageKey, type T } from "~/i18n";
import { formatDateTime, formatNumber, formatShortMonth } from "~/i18n/format";
import { PARTICIPATION_COMPONENTS } from "~/lib/participation";
import { periodLabel, periodName } from "~/lib/period-label";
import { REPORT_COLUMNS, sortAgencies, type ColumnGroup, type ReportSortKey } from "~/lib/report-columns";
import type { AgencyScorecard, CriterionMean, NetworkReport, RankedAgency, ReportFilters, TrendPoint } from "~/models/participation.server";
import { pdfText, wrap } from "./certificate-pdf.server";
import { PDF_COLOURS } from "./evidence-pack.server";

const { BRAND, BRAND_DARK, BRAND_50, BRAND_100, GOLD, DANGER, INK, MUTED, LINE, ZEBRA } = PDF_COLOURS;
const NONE = "–";
const LOCALE = "id";
const ZONE_LABEL: Record<string, MessageKey> = {
  "Asia/Jakarta": "tz.Asia/Jakarta", "Asia/Pontianak": "tz.Asia/Pontianak", "Asia/Makassar": "tz.Asia/Makassar", "Asia/Jayapura": "tz.Asia/Jayapura",
};

// ---------------------------------------------------------------------------------------------
// A sheet: pages of one size, a running header from the second page, footers with page numbers.

interface Fonts { regular: PDFFont; bold: PDFFont; italic: PDFFont }
type Align = "left" | "right" | "center";
const FOOT = 44; // kept free for the footer

class Sheet {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly left: number;
  readonly width: number;
  private readonly safe = new Map<PDFFont, Map<string, string>>();

  constructor(readonly doc: PDFDocument, readonly f: Fonts, readonly size: [number, number], readonly margin: number, private readonly running: string) {
    this.left = margin;
    this.width = size[0] - 2 * margin;
  }

  /** Text the font can draw (memoised: the same figures repeat across a table). */
  txt(s: string, font: PDFFont = this.f.regular): string {
    let m = this.safe.get(font);
    if (!m) this.safe.set(font, (m = new Map()));
    let out = m.get(s);
    if (out === undefined) m.set(s, (out = pdfText(s, font)));
    return out;
  }

  newPage() {
    const [w, h] = this.size;
    this.page = this.doc.addPage([w, h]);
    this.pages.push(this.page);
    this.page.drawRectangle({ x: 0, y: h - 5, width: w, height: 5, color: BRAND });
    this.y = h - this.margin;
    if (this.pages.length > 1) {
      this.draw(this.fit(this.txt(this.running), this.f.regular, 8, this.width), this.left, this.y + 8, { size: 8, color: MUTED });
      this.y -= 10;
    }
  }

  /** Starts a new page unless `h` points still fit above the footer; true when it did. */
  ensure(h: number): boolean {
    if (this.y - h < FOOT) {
      this.newPage();
      return true;
    }
    return false;
  }

  /** Draws text already made safe (`txt`) at a baseline. */
  draw(s: string, x: number, y: number, o: { font?: PDFFont; size?: number; color?: RGB; align?: Align; width?: number } = {}) {
    const font = o.font ?? this.f.regular;
    const size = o.size ?? 9;
    let at = x;
    if (o.align && o.align !== "left") {
      const w = font.widthOfTextAtSize(s, size);
      at = o.align === "right" ? x + (o.width ?? 0) - w : x + ((o.width ?? 0) - w) / 2;
    }
    this.page.drawText(s, { x: at, y, font, size, color: o.color ?? INK });
  }

  /** Safe text wrapped to `width`, at most `max` lines, the last cut with "…" when more would follow. */
  lines(s: string, font: PDFFont, size: number, width: number, max = Infinity): string[] {
    const all = wrap(this.txt(s, font), font, size, width).flatMap((l) => (font.widthOfTextAtSize(l, size) > width ? [this.fit(l, font, size, width)] : [l]));
    if (all.length <= max) return all;
    const kept = all.slice(0, max);
    kept[max - 1] = this.fit(`${kept[max - 1]} ${all[max]}`, font, size, width, true);
    return kept;
  }

  /** One line no wider than `width`, cut with "…" (always, with `force`). */
  fit(s: string, font: PDFFont, size: number, width: number, force = false): string {
    if (!force && font.widthOfTextAtSize(s, size) <= width) return s;
    let cut = s;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  footers(left: string, t: T) {
    const [w] = this.size;
    const size = 7.5;
    for (const [i, p] of this.pages.entries()) {
      const label = this.txt(t("report-chart.pdf.page", { page: i + 1, pages: this.pages.length }));
      const lw = this.f.regular.widthOfTextAtSize(label, size);
      p.drawLine({ start: { x: this.left, y: 32 }, end: { x: w - this.margin, y: 32 }, thickness: 0.5, color: LINE });
      p.drawText(this.fit(this.txt(left), this.f.regular, size, this.width - lw - 16), { x: this.left, y: 21, font: this.f.regular, size, color: MUTED });
      p.drawText(label, { x: w - this.margin - lw, y: 21, font: this.f.regular, size, color: MUTED });
    }
  }
}

async function openSheet(o: { title: string; subject: string; author: string; at: Date; size: [number, number]; margin: number; running: string }) {
  const doc = await PDFDocument.create();
  doc.setTitle(o.title);
  doc.setSubject(o.subject);
  doc.setAuthor(o.author);
  doc.setCreator("Sinergi");
  doc.setProducer("Sinergi");
  doc.setLanguage("id-ID");
  doc.setCreationDate(o.at);
  doc.setModificationDate(o.at);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const sheet = new Sheet(doc, fonts, o.size, o.margin, o.running);
  sheet.newPage();
  return sheet;
}

/** Network name, gold rule, title: the top of every first page. */
function masthead(s: Sheet, network: string, title: string) {
  s.draw(s.txt(network.toUpperCase(), s.f.bold), s.left, s.y, { font: s.f.bold, size: 9, color: BRAND });
  s.y -= 7;
  s.page.drawLine({ start: { x: s.left, y: s.y }, end: { x: s.left + 70, y: s.y }, thickness: 1.2, color: GOLD });
  s.y -= 22;
  s.draw(s.txt(title, s.f.bold), s.left, s.y, { font: s.f.bold, size: 17, color: BRAND_DARK });
  s.y -= 10;
}

/** Label–value lines under the title ("Periode  Triwulan IV 2026 (…)"). */
function metaRows(s: Sheet, rows: [string, string][], labelW = 78) {
  for (const [label, value] of rows) {
    const lines = s.lines(value, s.f.regular, 9, s.width - labelW);
    s.draw(s.txt(label), s.left, s.y - 10, { size: 8.5, color: MUTED });
    for (const [i, line] of lines.entries()) s.draw(line, s.left + labelW, s.y - 10 - i * 11.5, { size: 9 });
    s.y -= 11.5 * lines.length + 3;
  }
}

function heading(s: Sheet, title: string, size = 11.5) {
  s.draw(s.txt(title, s.f.bold), s.left, s.y - size, { font: s.f.bold, size, color: BRAND_DARK });
  s.y -= size + 8;
}

// ---------------------------------------------------------------------------------------------
// Tables: wrapped or rotated headers, an optional band of group names, the header repeated after
// every page break.

interface PdfColumn { header: string; width: number; align?: "left" | "right"; group?: string; rotate?: boolean }
interface PdfCell { text: string; sub?: string; bold?: boolean; color?: RGB; maxLines?: number }

function table(s: Sheet, o: { title: string; columns: PdfColumn[]; rows: PdfCell[][]; size: number; groups?: boolean }) {
  const { columns, size } = o;
  const PAD = 3;
  const hs = size - 0.6; // header size
  const hl = hs + 1.6; // header line height
  const lh = size + 2; // body line height
  const sub = size - 1;
  const width = columns.reduce((a, c) => a + c.width, 0);

  // Header layout, computed once.
  const rotated = columns.map((c) => {
    if (!c.rotate) return null;
    const maxLines = Math.max(1, Math.floor((c.width - 2) / hl));
    let w = 36;
    let lines = wrap(s.txt(c.header, s.f.bold), s.f.bold, hs, w);
    while (lines.length > maxLines && w < 160) lines = wrap(s.txt(c.header, s.f.bold), s.f.bold, hs, (w += 4));
    return lines;
  });
  const flat = columns.map((c) => (c.rotate ? null : s.lines(c.header, s.f.bold, hs, c.width - 2 * PAD, 3)));
  const rotatedH = Math.max(0, ...rotated.map((l) => (l ? Math.max(...l.map((x) => s.f.bold.widthOfTextAtSize(x, hs))) + 2 * PAD + 2 : 0)));
  const flatH = Math.max(...flat.map((l) => (l ? l.length * hl + 2 * PAD : 0)));
  const headH = Math.max(rotatedH, flatH);
  // Group names over their columns: two lines where a group is narrow ("Tindak lanjut (RTL)").
  const spans: { label: string[]; x: number; w: number }[] = [];
  if (o.groups) {
    let x = s.left;
    for (let i = 0; i < columns.length; ) {
      let j = i;
      let w = 0;
      while (j < columns.length && columns[j].group === columns[i].group) w += columns[j++].width;
      spans.push({ label: s.lines(columns[i].group ?? "", s.f.bold, hs, w - 2 * PAD, 2), x, w });
      x += w;
      i = j;
    }
  }
  const bandH = o.groups ? Math.max(...spans.map((g) => g.label.length)) * hl + 2 * PAD + 1 : 0;

  const drawHeader = () => {
    const top = s.y;
    for (const g of spans) {
      s.page.drawRectangle({ x: g.x, y: top - bandH, width: g.w, height: bandH, color: BRAND_100, borderColor: BRAND_50, borderWidth: 0.8 });
      const block = g.label.length * hl;
      for (const [k, line] of g.label.entries()) {
        const ly = top - (bandH - block) / 2 - (k + 1) * hl + 2;
        s.draw(line, g.x + PAD, ly, { font: s.f.bold, size: hs, color: BRAND_DARK, align: "center", width: g.w - 2 * PAD });
      }
    }
    const y0 = top - bandH - headH;
    s.page.drawRectangle({ x: s.left, y: y0, width, height: headH, color: BRAND_50 });
    let x = s.left;
    for (const [i, c] of columns.entries()) {
      const r = rotated[i];
      if (r) {
        const block = r.length * hl;
        const start = x + (c.width - block) / 2;
        for (const [k, line] of r.entries()) {
          s.page.drawText(line, { x: start + (k + 1) * hl - 2, y: y0 + PAD + 1, font: s.f.bold, size: hs, color: BRAND_DARK, rotate: degrees(90) });
        }
      } else {
        const lines = flat[i]!;
        for (const [k, line] of lines.entries()) {
          const ly = y0 + PAD + 1 + (lines.length - 1 - k) * hl;
          s.draw(line, x + PAD, ly, { font: s.f.bold, size: hs, color: BRAND_DARK, align: c.align === "right" ? "right" : "left", width: c.width - 2 * PAD });
        }
      }
      if (i > 0) s.page.drawLine({ start: { x, y: y0 }, end: { x, y: y0 + headH }, thickness: 0.4, color: BRAND_100 });
      x += c.width;
    }
    s.y = y0;
    s.page.drawLine({ start: { x: s.left, y: s.y }, end: { x: s.left + width, y: s.y }, thickness: 0.8, color: BRAND });
  };

  const layout = (row: PdfCell[]) =>
    row.map((cell, i) => {
      const font = cell.bold ? s.f.bold : s.f.regular;
      const w = columns[i].width - 2 * PAD;
      // figures stay on one line (a wrapped "66,7 %" reads as two numbers); text wraps
      const main = columns[i].align === "right" ? [s.fit(s.txt(cell.text, font), font, size, w)] : s.lines(cell.text, font, size, w, cell.maxLines ?? 2);
      const subs = cell.sub ? s.lines(cell.sub, s.f.regular, sub, w, 1) : [];
      return { font, main, subs, h: main.length * lh + subs.length * (sub + 1.5) };
    });

  const first = o.rows[0] ? Math.max(...layout(o.rows[0]).map((l) => l.h)) + 2 * PAD : 0;
  s.ensure(bandH + headH + first + 4);
  drawHeader();
  for (const [ri, row] of o.rows.entries()) {
    const laid = layout(row);
    const h = Math.max(...laid.map((l) => l.h)) + 2 * PAD;
    if (s.y - h < FOOT) {
      s.newPage();
      heading(s, s.txt(makeT(LOCALE)("report-chart.pdf.continued", { title: o.title }), s.f.bold), 10);
      drawHeader();
    }
    if (ri % 2 === 1) s.page.drawRectangle({ x: s.left, y: s.y - h, width, height: h, color: ZEBRA });
    let x = s.left;
    for (const [i, c] of columns.entries()) {
      const l = laid[i];
      const cell = row[i];
      let ly = s.y - PAD - size + 0.5;
      for (const line of l.main) {
        s.draw(line, x + PAD, ly, { font: l.font, size, color: cell.color ?? INK, align: c.align === "right" ? "right" : "left", width: c.width - 2 * PAD });
        ly -= lh;
      }
      for (const line of l.subs) {
        s.draw(line, x + PAD, ly + 0.5, { size: sub, color: MUTED, align: c.align === "right" ? "right" : "left", width: c.width - 2 * PAD });
        ly -= sub + 1.5;
      }
      x += c.width;
    }
    s.y -= h;
    s.page.drawLine({ start: { x: s.left, y: s.y }, end: { x: s.left + width, y: s.y }, thickness: 0.4, color: LINE });
  }
}

/** Fractions of the content width. */
const widths = (total: number, ...fr: number[]) => {
  const sum = fr.reduce((a, b) => a + b, 0);
  return fr.map((f) => (f / sum) * total);
};

// ---------------------------------------------------------------------------------------------
// Figures as text, the same as the page (formatFigure); no data is "–".

function figure(col: (typeof REPORT_COLUMNS)[number], a: RankedAgency, t: T): PdfCell {
  const v = col.value(a);
  if (col.format === "flag") return v ? { text: t("report-chart.pdf.yes"), bold: true, color: DANGER } : { text: NONE, color: MUTED };
  const text = formatFigure(col.format, v, t, LOCALE);
  if (text === null) return { text: NONE, color: MUTED };
  return { text, bold: col.key === "index" };
}

function filterText(f: ReportFilters, t: T): string {
  return [f.type ? t(`agency.type.${f.type}`) : null, f.region ?? null, f.zone ? t(ZONE_LABEL[f.zone] ?? f.zone) : null]
    .filter(Boolean).join(" · ") || t("report.noFilters");
}

const weightsText = (w: Record<string, number>, t: T) =>
  PARTICIPATION_COMPONENTS.map((c) => t("report-chart.pdf.weight", { label: t(`report.weights.${c}`), weight: w[c] })).join(" · ");

/** Mean level per criterion as horizontal bars on a 0–4 scale, weakest first, each with its number. */
function criterionBars(s: Sheet, criteria: CriterionMean[], t: T) {
  const rows = [...criteria].sort((a, b) => a.mean - b.mean || a.criterion.localeCompare(b.criterion, "id"));
  const ROW = 14;
  const total = Math.min(s.width, 560);
  const labelW = Math.min(190, total * 0.36);
  const countW = 52;
  const valueW = 26;
  const barW = total - labelW - countW - valueW - 12;
  const x0 = s.left + labelW + 6;
  const scale = (v: number) => (Math.max(0, Math.min(4, v)) / 4) * barW;
  for (const [i, c] of rows.entries()) {
    if (s.ensure(ROW + (i === rows.length - 1 ? 14 : 0))) heading(s, t("report-chart.pdf.continued", { title: t("report-chart.pdf.criteria") }), 10);
    const y = s.y - ROW;
    s.draw(s.fit(s.txt(c.criterion), s.f.regular, 8.5, labelW), s.left, y + 4, { size: 8.5 });
    s.page.drawRectangle({ x: x0, y: y + 2, width: barW, height: 9, color: BRAND_50 });
    for (const l of [1, 2, 3]) s.page.drawLine({ start: { x: x0 + scale(l), y: y + 1 }, end: { x: x0 + scale(l), y: y + 12 }, thickness: 0.4, color: LINE });
    s.page.drawRectangle({ x: x0, y: y + 2, width: Math.max(1.5, scale(c.mean)), height: 9, color: i === 0 ? GOLD : BRAND });
    s.draw(formatNumber(c.mean, LOCALE, 1), x0 + barW + 4, y + 4, { font: s.f.bold, size: 8.5, color: BRAND_DARK });
    s.draw(s.txt(t("report-chart.pdf.criteria.count", { count: formatNumber(c.count, LOCALE) })), x0 + barW + 4 + valueW, y + 4,
      { size: 7.5, color: MUTED, align: "right", width: countW });
    s.y -= ROW;
  }
  // the scale under the bars
  for (const l of [0, 1, 2, 3, 4]) s.draw(String(l), x0 + scale(l) - 2, s.y - 9, { size: 7, color: MUTED });
  s.y -= 16;
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export interface NetworkPdfInput {
  report: NetworkReport;
  /** the filters, order and direction of the page the PDF is made from */
  filters: ReportFilters;
  sort: ReportSortKey;
  dir: "asc" | "desc";
  networkName: string;
  /** the viewer's zone: the generated-at time is shown in it */
  viewerTz: string;
}

export async function networkReportPdf({ report, filters, sort, dir, networkName, viewerTz }: NetworkPdfInput): Promise<Uint8Array> {
  const t = makeT(LOCALE);
  const period = periodLabel(report.period, t, LOCALE);
  const title = t("report-chart.pdf.network.title");
  const generated = formatDateTime(report.generatedAt, viewerTz, LOCALE);
  const [a4w, a4h] = PageSizes.A4;
  const s = await openSheet({
    title: `${title} — ${period}`,
    subject: t("report-chart.pdf.network.subject", { network: networkName, period }),
    author: networkName,
    at: new Date(report.generatedAt),
    size: [a4h, a4w], // landscape
    margin: 34,
    running: `${networkName} · ${title} · ${period}`,
  });

  masthead(s, networkName, title);
  const sortCol = REPORT_COLUMNS.find((c) => c.key === sort) ?? REPORT_COLUMNS[0];
  metaRows(s, [
    [t("report-chart.pdf.period"), period],
    [t("report-chart.pdf.filters"), filterText(filters, t)],
    [t("report-chart.pdf.sort"), t("report-chart.pdf.sortValue", { column: t(sortCol.label), dir: t(dir === "asc" ? "report-chart.pdf.asc" : "report-chart.pdf.desc") })],
    [t("report-chart.pdf.generated"), generated],
    [t("report-chart.pdf.weights"), weightsText(report.weights, t)],
  ]);
  s.y -= 8;

  // At a glance: six boxes.
  const tot = report.totals;
  const n = (v: number) => formatNumber(v, LOCALE);
  const glance: [string, string, string][] = [
    [t("report.glance.engaged"), t("report.glance.engagedValue", { engaged: n(tot.engaged), total: n(tot.agencies) }), ""],
    [t("report.glance.attendance"), tot.meetings.attendanceRate === null ? NONE : t("report.percent", { value: n(tot.meetings.attendanceRate * 100) }),
      t("report.glance.attendanceNote", { attended: n(tot.meetings.attended), recorded: n(tot.meetings.recorded) })],
    [t("report.glance.overdue"), n(tot.followUps.overdue), t("report.glance.overdueNote", { total: n(tot.followUps.total) })],
    [t("report.glance.missing"), n(tot.submissions.missing), t("report.glance.missingNote", { due: n(tot.submissions.due) })],
    [t("report.glance.jp"), n(tot.jpEarned), t("report.glance.jpNote", { modules: n(tot.modulesCompleted) })],
    [t("report.glance.absentTwice"), n(tot.absentTwice), t("report.glance.absentTwiceNote")],
  ];
  const gap = 8;
  const boxW = (s.width - gap * (glance.length - 1)) / glance.length;
  const boxH = 46;
  for (const [i, [label, value, note]] of glance.entries()) {
    const x = s.left + i * (boxW + gap);
    s.page.drawRectangle({ x, y: s.y - boxH, width: boxW, height: boxH, color: BRAND_50, borderColor: BRAND_100, borderWidth: 0.8 });
    s.draw(s.fit(s.txt(label), s.f.regular, 7.5, boxW - 14), x + 7, s.y - 12, { size: 7.5, color: MUTED });
    s.draw(s.txt(value, s.f.bold), x + 7, s.y - 28, { font: s.f.bold, size: 14, color: BRAND_DARK });
    if (note) s.draw(s.fit(s.txt(note), s.f.regular, 6.8, boxW - 14), x + 7, s.y - 39, { size: 6.8, color: MUTED });
  }
  s.y -= boxH + 14;

  // Every agency, in the page's order.
  const tableTitle = t("report.table.title");
  heading(s, tableTitle);
  const rows = sortAgencies(report.agencies, sort, dir);
  if (!rows.length) {
    s.draw(s.txt(t("report.table.empty"), s.f.italic), s.left, s.y - 8, { font: s.f.italic, size: 9, color: MUTED });
    s.y -= 20;
  } else {
    // Widths by what a column holds; the agency's name takes the rest (two lines at most).
    const byFormat: Record<string, number> = { integer: 21, percent: 32, index: 30, decimal: 27, flag: 21, text: 92 };
    const widthOf = (c: (typeof REPORT_COLUMNS)[number]) => (c.key === "rank" ? 22 : byFormat[c.format]);
    const nameW = s.width - REPORT_COLUMNS.filter((c) => c.key !== "name").reduce((sum, c) => sum + widthOf(c), 0);
    const columns: PdfColumn[] = REPORT_COLUMNS.map((c) => ({
      header: t(c.label),
      width: c.key === "name" ? nameW : widthOf(c),
      align: c.format === "text" ? "left" : "right",
      group: t(`report.group.${c.group satisfies ColumnGroup}`),
      rotate: c.key !== "name" && c.key !== "weakest",
    }));
    table(s, {
      title: tableTitle,
      columns,
      size: 7.4,
      groups: true,
      // One line per agency: the full name where it fits, else its short name (the network's own
      // abbreviation, which tells "Diskominfo Teluk Timur" from "Diskominfo Pelabuhan Baru" where a
      // cut full name would not), else the full name cut with "…".
      rows: rows.map((a) => REPORT_COLUMNS.map((c) => {
        const cell = figure(c, a, t);
        if (c.key !== "name") return { ...cell, maxLines: 1 };
        const fits = (text: string) => s.f.regular.widthOfTextAtSize(s.txt(text), 7.4) <= nameW - 6;
        return { ...cell, text: fits(a.name) || !a.shortName || !fits(a.shortName) ? a.name : a.shortName, maxLines: 1 };
      })),
    });
    s.y -= 6;
    for (const line of s.lines(t("report-chart.pdf.legend"), s.f.italic, 7, s.width)) {
      s.ensure(10);
      s.draw(line, s.left, s.y - 8, { font: s.f.italic, size: 7, color: MUTED });
      s.y -= 9;
    }
  }

  // The criteria the network should train next.
  s.y -= 10;
  s.ensure(30 + Math.min(3, report.criteria.length) * 14);
  heading(s, t("report-chart.pdf.criteria"));
  if (report.criteria.length) criterionBars(s, report.criteria, t);
  else {
    s.draw(s.txt(t("report.criteria.empty"), s.f.italic), s.left, s.y - 8, { font: s.f.italic, size: 9, color: MUTED });
    s.y -= 20;
  }

  s.footers(t("report-chart.pdf.footer", { title, period: periodName(report.period, t, LOCALE), datetime: generated }), t);
  return s.doc.save();
}

// ---------------------------------------------------------------------------------------------
// The scorecard

export interface ScorecardPdfInput {
  card: AgencyScorecard;
  networkName: string;
  viewerTz: string;
}

const TREND_METRICS = ["index", "attendanceRate", "submissionRate", "reviewRate", "jpEarned", "meanLevel"] as const;
type TrendMetric = (typeof TREND_METRICS)[number];

export async function scorecardPdf({ card, networkName, viewerTz }: ScorecardPdfInput): Promise<Uint8Array> {
  const t = makeT(LOCALE);
  const a: RankedAgency = { ...card.figures, rank: card.rank };
  const period = periodLabel(card.period, t, LOCALE);
  const title = t("report-chart.pdf.card.title");
  const generated = formatDateTime(card.generatedAt, viewerTz, LOCALE);
  const s = await openSheet({
    title: `${title} — ${a.name} — ${period}`,
    subject: t("report-chart.pdf.card.subject", { agency: a.name, period }),
    author: networkName,
    at: new Date(card.generatedAt),
    size: PageSizes.A4 as [number, number],
    margin: 40,
    running: `${a.name} · ${title} · ${period}`,
  });
  const n = (v: number, digits = 1) => formatNumber(v, LOCALE, digits);

  masthead(s, networkName, title);
  for (const line of s.lines(a.name, s.f.bold, 13, s.width, 2)) {
    s.draw(line, s.left, s.y - 12, { font: s.f.bold, size: 13, color: INK });
    s.y -= 16;
  }
  s.y -= 2;
  metaRows(s, [
    [t("report-chart.pdf.period"), period],
    [t("report-chart.pdf.agency"), [t(`agency.type.${a.type}`), a.region || null, t(ZONE_LABEL[a.timeZone] ?? a.timeZone)].filter(Boolean).join(" · ")],
    [t("report-chart.pdf.generated"), generated],
  ], 64);
  s.y -= 8;

  // Index and rank, beside the index's components.
  {
    const boxW = 150;
    const boxH = 104;
    const top = s.y;
    s.page.drawRectangle({ x: s.left, y: top - boxH, width: boxW, height: boxH, color: BRAND_50, borderColor: BRAND_100, borderWidth: 0.8 });
    s.draw(s.txt(t("report-chart.pdf.card.index")), s.left + 10, top - 16, { size: 8.5, color: MUTED });
    s.draw(a.index === null ? NONE : n(a.index), s.left + 10, top - 48, { font: s.f.bold, size: 28, color: BRAND_DARK });
    const rank = card.rank === null ? t("report.card.noRank") : t("report.card.rank", { rank: card.rank, ranked: card.ranked });
    for (const [i, line] of s.lines(rank, s.f.bold, 9, boxW - 20, 3).entries()) {
      s.draw(line, s.left + 10, top - 66 - i * 11, { font: s.f.bold, size: 9, color: BRAND });
    }

    const x0 = s.left + boxW + 16;
    const w = s.width - boxW - 16;
    s.draw(s.txt(t("report-chart.pdf.card.components"), s.f.bold), x0, top - 10, { font: s.f.bold, size: 9, color: BRAND_DARK });
    const labelW = 118;
    const barW = w - labelW - 96;
    for (const [i, c] of PARTICIPATION_COMPONENTS.entries()) {
      const y = top - 28 - i * 13;
      const rate = a.rates[c];
      s.draw(s.fit(s.txt(t(`report.weights.${c}`)), s.f.regular, 8.5, labelW - 4), x0, y, { size: 8.5 });
      s.page.drawRectangle({ x: x0 + labelW, y: y - 1, width: barW, height: 8, color: BRAND_50 });
      if (rate !== null) s.page.drawRectangle({ x: x0 + labelW, y: y - 1, width: Math.max(1.5, rate * barW), height: 8, color: BRAND });
      s.draw(rate === null ? NONE : s.txt(t("report.percent", { value: n(rate * 100) })), x0 + labelW + barW + 4, y,
        { font: s.f.bold, size: 8.5, color: rate === null ? MUTED : BRAND_DARK, align: "right", width: 44 });
      s.draw(s.txt(t("report-chart.pdf.card.weight", { weight: card.weights[c] })), x0 + labelW + barW + 52, y, { size: 8, color: MUTED });
    }
    s.y = top - boxH - 16;
  }

  // Figures by group: two columns of boxes (meetings + follow-ups | training + quality).
  heading(s, t("report-chart.pdf.card.figures"));
  {
    const colW = (s.width - 14) / 2;
    const ROW = 12.5;
    const groups: ColumnGroup[][] = [["meetings", "followUps"], ["training", "quality"]];
    const top = s.y;
    let lowest = top;
    for (const [ci, stack] of groups.entries()) {
      const x = s.left + ci * (colW + 14);
      let y = top;
      for (const g of stack) {
        const cols = REPORT_COLUMNS.filter((c) => c.group === g);
        const h = 16 + cols.length * ROW + 4;
        s.page.drawRectangle({ x, y: y - h, width: colW, height: h, borderColor: LINE, borderWidth: 0.6 });
        s.page.drawRectangle({ x, y: y - 15, width: colW, height: 15, color: BRAND_50 });
        s.draw(s.txt(t(`report.group.${g}`), s.f.bold), x + 7, y - 10.5, { font: s.f.bold, size: 8.5, color: BRAND_DARK });
        for (const [i, c] of cols.entries()) {
          const ly = y - 16 - (i + 1) * ROW + 3.5;
          const cell = figure(c, a, t);
          const vw = c.format === "text" ? colW * 0.5 : 60;
          s.draw(s.fit(s.txt(t(c.label)), s.f.regular, 8.5, colW - vw - 18), x + 7, ly, { size: 8.5, color: MUTED });
          s.draw(s.fit(s.txt(cell.text, s.f.bold), s.f.bold, 8.5, vw), x + colW - 7 - vw, ly,
            { font: s.f.bold, size: 8.5, color: cell.color ?? INK, align: "right", width: vw });
          if (i < cols.length - 1) s.page.drawLine({ start: { x: x + 7, y: ly - 3.5 }, end: { x: x + colW - 7, y: ly - 3.5 }, thickness: 0.3, color: LINE });
        }
        y -= h + 8;
      }
      lowest = Math.min(lowest, y);
    }
    s.y = lowest - 6;
  }

  // The per-criterion means.
  s.ensure(40 + Math.min(3, a.quality.length) * 14);
  heading(s, t("report.card.criteria"));
  if (a.quality.length) criterionBars(s, a.quality, t);
  else {
    s.draw(s.txt(t("report.criteria.empty"), s.f.italic), s.left, s.y - 8, { font: s.f.italic, size: 9, color: MUTED });
    s.y -= 22;
  }

  // Twelve months as small bar charts, two a row.
  if (card.trend.length) {
    const CH = 92;
    s.ensure(24 + Math.ceil(TREND_METRICS.length / 2) * (CH + 10)); // the six charts stay together
    const from = formatShortMonth(card.trend[0].period.from, LOCALE, true);
    const to = formatShortMonth(card.trend[card.trend.length - 1].period.from, LOCALE, true);
    heading(s, t("report-chart.pdf.trend", { from, to }));
    const gap = 18;
    const w = (s.width - gap) / 2;
    for (let i = 0; i < TREND_METRICS.length; i += 2) {
      s.ensure(CH + 6);
      for (let j = 0; j < 2 && i + j < TREND_METRICS.length; j++) {
        const m = TREND_METRICS[i + j];
        miniBars(s, s.left + j * (w + gap), s.y, w, CH, t(`report-chart.pdf.trend.${m}`), card.trend, m);
      }
      s.y -= CH + 10;
    }
  }

  // The officers behind the figures.
  s.y -= 4;
  s.ensure(60);
  const officersTitle = t("report.card.officersTitle");
  heading(s, officersTitle);
  if (!card.officers.length) {
    s.draw(s.txt(t("report.card.officersEmpty"), s.f.italic), s.left, s.y - 8, { font: s.f.italic, size: 9, color: MUTED });
    s.y -= 20;
  } else {
    const w = widths(s.width, 18, 160, 60, 44, 34, 78, 44, 62);
    const right = "right" as const;
    const columns: PdfColumn[] = [
      { header: t("report-chart.pdf.officers.no"), width: w[0], align: right },
      { header: t("report.officer.name"), width: w[1] },
      { header: t("report.officer.meetings"), width: w[2], align: right },
      { header: t("report.officer.modules"), width: w[3], align: right },
      { header: t("report.officer.jp"), width: w[4], align: right },
      { header: t("report.officer.work"), width: w[5], align: right },
      { header: t("report.officer.meanScore"), width: w[6], align: right },
      { header: t("report.officer.reviews"), width: w[7], align: right },
    ];
    table(s, {
      title: officersTitle,
      columns,
      size: 8,
      rows: card.officers.map((o, i) => [
        { text: String(i + 1), color: MUTED },
        {
          text: o.name, bold: true, maxLines: 2,
          sub: [o.position, o.active ? null : t("report.officer.inactive")].filter(Boolean).join(" · ") || undefined,
        },
        { text: t("report.officer.pair", { a: n(o.meetingsNamed, 0), b: n(o.meetingsCheckedIn, 0) }) },
        { text: n(o.modulesCompleted, 0) },
        { text: n(o.jpEarned) },
        { text: t("report.officer.triple", { a: n(o.submissions.onTime, 0), b: n(o.submissions.late, 0), c: n(o.submissions.missing, 0) }) },
        o.meanScore === null ? { text: NONE, color: MUTED } : { text: n(o.meanScore) },
        { text: t("report.officer.pair", { a: n(o.reviews.done, 0), b: n(o.reviews.open, 0) }) },
      ]),
    });
  }

  s.footers(t("report-chart.pdf.footer", { title: `${title} ${a.shortName || a.name}`, period: periodName(card.period, t, LOCALE), datetime: generated }), t);
  return s.doc.save();
}

/** One metric's twelve months as bars with their numbers; a month without data shows "–", not a bar. */
function miniBars(s: Sheet, x: number, top: number, w: number, h: number, title: string, points: TrendPoint[], metric: TrendMetric) {
  const percent = metric === "attendanceRate" || metric === "submissionRate" || metric === "reviewRate";
  const values = points.map((p) => {
    const v = p[metric];
    return typeof v === "number" && Number.isFinite(v) ? (percent ? v * 100 : v) : null;
  });
  const max = metric === "index" || percent ? 100 : metric === "meanLevel" ? 4 : Math.max(4, ...values.map((v) => v ?? 0));
  const label = (v: number) => formatNumber(v, LOCALE, percent || metric === "jpEarned" ? 0 : 1);

  s.draw(s.fit(s.txt(title, s.f.bold), s.f.bold, 8.5, w), x, top - 9, { font: s.f.bold, size: 8.5, color: BRAND_DARK });
  const plotTop = top - 24; // room for the value over a full bar
  const base = top - h + 18; // month names below
  const plotH = plotTop - base;
  const slot = w / Math.max(1, points.length);
  const barW = Math.min(14, slot * 0.62);
  s.page.drawLine({ start: { x, y: base }, end: { x: x + w, y: base }, thickness: 0.6, color: MUTED });
  s.page.drawLine({ start: { x, y: plotTop }, end: { x: x + w, y: plotTop }, thickness: 0.3, color: LINE, dashArray: [2, 2] });
  let prevYear = "";
  for (const [i, v] of values.entries()) {
    const cx = x + slot * i + slot / 2;
    const last = i === values.length - 1;
    if (v === null) {
      s.draw(NONE, cx - 4, base + 3, { size: 7, color: MUTED, align: "center", width: 8 });
    } else {
      const bh = (Math.max(0, Math.min(max, v)) / max) * plotH;
      if (bh > 0) s.page.drawRectangle({ x: cx - barW / 2, y: base, width: barW, height: bh, color: last ? BRAND_DARK : BRAND });
      const text = label(v);
      s.draw(text, cx - slot / 2, base + bh + 2.5, { font: last ? s.f.bold : s.f.regular, size: 6.5, color: INK, align: "center", width: slot });
    }
    const month = points[i].period.from;
    s.draw(s.txt(formatShortMonth(month, LOCALE)), cx - slot / 2, base - 8, { size: 6.3, color: MUTED, align: "center", width: slot });
    const year = month.slice(0, 4);
    if (year !== prevYear) s.draw(year, cx - slot / 2, base - 15.5, { font: s.f.bold, size: 5.8, color: INK, align: "center", width: slot });
    prevYear = year;
  }
}

// ---------------------------------------------------------------------------------------------
// Responses

export function pdfResponse(filename: string, bytes: Uint8Array): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}

