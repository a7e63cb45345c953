// Reviewing (silang baca), the reviewer's side: my reviews (owed, with the lease end; done), one
// review with the piece (never who wrote it), the draft (levels, comments, feedback; partial is
// fine), submitting it (every criterion scored, a comment on each 1 or 2, feedback), comments
// anchored to a passage of the version's plain text or a pin on an image, and calibration attempts.
// A review taken back (lease ran out, removed by hand) answers `review.do.takenBack`, never the piece.
// Every refusal leaves the stored draft exactly as it was.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { richTextToPlain } from "~/.server/rich-text.server";
import { agreement, reviewFlags, type Levels } from "~/lib/peer-grade";
import { weightedScore, type Criterion } from "~/lib/rubric";
import { calibrationPassed } from "./peer-allocation.server";
import { recomputeFinalGrade } from "./peer-grade.server";
import { listCriteria } from "./rubric.server";
import { getVersion, type VersionDetail } from "./submission.server";

type Clock = () => Date;
const defaultClock: Clock = () => new Date();

export const COMMENT_MAX = 2000;
export const FEEDBACK_MAX = 5000;
export const QUOTE_MAX = 1000;

export type ReviewError =
  | "review.do.notFound"
  | "review.do.takenBack"
  | "review.do.alreadySubmitted"
  | "review.do.unknownCriterion"
  | "review.do.levelRange"
  | "review.do.tooLong"
  | "review.do.incomplete"
  | "review.do.commentRequired"
  | "review.do.feedbackRequired"
  | "review.do.anchorMismatch"
  | "review.do.quoteNotFound"
  | "review.do.badPin"
  | "review.do.commentBodyRequired";

export type Fail = { ok: false; error: ReviewError; criterionIds?: string[] };

const ACTIVE = ["assigned", "started"] as const;

interface ReviewRow {
  id: string; assignment_id: string; submission_id: string; version_id: string; reviewer_id: string; kind: string;
  status: string; lease_expires_at: string | null; started_at: string | null; submitted_at: string | null;
  feedback: string | null; draft_saved_at: string | null; score: number | null;
}

/** An assigned review whose lease has run out counts as taken back even before the job marks it. */
const takenBack = (r: Pick<ReviewRow, "status" | "lease_expires_at">, now: Date) =>
  r.status === "expired" || r.status === "removed" || (r.status === "assigned" && !!r.lease_expires_at && r.lease_expires_at <= now.toISOString());

async function findMine(db: DB, reviewId: string, userId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom("peer_review")
    .select(["id", "assignment_id", "submission_id", "version_id", "reviewer_id", "kind", "status", "lease_expires_at", "started_at", "submitted_at", "feedback", "draft_saved_at", "score"])
    .where("id", "=", reviewId).where("reviewer_id", "=", userId).executeTakeFirst();
}

/** Mine, still active (assigned within its lease, or started): the review a change may touch. */
async function requireActive(db: DB, reviewId: string, userId: string, now: Date): Promise<{ ok: true; review: ReviewRow } | Fail> {
  const r = await findMine(db, reviewId, userId);
  if (!r) return { ok: false, error: "review.do.notFound" };
  if (takenBack(r, now)) return { ok: false, error: "review.do.takenBack" };
  if (r.status === "submitted") return { ok: false, error: "review.do.alreadySubmitted" };
  return { ok: true, review: r };
}

// ---- my reviews --------------------------------------------------------------------------------

export interface MyReview {
  id: string; status: string; moduleId: string; moduleTitle: string; assignmentId: string; assignmentTitle: string; kind: string;
  leaseExpiresAt: string | null; reviewsDueAt: string | null; startedAt: string | null; submittedAt: string | null; score: number | null;
}

