import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { excelDate, readXlsx } from "#tests/helpers/xlsx";
import { csvResponse, type ExportColumn, type ExportSheet, xlsxResponse, xlsxStream } from "./table-export.server";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Agency {
  name: string;
  present: number;
  rate: number | null;
  lastMeeting: string | null;
  hours: number;
}

const agencyColumns: ExportColumn<Agency>[] = [
  { header: "Instansi", value: (a) => a.name, width: 40 },
  { header: "Hadir", value: (a) => a.present, format: "integer" },
  { header: "Tingkat kehadiran", value: (a) => a.rate, format: "percent" },
  { header: "Rapat terakhir", value: (a) => a.lastMeeting, format: "date" },
  { header: "Jam pelatihan", value: (a) => a.hours, format: "decimal" },
];

const agencies: Agency[] = [
  { name: `Dinas "Kominfo" & <Statistik> 'Sukamaju' 🎉`, present: 12, rate: 0.857, lastMeeting: "2026-11-03", hours: 7.5 },
  { name: "Bagian Humas Setda — Pemkab Sukamaju (Cipta Karya & Tata Ruang)", present: 0, rate: null, lastMeeting: null, hours: 0 },
  { name: "=HYPERLINK(\"http://evil\")", present: 3, rate: 1, lastMeeting: "2026-02-29", hours: 2.25 },
  { name: "  Ñoño\tkantor\u0007 ", present: -1, rate: Number.NaN, lastMeeting: "2024-02-29", hours: Number.POSITIVE_INFINITY },
];

