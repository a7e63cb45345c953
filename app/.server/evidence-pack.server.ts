// The evidence pack (bukti dukung) as one PDF: an A4 summary of the officer's record — who, which
// year, JP earned against the 20 JP target, and the four tables — followed by each valid certificate
// of the year, copied page for page from the same PDF the certificate download produces. Drawn with
// pdf-lib and the standard Helvetica fonts like the certificate (text through `pdfText`, so a name
// with letters WinAnsi lacks is transliterated rather than dropped or fatal). Always in Indonesian:
// it is handed in as an official document whatever language the viewer reads the app in.
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { makeT } from "~/i18n";
import { formatCalendarDate, formatDateTime, formatNumber, formatTime, zoneAbbr } from "~/i18n/format";
import { utcToZoned } from "~/lib/zoned-time";
import { summaryCounts } from "~/lib/record-summary";
import type { OfficerRecord } from "~/models/officer-record.server";
import { pdfText, wrap } from "./certificate-pdf.server";

const BRAND = rgb(0x16 / 255, 0x4a / 255, 0x70 / 255); // brand-700
const BRAND_DARK = rgb(0x0d / 255, 0x2c / 255, 0x43 / 255); // brand-900
const BRAND_50 = rgb(0xee / 255, 0xf5 / 255, 0xfa / 255);
const BRAND_100 = rgb(0xd7 / 255, 0xe8 / 255, 0xf3 / 255);
const GOLD = rgb(0xc0 / 255, 0x8a / 255, 0x12 / 255); // accent-500
const SUCCESS = rgb(0x05 / 255, 0x60 / 255, 0x3a / 255);
const DANGER = rgb(0x91 / 255, 0x20 / 255, 0x18 / 255);
const INK = rgb(0.11, 0.13, 0.16);
const MUTED = rgb(0x48 / 255, 0x54 / 255, 0x65 / 255);
const LINE = rgb(0xd3 / 255, 0xda / 255, 0xe3 / 255);
const ZEBRA = rgb(0xf7 / 255, 0xf9 / 255, 0xfb / 255);
/** The same palette for the other report PDFs (report-pdf.server.ts). */
export const PDF_COLOURS = { BRAND, BRAND_DARK, BRAND_50, BRAND_100, GOLD, SUCCESS, DANGER, INK, MUTED, LINE, ZEBRA };

const [PAGE_W, PAGE_H] = PageSizes.A4;
const MARGIN = 48;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const FOOT = 56; // space kept for the footer

export interface EvidencePackInput {
  record: OfficerRecord;
  networkName: string;
  /** absolute URL of /verifikasi */
  verifyUrl: string;
  /** the certificate PDFs (as the certificate download produces them), in the order to append */
  certificates: Uint8Array[];
  now: Date;
}

interface CellText { main: string; sub?: string; bold?: boolean; color?: ReturnType<typeof rgb> }
interface Column { header: string; width: number; align?: "left" | "right" }