export async function listMyReviews(db: DB, userId: string, clock: Clock = defaultClock): Promise<{ owed: MyReview[]; done: MyReview[] }> {
  const now = clock();
  const rows = await db.selectFrom("peer_review as r")
    .innerJoin("assignment as a", "a.id", "r.assignment_id")
    .innerJoin("module as m", "m.id", "a.module_id")
    .leftJoin("peer_review_setting as s", "s.assignment_id", "r.assignment_id")
    .select([
      "r.id", "r.status", "r.lease_expires_at", "r.started_at", "r.submitted_at", "r.score", "m.id as moduleId", "m.title as moduleTitle",
      "a.id as assignmentId", "a.title as assignmentTitle", "a.kind", "s.reviews_due_at",
    ])
    .where("r.reviewer_id", "=", userId).where("r.status", "in", [...ACTIVE, "submitted"])
    .orderBy("r.assigned_at").execute();
  const all = rows.map((r): MyReview => ({
    id: r.id, status: r.status, moduleId: r.moduleId, moduleTitle: r.moduleTitle, assignmentId: r.assignmentId, assignmentTitle: r.assignmentTitle,
    kind: r.kind, leaseExpiresAt: r.status === "assigned" ? r.lease_expires_at : null, reviewsDueAt: r.reviews_due_at ?? null,
    startedAt: r.started_at, submittedAt: r.submitted_at, score: r.score,
  }));
  return {
    owed: all.filter((r) => r.status !== "submitted" && !takenBack({ status: r.status, lease_expires_at: r.leaseExpiresAt }, now)),
    done: all.filter((r) => r.status === "submitted"),
  };
}

// ---- one review --------------------------------------------------------------------------------

export interface ReviewComment {
  id: string; criterionId: string; anchor: "text" | "pin"; quote: string | null; start: number | null; end: number | null;
  fileId: string | null; x: number | null; y: number | null; body: string; createdAt: string;
}

export interface OpenReview {
  review: ReviewRow;
  assignment: { id: string; moduleId: string; title: string; kind: string };
  criteria: Criterion[];
  version: VersionDetail;
  /** the version's plain text, which text anchors point into */
  plain: string;
  levels: Record<string, number>;
  comments: Record<string, string>;
  anchored: ReviewComment[];
}

/**
 * The review page's data for its reviewer. Opening an assigned review starts it (the lease no
 * longer applies). Not mine → notFound; taken back → takenBack, without the piece.
 */
export async function openReview(db: DB, reviewId: string, userId: string, clock: Clock = defaultClock): Promise<{ ok: true; data: OpenReview } | Fail> {
  const now = clock();
  const r = await findMine(db, reviewId, userId);
  if (!r) return { ok: false, error: "review.do.notFound" };
  if (takenBack(r, now)) return { ok: false, error: "review.do.takenBack" };
  if (r.status === "assigned") {
    const at = now.toISOString();
    await db.updateTable("peer_review").set({ status: "started", started_at: at }).where("id", "=", r.id).where("status", "=", "assigned").execute();
    r.status = "started";
    r.started_at = at;
  }
  return { ok: true, data: await reviewData(db, r) };
}

export interface ManagedReview { moduleId: string; reviewer: string; flags: string[]; data: OpenReview }

/**
 * A review as the module's fasilitators read it from the board (e.g. a flagged one): the same data
 * plus who wrote it, read-only — reading it neither starts it nor changes anything. The caller
 * checks that the viewer manages `moduleId`.
 */
export async function reviewForManager(db: DB, reviewId: string): Promise<ManagedReview | null> {
  const r = await db.selectFrom("peer_review as r")
    .innerJoin("assignment as a", "a.id", "r.assignment_id")
    .innerJoin("user as u", "u.id", "r.reviewer_id")
    .select([
      "r.id", "r.assignment_id", "r.submission_id", "r.version_id", "r.reviewer_id", "r.kind", "r.status", "r.lease_expires_at", "r.started_at",
      "r.submitted_at", "r.feedback", "r.draft_saved_at", "r.score", "r.flags", "a.module_id", "u.name as reviewer",
    ])
    .where("r.id", "=", reviewId).executeTakeFirst();
  if (!r) return null;
  const { module_id, reviewer, flags, ...row } = r;
  return { moduleId: module_id, reviewer, flags: flags ? flags.split(",").map((f) => f.trim()).filter(Boolean) : [], data: await reviewData(db, row) };
}

