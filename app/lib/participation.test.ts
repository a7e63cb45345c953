import { describe, expect, it } from "vitest";
import { absentTwiceInARow, attendanceRate, checkWeights, DEFAULT_WEIGHTS, longestAbsenceRun, participationIndex, rank } from "./participation";

describe("attendance", () => {
  it("counts present and represented as attended, over meetings held", () => {
    expect(attendanceRate(["present", "represented", "absent", "excused", null])).toBe(0.5);
    expect(attendanceRate([null, null])).toBeNull();
  });
  it("flags two absences in a row; an excused meeting breaks the run, one not held does not", () => {
    expect(absentTwiceInARow(["present", "absent", "absent", "present"])).toBe(true);
    expect(absentTwiceInARow(["absent", "excused", "absent"])).toBe(false);
    expect(absentTwiceInARow(["absent", null, "absent"])).toBe(true);
    expect(longestAbsenceRun(["absent", "absent", "absent", "present", "absent"])).toBe(3);
  });
});

describe("participation index", () => {
  it("weights the component rates and leaves out what did not happen", () => {
    // all six at the default weights 30/10/20/20/10/10
    expect(participationIndex({ attendance: 1, rsvp: 1, followUps: 0.5, submissions: 0.75, reviews: 0, jp: 0.4 })).toBe(69);
    // no follow-ups and nobody enrolled: attendance 30 and rsvp 10 count alone → (0.8×30 + 1×10) / 40
    expect(participationIndex({ attendance: 0.8, rsvp: 1, followUps: null })).toBe(85);
    expect(participationIndex({})).toBeNull();
  });
  it("takes other weights when they add up to 100, and says the total when they do not", () => {
    expect(checkWeights({ ...DEFAULT_WEIGHTS, attendance: 50, rsvp: 0, followUps: 10 })).toMatchObject({ ok: true });
    expect(checkWeights({ ...DEFAULT_WEIGHTS, attendance: 40 })).toEqual({ ok: false, total: 110 });
    expect(checkWeights({ ...DEFAULT_WEIGHTS, jp: "x" })).toMatchObject({ ok: false });
    const onlyAttendance = { attendance: 100, rsvp: 0, followUps: 0, submissions: 0, reviews: 0, jp: 0 };
    expect(participationIndex({ attendance: 0.5, rsvp: 1 }, onlyAttendance)).toBe(50);
  });
  it("ranks with shared places for ties, agencies without an index last", () => {
    const ranked = rank([{ a: "A", i: 70 }, { a: "B", i: 90 }, { a: "C", i: null }, { a: "D", i: 70 }, { a: "E", i: 60 }], (r) => r.i);
    expect(ranked.map((r) => [r.a, r.rank])).toEqual([["B", 1], ["A", 2], ["D", 2], ["E", 4], ["C", null]]);
  });
});
