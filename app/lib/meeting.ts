// What a meeting is, in terms both the browser and the server understand: kinds, modes, zones,
// states, the forms' zod schemas (messages are catalogue keys) and the time formatting used on
// every meeting screen ("09.00–12.00 WIB (10.00–13.00 WITA)").
import { z } from "zod";
import { formatClock, formatDate, zoneAbbr, type Locale } from "~/i18n/format";
import { richTextInput } from "./rich-text";
import { oneOf, optionalText, requiredText, email } from "./validation";
import { isDateString, isTimeString, zonedToUtc } from "./zoned-time";

export const MEETING_KINDS = ["rakor", "forum", "rapat_redaksi", "rakor_krisis", "bimtek"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_MODES = ["luring", "daring", "hibrida"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_STATUSES = ["draft", "published", "cancelled", "held", "closed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** The zones a meeting can be held in (one per Indonesian offset). */
export const MEETING_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
/** Reminder lead times offered, in minutes (default 24 h). */
export const REMINDER_LEADS = [60, 180, 720, 1440, 2880, 4320] as const;
export const DEFAULT_REMINDER_LEAD = 1440;
/** A meeting longer than this is a typo, not a forum. */
export const MAX_MEETING_MINUTES = 7 * 24 * 60;

export const needsVenue = (mode: string) => mode === "luring" || mode === "hibrida";
export const needsJoinUrl = (mode: string) => mode === "daring" || mode === "hibrida";

export function isHttpsUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "https:" && !!u.hostname && u.hostname.includes(".");
  } catch {
    return false;
  }
}

const dateField = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().refine(isDateString, "meeting.dateInvalid");
const timeField = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().refine(isTimeString, "meeting.timeInvalid");

/**
 * The create/edit form. `now` is the moment "in the past" is measured from; `keepStart` is the
 * meeting's current start (ISO), which an edit may keep even once it has passed.
 */
export function meetingSchema(opts: { now?: number; keepStart?: string | null } = {}) {
  return z
    .object({
      title: requiredText(200),
      kind: oneOf([...MEETING_KINDS]),
      mode: oneOf([...MEETING_MODES]),
      venue: optionalText(300),
      joinUrl: z.string().trim().max(500, "form.tooLong").optional().refine((v) => !v || isHttpsUrl(v), "meeting.joinUrlInvalid"),
      date: dateField(),
      endDate: dateField().optional(),
      startTime: timeField(),
      endTime: timeField(),
      timeZone: oneOf([...MEETING_ZONES]),
      description: richTextInput(),
      letterNumber: optionalText(100),
      reminderLeadMinutes: z
        .number({ required_error: "form.required", invalid_type_error: "form.invalidChoice" })
        .refine((v) => (REMINDER_LEADS as readonly number[]).includes(v), "form.invalidChoice"),
      inviteAll: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      if (needsVenue(v.mode) && !v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "meeting.venueRequired" });
      if (needsJoinUrl(v.mode) && !v.joinUrl) ctx.addIssue({ code: "custom", path: ["joinUrl"], message: "meeting.joinUrlRequired" });
      const start = zonedToUtc(v.date, v.startTime, v.timeZone);
      const end = zonedToUtc(v.endDate ?? v.date, v.endTime, v.timeZone);
      if (!start || !end) return;
      if (end.getTime() <= start.getTime()) {
        ctx.addIssue({ code: "custom", path: ["endTime"], message: "meeting.endBeforeStart" });
      } else if (end.getTime() - start.getTime() > MAX_MEETING_MINUTES * 60000) {
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "meeting.tooLong" });
      }
      const now = opts.now ?? Date.now();
      if (start.getTime() < now && start.toISOString() !== opts.keepStart) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "meeting.startInPast" });
      }
    });
}
export type MeetingFormValue = z.infer<ReturnType<typeof meetingSchema>>;

/** The instants a valid form stands for. */
export function meetingInstants(v: Pick<MeetingFormValue, "date" | "endDate" | "startTime" | "endTime" | "timeZone">) {
  const start = zonedToUtc(v.date, v.startTime, v.timeZone);
  const end = zonedToUtc(v.endDate ?? v.date, v.endTime, v.timeZone);
  if (!start || !end) throw new Error("invalid meeting times");
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

export const cancelSchema = z.object({ reason: requiredText(1000) });

export const AGENDA_MAX_ITEMS = 50;
export const AGENDA_MAX_MINUTES = 24 * 60;

export const agendaItemSchema = z.object({
  itemId: z.string().optional(),
  title: requiredText(300),
  presenterAgencyId: z.string().optional(),
  presenterName: optionalText(200),
  durationMinutes: z
    .number({ required_error: "form.required", invalid_type_error: "agenda.durationInvalid" })
    .int("agenda.durationInvalid")
    .positive("agenda.durationPositive")
    .max(AGENDA_MAX_MINUTES, "agenda.durationTooLong"),
  notes: optionalText(2000),
});

export const RSVP_ANSWERS = ["attending", "declined"] as const;
export const rsvpSchema = z
  .object({
    answer: oneOf([...RSVP_ANSWERS]),
    officerIds: z.array(z.string()).max(20, "rsvp.tooMany").optional(),
    substituteName: optionalText(200),
    substitutePosition: optionalText(200),
    reason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.answer === "declined" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "rsvp.reasonRequired" });
    if (v.answer === "attending" && !(v.officerIds?.length || v.substituteName)) {
      ctx.addIssue({ code: "custom", path: ["officerIds"], message: "rsvp.representativeRequired" });
    }
    if (v.substitutePosition && !v.substituteName) {
      ctx.addIssue({ code: "custom", path: ["substituteName"], message: "rsvp.substituteNameRequired" });
    }
  });

export const guestSchema = z.object({
  name: requiredText(200),
  email: email(),
  organisation: optionalText(200),
});

/** "Selasa, 18 Maret 2025" in the meeting's own zone. */
export function meetingDate(startsAt: string, tz: string, locale: Locale): string {
  return formatDate(startsAt, tz, locale);
}

function rangeIn(startsAt: string, endsAt: string, tz: string, locale: Locale): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const sameDay = formatDate(s, tz, locale) === formatDate(e, tz, locale);
  const end = sameDay ? formatClock(e, tz, locale) : `${formatDate(e, tz, locale)} ${formatClock(e, tz, locale)}`;
  return `${formatClock(s, tz, locale)}–${end} ${zoneAbbr(tz, s)}`;
}

/** "09.00–12.00 WIB (10.00–13.00 WITA)": the meeting's zone, then the viewer's when it differs. */
export function meetingTimeRange(startsAt: string, endsAt: string, tz: string, viewerTz: string, locale: Locale): string {
  const own = rangeIn(startsAt, endsAt, tz, locale);
  if (zoneAbbr(tz, new Date(startsAt)) === zoneAbbr(viewerTz, new Date(startsAt))) return own;
  return `${own} (${rangeIn(startsAt, endsAt, viewerTz, locale)})`;
}

/** "1 jam 30 menit" style duration from the catalogue. */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** What the file picker offers (the server checks the bytes regardless). */
export const ATTACHMENT_ACCEPT_CLIENT = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp";
