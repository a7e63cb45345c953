import { inflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { enrol, makeModule } from "#tests/helpers/learning-fixtures";
import { testDb } from "#tests/helpers/db";
import { makeAgency, makePerson } from "#seeds/factories";
import { certificatePdf, pdfText } from "~/.server/certificate-pdf.server";
import {
  certificateFor, findCertificateByCode, formatCertificateCode, generateCertificateCode, issueCertificate, normaliseCertificateCode,
} from "./certificate.server";

describe("verification codes", () => {
  it("are 12 Crockford base32 characters, never I, L, O or U, and shown in groups of four", () => {
    const codes = Array.from({ length: 300 }, generateCertificateCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(new Set(codes).size).toBe(300);
    expect(formatCertificateCode("7KQ2M9XD4TPW")).toBe("7KQ2-M9XD-4TPW");
  });

  it("are read back however a person types them", () => {
    expect(normaliseCertificateCode("7KQ2-M9XD-4TPW")).toBe("7KQ2M9XD4TPW");
    expect(normaliseCertificateCode(" 7kq2 m9xd 4tpw ")).toBe("7KQ2M9XD4TPW");
    expect(normaliseCertificateCode("7kq2–m9xd–4tpw")).toBe("7KQ2M9XD4TPW"); // en dashes from a word processor
    expect(normaliseCertificateCode("O0IL-ABCD-EFGH")).toBe("0011ABCDEFGH");
    expect(normaliseCertificateCode("7KQ2-M9XD-4TP")).toBeNull(); // too short
    expect(normaliseCertificateCode("7KQ2-M9XD-4TPU")).toBeNull(); // U is not in the alphabet
    expect(normaliseCertificateCode("<script>alert")).toBeNull();
  });
});

describe("issuing and finding certificates", () => {
  let db: DB;
  let person: string;
  let enrolmentId: string;
  let moduleId: string;
  beforeEach(async () => {
    db = await testDb();
    const agency = await makeAgency(db, { name: "Dinas Komunikasi dan Informatika" });
    person = await makePerson(db, { name: "Dra. Siti Aminah", agencyId: agency });
    const m = await makeModule(db, { title: "Foto Jurnalistik dan Keterangan Foto", jp: 6, cohortTimeZone: "Asia/Makassar", startsOn: "2026-09-14" });
    moduleId = m.moduleId;
    enrolmentId = await enrol(db, m, person, agency);
  });

  it("freezes what the certificate says and never issues two for one enrolment", async () => {
    const first = await issueCertificate(db, enrolmentId, "2026-12-31T16:30:00.000Z"); // 00.30 WITA on 1 January
    expect(first?.created).toBe(true);
    expect(first?.certificate).toMatchObject({ holderName: "Dra. Siti Aminah", agencyName: "Dinas Komunikasi dan Informatika", moduleTitle: "Foto Jurnalistik dan Keterangan Foto", jp: 6, startsOn: "2026-09-14", completedOn: "2027-01-01" });
    await db.updateTable("user").set({ name: "Siti Aminah, S.Sos." }).where("id", "=", person).execute();
    const again = await issueCertificate(db, enrolmentId, "2027-02-01T00:00:00.000Z");
    expect(again?.created).toBe(false);
    expect(again?.certificate.code).toBe(first?.certificate.code);
    expect(again?.certificate.holderName).toBe("Dra. Siti Aminah");
    expect(await db.selectFrom("certificate").select("id").execute()).toHaveLength(1);
    expect(await issueCertificate(db, "no-such-enrolment", "2027-01-01T00:00:00Z")).toBeNull();
  });

  it("is found by its code typed with or without dashes, in lower case, with O for 0", async () => {
    const { certificate } = (await issueCertificate(db, enrolmentId, "2026-11-20T03:00:00Z"))!;
    const code = certificate.code;
    const sloppy = formatCertificateCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    expect((await findCertificateByCode(db, sloppy))?.id).toBe(certificate.id);
    expect((await findCertificateByCode(db, code))?.id).toBe(certificate.id);
    expect(await findCertificateByCode(db, "ZZZZ-ZZZZ-ZZZZ")).toBeNull();
    expect(await findCertificateByCode(db, "bukan kode")).toBeNull();
    expect((await certificateFor(db, moduleId, person))?.id).toBe(certificate.id);
  });
});

/** The text drawn on the PDF's pages (standard fonts write hex strings into Flate streams). */
async function pdfPageText(bytes: Uint8Array): Promise<string> {
  const raw = Buffer.from(bytes).toString("latin1");
  let text = "";
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const end = raw.indexOf("endstream", m.index);
    try {
      const content = inflateSync(Buffer.from(raw.slice(m.index + m[0].length, end), "latin1")).toString("latin1");
      for (const h of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) text += Buffer.from(h[1], "hex").toString("latin1") + "\n";
    } catch {
      /* not a Flate stream (the QR image is) */
    }
  }
  return text;
}

describe("the certificate PDF", () => {
  const base = {
    id: "c1", code: "7KQ2M9XD4TPW", enrolmentId: "e1", userId: "u1", moduleId: "m1",
    holderName: "Dra. Siti Aminah", agencyName: "Dinas Kesehatan Kabupaten Sukamaju", moduleTitle: "Teras Berita dan Judul Aktif",
    jp: 4, startsOn: "2026-10-05", completedOn: "2026-11-21",
    organiser: "Sekretariat Bakohumas Kabupaten Sukamaju (Diskominfo Kabupaten Sukamaju)", issuedAt: "2026-11-21T02:00:00.000Z", revokedAt: null,
  };

  it("is one A4 landscape page carrying the name, module, JP, dates in Indonesian, code and link", async () => {
    const bytes = await certificatePdf({ certificate: base, verifyUrl: "http://localhost:3000/verifikasi/7KQ2-M9XD-4TPW" });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    expect(doc.getSubject()).toContain("7KQ2-M9XD-4TPW");
    const text = await pdfPageText(bytes);
    for (const s of ["SERTIFIKAT", "diberikan kepada", "Dra. Siti Aminah", "Dinas Kesehatan Kabupaten Sukamaju", "telah menyelesaikan modul",
      "Teras Berita dan Judul Aktif", "4 JP (jam pelajaran)", "5 Oktober 2026", "21 November 2026", "7KQ2-M9XD-4TPW",
      "http://localhost:3000/verifikasi/7KQ2-M9XD-4TPW"]) {
      expect(text).toContain(s);
    }
    expect(text).toContain("SEKRETARIAT BAKOHUMAS");
  });

  it("draws names the standard font cannot encode instead of failing", async () => {
    const bytes = await certificatePdf({
      certificate: { ...base, holderName: "Nur Ḥasanah Rāḥmawātī 🎓✨", agencyName: "Biro Humas — “Setda” Łódź", moduleTitle: "Infografis 📊 Berbasis Data" },
      verifyUrl: "http://localhost:3000/verifikasi/7KQ2-M9XD-4TPW",
    });
    const text = await pdfPageText(bytes);
    expect(text).toContain("Nur Hasanah Rahmawati");
    expect(text).toContain("Lódz");
    expect(text).toContain("Infografis Berbasis Data");
  });

  it("keeps what WinAnsi has, strips accents it lacks, drops emoji", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(pdfText("José Müller – “Humas”", font)).toBe("José Müller – “Humas”");
    expect(pdfText("Siti Āminah", font)).toBe("Siti Aminah");
    expect(pdfText("Budi 👍🏽 Santoso", font)).toBe("Budi Santoso");
    expect(pdfText("王小明", font)).toBe("");
  });
});