async function reviewData(db: DB, r: ReviewRow): Promise<OpenReview> {
  const a = await db.selectFrom("assignment").select(["id", "module_id", "title", "kind", "rubric_id"]).where("id", "=", r.assignment_id).executeTakeFirstOrThrow();
  const v = await db.selectFrom("submission_version").select("number").where("id", "=", r.version_id).executeTakeFirstOrThrow();
  const version = (await getVersion(db, r.submission_id, v.number))!;
  const [criteria, scores, anchored] = await Promise.all([
    a.rubric_id ? listCriteria(db, a.rubric_id) : Promise.resolve([]),
    db.selectFrom("peer_review_score").select(["criterion_id", "level", "comment"]).where("review_id", "=", r.id).execute(),
    listAnchored(db, r.id),
  ]);
  return {
    review: r,
    assignment: { id: a.id, moduleId: a.module_id, title: a.title, kind: a.kind },
    criteria,
    version,
    plain: richTextToPlain(version.body_json),
    levels: Object.fromEntries(scores.filter((s) => s.level != null).map((s) => [s.criterion_id, s.level!])),
    comments: Object.fromEntries(scores.filter((s) => s.comment).map((s) => [s.criterion_id, s.comment!])),
    anchored,
  };
}

async function listAnchored(db: DB, reviewId: string): Promise<ReviewComment[]> {
  const rows = await db.selectFrom("peer_review_comment")
    .select(["id", "criterion_id", "anchor", "quote", "start_offset", "end_offset", "file_id", "x", "y", "body", "created_at"])
    .where("review_id", "=", reviewId).orderBy("created_at").orderBy("id").execute();
  return rows.map((c) => ({
    id: c.id, criterionId: c.criterion_id, anchor: c.anchor === "pin" ? "pin" : "text", quote: c.quote, start: c.start_offset, end: c.end_offset,
    fileId: c.file_id, x: c.x, y: c.y, body: c.body, createdAt: c.created_at,
  }));
}

/** Whether the user is a current (or finished) reviewer of the submission: they may see its files. */
export async function reviewsSubmission(db: DB, submissionId: string, userId: string, clock: Clock = defaultClock): Promise<boolean> {
  const rows = await db.selectFrom("peer_review").select(["status", "lease_expires_at"])
    .where("submission_id", "=", submissionId).where("reviewer_id", "=", userId).where("status", "in", [...ACTIVE, "submitted"]).execute();
  return rows.some((r) => !takenBack(r, clock()));
}

// ---- the draft and submitting ------------------------------------------------------------------

export interface ReviewInput {
  /** criterion id → "1".."4" (or "" for none yet), as posted */
  level?: Record<string, string>;
  comment?: Record<string, string>;
  feedback?: string | null;
}

interface Parsed { levels: Record<string, number>; comments: Record<string, string>; feedback: string | null }

/** Checks posted ids and levels against the rubric: unknown criterion or a level outside 1..4 refuses. */
export function parseReviewInput(criteria: { id: string }[], input: ReviewInput): { ok: true; value: Parsed } | Fail {
  const known = new Set(criteria.map((c) => c.id));
  const levels: Record<string, number> = {};
  for (const [id, raw] of Object.entries(input.level ?? {})) {
    if (!known.has(id)) return { ok: false, error: "review.do.unknownCriterion" };
    const s = String(raw ?? "").trim();
    if (s === "") continue;
    if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 4) return { ok: false, error: "review.do.levelRange" };
    levels[id] = Number(s);
  }
  const comments: Record<string, string> = {};
  for (const [id, raw] of Object.entries(input.comment ?? {})) {
    if (!known.has(id)) return { ok: false, error: "review.do.unknownCriterion" };
    const s = String(raw ?? "").trim();
    if (s.length > COMMENT_MAX) return { ok: false, error: "review.do.tooLong" };
    if (s) comments[id] = s;
  }
  const feedback = (input.feedback ?? "").trim();
  if (feedback.length > FEEDBACK_MAX) return { ok: false, error: "review.do.tooLong" };
  return { ok: true, value: { levels, comments, feedback: feedback || null } };
}

