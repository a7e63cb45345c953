// Reporting periods (month, quarter, year, custom) as calendar dates, and which period an instant
// belongs to for a given zone: a meeting at 23.30 WITA on 31 March belongs to March for a WITA
// agency even though it is 22.30 WIB and 15.30 UTC. Pure; used by the participation reports.
import { utcToZoned, zonedToUtc } from "./zoned-time";

export type PeriodKind = "month" | "quarter" | "year" | "custom";
/** Inclusive calendar dates, YYYY-MM-DD. */
export interface Period { kind: PeriodKind; from: string; to: string; key: string }
export type PeriodError = "period.invalid" | "period.inverted" | "period.tooLong" | "period.outOfRange";

const MIN_YEAR = 2000;
const MAX_DAYS = 366 * 5;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1..12
const validDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
};
const dayNumber = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

export function monthPeriod(y: number, m: number): Period {
  return { kind: "month", from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, key: `${y}-${pad(m)}` };
}
export function quarterPeriod(y: number, q: number): Period {
  const m0 = (q - 1) * 3 + 1;
  return { kind: "quarter", from: `${y}-${pad(m0)}-01`, to: `${y}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}`, key: `${y}-Q${q}` };
}
export const yearPeriod = (y: number): Period => ({ kind: "year", from: `${y}-01-01`, to: `${y}-12-31`, key: String(y) });

/**
 * Reads `?periode=2026-03` | `2026-Q1` | `2026` | `kustom&dari=2026-01-15&sampai=2026-02-14`.
 * Nothing given: the current quarter in `tz`. `today` is the current date in that zone.
 */
export function parsePeriod(
  input: { periode?: string | null; dari?: string | null; sampai?: string | null },
  today: string,
): { ok: true; period: Period } | { ok: false; error: PeriodError } {
  const currentYear = Number(today.slice(0, 4));
  const inRange = (y: number) => y >= MIN_YEAR && y <= currentYear + 1;
  const raw = (input.periode ?? "").trim();
  if (!raw) {
    const m = Number(today.slice(5, 7));
    return { ok: true, period: quarterPeriod(currentYear, Math.ceil(m / 3)) };
  }
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})$/.exec(raw))) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (m < 1 || m > 12) return { ok: false, error: "period.invalid" };
    return inRange(y) ? { ok: true, period: monthPeriod(y, m) } : { ok: false, error: "period.outOfRange" };
  }
  if ((match = /^(\d{4})-[Qq]([1-4])$/.exec(raw))) {
    const y = Number(match[1]);
    return inRange(y) ? { ok: true, period: quarterPeriod(y, Number(match[2])) } : { ok: false, error: "period.outOfRange" };
  }
  if ((match = /^(\d{4})$/.exec(raw))) {
    const y = Number(match[1]);
    return inRange(y) ? { ok: true, period: yearPeriod(y) } : { ok: false, error: "period.outOfRange" };
  }
  if (raw === "kustom" || raw === "custom") {
    const from = (input.dari ?? "").trim();
    const to = (input.sampai ?? "").trim();
    if (!validDate(from) || !validDate(to)) return { ok: false, error: "period.invalid" };
    if (!inRange(Number(from.slice(0, 4))) || !inRange(Number(to.slice(0, 4)))) return { ok: false, error: "period.outOfRange" };
    if (from > to) return { ok: false, error: "period.inverted" };
    if (dayNumber(to) - dayNumber(from) > MAX_DAYS) return { ok: false, error: "period.tooLong" };
    return { ok: true, period: { kind: "custom", from, to, key: `${from}_${to}` } };
  }
  return { ok: false, error: "period.invalid" };
}

/** Whether an instant falls in the period by the calendar of `tz`. */
export const inPeriod = (instant: string | Date, tz: string, p: Period) => {
  const d = utcToZoned(instant, tz).date;
  return d >= p.from && d <= p.to;
};

/** The UTC instants [start, end) of the period in one zone. */
export function periodBoundsUtc(p: Period, tz: string): { start: string; end: string } {
  const start = zonedToUtc(p.from, "00:00", tz)!;
  const endDay = new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = zonedToUtc(endDay, "00:00", tz)!;
  return { start: start.toISOString(), end: end.toISOString() };
}

/**
 * Bounds wide enough for every Indonesian zone (from the start in WIT, the earliest, to the end in
 * WIB, the latest): query with these, then keep rows with `inPeriod` in each agency's own zone.
 */
export function periodBoundsAllZones(p: Period): { start: string; end: string } {
  return { start: periodBoundsUtc(p, "Asia/Jayapura").start, end: periodBoundsUtc(p, "Asia/Jakarta").end };
}

/** The `n` months ending with the month of `today`, oldest first (for twelve-month trends). */
export function lastMonths(today: string, n: number): Period[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: Period[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(monthPeriod(y, m));
    m--;
    if (m === 0) { m = 12; y--; }
  }
  return out;
}
