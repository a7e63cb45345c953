import { describe, expect, it } from "vitest";
import { checkGradeInput } from "./assignment";
import { criteriaSchema, validateCriteria, weightedScore, type CriterionInput } from "./rubric";

// The library's Siaran Pers rubric (DOMAIN.md): weights 10, 20, 15, 10, 15, 10, 10, 10.
const SIARAN_PERS = [
  ["judul", 10], ["teras", 20], ["5w1h", 15], ["piramida", 10], ["akurasi", 15], ["nilai", 10], ["bahasa", 10], ["admin", 10],
].map(([id, weight]) => ({ id: String(id), weight: Number(weight) }));
const levels = (...ls: number[]) => Object.fromEntries(SIARAN_PERS.map((c, i) => [c.id, ls[i]]));
const crit = (title: string, weight: number): CriterionInput => ({ title, weight, levels: ["Kurang", "Cukup", "Baik", "Sangat baik"] });

describe("weightedScore", () => {
  it("scores a siaran pers: level ℓ earns ℓ/4 of the weight", () => {
    // judul 4 → 10; teras 3 → 15; 5W+1H 3 → 11,25; piramida 2 → 5; akurasi 4 → 15; nilai berita 3 → 7,5;
    // bahasa 2 → 5; administratif 4 → 10: 78,75 of 100
    expect(weightedScore(SIARAN_PERS, levels(4, 3, 3, 2, 4, 3, 2, 4))).toBe(78.75);
  });

  it("runs from 25 (all level 1) to 100 (all level 4)", () => {
    expect(weightedScore(SIARAN_PERS, levels(4, 4, 4, 4, 4, 4, 4, 4))).toBe(100);
    expect(weightedScore(SIARAN_PERS, levels(1, 1, 1, 1, 1, 1, 1, 1))).toBe(25);
  });

  it("counts a criterion without a level as 0 and refuses a level outside 1..4", () => {
    expect(weightedScore(SIARAN_PERS, { teras: 4 })).toBe(20);
    expect(() => weightedScore(SIARAN_PERS, { judul: 7 })).toThrow(RangeError);
  });
});

describe("validateCriteria", () => {
  it("accepts weights adding up to exactly 100", () => {
    expect(validateCriteria([crit("Judul", 40), crit("Teras", 60)])).toEqual({ ok: true, total: 100 });
  });

  it("refuses weights that do not add up, saying the current total", () => {
    const r = validateCriteria([crit("Judul", 40), crit("Teras", 50)]);
    expect(r).toMatchObject({ ok: false, total: 90, issues: [{ key: "rubric.weightsNot100" }] });
  });

  it("refuses no criteria, more than 12, non-integer or out-of-range weights and missing descriptors", () => {
    expect(validateCriteria([])).toMatchObject({ ok: false, issues: [{ key: "rubric.noCriteria" }] });
    const thirteen = Array.from({ length: 13 }, (_, i) => crit(`K${i}`, i === 0 ? 40 : 5));
    expect(validateCriteria(thirteen)).toMatchObject({ ok: false, issues: [{ key: "rubric.tooMany" }] });
    const r = validateCriteria([{ ...crit("Judul", 99.5) }, { title: "", weight: 0.5, levels: ["a", "", "c", "d"] }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual(expect.arrayContaining([
        { index: 0, field: "weight", key: "rubric.weightRange" },
        { index: 1, field: "title", key: "form.required" },
        { index: 1, field: "weight", key: "rubric.weightRange" },
        { index: 1, field: "level2", key: "form.required" },
      ]));
    }
  });
});

describe("the criteria editor form", () => {
  const row = (title: string, weight: string) => ({ title, weight, level1: "Kurang", level2: "Cukup", level3: "Baik", level4: "Sangat baik" });

  it("ignores blank rows and turns weights into numbers", () => {
    const r = criteriaSchema.safeParse({ criteria: [row("Judul", "30"), {}, row("Teras", "70"), { title: " ", weight: "" }] });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.criteria.map((c) => [c.title, c.weight])).toEqual([["Judul", 30], ["Teras", 70]]);
  });

  it("reports a problem on the row where it was typed", () => {
    const r = criteriaSchema.safeParse({ criteria: [{}, row("Judul", "30"), row("Teras", "tujuh")] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual(
        expect.arrayContaining([["criteria.2.weight", "rubric.weightRange"]]),
      );
    }
  });
});

describe("checkGradeInput", () => {
  const ids = ["a", "b"];
  it("takes a level 1..4 and an optional comment for each criterion", () => {
    expect(checkGradeInput(ids, { decision: "graded", level: { a: "4", b: "2" }, comment: { a: " Teras kuat ", b: "" } })).toEqual({
      ok: true, value: { decision: "graded", levels: { a: 4, b: 2 }, comments: { a: "Teras kuat" }, feedback: null },
    });
  });
  it("refuses a criterion that is not in the rubric, a level 7, and a grade with a criterion unscored", () => {
    expect(checkGradeInput(ids, { decision: "graded", level: { a: "4", b: "2", forged: "4" } })).toEqual({ ok: false, error: "grading.unknownCriterion" });
    expect(checkGradeInput(ids, { decision: "graded", level: { a: "7", b: "2" } })).toEqual({ ok: false, error: "grading.levelRange" });
    expect(checkGradeInput(ids, { decision: "graded", level: { a: "3" } })).toEqual({ ok: false, error: "grading.levelMissing" });
  });
  it("lets work be returned without levels", () => {
    expect(checkGradeInput(ids, { decision: "returned", feedback: "Teras belum menjawab siapa." })).toMatchObject({ ok: true });
  });
});