async function criteriaOf(db: DB, assignmentId: string): Promise<Criterion[]> {
  const a = await db.selectFrom("assignment").select("rubric_id").where("id", "=", assignmentId).executeTakeFirst();
  return a?.rubric_id ? listCriteria(db, a.rubric_id) : [];
}

async function writeDraft(db: DB, review: ReviewRow, v: Parsed, criteria: Criterion[], now: Date) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("peer_review_score").where("review_id", "=", review.id).execute();
    const rows = criteria
      .filter((c) => v.levels[c.id] !== undefined || v.comments[c.id])
      .map((c) => ({ review_id: review.id, criterion_id: c.id, level: v.levels[c.id] ?? null, comment: v.comments[c.id] ?? null }));
    if (rows.length) await trx.insertInto("peer_review_score").values(rows).execute();
    await trx.updateTable("peer_review")
      .set({ feedback: v.feedback, draft_saved_at: at, status: "started", started_at: review.started_at ?? at })
      .where("id", "=", review.id).execute();
  });
}

/** Saves what the reviewer has so far (any subset). A refusal changes nothing. */
export async function saveReviewDraft(db: DB, reviewId: string, userId: string, input: ReviewInput, clock: Clock = defaultClock): Promise<{ ok: true; savedAt: string } | Fail> {
  const now = clock();
  const active = await requireActive(db, reviewId, userId, now);
  if (!active.ok) return active;
  const criteria = await criteriaOf(db, active.review.assignment_id);
  const parsed = parseReviewInput(criteria, input);
  if (!parsed.ok) return parsed;
  await writeDraft(db, active.review, parsed.value, criteria, now);
  return { ok: true, savedAt: now.toISOString() };
}

/** What is still missing before a review may be submitted (empty when complete). */
export function missingForSubmit(criteria: { id: string }[], v: Parsed): Fail | null {
  const unscored = criteria.filter((c) => v.levels[c.id] === undefined).map((c) => c.id);
  if (unscored.length) return { ok: false, error: "review.do.incomplete", criterionIds: unscored };
  const needComment = criteria.filter((c) => v.levels[c.id] <= 2 && !v.comments[c.id]).map((c) => c.id);
  if (needComment.length) return { ok: false, error: "review.do.commentRequired", criterionIds: needComment };
  if (!v.feedback) return { ok: false, error: "review.do.feedbackRequired" };
  return null;
}

/**
 * Submits the review. Unknown criterion / level out of range: refused, the stored draft untouched.
 * Incomplete (a level missing, a comment missing on a 1 or 2, no feedback): what was posted is kept
 * as the draft and the review stays open. On success: the score, then agreement and flags of every
 * submitted review of the same version, then the final grade of the piece.
 */
export async function submitReview(db: DB, reviewId: string, userId: string, input: ReviewInput, clock: Clock = defaultClock): Promise<{ ok: true; score: number } | Fail> {
  const now = clock();
  const active = await requireActive(db, reviewId, userId, now);
  if (!active.ok) return active;
  const review = active.review;
  const criteria = await criteriaOf(db, review.assignment_id);
  const parsed = parseReviewInput(criteria, input);
  if (!parsed.ok) return parsed;
  await writeDraft(db, review, parsed.value, criteria, now);
  const missing = criteria.length === 0 ? { ok: false as const, error: "review.do.incomplete" as const } : missingForSubmit(criteria, parsed.value);
  if (missing) return missing;
  const score = Math.round(weightedScore(criteria, parsed.value.levels) * 100) / 100;
  const at = now.toISOString();
  const done = await db.updateTable("peer_review").set({ status: "submitted", submitted_at: at, score })
    .where("id", "=", review.id).where("status", "in", [...ACTIVE]).executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return { ok: false, error: "review.do.takenBack" };
  await refreshAgreement(db, review.submission_id, review.version_id);
  await recomputeFinalGrade(db, review.submission_id);
  return { ok: true, score };
}

