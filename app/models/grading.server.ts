// Fasilitator grading: the queue of an assignment's submitted work, the grade itself (a level 1..4
// and a comment per rubric criterion, overall feedback, and a decision: graded or returned for
// revision) and the latest grade of a submission for the trainee's page. Owns the grade and
// grade_criterion tables and writes submission.status/score/graded_at; the first grade locks the
// assignment's rubric.
//
// The queue reads through submission_queue_idx (assignment_id, status, submitted_at): one
// assignment's rows of one status come out of the index already in order, so a page costs the same
// at 200,000 submissions as at 200.
import { reusableQuery, type DB } from "#db/connection";
import { containsText } from "#db/sql";
import { createId, nowIso } from "~/.server/crypto.server";
import { writeCache } from "~/.server/write-cache.server";
import { formatNumber } from "~/i18n/format";
import { checkGradeInput, QUEUE_FILTERS, type GradeDecision, type GradeInput, type QueueFilter } from "~/lib/assignment";
import { weightedScore } from "~/lib/rubric";
import { checkCompletion } from "./completion.server";
import { notify } from "./notification.server";
import { qualityChange } from "./participation-quality.server";
import { refreshFinalGradeAfterGrading } from "./peer-grade.server";
import { listCriteria } from "./rubric.server";

type Clock = () => Date;

export { QUEUE_FILTERS, type QueueFilter };
export const QUEUE_PAGE_SIZE = 25;
const HANDED_IN = ["submitted", "returned", "graded"];

export interface QueueCounts { submitted: number; graded: number; returned: number; late: number; notSubmitted: number; enrolled: number }

/**
 * Counts for the queue's header, in one statement of index-only counts. "Not yet handed in" =
 * people actively enrolled (one active enrolment per person and module, see enrolment.server) −
 * those of them who handed in. Only enrolled people can hand in, so the second term is all
 * handed-in work minus that of people who have since left the module (withdrawn: few).
 */
export async function queueCounts(db: DB, moduleId: string, assignmentId: string): Promise<QueueCounts> {
  return { ...(await countsCache(db, `${moduleId}|${assignmentId}`, () => countQueue(db, moduleId, assignmentId))) };
}

// The counts walk every submission and enrolment of the assignment's module (thousands in a big
// class) on each view of the queue; they change only when those tables are written.
const countsCache = writeCache<QueueCounts>(["submission", "enrolment", "cohort", "assignment", "module"]);

async function countQueue(db: DB, moduleId: string, assignmentId: string): Promise<QueueCounts> {
  const byStatus = (status: string) =>
    db.selectFrom("submission").select((eb) => eb.fn.countAll<number>().as("n")).where("assignment_id", "=", assignmentId).where("status", "=", status);
  const r = await db
    .selectNoFrom((eb) => [
      byStatus("submitted").as("submitted"),
      byStatus("graded").as("graded"),
      byStatus("returned").as("returned"),
      eb.selectFrom("submission").select((e) => e.fn.countAll<number>().as("n"))
        .where("assignment_id", "=", assignmentId).where("status", "in", HANDED_IN).where("late", "=", 1).as("late"),
      eb.selectFrom("enrolment").select((e) => e.fn.countAll<number>().as("n"))
        .where("module_id", "=", moduleId).where("status", "=", "active").as("enrolled"),
      eb.selectFrom("enrolment as e").select((e) => e.fn.count<number>("e.user_id").distinct().as("n"))
        .where("e.module_id", "=", moduleId)
        .where("e.status", "=", "withdrawn")
        .where(({ exists, not, selectFrom }) =>
          exists(
            selectFrom("submission as s").select("s.id")
              .whereRef("s.user_id", "=", "e.user_id").where("s.assignment_id", "=", assignmentId).where("s.status", "in", HANDED_IN),
          ).and(
            not(exists(selectFrom("enrolment as a").select("a.id").whereRef("a.user_id", "=", "e.user_id").where("a.module_id", "=", moduleId).where("a.status", "=", "active"))),
          ),
        )
        .as("left"),
    ])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  const handedIn = n(r.submitted) + n(r.graded) + n(r.returned);
  return {
    submitted: n(r.submitted), graded: n(r.graded), returned: n(r.returned), late: n(r.late),
    enrolled: n(r.enrolled), notSubmitted: Math.max(0, n(r.enrolled) - (handedIn - n(r.left))),
  };
}

export interface QueueQuery {
  filter?: QueueFilter;
  agencyId?: string | null;
  /** part of the person's name or of their agency's name */
  q?: string | null;
  page?: number;
  pageSize?: number;
}

/** The number of rows a filter matches, when the header's counts already say it (no search, no agency). */
function knownTotal(q: QueueQuery, counts: QueueCounts | undefined): number | null {
  if (!counts || q.agencyId || q.q?.trim()) return null;
  const filter = q.filter ?? "submitted";
  if (filter === "all") return counts.submitted + counts.graded + counts.returned;
  return counts[filter];
}

