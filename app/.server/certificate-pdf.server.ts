// The certificate as a one-page A4 landscape PDF (pdf-lib, standard Helvetica only, so nothing has to
// be embedded but the QR code). Standard fonts speak WinAnsi only: every text goes through `pdfText`,
// which keeps what the font can draw, strips accents it cannot ("ā" → "a"), and drops the rest (emoji)
// instead of throwing. Wording comes from the catalogue in Indonesian: the certificate is an official
// document whatever language the holder reads the app in.
import { PDFDocument, PageSizes, StandardFonts, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from "pdf-lib";
import { makeT } from "~/i18n";
import { formatCalendarDate } from "~/i18n/format";
import { formatCertificateCode, type CertificateRecord } from "~/models/certificate.server";
import { qrPng } from "./qr.server";

const BRAND = rgb(0x16 / 255, 0x4a / 255, 0x70 / 255); // brand-700
const BRAND_DARK = rgb(0x0d / 255, 0x2c / 255, 0x43 / 255); // brand-900
const GOLD = rgb(0xc0 / 255, 0x8a / 255, 0x12 / 255); // accent-500
const INK = rgb(0.11, 0.13, 0.16);
const MUTED = rgb(0.36, 0.4, 0.45);

/** Letters with no decomposition that WinAnsi still lacks, mapped to their nearest plain letter. */
const FALLBACK: Record<string, string> = {
  "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t",
  "ŋ": "ng", "ə": "e", "Ə": "E", "ʼ": "'", "′": "'", "″": "\"", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
};

/** Text the font can draw: kept where possible, transliterated where not, dropped as a last resort. */
export function pdfText(text: string, font: PDFFont): string {
  const charset = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (charset.has(cp)) { out += ch; continue; }
    if (FALLBACK[ch]) { out += FALLBACK[ch]; continue; }
    const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    let mapped = "";
    for (const b of base) if (charset.has(b.codePointAt(0)!)) mapped += b;
    out += mapped;
  }
  return out.replace(/[\t\n\r]+/g, " ").replace(/ {2,}/g, " ").trim();
}

/** Splits text into lines no wider than `width` at `size` (words longer than a line stay whole). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest size ≤ max (≥ min) at which the text fits the width on one line. */
function fitSize(text: string, font: PDFFont, max: number, min: number, width: number): number {
  let size = max;
  while (size > min && font.widthOfTextAtSize(text, size) > width) size -= 0.5;
  return size;
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK, spacing = 0) {
  const { width } = page.getSize();
  const w = font.widthOfTextAtSize(text, size) + spacing * Math.max(0, text.length - 1);
  if (spacing) page.pushOperators(setCharacterSpacing(spacing));
  page.drawText(text, { x: (width - w) / 2, y, font, size, color });
  if (spacing) page.pushOperators(setCharacterSpacing(0));
}

export interface CertificatePdfInput {
  certificate: CertificateRecord;
  /** absolute URL of /verifikasi/<code> */
  verifyUrl: string;
}

