// Outcomes of a meeting and the follow-up register (RTL), in terms both the browser and the server
// understand: types, statuses, the register's filters and the forms' zod schemas.
import { z } from "zod";
import { oneOf, optionalText, requiredText } from "./validation";
import { isDateString } from "./zoned-time";

export const OUTCOME_TYPES = ["information", "decision", "action"] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
export const FOLLOW_UP_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const isClosedStatus = (s: string) => s === "done" || s === "dropped";

/** The register's status filter as it appears in the address: /tindak-lanjut?status=terlambat */
export const REGISTER_FILTERS = ["terbuka", "terlambat", "proses", "selesai", "batal", "semua"] as const;
export type RegisterFilter = (typeof REGISTER_FILTERS)[number];
export const parseRegisterFilter = (v: string | null): RegisterFilter =>
  (REGISTER_FILTERS as readonly string[]).includes(v ?? "") ? (v as RegisterFilter) : "terbuka";

/** Owners are reminded this many days before the due date, at 08.00 in the meeting's zone. */
export const DUE_REMINDER_DAYS = 3;

export const outcomeSchema = z
  .object({
    type: oneOf([...OUTCOME_TYPES]),
    text: requiredText(2000),
    agendaItemId: z.string().max(64).optional(),
    ownerAgencyId: z.string().max(64).optional(),
    contactUserId: z.string().max(64).optional(),
    dueDate: z.string().trim().refine(isDateString, "meeting.dateInvalid").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type !== "action") return;
    if (!v.ownerAgencyId) ctx.addIssue({ code: "custom", path: ["ownerAgencyId"], message: "outcome.ownerRequired" });
    if (!v.dueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "outcome.dueRequired" });
  });
export type OutcomeFormValue = z.infer<typeof outcomeSchema>;

export const progressSchema = z.object({
  status: oneOf([...FOLLOW_UP_STATUSES]),
  note: requiredText(2000),
});

export const commentSchema = z.object({ body: requiredText(2000) });
export const walkInSchema = z.object({ agencyId: requiredText(64), name: requiredText(200), position: optionalText(200) });