describe("xlsx export", () => {
  it("round-trips text, numbers, blanks, percentages and dates through a real workbook", async () => {
    const book = readXlsx(await bytesOf(xlsxStream([{ name: "Kehadiran", columns: agencyColumns, rows: agencies }])));
    expect(Object.keys(book)).toEqual(["Kehadiran"]);
    const [header, ...rows] = book.Kehadiran;
    expect(header).toEqual(["Instansi", "Hadir", "Tingkat kehadiran", "Rapat terakhir", "Jam pelatihan"]);
    expect(rows[0]).toEqual([agencies[0].name, 12, 0.857, expect.any(Number), 7.5]);
    expect(excelDate(rows[0][3] as number)).toBe("2026-11-03");
    expect(rows[1]).toEqual([agencies[1].name, 0, null, null, 0]); // blanks are empty cells, not "" or 0
    // Formula-looking text is an inline string, never a formula; an impossible date stays as typed.
    expect(rows[2]).toEqual(['=HYPERLINK("http://evil")', 3, 1, "2026-02-29", 2.25]);
    // Control characters are dropped, tabs and edge spaces kept; NaN and Infinity become blanks.
    expect(rows[3]).toEqual(["  Ñoño\tkantor ", -1, null, expect.any(Number)]);
    expect(excelDate(rows[3][3] as number)).toBe("2024-02-29");
  });

  it("writes number formats, a bold frozen header and column widths", async () => {
    const files = unzipSync(await bytesOf(xlsxStream([{ name: "A", columns: agencyColumns, rows: agencies.slice(0, 1) }])));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    const styles = strFromU8(files["xl/styles.xml"]);
    expect(sheet).toContain('<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="40" customWidth="1"/>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t>Dinas &quot;Kominfo&quot; &amp; &lt;Statistik&gt; &apos;Sukamaju&apos; 🎉</t></is></c>');
    expect(sheet).not.toContain("<f>");
    expect(files["xl/sharedStrings.xml"]).toBeUndefined();

    const xfs = [...styles.matchAll(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/g)][0][1].match(/<xf [^>]*\/>/g)!;
    const fonts = styles.match(/<font>[\s\S]*?<\/font>/g)!;
    const formatOf = (ref: string) => {
      const s = Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
      const id = /numFmtId="(\d+)"/.exec(xfs[s])![1];
      const font = fonts[Number(/fontId="(\d+)"/.exec(xfs[s])![1])];
      return { code: new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]+)"`).exec(styles)?.[1] ?? id, bold: font.includes("<b/>") };
    };
    expect(formatOf("A1")).toEqual({ code: "0", bold: true });
    expect(formatOf("E1").bold).toBe(true);
    expect(formatOf("A2").bold).toBe(false);
    expect(formatOf("B2").code).toBe("1"); // built-in "0"
    expect(formatOf("C2").code).toBe("0.0%");
    expect(formatOf("D2").code).toBe("dd/mm/yyyy");
    expect(formatOf("E2").code).toBe("0.0");
  });

  it("puts a title line above the header and freezes both", async () => {
    const bytes = await bytesOf(
      xlsxStream([{ name: "Q3", title: "Laporan partisipasi 2026-Q3 — dibuat 22 Nov 2026 10.15 WIB", columns: agencyColumns.slice(0, 2), rows: agencies.slice(0, 1) }]),
    );
    expect(readXlsx(bytes).Q3).toEqual([["Laporan partisipasi 2026-Q3 — dibuat 22 Nov 2026 10.15 WIB"], ["Instansi", "Hadir"], [agencies[0].name, 12]]);
    expect(strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"])).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });

  it("contains exactly the package parts a spreadsheet needs, all referring to each other", async () => {
    const sheet = (name: string): ExportSheet<Agency> => ({ name, columns: agencyColumns, rows: agencies.slice(0, 2) });
    const files = unzipSync(await bytesOf(xlsxStream([sheet("Ringkasan"), sheet("Per instansi")])));
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const text = (p: string) => strFromU8(files[p]);
    for (const p of Object.keys(files)) {
      expect(text(p).startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
      expect(wellFormed(text(p)), p).toBe(true);
    }
    const types = text("[Content_Types].xml");
    expect(types).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(types).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    expect(text("_rels/.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"');
    const rels = text("xl/_rels/workbook.xml.rels");
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
    expect(text("xl/workbook.xml")).toContain('<sheets><sheet name="Ringkasan" sheetId="1" r:id="rId1"/><sheet name="Per instansi" sheetId="2" r:id="rId2"/></sheets>');
    // Only the first sheet is selected, or Excel opens with two tabs grouped.
    expect(text("xl/worksheets/sheet2.xml")).not.toContain("tabSelected");
    // Fills 0 and 1 are the reserved none/gray125 pair Excel expects.
    expect(text("xl/styles.xml")).toContain('<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>');
  });

  it("sanitises sheet names to Excel's rules and keeps them unique", async () => {
    const empty = (name: string): ExportSheet => ({ name, columns: [{ header: "x", value: () => 1 }], rows: [] });
    const names = ["Rekap 2026/Q3", "Rekap 2026:Q3", "[Draf]*?", "", "'History'", "Kehadiran per instansi pemerintah daerah", "Kehadiran per instansi pemerintah kota", "rekap 2026-q3"];
    const book = readXlsx(await bytesOf(xlsxStream(names.map(empty))));
    expect(Object.keys(book)).toEqual([
      "Rekap 2026-Q3",
      "Rekap 2026-Q3 (2)",
      "-Draf---",
      "Sheet4",
      "History 5",
      "Kehadiran per instansi pemerint",
      "Kehadiran per instansi peme (2)",
      "rekap 2026-q3 (3)",
    ]);
    for (const name of Object.keys(book)) expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(book["Sheet4"]).toEqual([["x"]]);
  });

  it("reads rows from an async iterable lazily: only what the reader asked for is produced", async () => {
    let produced = 0;
    let closed = false;
    async function* rows() {
      try {
        for (let i = 0; i < 100_000; i++) {
          produced++;
          yield { name: `Instansi ${i}`, present: i, rate: 0.5, lastMeeting: "2026-01-01", hours: 1 };
        }
      } finally {
        closed = true;
      }
    }
    const reader = xlsxStream([{ name: "Besar", columns: agencyColumns, rows: rows() }]).getReader();
    let read = 0;
    while (read < 20_000) read += (await reader.read()).value!.length;
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(20_000);
    await reader.cancel();
    expect(closed).toBe(true); // a cancelled download releases the row source (e.g. a DB cursor)
  });

  it("streams 100,000 rows in well under 5 s without holding them in memory", async () => {
    const ROWS = 100_000;
    async function* rows() {
      for (let i = 0; i < ROWS; i++) {
        yield { name: `Dinas Komunikasi dan Informatika Kabupaten ${i % 514}`, present: i % 40, rate: (i % 100) / 100, lastMeeting: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`, hours: (i % 17) / 4 };
      }
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    let chunks = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const reader = xlsxStream([{ name: "Tahun penuh", columns: agencyColumns, rows: rows() }]).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (++chunks % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    // Wall time suffers when other processes share the cores; the CPU time is what the export costs.
    expect(seconds).toBeLessThan(5);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(2.5);
    expect(bytes).toBeGreaterThan(500_000); // really wrote the rows (≈ 100k × 5 cells, deflated)
    expect((peak - before) / 1024 / 1024).toBeLessThan(60);
  });

  it("errors the stream and logs when the row source throws mid-way", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    function* rows() {
      for (let i = 0; i < 5_000; i++) yield { name: "x".repeat(40), present: i, rate: 0, lastMeeting: null, hours: 0 };
      throw new Error("database went away");
    }
    try {
      await expect(bytesOf(xlsxStream([{ name: "A", columns: agencyColumns, rows: rows() }]))).rejects.toThrow("database went away");
      expect(log).toHaveBeenCalledWith("XLSX export failed while streaming", expect.objectContaining({ message: "database went away" }));
      await expect(csvResponse("a", { name: "A", columns: agencyColumns, rows: rows() }).text()).rejects.toThrow("database went away");
    } finally {
      log.mockRestore();
    }
  });

  it("answers as an attachment with a safe file name and no caching", async () => {
    const res = xlsxResponse("Laporan partisipasi Ñusantara 2026 \"Q3\"", [{ name: "A", columns: agencyColumns, rows: [] }]);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Laporan partisipasi Nusantara 2026 _Q3_.xlsx"; filename*=UTF-8''Laporan%20partisipasi%20%C3%91usantara%202026%20%22Q3%22.xlsx`,
    );
    expect(readXlsx(new Uint8Array(await res.arrayBuffer())).A).toEqual([agencyColumns.map((c) => c.header)]);
    const csv = csvResponse("rekap/../kehadiran.csv", { name: "A", columns: agencyColumns, rows: [] });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="rekap-..-kehadiran.csv"; filename*=UTF-8''rekap-..-kehadiran.csv`);
  });
});

describe("csv export", () => {
  it("writes the exact bytes: BOM, title, ';', quoting, CRLF, decimal commas, neutralised formulas", async () => {
    const res = csvResponse("kehadiran", { name: "A", title: "Rekap; Q3", columns: agencyColumns, rows: agencies });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFF" +
        [
          '"Rekap; Q3"',
          "Instansi;Hadir;Tingkat kehadiran;Rapat terakhir;Jam pelatihan",
          `"Dinas ""Kominfo"" & <Statistik> 'Sukamaju' 🎉";12;85,7%;2026-11-03;7,5`,
          "Bagian Humas Setda — Pemkab Sukamaju (Cipta Karya & Tata Ruang);0;;;0,0",
          `"'=HYPERLINK(""http://evil"")";3;100,0%;2026-02-29;2,3`,
          "  Ñoño\tkantor\u0007 ;-1;;2024-02-29;",
          "",
        ].join("\r\n"),
    );
  });

  it("streams a large sheet in chunks", async () => {
    function* rows() {
      for (let i = 0; i < 20_000; i++) yield { name: `Instansi ${i}`, present: i, rate: 0.25, lastMeeting: "2026-05-01", hours: 1.25 };
    }
    const reader = csvResponse("besar", { name: "A", columns: agencyColumns, rows: rows() }).body!.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(5);
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(20_002);
    expect(lines[20_000]).toBe("Instansi 19999;19999;25,0%;2026-05-01;1,3");
  });
});

describe("readXlsx (test helper)", () => {
  it("reads workbooks from other writers: shared strings, rich text, booleans, formulas, sparse cells", () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(`<workbook ${ns}><sheets><sheet name="Data &amp; Rekap" sheetId="7" r:id="rId3"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId9" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      "xl/sharedStrings.xml": strToU8(`<sst ${ns}><si><t>Instansi</t></si><si><r><t>Dinas </t></r><r><rPr><b/></rPr><t xml:space="preserve">Kominfo</t></r><rPh><t>x</t></rPh></si></sst>`),
      "xl/worksheets/data.xml": strToU8(
        `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c></row>` +
          `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>4.5</v></c><c r="C3" t="str"><f>A3&amp;"!"</f><v>Dinas Kominfo!</v></c><c r="D3" s="1"/></row></sheetData></worksheet>`,
      ),
    });
    expect(readXlsx(bytes)).toEqual({ "Data & Rekap": [["Instansi", null, "TRUE"], [], ["Dinas Kominfo", 4.5, "Dinas Kominfo!", null]] });
  });
});

/** Tags balance and every attribute is quoted — enough to catch a writer that emits broken XML. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, rest] of xml.replace(/^<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:]+)([^>]*)>/g)) {
    if (/=\s*[^"'\s]/.test(rest)) return false;
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!rest.endsWith("/")) stack.push(name);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(xml);
}
