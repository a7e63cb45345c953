// Recurring meetings, in terms both the browser and the server understand: the recurrence rule,
// the pure date generator `occurrences(rule, from, to)`, and the series form's zod schema. Dates
// are calendar dates ("2026-01-05") in the series' own zone; times are wall-clock ("10:00").
import { z } from "zod";
import { MEETING_KINDS, MEETING_MODES, MEETING_ZONES, REMINDER_LEADS, isHttpsUrl, needsJoinUrl, needsVenue } from "./meeting";
import { oneOf, optionalText, requiredText } from "./validation";
import { isDateString, isTimeString, zonedToUtc } from "./zoned-time";

export const RECURRENCES = ["weekly", "monthly_date", "monthly_weekday"] as const;
export type Recurrence = (typeof RECURRENCES)[number];
/** 1..4 = first..fourth, -1 = last */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const; // Monday first, as Indonesian calendars show it
/** Occurrences are created this far ahead (and topped up daily / when a list is viewed). */
export const SERIES_HORIZON_DAYS = 92;
/** A series may run at most this long. */
export const SERIES_MAX_DAYS = 3 * 366;

export interface RecurrenceRule {
  recurrence: Recurrence;
  /** 0 = Sunday … 6 = Saturday (weekly, monthly_weekday) */
  weekday?: number | null;
  /** 1..4, or -1 for the last (monthly_weekday) */
  weekOfMonth?: number | null;
  /** 1..31, clamped to the month's length (monthly_date) */
  dayOfMonth?: number | null;
  startsOn: string;
  untilDate?: string | null;
}

const DAY = 86_400_000;
const parse = (d: string) => {
  const [y, m, day] = d.split("-").map(Number);
  return Date.UTC(y, m - 1, day);
};
const fmt = (ts: number) => new Date(ts).toISOString().slice(0, 10);
const daysInMonth = (y: number, m0: number) => new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  return fmt(parse(date) + days * DAY);
}

export function weekdayOf(date: string): number {
  return new Date(parse(date)).getUTCDay();
}

/** The nth (1..5) or last (-1) given weekday of a month; null when the month has no such day. */
export function nthWeekdayOfMonth(year: number, month0: number, weekday: number, n: number): string | null {
  if (n === -1) {
    const last = daysInMonth(year, month0);
    const lastDow = new Date(Date.UTC(year, month0, last)).getUTCDay();
    return fmt(Date.UTC(year, month0, last - ((lastDow - weekday + 7) % 7)));
  }
  const firstDow = new Date(Date.UTC(year, month0, 1)).getUTCDay();
  const day = 1 + ((weekday - firstDow + 7) % 7) + (n - 1) * 7;
  return day <= daysInMonth(year, month0) ? fmt(Date.UTC(year, month0, day)) : null;
}

/**
 * Every date of the rule within [from, to] (inclusive), also bounded by the rule's own start and
 * until dates, in order. Pure: the same input always gives the same dates.
 */
export function occurrences(rule: RecurrenceRule, from: string, to: string): string[] {
  const lo = from > rule.startsOn ? from : rule.startsOn;
  const hi = rule.untilDate && rule.untilDate < to ? rule.untilDate : to;
  if (lo > hi) return [];
  const out: string[] = [];
  if (rule.recurrence === "weekly") {
    const weekday = rule.weekday ?? weekdayOf(rule.startsOn);
    let d = addDays(lo, (weekday - weekdayOf(lo) + 7) % 7);
    while (d <= hi) {
      out.push(d);
      d = addDays(d, 7);
    }
    return out;
  }
  const [ly, lm] = lo.split("-").map(Number);
  const [hy, hm] = hi.split("-").map(Number);
  for (let y = ly, m0 = lm - 1; y < hy || (y === hy && m0 <= hm - 1); m0 === 11 ? (y++, (m0 = 0)) : m0++) {
    let d: string | null;
    if (rule.recurrence === "monthly_date") {
      const want = rule.dayOfMonth ?? Number(rule.startsOn.slice(8, 10));
      d = fmt(Date.UTC(y, m0, Math.min(want, daysInMonth(y, m0))));
    } else {
      const weekday = rule.weekday ?? weekdayOf(rule.startsOn);
      d = nthWeekdayOfMonth(y, m0, weekday, rule.weekOfMonth ?? 1);
    }
    if (d && d >= lo && d <= hi) out.push(d);
  }
  return out;
}