function queueBase(db: DB, assignmentId: string, q: QueueQuery) {
  const filter = q.filter ?? "submitted";
  let base = db.selectFrom("submission as s").where("s.assignment_id", "=", assignmentId);
  if (filter === "submitted" || filter === "returned" || filter === "graded") base = base.where("s.status", "=", filter);
  else base = base.where("s.status", "in", HANDED_IN);
  if (filter === "late") base = base.where("s.late", "=", 1);
  if (q.agencyId) base = base.where("s.agency_id", "=", q.agencyId);
  const term = q.q?.trim();
  if (term) {
    base = base.where(({ or, exists, selectFrom }) =>
      or([
        exists(selectFrom("user as qu").select("qu.id").whereRef("qu.id", "=", "s.user_id").where((eb) => containsText(eb.ref("qu.name"), term))),
        exists(
          selectFrom("agency as qa").select("qa.id").whereRef("qa.id", "=", "s.agency_id")
            .where((eb) => eb.or([containsText(eb.ref("qa.short_name"), term), containsText(eb.ref("qa.name"), term)])),
        ),
      ]),
    );
  }
  return base;
}

/** The rows of one page (exported for the query-plan test). */
export function queueRowsQuery(db: DB, assignmentId: string, q: QueueQuery = {}) {
  const pageSize = q.pageSize ?? QUEUE_PAGE_SIZE;
  const page = Math.max(1, Math.floor(q.page ?? 1));
  return queueBase(db, assignmentId, q)
    .innerJoin("user as u", "u.id", "s.user_id")
    .leftJoin("agency as ag", "ag.id", "s.agency_id")
    .select([
      "s.id", "s.status", "s.version_count", "s.submitted_at", "s.late", "s.score", "s.graded_at",
      "u.name", "ag.short_name as agency",
    ])
    .orderBy("s.submitted_at")
    .orderBy("s.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

// A page of one state's work without a search or an agency (the queue as it opens, and its state
// tiles) has a fixed shape: compiled once (see reusableQuery), as queueRowsQuery builds it.
const queuePage = reusableQuery((db, assignmentId: string, status: string, limit: number, offset: number) =>
  queueRowsQuery(db, assignmentId, { filter: status as "submitted" })
    .clearLimit().clearOffset().limit(limit).offset(offset),
);

/** One page of handed-in work, oldest submitted first. Pass the header's `counts` (queueCounts) to
 *  spare counting the matching rows a second time when they already tell. */
export async function listQueue(db: DB, assignmentId: string, q: QueueQuery = {}, counts?: QueueCounts) {
  const pageSize = q.pageSize ?? QUEUE_PAGE_SIZE;
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const known = knownTotal(q, counts);
  const filter = q.filter ?? "submitted";
  const oneState = (filter === "submitted" || filter === "returned" || filter === "graded") && !q.agencyId && !q.q?.trim();
  const [rows, n] = await Promise.all([
    oneState ? queuePage(db, assignmentId, filter, pageSize, (page - 1) * pageSize) : queueRowsQuery(db, assignmentId, q).execute(),
    known ?? queueBase(db, assignmentId, q).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, late: r.late === 1 })),
    total: n,
    page,
    pages: Math.max(1, Math.ceil(n / pageSize)),
  };
}

/** A handed-in submission of this assignment, with its author and versions, for the grade page. */
export async function getSubmissionForGrading(db: DB, assignmentId: string, submissionId: string) {
  const s = await db
    .selectFrom("submission as s")
    .innerJoin("user as u", "u.id", "s.user_id")
    .leftJoin("agency as ag", "ag.id", "s.agency_id")
    .select([
      "s.id", "s.assignment_id", "s.module_id", "s.user_id", "s.status", "s.current_version_id", "s.version_count",
      "s.submitted_at", "s.late", "s.score", "s.graded_at", "u.name", "u.time_zone", "ag.short_name as agency",
    ])
    .where("s.id", "=", submissionId)
    .where("s.assignment_id", "=", assignmentId)
    .where("s.status", "in", HANDED_IN)
    .executeTakeFirst();
  if (!s || !s.current_version_id) return null;
  const versions = await db
    .selectFrom("submission_version")
    .select(["id", "number", "submitted_at", "late", "word_count"])
    .where("submission_id", "=", s.id)
    .orderBy("number", "desc")
    .execute();
  return { ...s, late: s.late === 1, versions: versions.map((v) => ({ ...v, late: v.late === 1 })) };
}
export type GradingSubmission = NonNullable<Awaited<ReturnType<typeof getSubmissionForGrading>>>;

export interface LatestGrade {
  id: string;
  versionId: string;
  versionNumber: number;
  decision: GradeDecision;
  score: number | null;
  feedback: string | null;
  graderName: string | null;
  createdAt: string;
  /** per criterion id */
  levels: Record<string, number>;
  comments: Record<string, string>;
  criteria: { criterionId: string; title: string; level: number; comment: string | null }[];
}

