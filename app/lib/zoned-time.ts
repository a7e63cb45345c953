// Wall-clock date and time in a named zone <-> UTC instants. A meeting is entered as "18 March,
// 09.00 in WITA" and stored as the UTC instant; the form shows it back in the meeting's own zone.
// Works for any IANA zone (Indonesian zones have no daylight saving, but nothing here assumes it).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

// Zones whose offset from UTC has not changed since 1988 (WIB, WITA, WIT) and UTC: from 1990 on,
// their wall clock follows from the instant by arithmetic, without asking Intl (a page that
// formats a hundred times otherwise spends a large share of its time there).
const FIXED_OFFSET_MINUTES = new Map([["Asia/Jakarta", 420], ["Asia/Pontianak", 420], ["Asia/Makassar", 480], ["Asia/Jayapura", 540], ["UTC", 0]]);
const FIXED_SINCE = Date.UTC(1990, 0, 1);

/** The zone's offset in minutes at that instant when it is one of the fixed zones above, else null. */
export function fixedOffsetMinutes(tz: string, ms: number): number | null {
  const off = FIXED_OFFSET_MINUTES.get(tz);
  return off !== undefined && ms >= FIXED_SINCE ? off : null;
}

function partsIn(tz: string, at: Date) {
  const off = fixedOffsetMinutes(tz, at.getTime());
  if (off !== null) {
    const w = new Date(Math.floor(at.getTime() / 1000) * 1000 + off * 60_000);
    return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() };
  }
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    partsFormatters.set(tz, f);
  }
  const parts = f.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Minutes the zone is ahead of UTC at that instant (WIB: 420). */
export function zoneOffsetMinutes(tz: string, at: Date): number {
  const p = partsIn(tz, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

export const isDateString = (v: string) => {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};
export const isTimeString = (v: string) => TIME_RE.test(v);

/** "2025-03-18" + "09:00" in Asia/Makassar -> 2025-03-18T01:00:00.000Z; null when malformed. */
export function zonedToUtc(date: string, time: string, tz: string): Date | null {
  if (!isDateString(date) || !isTimeString(time)) return null;
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(/[:.]/).map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let ts = naive - zoneOffsetMinutes(tz, new Date(naive)) * 60000;
  // A second pass settles instants next to an offset change (not needed for WIB/WITA/WIT).
  ts = naive - zoneOffsetMinutes(tz, new Date(ts)) * 60000;
  return new Date(ts);
}

/** The wall-clock date ("2025-03-18") and time ("09:00") of an instant in a zone, for forms. */
export function utcToZoned(instant: string | Date, tz: string): { date: string; time: string } {
  const p = partsIn(tz, typeof instant === "string" ? new Date(instant) : instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}
