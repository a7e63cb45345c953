// The peer-review settings form of an assignment, shared by browser and server (messages are
// catalogue keys). The review deadline is typed as date + time in a zone and stored as UTC.
import { z } from "zod";
import { ASSIGNMENT_ZONES } from "./assignment";
import { oneOf, optionalText, requiredText } from "./validation";
import { isDateString, isTimeString, zonedToUtc } from "./zoned-time";

export const ANONYMITY = ["both", "reviewers_named", "open"] as const;
export const OPENS = ["due", "on_submit"] as const;

const int = (min: number, max: number) =>
  z.number({ required_error: "form.required", invalid_type_error: "review.admin.error.number" })
    .int("review.admin.error.number")
    .min(min, "review.admin.error.range")
    .max(max, "review.admin.error.range");

export const peerSettingsSchema = z
  .object({
    enabled: z.boolean().optional(),
    perSubmission: int(1, 5),
    otherAgencyOnly: z.boolean().optional(),
    anonymity: oneOf([...ANONYMITY]),
    opens: oneOf([...OPENS]),
    mustSubmitFirst: z.boolean().optional(),
    selfAssessment: z.boolean().optional(),
    calibration: z.boolean().optional(),
    facilitatorWeight: int(0, 100),
    peerWeight: int(0, 100),
    leaseHours: int(1, 336),
    timeZone: oneOf([...ASSIGNMENT_ZONES]),
    reviewsDueDate: z.string({ required_error: "form.required" }).trim().refine(isDateString, "assignment.dateInvalid"),
    reviewsDueTime: z.string({ required_error: "form.required" }).trim().refine(isTimeString, "assignment.timeInvalid"),
    backstopHours: int(0, 336),
  })
  .superRefine((v, ctx) => {
    if (v.facilitatorWeight + v.peerWeight !== 100) ctx.addIssue({ code: "custom", path: ["peerWeight"], message: "review.admin.error.weights" });
  });
export type PeerSettingsFormValue = z.infer<typeof peerSettingsSchema>;

export const reviewsDueInstant = (v: Pick<PeerSettingsFormValue, "reviewsDueDate" | "reviewsDueTime" | "timeZone">) =>
  zonedToUtc(v.reviewsDueDate, v.reviewsDueTime, v.timeZone);

export const addReviewerSchema = z.object({
  submissionId: requiredText(60),
  reviewerEmail: requiredText(254),
});

export const overrideSchema = z.object({
  submissionId: requiredText(60),
  score: z.number({ invalid_type_error: "review.admin.error.number" }).min(0, "review.admin.override.scoreRange").max(100, "review.admin.override.scoreRange").optional(),
  reason: requiredText(500),
});

export const calibrationExampleSchema = z.object({
  title: requiredText(200),
  body: optionalText(100_000),
});