/** Agreement and flags of every submitted review of one version, each against the others. */
export async function refreshAgreement(db: DB, submissionId: string, versionId: string): Promise<void> {
  const reviews = await db.selectFrom("peer_review").select(["id", "feedback"])
    .where("submission_id", "=", submissionId).where("version_id", "=", versionId).where("status", "=", "submitted").execute();
  if (!reviews.length) return;
  const scores = await db.selectFrom("peer_review_score").select(["review_id", "criterion_id", "level", "comment"])
    .where("review_id", "in", reviews.map((r) => r.id)).execute();
  const levelsOf = new Map<string, Record<string, number>>();
  const commentsOf = new Map<string, (string | null)[]>();
  for (const s of scores) {
    if (s.level != null) levelsOf.set(s.review_id, { ...(levelsOf.get(s.review_id) ?? {}), [s.criterion_id]: s.level });
    commentsOf.set(s.review_id, [...(commentsOf.get(s.review_id) ?? []), s.comment]);
  }
  for (const r of reviews) {
    const mine: Levels = levelsOf.get(r.id) ?? {};
    const others = reviews.filter((o) => o.id !== r.id).map((o) => levelsOf.get(o.id) ?? {});
    const flags = reviewFlags(mine, others, r.feedback, commentsOf.get(r.id) ?? []);
    await db.updateTable("peer_review").set({ agreement: agreement(mine, others), flags: flags.length ? flags.join(",") : null }).where("id", "=", r.id).execute();
  }
}

// ---- anchored comments -------------------------------------------------------------------------

export interface TextAnchorInput { criterionId: string; quote: string; start?: number | null; end?: number | null; body: string }
export interface PinInput { criterionId: string; fileId: string; x: number; y: number; body: string }

async function anchorContext(db: DB, reviewId: string, userId: string, criterionId: string, body: string, now: Date) {
  const active = await requireActive(db, reviewId, userId, now);
  if (!active.ok) return active;
  const criteria = await criteriaOf(db, active.review.assignment_id);
  if (!criteria.some((c) => c.id === criterionId)) return { ok: false as const, error: "review.do.unknownCriterion" as const };
  const text = body.trim();
  if (!text) return { ok: false as const, error: "review.do.commentBodyRequired" as const };
  if (text.length > COMMENT_MAX) return { ok: false as const, error: "review.do.tooLong" as const };
  return { ok: true as const, review: active.review, body: text };
}

/**
 * A comment on a passage of the reviewed version. With offsets: the quote must equal the version's
 * plain text at [start, end). Without (the no-JS form): the quote must occur in the text; its first
 * occurrence is used. Otherwise refused.
 */
export async function addTextComment(db: DB, reviewId: string, userId: string, input: TextAnchorInput, clock: Clock = defaultClock): Promise<{ ok: true; id: string } | Fail> {
  const now = clock();
  const ctx = await anchorContext(db, reviewId, userId, input.criterionId, input.body, now);
  if (!ctx.ok) return ctx;
  const quote = input.quote ?? "";
  if (!quote.trim() || quote.length > QUOTE_MAX) return { ok: false, error: "review.do.quoteNotFound" };
  const v = await db.selectFrom("submission_version").select("body_json").where("id", "=", ctx.review.version_id).executeTakeFirstOrThrow();
  const plain = richTextToPlain(v.body_json);
  let start: number;
  let end: number;
  if (input.start != null || input.end != null) {
    start = Number(input.start);
    end = Number(input.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > plain.length || end - start !== quote.length || plain.slice(start, end) !== quote) {
      return { ok: false, error: "review.do.anchorMismatch" };
    }
  } else {
    start = plain.indexOf(quote);
    if (start < 0) return { ok: false, error: "review.do.quoteNotFound" };
    end = start + quote.length;
  }
  const id = createId();
  await db.insertInto("peer_review_comment").values({
    id, review_id: ctx.review.id, version_id: ctx.review.version_id, criterion_id: input.criterionId, anchor: "text",
    quote, start_offset: start, end_offset: end, body: ctx.body, created_at: now.toISOString(),
  }).execute();
  return { ok: true, id };
}