export async function certificatePdf({ certificate: c, verifyUrl }: CertificatePdfInput): Promise<Uint8Array> {
  const t = makeT("id");
  const code = formatCertificateCode(c.code);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("certificate.pdf.title")} ${code}`);
  doc.setSubject(t("certificate.pdf.subject", { code }));
  doc.setAuthor(c.organiser);
  doc.setCreator("Sinergi");
  doc.setProducer("Sinergi");
  doc.setLanguage("id-ID");
  doc.setKeywords([code, c.code]);
  doc.setCreationDate(new Date(c.issuedAt));
  doc.setModificationDate(new Date(c.issuedAt));

  const [w, h] = PageSizes.A4;
  const page = doc.addPage([h, w]); // landscape: 841.89 × 595.28
  const { width, height } = page.getSize();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const text = (s: string, f: PDFFont = regular) => pdfText(s, f);

  // Frame: a brand rule and a fine gold one inside it.
  page.drawRectangle({ x: 22, y: 22, width: width - 44, height: height - 44, borderColor: BRAND, borderWidth: 2.5 });
  page.drawRectangle({ x: 31, y: 31, width: width - 62, height: height - 62, borderColor: GOLD, borderWidth: 0.8 });

  const inner = width - 160;
  let y = height - 82;
  for (const line of wrap(text(c.organiser.toUpperCase(), bold), bold, 10.5, inner).slice(0, 2)) {
    centred(page, line, y, bold, 10.5, BRAND, 0.8);
    y -= 14;
  }
  page.drawLine({ start: { x: width / 2 - 40, y: y - 2 }, end: { x: width / 2 + 40, y: y - 2 }, thickness: 1.2, color: GOLD });

  y -= 70;
  centred(page, text(t("certificate.pdf.title").toUpperCase(), bold), y, bold, 42, BRAND_DARK, 7);

  y -= 46;
  centred(page, text(t("certificate.pdf.givenTo")), y, regular, 13, MUTED);

  const name = text(c.holderName, bold);
  const nameSize = fitSize(name, bold, 30, 16, inner);
  y -= 46;
  centred(page, name, y, bold, nameSize, INK);
  page.drawLine({ start: { x: width / 2 - 180, y: y - 10 }, end: { x: width / 2 + 180, y: y - 10 }, thickness: 0.6, color: GOLD });

  if (c.agencyName) {
    y -= 30;
    const agency = text(c.agencyName);
    centred(page, agency, y, regular, fitSize(agency, regular, 14, 9, inner), MUTED);
  }

  y -= 38;
  centred(page, text(t("certificate.pdf.completed")), y, regular, 13, MUTED);

  const title = text(c.moduleTitle, bold);
  const titleSize = wrap(title, bold, 20, inner).length > 2 ? 16 : 20;
  y -= 30;
  for (const line of wrap(title, bold, titleSize, inner).slice(0, 3)) {
    centred(page, line, y, bold, titleSize, BRAND);
    y -= titleSize + 6;
  }

  y -= 10;
  centred(page, text(t("certificate.pdf.hours", { jp: c.jp }), bold), y, bold, 13, INK);
  y -= 19;
  const period = t("certificate.pdf.period", { start: formatCalendarDate(c.startsOn, "id"), end: formatCalendarDate(c.completedOn, "id") });
  centred(page, text(period), y, regular, 12, MUTED);

  // Foot: the QR code and how to verify on the left, issue details on the right.
  const qr = await doc.embedPng(await qrPng(verifyUrl, 360));
  const qrSize = 78;
  const footY = 52;
  page.drawImage(qr, { x: 58, y: footY, width: qrSize, height: qrSize });
  const fx = 58 + qrSize + 14;
  page.drawText(text(t("certificate.pdf.verifyHint")), { x: fx, y: footY + qrSize - 12, font: regular, size: 9.5, color: MUTED });
  page.drawText(text(verifyUrl), { x: fx, y: footY + qrSize - 27, font: regular, size: 9.5, color: BRAND });
  page.drawText(text(t("certificate.pdf.codeLabel")), { x: fx, y: footY + 18, font: regular, size: 9.5, color: MUTED });
  page.drawText(code, { x: fx, y: footY, font: bold, size: 15, color: INK });

  const right = width - 58;
  const issued = text(t("certificate.pdf.issued", { date: formatCalendarDate(c.completedOn, "id") }));
  page.drawText(issued, { x: right - regular.widthOfTextAtSize(issued, 9.5), y: footY + 18, font: regular, size: 9.5, color: MUTED });
  const note = text(t("certificate.pdf.electronic"));
  page.drawText(note, { x: right - regular.widthOfTextAtSize(note, 8.5), y: footY, font: regular, size: 8.5, color: MUTED });

  return doc.save();
}
