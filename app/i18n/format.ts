// The one way to format dates, times and numbers: Intl with locale id-ID (or en-GB when the user
// chose English). Every time carries its zone: WIB, WITA or WIT for Indonesian zones.
import { fixedOffsetMinutes } from "~/lib/zoned-time";

export type Locale = "id" | "en";

const intlLocale = (locale: Locale) => (locale === "en" ? "en-GB" : "id-ID");

// Building an Intl formatter costs far more than using one; list pages format hundreds of dates.
// The option sets are named so that finding a cached formatter is a string lookup.
const DATE_STYLES = {
  offset: { timeZoneName: "shortOffset" },
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  short: { day: "numeric", month: "short", year: "numeric" },
  calendar: { day: "numeric", month: "long", year: "numeric" },
  month: { month: "long", year: "numeric" },
  clock: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  monthName: { month: "short" },
  monthShort: { month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();
// The server's ICU and the browser's do not space alike: Node writes "1 Okt\u2009–\u20093 Des"
// where Chromium writes plain spaces, and text that differs between the server's HTML and the
// browser's render fails hydration (React then throws the page away and draws it again). Every date
// text leaves here with plain spaces, so both sides write the same.
const plainSpaces = (s: string) => s.replace(/[\u2009\u202f]/g, " ");
function dtf(locale: Locale, tz: string, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${tz}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { ...DATE_STYLES[style], timeZone: tz });
    formatters.set(key, f);
  }
  return f;
}
const numberFormatters = new Map<string, Intl.NumberFormat>();

export const INDONESIAN_ZONES = [
  { tz: "Asia/Jakarta", abbr: "WIB" },
  { tz: "Asia/Pontianak", abbr: "WIB" },
  { tz: "Asia/Makassar", abbr: "WITA" },
  { tz: "Asia/Jayapura", abbr: "WIT" },
] as const;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** WIB / WITA / WIT for Indonesian zones; otherwise the short offset name ("GMT+10"). */
export function zoneAbbr(tz: string, at: Date = new Date()): string {
  const known = INDONESIAN_ZONES.find((z) => z.tz === tz);
  if (known) return known.abbr;
  const offset = dtf("en", tz, "offset")
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  // Other Indonesian-offset zones (e.g. Asia/Ujung_Pandang) still read as WIB/WITA/WIT.
  if (offset === "GMT+7") return "WIB";
  if (offset === "GMT+8") return "WITA";
  if (offset === "GMT+9") return "WIT";
  return offset ?? tz;
}

const toDate = (v: string | Date) => (typeof v === "string" ? new Date(v) : v);

// A day's date, or a minute's clock time, is asked for again and again (every row of a list shows
// one): in the fixed-offset zones (WIB, WITA, WIT, UTC) the local day or minute follows from the
// instant by arithmetic, so Intl formats each one once and later calls are a lookup. Intl's own
// answer is what is kept, so the text is exactly what it was. Calendar texts (below) are kept the same way.
const formatted = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let s = formatted.get(key);
  if (s === undefined) {
    s = make();
    if (formatted.size >= 5000) formatted.clear();
    formatted.set(key, s);
  }
  return s;
}
function formatInZone(locale: Locale, tz: string, style: "long" | "short" | "clock", d: Date): string {
  const ms = d.getTime();
  const off = fixedOffsetMinutes(tz, ms);
  if (off === null) return plainSpaces(dtf(locale, tz, style).format(d));
  const local = ms + off * 60_000;
  // the clock depends on the minute of the day only; a date style on the day only
  const unit = style === "clock" ? Math.floor(local / 60_000) % 1440 : Math.floor(local / 86_400_000);
  return remembered(`${locale}|${style}|${unit}`, () => plainSpaces(dtf(locale, tz, style).format(d)));
}

export function formatDate(v: string | Date, tz: string, locale: Locale = "id"): string {
  return formatInZone(locale, tz, "long", toDate(v));
}

export function formatShortDate(v: string | Date, tz: string, locale: Locale = "id"): string {
  return formatInZone(locale, tz, "short", toDate(v));
}

/** A calendar date ("2026-11-16", already in its own zone) as "16 November 2026". */
export function formatCalendarDate(date: string, locale: Locale = "id"): string {
  return remembered(`${locale}|calendar|${date}`, () => plainSpaces(dtf(locale, "UTC", "calendar").format(new Date(`${date}T12:00:00Z`))));
}

// Calendar dates (no time, no zone) read the same every time: a report page writes dozens of
// months and periods (the period form, the charts), so each is formatted once (`remembered`).

