import { describe, expect, it } from "vitest";
import { markSegments } from "./text-marks";

describe("markSegments", () => {
  it("splits at every range edge, with overlapping ranges covering the shared part", () => {
    const s = markSegments("abcdefghij", [{ n: 1, start: 2, end: 6 }, { n: 2, start: 4, end: 8 }]);
    expect(s).toEqual([
      { text: "ab", covering: [], endingHere: [] },
      { text: "cd", covering: [1], endingHere: [] },
      { text: "ef", covering: [1, 2], endingHere: [1] },
      { text: "gh", covering: [2], endingHere: [2] },
      { text: "ij", covering: [], endingHere: [] },
    ]);
    expect(s.map((x) => x.text).join("")).toBe("abcdefghij");
  });
  it("ignores ranges outside the text or empty", () => {
    expect(markSegments("abc", [{ n: 1, start: 2, end: 9 }, { n: 2, start: 1, end: 1 }])).toEqual([{ text: "abc", covering: [], endingHere: [] }]);
    expect(markSegments("", [])).toEqual([]);
  });
});
