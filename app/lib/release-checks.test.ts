import { describe, expect, it } from "vitest";
import { checkRelease, countWords, hasContactBlock, hasDateline } from "./release-checks";
import { plainToDoc, type RichDoc } from "./rich-text";

const doc = (...blocks: [("h" | "p"), string][]): RichDoc => ({
  type: "doc",
  content: blocks.map(([k, text]) =>
    k === "h" ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] } : { type: "paragraph", content: [{ type: "text", text }] },
  ),
});

const GOOD = doc(
  ["h", "Dinkes Sukamaju Luncurkan Layanan Posyandu Digital di 120 Desa"],
  ["p", "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju meluncurkan layanan Posyandu Digital di 120 desa pada Selasa, 18 Maret 2025, agar ibu dan balita tercatat tanpa antre."],
  ["p", "Layanan ini mencatat penimbangan balita langsung dari ponsel kader. Data terkirim ke puskesmas setiap hari."],
  ["p", "Narahubung: Rina Lestari, Pranata Humas, 0812-3456-7890, rina@dinkes.sukamajukab.go.id"],
);

describe("release pre-checks", () => {
  it("counts words as a reader does", () => {
    expect(countWords("Bupati Sukamaju resmikan  Posyandu – 5W+1H")).toBe(5);
    expect(countWords("   ")).toBe(0);
  });

  it("a well-formed release passes every check", () => {
    const c = checkRelease(GOOD);
    expect(c.hints).toEqual([]);
    expect(c.title).toMatchObject({ words: 9, ok: true });
    expect(c.lead.ok).toBe(true);
    expect(c.dateline).toBe(true);
    expect(c.contact).toBe(true);
    expect(c.wordCount).toBeGreaterThan(40);
  });

  it("the first paragraph is the title when there is no heading", () => {
    const c = checkRelease(plainToDoc("Pemkab Sukamaju Buka 50 Lowongan Kader Posyandu\n\nSukamaju, 2 Mei 2026 – Pemerintah membuka lowongan."));
    expect(c.title.text).toBe("Pemkab Sukamaju Buka 50 Lowongan Kader Posyandu");
    expect(c.lead.text).toMatch(/^Sukamaju, 2 Mei 2026/);
    expect(c.dateline).toBe(true);
  });

  it("a long title and a long lead are hinted, not refused", () => {
    const c = checkRelease(doc(
      ["h", "Dalam Rangka Memperingati Hari Kesehatan Nasional Pemerintah Kabupaten Sukamaju Menyelenggarakan Berbagai Kegiatan Bersama Masyarakat"],
      ["p", "Dalam rangka memperingati Hari Kesehatan Nasional yang jatuh pada tanggal 12 November, Pemerintah Kabupaten Sukamaju melalui Dinas Kesehatan bersama seluruh puskesmas dan kader posyandu menyelenggarakan berbagai kegiatan yang melibatkan masyarakat luas di seluruh kecamatan, mulai dari senam bersama, pemeriksaan kesehatan gratis, hingga lomba balita sehat."],
    ));
    expect(c.title.words).toBe(14);
    expect(c.hints).toEqual(["release.hint.titleLong", "release.hint.leadLong", "release.hint.noDateline", "release.hint.noContact"]);
  });

  it("an empty document hints at everything", () => {
    expect(checkRelease(null).hints).toEqual([
      "release.hint.noTitle", "release.hint.noLead", "release.hint.noDateline", "release.hint.noContact",
    ]);
    expect(checkRelease(plainToDoc("")).wordCount).toBe(0);
  });

  it("recognises datelines in both styles, and only with an Indonesian month name", () => {
    expect(hasDateline("Sukamaju, 18 Maret 2025 – Bupati meresmikan")).toBe(true);
    expect(hasDateline("Kota Sukamaju, Selasa, 18 Maret 2025")).toBe(true);
    expect(hasDateline("SUKAMAJU – Bupati meresmikan jembatan pada Senin (3 Februari 2025).")).toBe(true);
    expect(hasDateline("KOTA SUKAMAJU (ANTARA) - Bupati meresmikan jembatan, 3 Februari 2025.")).toBe(true);
    expect(hasDateline("Sukamaju, 18/3/2025 – Bupati meresmikan")).toBe(false);
    expect(hasDateline("SUKAMAJU – Bupati meresmikan jembatan kemarin.")).toBe(false);
    expect(hasDateline("SUKAMAJU – Dinkes meluncurkan Posyandu Digital, Senin (17/11/2026).")).toBe(true);
    expect(hasDateline("Bupati meresmikan jembatan pada 18 March 2025.")).toBe(false);
  });

  it("a contact block needs a name and a phone or e-mail after Narahubung/Kontak", () => {
    expect(hasContactBlock("Narahubung:\nAgus Santoso (Kabid Humas)\nTelp. +62 811 234 567")).toBe(true);
    expect(hasContactBlock("Kontak Media: Sari Dewi, sari@sukamajukab.go.id")).toBe(true);
    expect(hasContactBlock("Narahubung: Humas Dinkes")).toBe(false);
    expect(hasContactBlock("Hubungi 0812-3456-7890")).toBe(false);
    expect(hasContactBlock("Narahubung: 0812 3456 7890")).toBe(false);
  });
});
