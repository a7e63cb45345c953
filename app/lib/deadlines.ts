// Assignment deadlines: when work opens, when it is due, and until when late work is still taken.
// A per-person extension replaces the due and late-until dates for that person. All instants are
// ISO-8601 UTC strings; zones only matter when dates are entered or shown (see app/lib/zoned-time.ts).

export interface Deadline { opensAt: string; dueAt: string; lateUntil: string }
export interface Extension { dueAt: string; lateUntil: string }

/** notOpen → open → late (accepted, marked late) → closed (refused). */
export type SubmitWindow = "notOpen" | "open" | "late" | "closed";

const ms = (iso: string) => Date.parse(iso);

/** The dates that apply to one person: the assignment's, or their extension's where it has one. */
export function effectiveDeadline(assignment: Deadline, extension?: Extension | null): Deadline {
  if (!extension) return assignment;
  return { opensAt: assignment.opensAt, dueAt: extension.dueAt, lateUntil: extension.lateUntil };
}

export function submitWindow(deadline: Deadline, now: string | Date): SubmitWindow {
  const t = typeof now === "string" ? ms(now) : now.getTime();
  if (t < ms(deadline.opensAt)) return "notOpen";
  if (t <= ms(deadline.dueAt)) return "open";
  if (t <= ms(deadline.lateUntil)) return "late";
  return "closed";
}

/** Work handed in at `submittedAt` is late when it comes after the (effective) due date. */
export const isLate = (deadline: Deadline, submittedAt: string | Date) =>
  (typeof submittedAt === "string" ? ms(submittedAt) : submittedAt.getTime()) > ms(deadline.dueAt);

/** Whether the dates make sense: opens ≤ due ≤ late-until. */
export const isOrdered = (d: Deadline) => ms(d.opensAt) <= ms(d.dueAt) && ms(d.dueAt) <= ms(d.lateUntil);