/** The newest grade of a submission (graded or returned), or null. For the trainee's page too. */
export async function latestGrade(db: DB, submissionId: string): Promise<LatestGrade | null> {
  const g = await db
    .selectFrom("grade as g")
    .leftJoin("user as u", "u.id", "g.grader_id")
    .innerJoin("submission_version as v", "v.id", "g.version_id")
    .select(["g.id", "g.version_id", "v.number", "g.decision", "g.score", "g.feedback", "g.created_at", "u.name"])
    .where("g.submission_id", "=", submissionId)
    .orderBy("g.created_at", "desc")
    .orderBy("g.id", "desc")
    .executeTakeFirst();
  if (!g) return null;
  const rows = await db
    .selectFrom("grade_criterion as gc")
    .innerJoin("rubric_criterion as c", "c.id", "gc.criterion_id")
    .select(["gc.criterion_id", "gc.level", "gc.comment", "c.title"])
    .where("gc.grade_id", "=", g.id)
    .orderBy("c.position")
    .execute();
  return {
    id: g.id, versionId: g.version_id, versionNumber: g.number, decision: g.decision === "returned" ? "returned" : "graded",
    score: g.score, feedback: g.feedback, graderName: g.name, createdAt: g.created_at,
    levels: Object.fromEntries(rows.map((r) => [r.criterion_id, r.level])),
    comments: Object.fromEntries(rows.filter((r) => r.comment).map((r) => [r.criterion_id, r.comment!])),
    criteria: rows.map((r) => ({ criterionId: r.criterion_id, title: r.title, level: r.level, comment: r.comment })),
  };
}

export interface GradeContext {
  assignment: { id: string; module_id: string; title: string; rubric_id: string | null };
  submission: Pick<GradingSubmission, "id" | "user_id" | "current_version_id">;
}

/**
 * Records a grade on the submission's current version. Posted levels and comments are checked
 * against the rubric again here (an unknown criterion or a level outside 1..4 saves nothing). The
 * first grade locks the rubric. Then the trainee is told and completion is checked.
 */
export async function saveGrade(
  db: DB,
  ctx: GradeContext,
  posted: { decision: GradeDecision; level?: Record<string, string>; comment?: Record<string, string>; feedback?: string },
  actor: { graderId: string; baseUrl?: string },
  clock: Clock = () => new Date(),
): Promise<{ ok: true; score: number | null } | { ok: false; error: string }> {
  if (!ctx.assignment.rubric_id) return { ok: false, error: "grading.noRubric" };
  if (!ctx.submission.current_version_id) return { ok: false, error: "grading.nothingSubmitted" };
  const criteria = await listCriteria(db, ctx.assignment.rubric_id);
  const checked = checkGradeInput(criteria.map((c) => c.id), posted);
  if (!checked.ok) return checked;
  const input: GradeInput = checked.value;
  const score = input.decision === "graded" ? weightedScore(criteria, input.levels) : null;
  const now = nowIso(clock);
  const gradeId = createId();
  await db.transaction().execute(async (trx) => {
    const quality = await qualityChange(trx, { submissionId: ctx.submission.id }); // the report's rubric means
    await trx
      .insertInto("grade")
      .values({
        id: gradeId, submission_id: ctx.submission.id, version_id: ctx.submission.current_version_id!, grader_id: actor.graderId,
        decision: input.decision, score, feedback: input.feedback, created_at: now,
      })
      .execute();
    const rows = criteria
      .filter((c) => input.levels[c.id] !== undefined)
      .map((c) => ({ grade_id: gradeId, criterion_id: c.id, level: input.levels[c.id], comment: input.comments[c.id] ?? null }));
    if (rows.length) await trx.insertInto("grade_criterion").values(rows).execute();
    await trx
      .updateTable("submission")
      .set({ status: input.decision, score, graded_at: now, updated_at: now })
      .where("id", "=", ctx.submission.id)
      .execute();
    await trx.updateTable("rubric").set({ locked_at: now }).where("id", "=", ctx.assignment.rubric_id!).where("locked_at", "is", null).execute();
    await quality.settle();
  });
  await refreshFinalGradeAfterGrading(db, ctx.assignment.id, ctx.submission.id);
  const module = await db.selectFrom("module").select("title").where("id", "=", ctx.assignment.module_id).executeTakeFirst();
  await notify(db, {
    userId: ctx.submission.user_id,
    kind: input.decision === "graded" ? "submissionGraded" : "submissionReturned",
    params: { assignment: ctx.assignment.title, module: module?.title ?? "", score: score === null ? "" : formatScore(score) },
    link: `/pelatihan/${ctx.assignment.module_id}/tugas/${ctx.assignment.id}`,
    baseUrl: actor.baseUrl,
  });
  await checkCompletion(db, ctx.assignment.module_id, ctx.submission.user_id, clock);
  return { ok: true, score };
}

/** "78,75": scores are multiples of 0.25; the notification text is rendered once. */
const formatScore = (n: number) => formatNumber(n, "id", 2);

/** Grades of a submission, newest first (the grade page's history). */
export async function gradeHistory(db: DB, submissionId: string) {
  return db
    .selectFrom("grade as g")
    .leftJoin("user as u", "u.id", "g.grader_id")
    .leftJoin("submission_version as v", "v.id", "g.version_id")
    .select(["g.id", "g.decision", "g.score", "g.created_at", "u.name as grader", "v.number"])
    .where("g.submission_id", "=", submissionId)
    .orderBy("g.created_at", "desc")
    .execute();
}