const int = (msg = "form.invalidChoice") =>
  z.number({ required_error: "form.required", invalid_type_error: msg }).int(msg);

/** The series form (create). `today` is the series zone's date the start may not precede. */
export function seriesSchema(opts: { today?: string } = {}) {
  return z
    .object({
      title: requiredText(200),
      kind: oneOf([...MEETING_KINDS]),
      mode: oneOf([...MEETING_MODES]),
      venue: optionalText(300),
      joinUrl: z.string().trim().max(500, "form.tooLong").optional().refine((v) => !v || isHttpsUrl(v), "meeting.joinUrlInvalid"),
      timeZone: oneOf([...MEETING_ZONES]),
      recurrence: oneOf([...RECURRENCES]),
      weekday: int().min(0, "form.invalidChoice").max(6, "form.invalidChoice").optional(),
      weekOfMonth: int().refine((v) => (WEEKS_OF_MONTH as readonly number[]).includes(v), "form.invalidChoice").optional(),
      dayOfMonth: int("series.dayOfMonthInvalid").min(1, "series.dayOfMonthInvalid").max(31, "series.dayOfMonthInvalid").optional(),
      startTime: z.string({ required_error: "form.required" }).trim().refine(isTimeString, "meeting.timeInvalid"),
      durationMinutes: int("series.durationInvalid").min(15, "series.durationInvalid").max(12 * 60, "series.durationInvalid"),
      startsOn: z.string({ required_error: "form.required" }).trim().refine(isDateString, "meeting.dateInvalid"),
      untilDate: z.string().trim().refine(isDateString, "meeting.dateInvalid").optional(),
      description: z.string().max(200_000, "form.tooLong").optional(),
      reminderLeadMinutes: z
        .number({ required_error: "form.required", invalid_type_error: "form.invalidChoice" })
        .refine((v) => (REMINDER_LEADS as readonly number[]).includes(v), "form.invalidChoice"),
      inviteAll: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      if (needsVenue(v.mode) && !v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "meeting.venueRequired" });
      if (needsJoinUrl(v.mode) && !v.joinUrl) ctx.addIssue({ code: "custom", path: ["joinUrl"], message: "meeting.joinUrlRequired" });
      if ((v.recurrence === "weekly" || v.recurrence === "monthly_weekday") && v.weekday === undefined) {
        ctx.addIssue({ code: "custom", path: ["weekday"], message: "form.required" });
      }
      if (v.recurrence === "monthly_weekday" && v.weekOfMonth === undefined) {
        ctx.addIssue({ code: "custom", path: ["weekOfMonth"], message: "form.required" });
      }
      if (v.recurrence === "monthly_date" && v.dayOfMonth === undefined) {
        ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "form.required" });
      }
      if (!isDateString(v.startsOn)) return;
      if (opts.today && v.startsOn < opts.today) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "series.startInPast" });
      if (v.untilDate && isDateString(v.untilDate)) {
        if (v.untilDate < v.startsOn) ctx.addIssue({ code: "custom", path: ["untilDate"], message: "series.untilBeforeStart" });
        else if (parse(v.untilDate) - parse(v.startsOn) > SERIES_MAX_DAYS * DAY) {
          ctx.addIssue({ code: "custom", path: ["untilDate"], message: "series.tooLong" });
        }
      }
    });
}
export type SeriesFormValue = z.infer<ReturnType<typeof seriesSchema>>;

/** The copy-a-meeting form; the copy keeps the original's zone, and may not start in the past. */
export function copySchema(opts: { timeZone: string; now?: number }) {
  return z
    .object({
      title: requiredText(200),
      date: z.string({ required_error: "form.required" }).trim().refine(isDateString, "meeting.dateInvalid"),
      startTime: z.string({ required_error: "form.required" }).trim().refine(isTimeString, "meeting.timeInvalid"),
      endTime: z.string({ required_error: "form.required" }).trim().refine(isTimeString, "meeting.timeInvalid"),
      copyAgenda: z.boolean().optional(),
      copyInvitations: z.boolean().optional(),
      copyAttachments: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      if (isTimeString(v.startTime) && isTimeString(v.endTime) && v.endTime.replace(".", ":") <= v.startTime.replace(".", ":")) {
        ctx.addIssue({ code: "custom", path: ["endTime"], message: "meeting.endBeforeStart" });
      }
      const start = zonedToUtc(v.date, v.startTime, opts.timeZone);
      if (start && start.getTime() < (opts.now ?? Date.now())) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "meeting.startInPast" });
      }
    });
}
