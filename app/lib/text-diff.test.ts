import { describe, expect, it } from "vitest";
import { diffText, paragraphTokens, wordTokens } from "./text-diff";

const join = (parts: { op: string; text: string }[], keep: string[]) => parts.filter((p) => keep.includes(p.op)).map((p) => p.text).join("");

describe("diffText", () => {
  it("marks inserted and deleted words and keeps the rest equal", () => {
    const d = diffText("Dinas Kesehatan membuka posko vaksin di alun-alun.", "Dinas Kesehatan membuka tiga posko vaksin gratis di alun-alun.");
    expect(d.granularity).toBe("word");
    expect(d.parts.filter((p) => p.op === "insert").map((p) => p.text.trim())).toEqual(["tiga", "gratis"]);
    expect(d.parts.some((p) => p.op === "delete")).toBe(false);
    expect(d.inserted).toBe(2);
    expect(d.deleted).toBe(0);
  });

  it("rebuilds both texts: equal+insert is the new text, equal+delete the old words", () => {
    const before = "Satu dua tiga empat lima enam.";
    const after = "Satu tiga empat tujuh lima enam delapan.";
    const d = diffText(before, after);
    expect(join(d.parts, ["equal", "insert"])).toBe(after);
    expect(join(d.parts, ["equal", "delete"]).split(/\s+/)).toEqual(before.split(/\s+/));
    expect(d.parts.filter((p) => p.op === "delete").map((p) => p.text.trim())).toEqual(["dua", "enam."]);
  });

  it("treats a replaced word as a delete and an insert", () => {
    const d = diffText("Rapat digelar Senin.", "Rapat digelar Selasa.");
    expect(d.parts).toEqual([{ op: "equal", text: "Rapat digelar " }, { op: "delete", text: "Senin." }, { op: "insert", text: "Selasa." }]);
  });

  it("ignores re-wrapping and handles empty texts", () => {
    expect(diffText("a b\nc", "a  b c").parts).toEqual([{ op: "equal", text: "a  b c" }]);
    expect(diffText("", "Baru.").parts).toEqual([{ op: "insert", text: "Baru." }]);
    expect(diffText("Lama.", "").parts).toEqual([{ op: "delete", text: "Lama." }]);
    expect(diffText("", "").parts).toEqual([]);
  });

  it("stays bounded on 3,000-word texts and falls back to paragraphs beyond the budget", () => {
    const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `k${(i * seed) % 997}`).join(" ");
    const before = words(7, 3000);
    const after = words(11, 3000);
    const t0 = Date.now();
    const d = diffText(before, after);
    expect(d.granularity).toBe("word");
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(join(d.parts, ["equal", "insert"])).toBe(after);

    const paraBefore = "Paragraf satu tetap.\n\nParagraf dua lama.\n\nParagraf tiga tetap.";
    const paraAfter = "Paragraf satu tetap.\n\nParagraf dua baru sekali.\n\nParagraf tiga tetap.";
    const p = diffText(paraBefore, paraAfter, 1); // a budget of one cell forces the fallback
    expect(p.granularity).toBe("paragraph");
    expect(p.parts.map((x) => x.op)).toEqual(["equal", "delete", "insert", "equal"]);
    expect(join(p.parts, ["equal", "insert"])).toBe(paraAfter);
  });
});

describe("tokens", () => {
  it("carries whitespace with the word before it", () => {
    expect(wordTokens("  a b\n").map((t) => t.text)).toEqual(["  ", "a ", "b\n"]);
    expect(paragraphTokens("x y\nz\n\nw").map((t) => t.key)).toEqual(["x y\nz", "w"]);
  });
});