/** A pin on an image of the reviewed version, at (x, y) as fractions 0..1 of the shown image. */
export async function addPinComment(db: DB, reviewId: string, userId: string, input: PinInput, clock: Clock = defaultClock): Promise<{ ok: true; id: string } | Fail> {
  const now = clock();
  const ctx = await anchorContext(db, reviewId, userId, input.criterionId, input.body, now);
  if (!ctx.ok) return ctx;
  const x = Number(input.x);
  const y = Number(input.y);
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0 || x > 1 || y < 0 || y > 1) return { ok: false, error: "review.do.badPin" };
  const f = await db.selectFrom("submission_file").select(["id", "mime_type"])
    .where("id", "=", input.fileId).where("version_id", "=", ctx.review.version_id).executeTakeFirst();
  if (!f || !f.mime_type.startsWith("image/")) return { ok: false, error: "review.do.badPin" };
  const id = createId();
  await db.insertInto("peer_review_comment").values({
    id, review_id: ctx.review.id, version_id: ctx.review.version_id, criterion_id: input.criterionId, anchor: "pin",
    file_id: f.id, x, y, body: ctx.body, created_at: now.toISOString(),
  }).execute();
  return { ok: true, id };
}

/** Deletes one of my anchored comments while the review is still a draft. */
export async function deleteComment(db: DB, reviewId: string, userId: string, commentId: string, clock: Clock = defaultClock): Promise<{ ok: true } | Fail> {
  const active = await requireActive(db, reviewId, userId, clock());
  if (!active.ok) return active;
  await db.deleteFrom("peer_review_comment").where("id", "=", commentId).where("review_id", "=", reviewId).execute();
  return { ok: true };
}

// ---- calibration -------------------------------------------------------------------------------

export type CalibError = "review.calib.notFound" | "review.calib.forged" | "review.calib.incomplete" | "review.calib.levelRange" | "review.calib.unknownCriterion";

export interface CalibrationExampleView {
  id: string;
  position: number;
  title: string;
  bodyJson: string | null;
  imagePath: string | null;
  /** the latest attempt; the reference is shown only once there is one */
  attempt: { levels: Record<string, number>; withinOne: boolean; createdAt: string } | null;
  reference: Record<string, { level: number; note: string | null }> | null;
}

/** Whether calibration applies to this assignment (setting on and at least one example). */
export async function calibrationOn(db: DB, assignmentId: string): Promise<boolean> {
  const s = await db.selectFrom("peer_review_setting").select(["enabled", "calibration"]).where("assignment_id", "=", assignmentId).executeTakeFirst();
  return !!s && s.enabled === 1 && s.calibration === 1;
}

/** The examples of an assignment with my latest attempt at each and, after an attempt, the reference. */
export async function calibrationFor(db: DB, assignmentId: string, userId: string): Promise<{ examples: CalibrationExampleView[]; passed: boolean }> {
  const examples = await db.selectFrom("calibration_example").select(["id", "position", "title", "body_json", "image_path"])
    .where("assignment_id", "=", assignmentId).orderBy("position").execute();
  if (!examples.length) return { examples: [], passed: true };
  const ids = examples.map((e) => e.id);
  const [attempts, refs] = await Promise.all([
    db.selectFrom("calibration_attempt").select(["example_id", "levels_json", "within_one", "created_at"])
      .where("user_id", "=", userId).where("example_id", "in", ids).orderBy("created_at", "desc").orderBy("id", "desc").execute(),
    db.selectFrom("calibration_reference").select(["example_id", "criterion_id", "level", "note"]).where("example_id", "in", ids).execute(),
  ]);
  const view = examples.map((e): CalibrationExampleView => {
    const last = attempts.find((a) => a.example_id === e.id);
    return {
      id: e.id, position: e.position, title: e.title, bodyJson: e.body_json, imagePath: e.image_path,
      attempt: last ? { levels: JSON.parse(last.levels_json) as Record<string, number>, withinOne: last.within_one === 1, createdAt: last.created_at } : null,
      reference: last ? Object.fromEntries(refs.filter((r) => r.example_id === e.id).map((r) => [r.criterion_id, { level: r.level, note: r.note }])) : null,
    };
  });
  const passed = (await calibrationPassed(db, [assignmentId], [userId])).get(assignmentId);
  return { examples: view, passed: !passed || passed.has(userId) };
}

