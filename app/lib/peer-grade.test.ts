import { describe, expect, it } from "vitest";
import { agreement, combineGrade, isGenericComment, median, medianLevels, reviewerGrade, reviewFlags } from "./peer-grade";

describe("median", () => {
  it("takes the middle, or the mean of the two middles", () => {
    expect(median([])).toBeNull();
    expect(median([70])).toBe(70);
    expect(median([90, 60, 75])).toBe(75);
    expect(median([60, 90, 70, 80])).toBe(75);
  });
});

describe("combineGrade", () => {
  it("weights the fasilitator 60 % and the median of peers 40 % by default", () => {
    // peers 60, 80, 95 → median 80; 0.6 × 70 + 0.4 × 80 = 74
    expect(combineGrade(70, [60, 95, 80])).toBe(74);
  });
  it("uses the peers alone only when there is no fasilitator grade, and the fasilitator alone without peers", () => {
    expect(combineGrade(null, [60, 80])).toBe(70);
    expect(combineGrade(82.5, [])).toBe(82.5);
    expect(combineGrade(null, [])).toBeNull();
  });
  it("honours other weights and an override", () => {
    expect(combineGrade(70, [90], { facilitator: 50, peers: 50 })).toBe(80);
    expect(combineGrade(70, [90], undefined, 65)).toBe(65);
  });
});

describe("agreement and reviewer grade", () => {
  const others = [{ judul: 3, teras: 2 }, { judul: 3, teras: 4 }, { judul: 4, teras: 3 }];
  it("is 100 at the consensus and falls by a third per level of mean distance", () => {
    expect(medianLevels(others)).toEqual({ judul: 3, teras: 3 });
    expect(agreement({ judul: 3, teras: 3 }, others)).toBe(100);
    expect(agreement({ judul: 4, teras: 2 }, others)).toBe(66.7);
    expect(agreement({ judul: 1, teras: 1 }, others)).toBe(33.3);
    expect(agreement({ judul: 3 }, [])).toBeNull();
  });
  it("combines agreement (70 %) and helpfulness (30 %)", () => {
    // agreement mean 80; helpfulness mean 4 → 75; 0.7 × 80 + 0.3 × 75 = 78.5
    expect(reviewerGrade([100, 60], [4, 5, 3])).toBe(78.5);
    expect(reviewerGrade([null], [5])).toBe(100);
    expect(reviewerGrade([90], [])).toBe(90);
    expect(reviewerGrade([], [])).toBeNull();
  });
});

describe("flags", () => {
  it("knows a stock phrase from advice", () => {
    for (const c of ["Bagus", "sudah baik.", "Mantap!", "", null, "oke sip", "kurang lengkap"]) expect(isGenericComment(c)).toBe(true);
    expect(isGenericComment("Teras belum menyebut kapan peluncuran; pindahkan tanggal ke kalimat pertama.")).toBe(false);
  });
  it("flags a review more than one level from the others on a criterion, and one with only generic comments", () => {
    const others = [{ judul: 3, teras: 3 }, { judul: 3, teras: 2 }];
    expect(reviewFlags({ judul: 1, teras: 3 }, others, "Judul perlu kata kerja aktif dan nama instansi di depan.", [])).toEqual(["disagrees"]);
    expect(reviewFlags({ judul: 2, teras: 3 }, others, "Sudah baik.", ["bagus", null])).toEqual(["generic"]);
    expect(reviewFlags({ judul: 3, teras: 3 }, others, "Bagus", ["Angka cakupan 212 posyandu belum disebut sumbernya."])).toEqual([]);
  });
});
