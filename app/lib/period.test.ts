import { describe, expect, it } from "vitest";
import { inPeriod, lastMonths, parsePeriod, periodBoundsAllZones, periodBoundsUtc } from "./period";

const today = "2026-11-22";

describe("parsePeriod", () => {
  it("reads months, quarters, years and custom ranges", () => {
    expect(parsePeriod({ periode: "2026-02" }, today)).toEqual({ ok: true, period: { kind: "month", from: "2026-02-01", to: "2026-02-28", key: "2026-02" } });
    expect(parsePeriod({ periode: "2024-02" }, today)).toMatchObject({ period: { to: "2024-02-29" } });
    expect(parsePeriod({ periode: "2026-Q1" }, today)).toMatchObject({ period: { from: "2026-01-01", to: "2026-03-31" } });
    expect(parsePeriod({ periode: "2026" }, today)).toMatchObject({ period: { from: "2026-01-01", to: "2026-12-31" } });
    expect(parsePeriod({ periode: "kustom", dari: "2026-01-15", sampai: "2026-02-14" }, today)).toMatchObject({ period: { kind: "custom", from: "2026-01-15", to: "2026-02-14" } });
  });
  it("defaults to the current quarter", () => {
    expect(parsePeriod({}, today)).toMatchObject({ period: { key: "2026-Q4", from: "2026-10-01", to: "2026-12-31" } });
  });
  it("refuses inverted, absurd and malformed periods with a reason", () => {
    expect(parsePeriod({ periode: "kustom", dari: "2026-03-01", sampai: "2026-02-01" }, today)).toEqual({ ok: false, error: "period.inverted" });
    expect(parsePeriod({ periode: "kustom", dari: "2001-01-01", sampai: "2026-01-01" }, today)).toEqual({ ok: false, error: "period.tooLong" });
    expect(parsePeriod({ periode: "1999" }, today)).toEqual({ ok: false, error: "period.outOfRange" });
    expect(parsePeriod({ periode: "2099-01" }, today)).toEqual({ ok: false, error: "period.outOfRange" });
    expect(parsePeriod({ periode: "2026-13" }, today)).toEqual({ ok: false, error: "period.invalid" });
    expect(parsePeriod({ periode: "kustom", dari: "2026-02-30", sampai: "2026-03-01" }, today)).toEqual({ ok: false, error: "period.invalid" });
    expect(parsePeriod({ periode: "kemarin" }, today)).toEqual({ ok: false, error: "period.invalid" });
  });
});

describe("zones", () => {
  it("puts a meeting at 23.30 WITA on 31 March in March for a WITA agency, in April for none", () => {
    const march = parsePeriod({ periode: "2026-03" }, today);
    if (!march.ok) throw new Error("unreachable");
    const meeting = "2026-03-31T15:30:00.000Z"; // 23.30 WITA = 22.30 WIB = 00.30 WIT (1 April)
    expect(inPeriod(meeting, "Asia/Makassar", march.period)).toBe(true);
    expect(inPeriod(meeting, "Asia/Jakarta", march.period)).toBe(true);
    expect(inPeriod(meeting, "Asia/Jayapura", march.period)).toBe(false);
  });
  it("gives each zone's bounds, and bounds covering all zones", () => {
    const q = parsePeriod({ periode: "2026-Q1" }, today);
    if (!q.ok) throw new Error("unreachable");
    expect(periodBoundsUtc(q.period, "Asia/Jakarta")).toEqual({ start: "2025-12-31T17:00:00.000Z", end: "2026-03-31T17:00:00.000Z" });
    expect(periodBoundsAllZones(q.period)).toEqual({ start: "2025-12-31T15:00:00.000Z", end: "2026-03-31T17:00:00.000Z" });
  });
  it("lists the last twelve months across a year boundary", () => {
    const months = lastMonths("2026-02-10", 12);
    expect(months.map((m) => m.key)).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
