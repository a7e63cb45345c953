// What the author of a piece gets back from peer review, and the revision round around it.
// Owns peer_review.helpfulness(_at) and peer_review_comment.addressed/reply; reads the rest.
//
// Rules:
// - The author sees the reviews once they have submitted every review assigned to them AND either
//   every active review of their piece is submitted or the review period (reviews_due_at) is over.
// - Reviewers are "Peninjau 1, 2…" (in the order their reviews came in); a name only when the
//   assignment's anonymity allows it or the viewer is staff (the caller decides `namesVisible`).
// - Comments stay on the version they were made on; the page shows the version that was reviewed.
// - The author rates each review 1–5 (changeable) and answers each comment: addressed yes/no and a
//   short reply. Only the author of the piece may, only on submitted reviews, only once visible.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { medianLevels } from "~/lib/peer-grade";
import { storedToPlain } from "~/lib/rich-text";
import { HELPFULNESS_MAX, HELPFULNESS_MIN, MAX_REPLY } from "~/lib/peer-results";
import { diffText, type TextDiff } from "~/lib/text-diff";
import { getVersion, type VersionDetail } from "./submission.server";

type Clock = () => Date;
const defaultClock: Clock = () => new Date();
const ACTIVE = ["assigned", "started", "submitted"] as const;
export { MAX_REPLY };

export type ResultsState = "off" | "not_submitted" | "own_pending" | "waiting" | "visible";
export interface ResultsStatus {
  state: ResultsState;
  owed: number; // reviews assigned to the author that are still active
  done: number; // …of which submitted
  received: number; // submitted reviews of the author's piece
  expected: number; // active reviews of the author's piece
  reviewsDueAt: string | null;
  submissionId: string | null;
  anonymity: string; // both | reviewers_named | open
}

/** Where the author stands: may they see the reviews of their piece, and if not, why not. */
export async function resultsStatus(db: DB, assignmentId: string, authorId: string, clock: Clock = defaultClock): Promise<ResultsStatus> {
  const setting = await db.selectFrom("peer_review_setting").select(["reviews_due_at", "enabled", "anonymity"]).where("assignment_id", "=", assignmentId).executeTakeFirst();
  const base: ResultsStatus = { state: "off", owed: 0, done: 0, received: 0, expected: 0, reviewsDueAt: null, submissionId: null, anonymity: "both" };
  if (!setting || setting.enabled !== 1) return base;
  base.reviewsDueAt = setting.reviews_due_at;
  base.anonymity = setting.anonymity;
  const sub = await db.selectFrom("submission").select(["id", "version_count"]).where("assignment_id", "=", assignmentId).where("user_id", "=", authorId).executeTakeFirst();
  if (!sub || sub.version_count === 0) return { ...base, state: "not_submitted", submissionId: sub?.id ?? null };
  const mine = await db.selectFrom("peer_review").select("status")
    .where("assignment_id", "=", assignmentId).where("reviewer_id", "=", authorId).where("status", "in", ACTIVE).execute();
  const received = await db.selectFrom("peer_review").select("status")
    .where("submission_id", "=", sub.id).where("kind", "!=", "self").where("status", "in", ACTIVE).execute();
  const status: ResultsStatus = {
    ...base,
    submissionId: sub.id,
    owed: mine.length,
    done: mine.filter((r) => r.status === "submitted").length,
    expected: received.length,
    received: received.filter((r) => r.status === "submitted").length,
  };
  const closed = clock().getTime() >= new Date(setting.reviews_due_at).getTime();
  const allIn = status.expected > 0 && status.received === status.expected;
  if (status.done < status.owed) status.state = "own_pending";
  else if (!allIn && !closed) status.state = "waiting";
  else status.state = "visible";
  return status;
}

export interface CriterionRef { id: string; title: string }
export interface ReceivedReview {
  id: string;
  label: number; // Peninjau N
  reviewerName: string | null;
  submittedAt: string;
  feedback: string | null;
  levels: Record<string, { level: number | null; comment: string | null }>;
  helpfulness: number | null;
}
export interface AnchoredComment {
  id: string;
  n: number; // number of the mark/pin on the page
  reviewLabel: number;
  criterionId: string;
  criterionTitle: string;
  anchor: "text" | "pin";
  quote: string | null;
  start: number | null; // offsets into `plainText`, checked; null when the passage is not found
  end: number | null;
  fileId: string | null;
  x: number | null;
  y: number | null;
  body: string;
  addressed: boolean | null;
  reply: string | null;
  onShownVersion: boolean;
}
export interface PeerResults {
  status: ResultsStatus;
  version: VersionDetail | null; // the version that was reviewed
  plainText: string;
  criteria: CriterionRef[];
  medians: Record<string, number>;
  reviews: ReceivedReview[];
  comments: AnchoredComment[];
}