export async function evidencePackPdf(input: EvidencePackInput): Promise<Uint8Array> {
  const { record: r, networkName, verifyUrl, now } = input;
  const t = makeT("id");
  const o = r.officer;
  const tz = o.timeZone;
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("record.pdf.title")} — ${o.name} — ${r.year}`);
  doc.setSubject(t("record.pdf.subject", { name: o.name, year: r.year }));
  doc.setAuthor(networkName);
  doc.setCreator("Sinergi");
  doc.setProducer("Sinergi");
  doc.setLanguage("id-ID");
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const txt = (s: string, f: PDFFont = regular) => pdfText(s, f);

  const day = (iso: string) => formatCalendarDate(utcToZoned(iso, tz).date, "id");
  const dayTime = (iso: string, zone = tz) => `${formatCalendarDate(utcToZoned(iso, zone).date, "id")} ${formatTime(iso, zone, "id")}`;
  const n = (v: number) => formatNumber(v, "id");

  // ---- page flow -------------------------------------------------------------------------------
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    pages.push(page);
    page.drawRectangle({ x: 0, y: PAGE_H - 6, width: PAGE_W, height: 6, color: BRAND });
    y = PAGE_H - MARGIN;
    if (pages.length > 1) {
      const running = txt(`${o.name} · ${t("record.pdf.subtitle", { year: r.year })}`);
      page.drawText(running, { x: MARGIN, y: y + 14, font: regular, size: 8, color: MUTED });
      y -= 10;
    }
  };
  const ensure = (h: number) => {
    if (y - h < FOOT) newPage();
  };
  const text = (s: string, x: number, at: number, f: PDFFont, size: number, color = INK) => page.drawText(s, { x, y: at, font: f, size, color });

  // ---- header ------------------------------------------------------------------------------------
  newPage();
  const net = txt(networkName.toUpperCase(), bold);
  text(net, MARGIN, y, bold, 9.5, BRAND);
  y -= 8;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + 70, y }, thickness: 1.2, color: GOLD });
  y -= 26;
  for (const line of wrap(txt(t("record.pdf.title").toUpperCase(), bold), bold, 17, CONTENT_W)) {
    text(line, MARGIN, y, bold, 17, BRAND_DARK);
    y -= 21;
  }
  text(txt(t("record.pdf.subtitle", { year: r.year })), MARGIN, y + 2, regular, 11.5, MUTED);
  y -= 26;

  // ---- identity ----------------------------------------------------------------------------------
  const identity: [string, string, PDFFont][] = [[t("record.pdf.name"), o.name, bold]];
  if (o.nipMasked) identity.push([t("record.pdf.nip"), o.nipMasked, regular]);
  if (o.position) identity.push([t("record.pdf.position"), o.position, regular]);
  identity.push([t("record.pdf.agency"), o.agencyName ?? t("record.noAgency"), regular]);
  identity.push([t("record.pdf.period"), t("record.pdf.periodValue", { year: r.year, zone: zoneAbbr(tz) }), regular]);
  const labelW = 92;
  for (const [label, value, f] of identity) {
    const lines = wrap(txt(value, f), f, 10.5, CONTENT_W - labelW);
    text(txt(label), MARGIN, y, regular, 10, MUTED);
    for (const [i, line] of lines.entries()) text(line, MARGIN + labelW, y - i * 13, f, 10.5, INK);
    y -= 13 * lines.length + 4;
  }
  y -= 8;

  // ---- JP box and counts ------------------------------------------------------------------------
  const s = r.summary;
  const counts = summaryCounts(s, t);
  const ROW = 13;
  const boxH = Math.max(78, counts.length * ROW + 8);
  const jpW = 220;
  page.drawRectangle({ x: MARGIN, y: y - boxH, width: jpW, height: boxH, color: BRAND_50, borderColor: BRAND_100, borderWidth: 1 });
  const jpTop = y - (boxH - 74) / 2;
  text(txt(t("record.pdf.jpLabel")), MARGIN + 12, jpTop - 17, regular, 9, MUTED);
  text(txt(t("record.pdf.jpValue", { earned: n(r.jp.earned), target: n(r.jp.target) }), bold), MARGIN + 12, jpTop - 36, bold, 15, BRAND_DARK);
  const barW = jpW - 24;
  const reached = r.jp.earned >= r.jp.target;
  page.drawRectangle({ x: MARGIN + 12, y: jpTop - 50, width: barW, height: 6, color: BRAND_100 });
  const filled = Math.min(1, r.jp.earned / r.jp.target) * barW;
  if (filled > 0) page.drawRectangle({ x: MARGIN + 12, y: jpTop - 50, width: filled, height: 6, color: reached ? SUCCESS : BRAND });
  const jpNote = reached
    ? t("record.jp.reached", { target: n(r.jp.target), year: r.year })
    : t("record.jp.remaining", { count: n(r.jp.target - r.jp.earned), target: n(r.jp.target), year: r.year });
  text(txt(jpNote), MARGIN + 12, jpTop - 65, regular, 8.5, reached ? SUCCESS : INK);

  // The counts beside it: label left, figure right, a hairline between rows.
  const gx = MARGIN + jpW + 18;
  const gw = CONTENT_W - jpW - 18;
  for (const [i, [label, value]] of counts.entries()) {
    const cy = y - 10 - i * ROW;
    text(txt(label), gx, cy, regular, 9.5, MUTED);
    const v = n(value);
    text(v, gx + gw - bold.widthOfTextAtSize(v, 10.5), cy, bold, 10.5, INK);
    if (i < counts.length - 1) page.drawLine({ start: { x: gx, y: cy - 4 }, end: { x: gx + gw, y: cy - 4 }, thickness: 0.4, color: LINE });
  }
  y -= boxH + 22;

  // ---- tables ------------------------------------------------------------------------------------
  const PAD = 4;
  const SIZE = 8.8;
  const SUB = 7.8;
  const LH = 11;
  const SUB_LH = 9.6;
  const cellLines = (c: CellText, width: number) => {
    const f = c.bold ? bold : regular;
    const main = wrap(txt(c.main, f), f, SIZE, width - 2 * PAD);
    const sub = c.sub ? wrap(txt(c.sub), regular, SUB, width - 2 * PAD) : [];
    return { main, sub, f, h: main.length * LH + sub.length * SUB_LH };
  };
  const drawHeader = (cols: Column[]) => {
    const heads = cols.map((c) => wrap(txt(c.header, bold), bold, 8, c.width - 2 * PAD));
    const h = Math.max(...heads.map((l) => l.length)) * 10 + 2 * PAD + 2;
    page.drawRectangle({ x: MARGIN, y: y - h, width: CONTENT_W, height: h, color: BRAND_50 });
    let x = MARGIN;
    for (const [i, c] of cols.entries()) {
      for (const [j, line] of heads[i].entries()) {
        const w = bold.widthOfTextAtSize(line, 8);
        text(line, c.align === "right" ? x + c.width - PAD - w : x + PAD, y - PAD - 8 - j * 10, bold, 8, BRAND_DARK);
      }
      x += c.width;
    }
    y -= h;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_W, y }, thickness: 0.8, color: BRAND });
  };
  const rowHeight = (row: CellText[], cols: Column[]) => Math.max(...row.map((c, i) => cellLines(c, cols[i].width).h)) + 2 * PAD;
  const section = (heading: string, cols: Column[], rows: CellText[][], empty: string, note?: string) => {
    // The heading never stands alone at the foot of a page: keep it with the header and first row.
    ensure(24 + (note ? 22 : 0) + 30 + (rows.length ? rowHeight(rows[0], cols) : 20));
    y -= 6;
    text(txt(heading, bold), MARGIN, y - 12, bold, 12, BRAND_DARK);
    y -= 18;
    if (note) {
      for (const line of wrap(txt(note, italic), italic, 8, CONTENT_W)) {
        text(line, MARGIN, y - 8, italic, 8, MUTED);
        y -= 10;
      }
      y -= 2;
    }
    if (rows.length === 0) {
      text(txt(empty, italic), MARGIN, y - 11, italic, 9, MUTED);
      y -= 26;
      return;
    }
    drawHeader(cols);
    for (const [ri, row] of rows.entries()) {
      const laid = row.map((c, i) => cellLines(c, cols[i].width));
      const h = Math.max(...laid.map((l) => l.h)) + 2 * PAD;
      if (y - h < FOOT) {
        newPage();
        text(txt(t("record.pdf.continued", { title: heading }), bold), MARGIN, y - 12, bold, 11, BRAND_DARK);
        y -= 18;
        drawHeader(cols);
      }
      if (ri % 2 === 1) page.drawRectangle({ x: MARGIN, y: y - h, width: CONTENT_W, height: h, color: ZEBRA });
      let x = MARGIN;
      for (const [i, c] of cols.entries()) {
        const l = laid[i];
        const cell = row[i];
        let ly = y - PAD - SIZE;
        for (const line of l.main) {
          const w = l.f.widthOfTextAtSize(line, SIZE);
          text(line, c.align === "right" ? x + c.width - PAD - w : x + PAD, ly, l.f, SIZE, cell.color ?? INK);
          ly -= LH;
        }
        for (const line of l.sub) {
          const w = regular.widthOfTextAtSize(line, SUB);
          text(line, c.align === "right" ? x + c.width - PAD - w : x + PAD, ly + 1, regular, SUB, MUTED);
          ly -= SUB_LH;
        }
        x += c.width;
      }
      y -= h;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_W, y }, thickness: 0.5, color: LINE });
    }
    y -= 16;
  };
  const widths = (...fr: number[]) => {
    const total = fr.reduce((a, b) => a + b, 0);
    return fr.map((f) => (f / total) * CONTENT_W);
  };
  const none = t("state.none");

  // Modules and certificates
  {
    const w = widths(20, 190, 88, 52, 120);
    const cols: Column[] = [
      { header: t("record.col.no"), width: w[0] }, { header: t("record.col.module"), width: w[1] }, { header: t("record.col.status"), width: w[2] },
      { header: t("record.col.jpCounted"), width: w[3], align: "right" }, { header: t("record.col.certificate"), width: w[4] },
    ];
    const rows: CellText[][] = r.modules.map((m, i) => [
      { main: String(i + 1) },
      { main: m.title, sub: m.organiser, bold: true },
      m.status === "completed" && m.completedAt
        ? { main: t("record.module.completed"), sub: day(m.completedAt), color: SUCCESS }
        : { main: t("record.module.inProgress"), sub: `${t("record.col.enrolled")} ${day(m.enrolledAt)}` },
      m.status === "completed" ? { main: n(m.jpCounted), bold: true } : { main: "0", color: MUTED },
      m.certificate
        ? { main: m.certificate.code, sub: m.certificate.revoked ? t("record.certificate.revoked") : formatCalendarDate(m.certificate.completedOn, "id"), color: m.certificate.revoked ? DANGER : INK }
        : { main: none },
    ]);
    if (rows.length) rows.push([{ main: "" }, { main: t("record.modules.total", { year: r.year, jp: n(r.jp.earned) }), bold: true }, { main: "" }, { main: n(r.jp.earned), bold: true }, { main: "" }]);
    section(t("record.modules.title"), cols, rows, t("record.modules.empty", { year: r.year }));
  }

  // Meetings attended
  {
    const w = widths(20, 200, 110, 95, 75);
    const cols: Column[] = [
      { header: t("record.col.no"), width: w[0] }, { header: t("record.col.meeting"), width: w[1] }, { header: t("record.col.date"), width: w[2] },
      { header: t("record.col.recordedBy"), width: w[3] }, { header: t("record.col.agencyAttendance"), width: w[4] },
    ];
    const rows: CellText[][] = r.meetings.map((m, i) => [
      { main: String(i + 1) },
      { main: m.title, sub: t(`meeting.mode.${m.mode}`), bold: true },
      { main: formatCalendarDate(utcToZoned(m.startsAt, m.timeZone).date, "id"), sub: formatTime(m.startsAt, m.timeZone, "id") },
      m.via === "checkIn" && m.checkedInAt
        ? { main: t("record.via.checkIn"), sub: formatTime(m.checkedInAt, m.timeZone, "id") }
        : { main: t("record.via.agencyAttendance") },
      { main: m.agencyAttendance ? t(`attendance.status.${m.agencyAttendance}`) : none },
    ]);
    section(t("record.meetings.title"), cols, rows, t("record.meetings.empty", { year: r.year }), t("record.meetings.note"));
  }

  // Assignments
  {
    const w = widths(20, 170, 95, 95, 82, 48);
    const cols: Column[] = [
      { header: t("record.col.no"), width: w[0] }, { header: t("record.col.assignment"), width: w[1] }, { header: t("record.col.due"), width: w[2] },
      { header: t("record.col.submitted"), width: w[3] }, { header: t("record.col.status"), width: w[4] },
      { header: t("record.col.finalScore"), width: w[5], align: "right" },
    ];
    const tone = { onTime: SUCCESS, late: INK, overdue: DANGER, missing: DANGER, notDue: MUTED } as const;
    const rows: CellText[][] = r.assignments.map((a, i) => [
      { main: String(i + 1) },
      { main: a.title, sub: a.moduleTitle, bold: true },
      { main: dayTime(a.dueAt), sub: a.extended ? t("record.assignment.extended") : undefined },
      { main: a.submittedAt ? dayTime(a.submittedAt) : none },
      { main: t(`record.status.${a.status}`), sub: a.returned ? t("record.assignment.returned") : undefined, color: tone[a.status] },
      { main: a.finalScore != null ? n(a.finalScore) : none, bold: a.finalScore != null },
    ]);
    section(t("record.assignments.title"), cols, rows, t("record.assignments.empty", { year: r.year }), t("record.assignments.note", { year: r.year }));
  }

  // Peer reviews given
  {
    const w = widths(20, 250, 120, 110);
    const cols: Column[] = [
      { header: t("record.col.no"), width: w[0] }, { header: t("record.col.assignment"), width: w[1] }, { header: t("record.col.reviewSent"), width: w[2] },
      { header: t("record.col.helpfulness"), width: w[3] },
    ];
    const rows: CellText[][] = r.reviews.map((v, i) => [
      { main: String(i + 1) },
      { main: v.assignmentTitle, sub: v.moduleTitle, bold: true },
      { main: v.submittedAt ? dayTime(v.submittedAt) : none },
      { main: v.helpfulness != null ? t("record.review.helpfulness", { value: v.helpfulness }) : t("record.review.notRated") },
    ]);
    section(t("record.reviews.title"), cols, rows, t("record.reviews.empty", { year: r.year }));
  }

  // ---- verification note -----------------------------------------------------------------------
  const valid = r.certificates.filter((c) => !c.revoked).length;
  const verifyText = valid ? t("record.pdf.verify", { url: verifyUrl, count: valid }) : t("record.pdf.verifyNone", { url: verifyUrl });
  const verifyLines = wrap(txt(verifyText), regular, 9, CONTENT_W - 24);
  const disclaimerLines = wrap(txt(t("record.pdf.disclaimer"), italic), italic, 8, CONTENT_W - 24);
  const noteH = 26 + verifyLines.length * 12 + disclaimerLines.length * 10 + 6;
  ensure(noteH + 4);
  page.drawRectangle({ x: MARGIN, y: y - noteH, width: CONTENT_W, height: noteH, borderColor: GOLD, borderWidth: 0.8 });
  text(txt(t("record.pdf.verifyTitle"), bold), MARGIN + 12, y - 16, bold, 10, BRAND_DARK);
  let vy = y - 30;
  for (const line of verifyLines) { text(line, MARGIN + 12, vy, regular, 9, INK); vy -= 12; }
  for (const line of disclaimerLines) { text(line, MARGIN + 12, vy, italic, 8, MUTED); vy -= 10; }
  y -= noteH;

  // ---- footers: now that the page count is known -----------------------------------------------
  const generated = txt(t("record.pdf.generated", { datetime: formatDateTime(now, tz, "id") }));
  for (const [i, p] of pages.entries()) {
    p.drawLine({ start: { x: MARGIN, y: 40 }, end: { x: PAGE_W - MARGIN, y: 40 }, thickness: 0.5, color: LINE });
    p.drawText(generated, { x: MARGIN, y: 28, font: regular, size: 8, color: MUTED });
    const label = txt(t("record.pdf.page", { page: i + 1, pages: pages.length }));
    p.drawText(label, { x: PAGE_W - MARGIN - regular.widthOfTextAtSize(label, 8), y: 28, font: regular, size: 8, color: MUTED });
  }

  // ---- the certificates themselves --------------------------------------------------------------
  for (const bytes of input.certificates) {
    const src = await PDFDocument.load(bytes);
    const copied = await doc.copyPages(src, src.getPageIndices());
    for (const p of copied) doc.addPage(p);
  }

  return doc.save();
}
