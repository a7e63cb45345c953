// The reviewer's forms, shared by the browser and the server (messages are catalogue keys): the
// review itself (levels, comments, feedback; saved as a draft or submitted), an anchored comment
// (a passage with its offsets, or a pin on an image) and deleting one. The model checks the
// criteria against the rubric and the quote against the version's text.
import { z } from "zod";
import { oneOf, optionalText, requiredText } from "./validation";

export const REVIEW_INTENTS = ["save", "submit"] as const;

export const reviewSchema = z.object({
  intent: oneOf([...REVIEW_INTENTS]),
  level: z.record(z.string(), z.string().max(10)).optional(),
  comment: z.record(z.string(), z.string().max(2000, "form.tooLong")).optional(),
  feedback: optionalText(5000),
});
export type ReviewFormValue = z.infer<typeof reviewSchema>;

const offset = z.preprocess((v) => (v === "" || v == null ? undefined : Number(v)), z.number().int().min(0).optional());

export const textCommentSchema = z.object({
  intent: z.literal("comment"),
  criterionId: requiredText(100),
  quote: requiredText(1000),
  start: offset,
  end: offset,
  body: requiredText(2000),
});

export const pinCommentSchema = z.object({
  intent: z.literal("pin"),
  criterionId: requiredText(100),
  fileId: requiredText(100),
  x: z.coerce.number().min(0, "review.do.badPin").max(1, "review.do.badPin"),
  y: z.coerce.number().min(0, "review.do.badPin").max(1, "review.do.badPin"),
  body: requiredText(2000),
});

export const deleteCommentSchema = z.object({ intent: z.literal("delete"), commentId: requiredText(100) });

/**
 * Where a selected passage sits in the version's plain text. `selected` is what the browser's
 * selection gave (its whitespace may differ from the plain text's paragraph breaks); `before` is
 * the rendered text before it, to pick the right one when the passage occurs more than once.
 * Returns the exact quote and offsets, or null when it cannot be found.
 */
export function locateQuote(plain: string, selected: string, before: string): { quote: string; start: number; end: number } | null {
  const words = selected.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(words.map(esc).join("\\s+"), "g");
  const occurrencesBefore = before.trim() ? (before.replace(/\s+/g, " ").match(new RegExp(words.map(esc).join(" "), "g")) ?? []).length : 0;
  const hits = [...plain.matchAll(re)];
  if (!hits.length) return null;
  const hit = hits[Math.min(occurrencesBefore, hits.length - 1)];
  return { quote: hit[0], start: hit.index!, end: hit.index! + hit[0].length };
}
