// A reporting period in words ("Triwulan IV 2026 (1 Okt – 31 Des 2026)") and the choices of the
// period picker. Pure (browser and server): the dashboard, the scorecards and their print headers.
import type { T } from "~/i18n";
import { formatCalendarMonth, formatCalendarRange, type Locale } from "~/i18n/format";
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from "./period";

const ROMAN = ["I", "II", "III", "IV"];

/** "November 2026", "Triwulan IV 2026", "Tahun 2026", "1 Jan – 14 Feb 2026". */
export function periodName(p: Period, t: T, locale: Locale): string {
  const year = p.from.slice(0, 4);
  switch (p.kind) {
    case "month":
      return formatCalendarMonth(p.from, locale);
    case "quarter":
      return t("report.period.quarter", { q: ROMAN[Math.floor((Number(p.from.slice(5, 7)) - 1) / 3)], year });
    case "year":
      return t("report.period.year", { year });
    case "custom":
      return t("report.period.custom", { range: formatCalendarRange(p.from, p.to, locale) });
  }
}

/** The name with its dates: "Triwulan IV 2026 (1 Okt – 31 Des 2026)". */
export function periodLabel(p: Period, t: T, locale: Locale): string {
  if (p.kind === "custom") return periodName(p, t, locale);
  return t("report.period.withRange", { name: periodName(p, t, locale), range: formatCalendarRange(p.from, p.to, locale) });
}

export interface PeriodChoices {
  months: Period[];
  quarters: Period[];
  years: Period[];
}

/** Newest first: the months of this year and last year, the quarters of three years, six years. */
export function periodChoices(today: string): PeriodChoices {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const months: Period[] = [];
  for (let yy = y, mm = m; months.length < m + 12; ) {
    months.push(monthPeriod(yy, mm));
    if (--mm === 0) { mm = 12; yy--; }
  }
  const quarters: Period[] = [];
  for (let yy = y, q = Math.ceil(m / 3); quarters.length < Math.ceil(m / 3) + 8; ) {
    quarters.push(quarterPeriod(yy, q));
    if (--q === 0) { q = 4; yy--; }
  }
  const years = Array.from({ length: 6 }, (_, i) => yearPeriod(y - i)).filter((p) => Number(p.key) >= 2000);
  return { months, quarters, years };
}