/**
 * Records an attempt at one example: a level 1..4 for every criterion of the rubric, nothing else.
 * The reference comes only from the database; any other posted field (a "reference", "within_one"…)
 * refuses the attempt. Within one level of the reference on every criterion = passed for that example.
 */
export async function attemptCalibration(
  db: DB, assignmentId: string, exampleId: string, userId: string, posted: { levels: Record<string, string>; otherFields: string[] }, clock: Clock = defaultClock,
): Promise<{ ok: true; withinOne: boolean; passedAll: boolean } | { ok: false; error: CalibError }> {
  const ex = await db.selectFrom("calibration_example").select("id").where("id", "=", exampleId).where("assignment_id", "=", assignmentId).executeTakeFirst();
  if (!ex || !(await calibrationOn(db, assignmentId))) return { ok: false, error: "review.calib.notFound" };
  if (posted.otherFields.length) return { ok: false, error: "review.calib.forged" };
  const criteria = await criteriaOf(db, assignmentId);
  const known = new Set(criteria.map((c) => c.id));
  const levels: Record<string, number> = {};
  for (const [id, raw] of Object.entries(posted.levels)) {
    if (!known.has(id)) return { ok: false, error: "review.calib.unknownCriterion" };
    const s = String(raw).trim();
    if (s === "") continue;
    if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 4) return { ok: false, error: "review.calib.levelRange" };
    levels[id] = Number(s);
  }
  if (criteria.some((c) => levels[c.id] === undefined)) return { ok: false, error: "review.calib.incomplete" };
  const refs = await db.selectFrom("calibration_reference").select(["criterion_id", "level"]).where("example_id", "=", ex.id).execute();
  const withinOne = refs.every((r) => levels[r.criterion_id] !== undefined && Math.abs(levels[r.criterion_id] - r.level) <= 1);
  await db.insertInto("calibration_attempt").values({
    id: createId(), example_id: ex.id, user_id: userId, levels_json: JSON.stringify(levels), within_one: withinOne ? 1 : 0, created_at: clock().toISOString(),
  }).execute();
  const { passed } = await calibrationFor(db, assignmentId, userId);
  return { ok: true, withinOne, passedAll: passed };
}

/** Assignments where I must still pass calibration before reviewing (enrolled, setting on, examples ready). */
export async function pendingCalibrations(db: DB, userId: string): Promise<{ moduleId: string; moduleTitle: string; assignmentId: string; assignmentTitle: string }[]> {
  const rows = await db.selectFrom("peer_review_setting as s")
    .innerJoin("assignment as a", "a.id", "s.assignment_id")
    .innerJoin("module as m", "m.id", "a.module_id")
    .innerJoin("enrolment as e", (j) => j.onRef("e.module_id", "=", "a.module_id").on("e.user_id", "=", userId).on("e.status", "=", "active"))
    .select(["m.id as moduleId", "m.title as moduleTitle", "a.id as assignmentId", "a.title as assignmentTitle"])
    .where("s.enabled", "=", 1).where("s.calibration", "=", 1)
    .where(({ exists, selectFrom }) => exists(selectFrom("calibration_example as x").select("x.id").whereRef("x.assignment_id", "=", "a.id")))
    .orderBy("a.due_at").execute();
  if (rows.length === 0) return [];
  const passed = await calibrationPassed(db, rows.map((r) => r.assignmentId), [userId]);
  return rows.filter((r) => !passed.get(r.assignmentId)?.has(userId));
}
