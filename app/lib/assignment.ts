// Assignments in terms the browser and the server share: the form schemas of an assignment's details,
// of an extension and of a grade (messages are catalogue keys). Dates are typed as date + time in a
// chosen zone (WIB / WITA / WIT) and stored as UTC instants.
import { z } from "zod";
import { isOrdered } from "./deadlines";
import { richTextInput } from "./rich-text";
import { WORK_KINDS } from "./rubric";
import { oneOf, optionalText, requiredText } from "./validation";
import { isDateString, isTimeString, utcToZoned, zonedToUtc } from "./zoned-time";

/** One zone per Indonesian offset. */
export const ASSIGNMENT_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

const dateField = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().refine(isDateString, "assignment.dateInvalid");
const timeField = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().refine(isTimeString, "assignment.timeInvalid");

interface ZonedDates { timeZone: string; opensDate: string; opensTime: string; dueDate: string; dueTime: string; lateDate: string; lateTime: string }

/** The UTC instants a valid form stands for. */
export function assignmentInstants(v: ZonedDates) {
  const opensAt = zonedToUtc(v.opensDate, v.opensTime, v.timeZone);
  const dueAt = zonedToUtc(v.dueDate, v.dueTime, v.timeZone);
  const lateUntil = zonedToUtc(v.lateDate, v.lateTime, v.timeZone);
  if (!opensAt || !dueAt || !lateUntil) throw new Error("invalid assignment dates");
  return { opensAt: opensAt.toISOString(), dueAt: dueAt.toISOString(), lateUntil: lateUntil.toISOString() };
}

export const assignmentSchema = z
  .object({
    kind: oneOf([...WORK_KINDS]),
    title: requiredText(200),
    instructions: richTextInput(),
    timeZone: oneOf([...ASSIGNMENT_ZONES]),
    opensDate: dateField(),
    opensTime: timeField(),
    dueDate: dateField(),
    dueTime: timeField(),
    lateDate: dateField(),
    lateTime: timeField(),
    position: z.number({ required_error: "form.required", invalid_type_error: "assignment.positionInvalid" }).int("assignment.positionInvalid").min(1, "assignment.positionInvalid").max(999, "assignment.positionInvalid"),
    /** new assignments: a library rubric to copy, or empty to write one's own */
    libraryRubricId: z.string().max(60).optional(),
  })
  .superRefine((v, ctx) => {
    const opens = zonedToUtc(v.opensDate, v.opensTime, v.timeZone);
    const due = zonedToUtc(v.dueDate, v.dueTime, v.timeZone);
    const late = zonedToUtc(v.lateDate, v.lateTime, v.timeZone);
    if (!opens || !due || !late) return;
    if (due.getTime() < opens.getTime()) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "assignment.dueBeforeOpens" });
    else if (late.getTime() < due.getTime()) ctx.addIssue({ code: "custom", path: ["lateDate"], message: "assignment.lateBeforeDue" });
  });
export type AssignmentFormValue = z.infer<typeof assignmentSchema>;

export const extensionSchema = z
  .object({
    userId: requiredText(60),
    timeZone: oneOf([...ASSIGNMENT_ZONES]),
    dueDate: dateField(),
    dueTime: timeField(),
    lateDate: dateField(),
    lateTime: timeField(),
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const due = zonedToUtc(v.dueDate, v.dueTime, v.timeZone);
    const late = zonedToUtc(v.lateDate, v.lateTime, v.timeZone);
    if (due && late && late.getTime() < due.getTime()) ctx.addIssue({ code: "custom", path: ["lateDate"], message: "assignment.lateBeforeDue" });
  });

/** Whether an extension's dates fit the assignment: not before it opens, and in order. */
export const extensionFits = (opensAt: string, dueAt: string, lateUntil: string) => isOrdered({ opensAt, dueAt, lateUntil });

// ------------------------------------------------------------------------------------------------
// Grading. Levels come as level.<criterionId> = 1..4, comments as comment.<criterionId>; which ids
// exist is only known on the server, so the rubric check is `checkGradeInput`, not the schema.

/** The grading queue's filters: one status, late work, or everything handed in. */
export const QUEUE_FILTERS = ["submitted", "returned", "graded", "late", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const GRADE_DECISIONS = ["graded", "returned"] as const;
export type GradeDecision = (typeof GRADE_DECISIONS)[number];

export const gradeSchema = z
  .object({
    decision: oneOf([...GRADE_DECISIONS]),
    level: z.record(z.string(), z.string().max(10)).optional(),
    comment: z.record(z.string(), z.string().max(2000, "form.tooLong")).optional(),
    feedback: optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "returned" && !v.feedback) ctx.addIssue({ code: "custom", path: ["feedback"], message: "grading.feedbackRequired" });
  });
export type GradeFormValue = z.infer<typeof gradeSchema>;

export interface GradeInput {
  decision: GradeDecision;
  levels: Record<string, number>;
  comments: Record<string, string>;
  feedback: string | null;
}

/**
 * Checks posted levels and comments against the rubric's criteria: every id must be one of the
 * rubric's, every level a whole number 1..4, and "graded" needs a level for every criterion.
 */
export function checkGradeInput(
  criterionIds: string[],
  v: { decision: GradeDecision; level?: Record<string, string>; comment?: Record<string, string>; feedback?: string },
): { ok: true; value: GradeInput } | { ok: false; error: string } {
  const known = new Set(criterionIds);
  const levels: Record<string, number> = {};
  for (const [id, raw] of Object.entries(v.level ?? {})) {
    if (!known.has(id)) return { ok: false, error: "grading.unknownCriterion" };
    if (raw === "") continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 4) return { ok: false, error: "grading.levelRange" };
    levels[id] = Number(raw);
  }
  const comments: Record<string, string> = {};
  for (const [id, text] of Object.entries(v.comment ?? {})) {
    if (!known.has(id)) return { ok: false, error: "grading.unknownCriterion" };
    if (text.trim()) comments[id] = text.trim();
  }
  if (criterionIds.length === 0) return { ok: false, error: "grading.noRubric" };
  if (v.decision === "graded" && criterionIds.some((id) => levels[id] === undefined)) return { ok: false, error: "grading.levelMissing" };
  return { ok: true, value: { decision: v.decision, levels, comments, feedback: v.feedback?.trim() || null } };
}

/** A new assignment's suggested dates in a zone: opens today 08.00, due in 7 days 23.59, late until 3 days after. */
export function suggestedDates(now: Date, tz: string) {
  const day = 86_400_000;
  const at = (offsetDays: number) => utcToZoned(new Date(now.getTime() + offsetDays * day), tz).date;
  return { opensDate: at(0), opensTime: "08:00", dueDate: at(7), dueTime: "23:59", lateDate: at(10), lateTime: "23:59" };
}

/** A stored instant as the form's date and time fields in a zone. */
export function zonedFields<P extends "opens" | "due" | "late">(prefix: P, instant: string, tz: string) {
  const z = utcToZoned(instant, tz);
  return { [`${prefix}Date`]: z.date, [`${prefix}Time`]: z.time } as { [K in `${P}Date` | `${P}Time`]: string };
}
