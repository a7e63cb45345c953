import { describe, expect, it } from "vitest";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import {
  formatCalendarDate, formatCalendarMonth, formatCalendarRange, formatClock, formatDate, formatDateTime, formatNumber, formatShortDate, formatShortMonth, type Locale,
} from "./format";

const reference = new Map<string, Intl.DateTimeFormat>();
const intl = (locale: Locale, tz: string, options: Intl.DateTimeFormatOptions, d: Date) => {
  const key = `${locale}|${tz}|${JSON.stringify(options)}`;
  if (!reference.has(key)) reference.set(key, new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { ...options, timeZone: tz }));
  return reference.get(key)!.format(d);
};

// A spread of instants from 1990 to 2040, including midnights and the last minute of a day.
const instants = (() => {
  const out: Date[] = [];
  let x = 12345;
  for (let i = 0; i < 300; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(new Date(Date.UTC(1990, 0, 1) + (x / 2 ** 31) * 50 * 365.25 * 86_400_000));
  }
  out.push(new Date("2026-03-17T17:00:00.000Z"), new Date("2026-03-17T16:59:59.999Z"), new Date("2026-12-31T15:00:00.000Z"));
  return out;
})();

describe("formatting dates and times", () => {
  it("says exactly what Intl says, in every Indonesian zone and UTC, asked once or many times", () => {
    for (const tz of ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "UTC"]) {
      for (const locale of ["id", "en"] as const) {
        for (let round = 0; round < 2; round++) {
          for (const d of instants) {
            expect(formatDate(d, tz, locale)).toBe(intl(locale, tz, { weekday: "long", day: "numeric", month: "long", year: "numeric" }, d));
            expect(formatShortDate(d.toISOString(), tz, locale)).toBe(intl(locale, tz, { day: "numeric", month: "short", year: "numeric" }, d));
            expect(formatClock(d, tz, locale)).toBe(intl(locale, tz, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, d));
          }
        }
      }
    }
  });

  it("keeps the day apart per zone: 17.00 UTC is already the next day in WIB, WITA and WIT", () => {
    const d = "2026-03-17T17:00:00.000Z";
    expect(`${formatDate(d, "UTC")} ${formatClock(d, "UTC")}`).toBe("Selasa, 17 Maret 2026 17.00");
    expect(formatDateTime(d, "Asia/Jakarta")).toBe("Rabu, 18 Maret 2026 00.00 WIB");
    expect(formatDateTime(d, "Asia/Makassar")).toBe("Rabu, 18 Maret 2026 01.00 WITA");
    expect(formatDateTime(d, "Asia/Jayapura", "en")).toBe("Wednesday, 18 March 2026 02:00 WIT");
  });

  it("asks Intl for zones with daylight saving and for years when Indonesian offsets differed", () => {
    const sydney = [new Date("2026-01-15T13:30:00Z"), new Date("2026-07-15T13:30:00Z")];
    for (const d of sydney) expect(formatClock(d, "Australia/Sydney")).toBe(intl("id", "Australia/Sydney", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, d));
    expect(formatClock(sydney[0], "Australia/Sydney")).not.toBe(formatClock(sydney[1], "Australia/Sydney"));
    const jakarta1960 = new Date("1960-06-01T00:00:00Z"); // WIB was UTC+7:30 then
    expect(formatClock(jakarta1960, "Asia/Jakarta")).toBe(intl("id", "Asia/Jakarta", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, jakarta1960));
    expect(formatCalendarDate("2026-11-16")).toBe("16 November 2026");
    expect(formatCalendarDate("2026-11-16", "en")).toBe("16 November 2026");
  });

  it("converts wall-clock time and instants the same way with and without the fixed-zone shortcut", () => {
    expect(zonedToUtc("2025-03-18", "09:00", "Asia/Makassar")?.toISOString()).toBe("2025-03-18T01:00:00.000Z");
    expect(utcToZoned("2025-03-18T01:00:00.000Z", "Asia/Jayapura")).toEqual({ date: "2025-03-18", time: "10:00" });
    expect(utcToZoned("2025-12-31T17:30:00.000Z", "Asia/Jakarta")).toEqual({ date: "2026-01-01", time: "00:30" });
    expect(zonedToUtc("2026-01-15", "09:00", "Australia/Sydney")?.toISOString()).toBe("2026-01-14T22:00:00.000Z");
    expect(utcToZoned("1960-06-01T00:00:00Z", "Asia/Jakarta")).toEqual({ date: "1960-06-01", time: "07:30" });
  });
});

describe("formatNumber", () => {
  it("writes numbers exactly as Intl does in both locales, without calling it for ordinary figures", () => {
    const samples = [0, 1, 9, 10, 99.95, 100, 999, 1000, 1234.5, 12345.678, 999999.96, 1_000_000, 0.05, 0.25, 0.35, 1.005, 2.675, 81.25, 66.666, 4.5, 123456789012.345, 1e14 + 0.5];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      samples.push((seed % 10_000_000) / [1, 10, 100, 1000, 7][i % 5]);
    }
    for (const locale of ["id", "en"] as const) {
      for (const digits of [0, 1, 2, 3]) {
        const intl = new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: digits });
        for (const n of samples) expect(formatNumber(n, locale, digits), `${n} ${locale} ${digits}`).toBe(intl.format(n));
      }
    }
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(-1234.5)).toBe("-1.234,5");
    expect(formatNumber(-0)).toBe(new Intl.NumberFormat("id-ID").format(-0));
    expect(formatNumber(Number.NaN)).toBe("NaN");
  });
});

describe("date texts are the same on the server and in the browser", () => {
  // Node's ICU spaces a range with thin spaces ("1 Okt\u2009–\u200931 Des"), Chromium's with plain
  // ones: a difference that failed hydration of every report page. Only plain spaces leave format.ts.
  it("writes ranges, months and dates with plain spaces", () => {
    const texts = (["id", "en"] as const).flatMap((l) => [
      formatCalendarRange("2026-10-01", "2026-12-31", l),
      formatCalendarRange("2025-10-01", "2026-02-14", l),
      formatCalendarRange("2026-11-03", "2026-11-09", l),
      formatCalendarMonth("2026-11-01", l),
      formatShortMonth("2026-11-01", l, true),
      formatCalendarDate("2026-11-16", l),
      formatDate("2026-11-16T03:00:00Z", "Asia/Makassar", l),
      formatShortDate("2026-11-16T03:00:00Z", "America/New_York", l),
      formatClock("2026-11-16T03:00:00Z", "Asia/Jayapura", l),
    ]);
    for (const t of texts) expect(t).not.toMatch(/[\u2009\u202f]/);
    expect(formatCalendarRange("2026-10-01", "2026-12-31")).toBe("1 Okt – 31 Des 2026");
  });
});