/**
 * The reviews of the author's piece as the author sees them (null parts when not yet visible).
 * Reviewers' names only when the assignment's anonymity lets authors see them, or `staff` (a
 * fasilitator or the coordinator) is looking.
 */
export async function peerResults(
  db: DB, input: { assignmentId: string; authorId: string; staff?: boolean }, clock: Clock = defaultClock,
): Promise<PeerResults> {
  const status = await resultsStatus(db, input.assignmentId, input.authorId, clock);
  const namesVisible = input.staff === true || status.anonymity === "reviewers_named" || status.anonymity === "open";
  const empty: PeerResults = { status, version: null, plainText: "", criteria: [], medians: {}, reviews: [], comments: [] };
  if (status.state !== "visible" || !status.submissionId) return empty;

  const rows = await db
    .selectFrom("peer_review as r")
    .innerJoin("user as u", "u.id", "r.reviewer_id")
    .innerJoin("submission_version as v", "v.id", "r.version_id")
    .select(["r.id", "r.submitted_at", "r.feedback", "r.helpfulness", "r.version_id", "v.number as version_number", "u.name"])
    .where("r.submission_id", "=", status.submissionId)
    .where("r.kind", "!=", "self")
    .where("r.status", "=", "submitted")
    .orderBy("r.submitted_at").orderBy("r.id")
    .execute();
  const shownNumber = rows.length ? Math.max(...rows.map((r) => r.version_number)) : null;
  const version = (await getVersion(db, status.submissionId, shownNumber)) ?? null;
  const plainText = storedToPlain(version?.body_json);

  const a = await db.selectFrom("assignment").select("rubric_id").where("id", "=", input.assignmentId).executeTakeFirst();
  const criteria: CriterionRef[] = a?.rubric_id
    ? await db.selectFrom("rubric_criterion").select(["id", "title"]).where("rubric_id", "=", a.rubric_id).orderBy("position").execute()
    : [];
  const titleOf = new Map(criteria.map((c) => [c.id, c.title]));
  if (rows.length === 0) return { ...empty, version, plainText, criteria };

  const ids = rows.map((r) => r.id);
  const scores = await db.selectFrom("peer_review_score").select(["review_id", "criterion_id", "level", "comment"]).where("review_id", "in", ids).execute();
  const labelOf = new Map(rows.map((r, i) => [r.id, i + 1]));
  const reviews: ReceivedReview[] = rows.map((r) => ({
    id: r.id,
    label: labelOf.get(r.id)!,
    reviewerName: namesVisible ? r.name : null,
    submittedAt: r.submitted_at ?? "",
    feedback: r.feedback,
    helpfulness: r.helpfulness,
    levels: Object.fromEntries(scores.filter((s) => s.review_id === r.id).map((s) => [s.criterion_id, { level: s.level, comment: s.comment }])),
  }));
  const medians = medianLevels(
    reviews.map((r) => Object.fromEntries(Object.entries(r.levels).filter(([c, l]) => l.level != null && titleOf.has(c)).map(([c, l]) => [c, l.level!]))),
  );

  const raw = await db.selectFrom("peer_review_comment")
    .select(["id", "review_id", "version_id", "criterion_id", "anchor", "quote", "start_offset", "end_offset", "file_id", "x", "y", "body", "addressed", "reply", "created_at"])
    .where("review_id", "in", ids)
    .execute();
  const located = raw.map((c) => {
    const onShownVersion = c.version_id === version?.id;
    let start: number | null = null;
    let end: number | null = null;
    if (c.anchor === "text" && c.quote && onShownVersion) {
      if (c.start_offset != null && c.end_offset != null && plainText.slice(c.start_offset, c.end_offset) === c.quote) {
        start = c.start_offset;
        end = c.end_offset;
      } else {
        const at = plainText.indexOf(c.quote);
        if (at >= 0) { start = at; end = at + c.quote.length; }
      }
    }
    return { c, start, end, onShownVersion };
  });
  // Numbered in reading order: passages by position, then pins by image and height, then the rest.
  const pos = (l: (typeof located)[number]) =>
    l.start != null ? l.start : l.c.anchor === "pin" && l.onShownVersion ? 1e9 + (l.c.y ?? 0) * 1e6 + (l.c.x ?? 0) : 2e9;
  located.sort((p, q) => pos(p) - pos(q) || (labelOf.get(p.c.review_id)! - labelOf.get(q.c.review_id)!) || p.c.created_at.localeCompare(q.c.created_at));
  const comments: AnchoredComment[] = located.map(({ c, start, end, onShownVersion }, i) => ({
    id: c.id, n: i + 1, reviewLabel: labelOf.get(c.review_id)!, criterionId: c.criterion_id, criterionTitle: titleOf.get(c.criterion_id) ?? "",
    anchor: c.anchor === "pin" ? "pin" : "text", quote: c.quote, start, end, fileId: c.file_id, x: c.x, y: c.y, body: c.body,
    addressed: c.addressed == null ? null : c.addressed === 1, reply: c.reply, onShownVersion,
  }));
  return { status, version, plainText, criteria, medians, reviews, comments };
}

