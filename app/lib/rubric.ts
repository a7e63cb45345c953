// Rubrics in terms the browser and the server share: the criteria rules, the weighted score and the
// zod schema of the criteria editor (messages are catalogue keys).
//
// Scoring: each criterion is scored on a level 1..4, and level ℓ earns ℓ/4 of the criterion's weight
// (1 → 25 %, 2 → 50 %, 3 → 75 %, 4 → 100 %). Weights add up to 100, so the score runs 25..100 for a
// fully scored rubric. The mapping is linear because the four descriptors are written as even steps;
// a "level 1 = 0 points" mapping would punish an attempt the same as nothing handed in.
import { z } from "zod";
import { oneOf, optionalText, requiredText } from "./validation";

export const WORK_KINDS = ["release", "infographic", "photo", "video"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const LEVELS = [4, 3, 2, 1] as const; // shown best first
export type Level = 1 | 2 | 3 | 4;
export const MIN_CRITERIA = 1;
export const MAX_CRITERIA = 12;
/** Rows the editor offers on a new rubric (blank rows are ignored when saving). */
export const EDITOR_ROWS = 4;
export const TITLE_MAX = 200;
export const DESCRIPTOR_MAX = 600;

export interface Criterion {
  id: string;
  title: string;
  weight: number;
  /** descriptors of levels 1..4: levels[0] is level 1 */
  levels: [string, string, string, string];
}

export interface CriterionInput {
  id?: string;
  title: string;
  weight: number;
  levels: [string, string, string, string];
}

export interface CriteriaIssue {
  /** the row (0-based) and field, or no index for the whole list */
  index?: number;
  field?: "title" | "weight" | "level1" | "level2" | "level3" | "level4";
  key: string;
}

export const weightTotal = (criteria: { weight: number }[]) =>
  criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);

/**
 * The rules of a rubric's criteria: 1–12 criteria, each with a title and four descriptors, integer
 * weights 1–100 that add up to exactly 100. `total` is the current sum, for the message.
 */
export function validateCriteria(criteria: CriterionInput[]): { ok: true; total: number } | { ok: false; total: number; issues: CriteriaIssue[] } {
  const issues: CriteriaIssue[] = [];
  criteria.forEach((c, index) => {
    if (!c.title.trim()) issues.push({ index, field: "title", key: "form.required" });
    else if (c.title.length > TITLE_MAX) issues.push({ index, field: "title", key: "form.tooLong" });
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100) issues.push({ index, field: "weight", key: "rubric.weightRange" });
    c.levels.forEach((d, i) => {
      const field = `level${i + 1}` as CriteriaIssue["field"];
      if (!d.trim()) issues.push({ index, field, key: "form.required" });
      else if (d.length > DESCRIPTOR_MAX) issues.push({ index, field, key: "form.tooLong" });
    });
  });
  const total = weightTotal(criteria);
  if (criteria.length < MIN_CRITERIA) issues.push({ key: "rubric.noCriteria" });
  else if (criteria.length > MAX_CRITERIA) issues.push({ key: "rubric.tooMany" });
  else if (total !== 100) issues.push({ key: "rubric.weightsNot100" });
  return issues.length ? { ok: false, total, issues } : { ok: true, total };
}

/**
 * The weighted score 0..100: the sum over criteria of weight × level / 4 (see the file header).
 * A criterion without a level counts 0; a level outside 1..4 is a programming error (grading checks
 * its input first) and throws.
 */
export function weightedScore(criteria: { id: string; weight: number }[], levels: Record<string, number | undefined>): number {
  let sum = 0;
  for (const c of criteria) {
    const level = levels[c.id];
    if (level === undefined) continue;
    if (!Number.isInteger(level) || level < 1 || level > 4) throw new RangeError(`level ${level} outside 1..4`);
    sum += (c.weight * level) / 4;
  }
  return Math.round(sum * 100) / 100;
}

// ------------------------------------------------------------------------------------------------
// The criteria editor form. Rows are posted as criteria[i].title / .weight / .level1..level4 (and .id
// for an existing criterion). A completely blank row is ignored, so the editor can offer a few spare
// rows without JavaScript; adding and removing rows uses conform's intent buttons, which post back.

const rowSchema = z.object({
  id: z.string().max(40).optional(),
  title: z.string().max(TITLE_MAX * 2).optional(),
  weight: z.string().max(10).optional(),
  level1: z.string().max(DESCRIPTOR_MAX * 2).optional(),
  level2: z.string().max(DESCRIPTOR_MAX * 2).optional(),
  level3: z.string().max(DESCRIPTOR_MAX * 2).optional(),
  level4: z.string().max(DESCRIPTOR_MAX * 2).optional(),
});
type Row = z.infer<typeof rowSchema>;

const isBlank = (r: Row) => !r.title?.trim() && !r.weight?.trim() && ![r.level1, r.level2, r.level3, r.level4].some((l) => l?.trim());
const toInput = (r: Row): CriterionInput => ({
  id: r.id || undefined,
  title: (r.title ?? "").trim(),
  weight: r.weight?.trim() && /^\d+$/.test(r.weight.trim()) ? Number(r.weight.trim()) : Number.NaN,
  levels: [(r.level1 ?? "").trim(), (r.level2 ?? "").trim(), (r.level3 ?? "").trim(), (r.level4 ?? "").trim()],
});

/** The rows as typed (blank ones dropped), with the weight a number (NaN when not a whole number). */
export function rowsToCriteria(rows: Row[] | undefined): CriterionInput[] {
  return (rows ?? []).filter((r) => !isBlank(r)).map(toInput);
}

export const criteriaField = () =>
  z
    .array(rowSchema)
    .optional()
    .superRefine((rows, ctx) => {
      const kept: { row: number; c: CriterionInput }[] = [];
      (rows ?? []).forEach((r, row) => {
        if (!isBlank(r)) kept.push({ row, c: toInput(r) });
      });
      const result = validateCriteria(kept.map((k) => k.c));
      if (result.ok) return;
      for (const issue of result.issues) {
        const path = issue.index === undefined ? [] : [kept[issue.index].row, issue.field!];
        ctx.addIssue({ code: "custom", path, message: issue.key });
      }
    })
    .transform((rows) => rowsToCriteria(rows));

export const rubricSchema = z.object({
  title: requiredText(TITLE_MAX),
  description: optionalText(1000),
  workKind: oneOf([...WORK_KINDS]).optional(),
  criteria: criteriaField(),
});
export type RubricFormValue = z.infer<typeof rubricSchema>;

/** Only the criteria (an assignment's own rubric: its title follows the assignment). */
export const criteriaSchema = z.object({ criteria: criteriaField() });

/** Stored criteria as the editor's default rows. */
export const criteriaToRows = (criteria: Criterion[]) =>
  criteria.map((c) => ({
    id: c.id, title: c.title, weight: String(c.weight),
    level1: c.levels[0], level2: c.levels[1], level3: c.levels[2], level4: c.levels[3],
  }));

export const blankRows = (n: number) => Array.from({ length: n }, () => ({}));