/** Two calendar dates as one range: "1 Okt – 31 Des 2026", "1 Okt 2025 – 14 Feb 2026". */
export function formatCalendarRange(from: string, to: string, locale: Locale = "id"): string {
  return remembered(`${locale}|range|${from}|${to}`, () => plainSpaces(dtf(locale, "UTC", "short").formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`))));
}

/** A calendar month ("2026-11-01") as "November 2026". */
export function formatCalendarMonth(date: string, locale: Locale = "id"): string {
  return remembered(`${locale}|month|${date}`, () => plainSpaces(dtf(locale, "UTC", "month").format(new Date(`${date}T12:00:00Z`))));
}

/** A calendar month ("2026-12-01") abbreviated, for chart axes: "Des" (name) or "Des 2026" (withYear). */
export function formatShortMonth(date: string, locale: Locale = "id", withYear = false): string {
  const month = date.slice(0, 7);
  return remembered(`${locale}|shortMonth|${month}|${withYear}`, () => plainSpaces(dtf(locale, "UTC", withYear ? "monthShort" : "monthName").format(new Date(`${month}-15T12:00:00Z`))));
}

/** "09.00" in id-ID, "09:00" in en-GB — without the zone. */
export function formatClock(v: string | Date, tz: string, locale: Locale = "id"): string {
  return formatInZone(locale, tz, "clock", toDate(v));
}

/** "09.00 WIB" */
export function formatTime(v: string | Date, tz: string, locale: Locale = "id"): string {
  const d = toDate(v);
  return `${formatClock(d, tz, locale)} ${zoneAbbr(tz, d)}`;
}

/** "Selasa, 18 Maret 2025 09.00 WIB" */
export function formatDateTime(v: string | Date, tz: string, locale: Locale = "id"): string {
  const d = toDate(v);
  return `${formatDate(d, tz, locale)} ${formatTime(d, tz, locale)}`;
}

/** "09.00 WIB (10.00 WITA)": an event's own zone first, the viewer's in brackets when different. */
export function formatTimeForViewer(v: string | Date, eventTz: string, viewerTz: string, locale: Locale = "id"): string {
  const d = toDate(v);
  const own = formatTime(d, eventTz, locale);
  if (zoneAbbr(eventTz, d) === zoneAbbr(viewerTz, d)) return own;
  return `${own} (${formatTime(d, viewerTz, locale)})`;
}

// The separators Intl uses for our two locales ("1.234,5" and "1,234.5"): a page of figures (the
// participation table has a thousand) formats them without Intl, which costs about a microsecond each.
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = { id: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } };

export function formatNumber(n: number, locale: Locale = "id", maxFractionDigits = 1): string {
  // Non-negative finite numbers by hand, rounding the shortest decimal form of the number half away
  // from zero as ICU does (0.35 → "0,4"); anything else (negatives, -0, NaN, exponent forms) by Intl.
  // format.test.ts compares both on thousands of numbers.
  if (n >= 0 && !Object.is(n, -0) && maxFractionDigits >= 0 && maxFractionDigits <= 20) {
    const text = String(n);
    if (!text.includes("e")) {
      const sep = SEPARATORS[locale] ?? SEPARATORS.id;
      const dot = text.indexOf(".");
      let whole = dot < 0 ? text : text.slice(0, dot);
      let fraction = dot < 0 ? "" : text.slice(dot + 1);
      if (fraction.length > maxFractionDigits) {
        const up = fraction.charCodeAt(maxFractionDigits) >= 53; // "5"
        fraction = fraction.slice(0, maxFractionDigits);
        if (up) {
          const digits = (whole + fraction).split("");
          let i = digits.length - 1;
          while (i >= 0 && digits[i] === "9") digits[i--] = "0";
          if (i < 0) digits.unshift("1");
          else digits[i] = String(Number(digits[i]) + 1);
          whole = digits.slice(0, digits.length - fraction.length).join("");
          fraction = digits.slice(digits.length - fraction.length).join("");
        }
      }
      let end = fraction.length;
      while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
      fraction = fraction.slice(0, end);
      let grouped = whole;
      if (whole.length > 3) {
        grouped = whole.slice(0, whole.length % 3 || 3);
        for (let i = grouped.length; i < whole.length; i += 3) grouped += sep.group + whole.slice(i, i + 3);
      }
      return fraction ? grouped + sep.decimal + fraction : grouped;
    }
  }
  const key = `${locale}|${maxFractionDigits}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits });
    numberFormatters.set(key, f);
  }
  return f.format(n);
}

/** NIP encodes birth date and gender: show only the last four digits. */
export function maskNip(nip: string | null | undefined): string {
  if (!nip) return "";
  const digits = nip.replace(/\s+/g, "");
  if (digits.length <= 4) return "•".repeat(digits.length);
  return `${"•".repeat(digits.length - 4)}${digits.slice(-4)}`;
}