export type AuthorWriteResult = { ok: true } | { ok: false; error: string };

/** A submitted review of the author's piece that the author may already see, or a reason. */
async function authorsReview(db: DB, reviewId: string, authorId: string, clock: Clock) {
  const r = await db.selectFrom("peer_review as r").innerJoin("submission as s", "s.id", "r.submission_id")
    .select(["r.id", "r.status", "r.kind", "r.assignment_id", "s.user_id"])
    .where("r.id", "=", reviewId).executeTakeFirst();
  if (!r || r.user_id !== authorId || r.kind === "self" || r.status !== "submitted") return null;
  const st = await resultsStatus(db, r.assignment_id, authorId, clock);
  return st.state === "visible" ? r : null;
}

/** The author's helpfulness rating of one review, 1–5; may be changed later. */
export async function rateReview(
  db: DB, input: { authorId: string; reviewId: string; helpfulness: number }, clock: Clock = defaultClock,
): Promise<AuthorWriteResult> {
  if (!Number.isInteger(input.helpfulness) || input.helpfulness < HELPFULNESS_MIN || input.helpfulness > HELPFULNESS_MAX) return { ok: false, error: "review.result.badRating" };
  const r = await authorsReview(db, input.reviewId, input.authorId, clock);
  if (!r) return { ok: false, error: "review.result.notYours" };
  await db.updateTable("peer_review").set({ helpfulness: input.helpfulness, helpfulness_at: nowIso(clock) }).where("id", "=", r.id).execute();
  return { ok: true };
}

/** The author's answer to one comment: addressed or not (null = not answered) and a short reply. */
export async function answerComment(
  db: DB, input: { authorId: string; commentId: string; addressed: boolean | null; reply: string }, clock: Clock = defaultClock,
): Promise<AuthorWriteResult> {
  const reply = input.reply.trim();
  if (reply.length > MAX_REPLY) return { ok: false, error: "review.result.replyTooLong" };
  const c = await db.selectFrom("peer_review_comment").select(["id", "review_id"]).where("id", "=", input.commentId).executeTakeFirst();
  if (!c || !(await authorsReview(db, c.review_id, input.authorId, clock))) return { ok: false, error: "review.result.notYours" };
  await db.updateTable("peer_review_comment")
    .set({ addressed: input.addressed == null ? null : input.addressed ? 1 : 0, reply: reply || null })
    .where("id", "=", c.id).execute();
  return { ok: true };
}

// ---- comparing two versions ---------------------------------------------------------------------

export type CompareRole = "author" | "reviewer" | null;

/** The viewer's relation to a submission: its author, an active reviewer of it, or neither. */
export async function compareRole(db: DB, submissionId: string, userId: string): Promise<CompareRole> {
  const s = await db.selectFrom("submission").select("user_id").where("id", "=", submissionId).executeTakeFirst();
  if (!s) return null;
  if (s.user_id === userId) return "author";
  const r = await db.selectFrom("peer_review").select("id")
    .where("submission_id", "=", submissionId).where("reviewer_id", "=", userId).where("status", "in", ACTIVE).executeTakeFirst();
  return r ? "reviewer" : null;
}

export interface Comparison { from: VersionDetail; to: VersionDetail; diff: TextDiff | null; versionNumbers: number[] }

/** Two versions of a submission and, for text, the word diff between them. */
export async function compareVersions(db: DB, submissionId: string, from: number, to: number): Promise<Comparison | null> {
  const [a, b] = await Promise.all([getVersion(db, submissionId, from), getVersion(db, submissionId, to)]);
  if (!a || !b) return null;
  const numbers = await db.selectFrom("submission_version").select("number").where("submission_id", "=", submissionId).orderBy("number").execute();
  const diff = a.body_json || b.body_json ? diffText(storedToPlain(a.body_json), storedToPlain(b.body_json)) : null;
  return { from: a, to: b, diff, versionNumbers: numbers.map((n) => n.number) };
}
