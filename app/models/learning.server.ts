// My learning (/belajar): one person's enrolled modules with progress, the work due next with their own
// deadlines (extensions applied), work returned for revision, their certificates, and the JP earned this
// calendar year (in their own zone) against the 20 JP a civil servant is entitled to each year.
// Five indexed queries whatever the network's size: enrolments by user, lesson counts by module,
// lessons done by user, the modules' assignments with this person's submission and extension, and
// certificates by user. Nothing is queried per module.
import { reusableQuery, type DB } from "#db/connection";
import { effectiveDeadline, submitWindow, type SubmitWindow } from "~/lib/deadlines";
import { utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { formatCertificateCode } from "~/models/certificate.server";
import { progressFromCounts, type ModuleProgress } from "~/models/completion.server";

/** Civil servants' yearly entitlement to competence development (jam pelajaran). */
export const JP_TARGET = 20;

export interface LearningModule {
  moduleId: string;
  title: string;
  jp: number;
  /** 0..100 every assignment must reach, or null */
  passMark: number | null;
  cohortName: string;
  startsOn: string;
  endsOn: string;
  completedAt: string | null;
  progress: ModuleProgress;
  hasCertificate: boolean;
}

export interface DueItem {
  assignmentId: string;
  moduleId: string;
  moduleTitle: string;
  title: string;
  kind: string;
  opensAt: string;
  dueAt: string;
  lateUntil: string;
  window: SubmitWindow;
  /** a per-person extension moved the dates */
  extended: boolean;
  /** a draft exists (started, not handed in) */
  started: boolean;
}

export interface ReturnedItem {
  assignmentId: string;
  moduleId: string;
  moduleTitle: string;
  title: string;
  dueAt: string;
  lateUntil: string;
  window: SubmitWindow;
}

export interface LearningCertificate {
  id: string;
  moduleId: string;
  moduleTitle: string;
  jp: number;
  code: string;
  completedOn: string;
  revoked: boolean;
}

export interface MyLearning {
  modules: LearningModule[];
  dueNext: DueItem[];
  returned: ReturnedItem[];
  certificates: LearningCertificate[];
  jp: JpSummary;
}

export interface JpSummary { year: number; earned: number; target: number }

/** The UTC instants bounding a calendar year in a zone: [start, end). */
export function yearBounds(year: number, tz: string): { start: string; end: string } {
  return {
    start: zonedToUtc(`${year}-01-01`, "00:00", tz)!.toISOString(),
    end: zonedToUtc(`${year + 1}-01-01`, "00:00", tz)!.toISOString(),
  };
}

export const yearIn = (now: Date, tz: string) => Number(utcToZoned(now, tz).date.slice(0, 4));

type CompletedRow = { module_id: string; completed_at: string | null; jp: number };

/** JP of distinct modules completed within the viewer's calendar year (a module counts once). */
export function sumJp(rows: CompletedRow[], bounds: { start: string; end: string }): number {
  const start = Date.parse(bounds.start);
  const end = Date.parse(bounds.end);
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.completed_at) continue;
    const t = Date.parse(r.completed_at);
    if (t >= start && t < end) seen.set(r.module_id, Math.max(seen.get(r.module_id) ?? 0, r.jp));
  }
  let sum = 0;
  for (const jp of seen.values()) sum += jp;
  return sum;
}

/** JP earned this calendar year in the viewer's zone: one indexed query (for the home page). */
export async function jpThisYear(db: DB, userId: string, tz: string, now: Date = new Date()): Promise<JpSummary> {
  const year = yearIn(now, tz);
  const bounds = yearBounds(year, tz);
  const rows = await db
    .selectFrom("enrolment")
    .innerJoin("module", "module.id", "enrolment.module_id")
    .select(["enrolment.module_id", "enrolment.completed_at", "module.jp"])
    .where("enrolment.user_id", "=", userId)
    .where("enrolment.completed_at", ">=", bounds.start)
    .where("enrolment.completed_at", "<", bounds.end)
    .execute();
  return { year, earned: sumJp(rows, bounds), target: JP_TARGET };
}

const byDue = (a: { dueAt: string; title: string }, b: { dueAt: string; title: string }) =>
  a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.title.localeCompare(b.title, "id");

// A person's enrolments and certificates, read on each visit to /belajar: compiled once (see reusableQuery).
const enrolmentsQuery = reusableQuery((db, userId: string) =>
  db
    .selectFrom("enrolment")
    .innerJoin("module", "module.id", "enrolment.module_id")
    .innerJoin("cohort", "cohort.id", "enrolment.cohort_id")
    .select([
      "enrolment.module_id", "enrolment.status", "enrolment.enrolled_at", "enrolment.completed_at",
      "module.title", "module.jp", "module.pass_mark", "module.status as module_status",
      "cohort.name as cohort_name", "cohort.starts_on", "cohort.ends_on",
    ])
    .where("enrolment.user_id", "=", userId)
    .orderBy("enrolment.enrolled_at", "desc"),
);
const certificatesQuery = reusableQuery((db, userId: string) =>
  db
    .selectFrom("certificate")
    .select(["id", "module_id", "module_title", "jp", "code", "completed_on", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("issued_at", "desc"),
);

// The lessons and assignments of every module the person is enrolled in (the page keeps those of
// the modules it shows), and the lessons they finished: keyed by the person alone, so these too are
// compiled once rather than built around a list of module ids on each visit.
const enrolledModules = (db: DB, userId: string) => db.selectFrom("enrolment").select("enrolment.module_id").where("enrolment.user_id", "=", userId);
const lessonCountsQuery = reusableQuery((db, userId: string) =>
  db
    .selectFrom("lesson")
    .select((eb) => ["lesson.module_id", eb.fn.countAll<number>().as("n")])
    .where("lesson.module_id", "in", enrolledModules(db, userId))
    .groupBy("lesson.module_id"),
);
const lessonsDoneQuery = reusableQuery((db, userId: string) =>
  db
    .selectFrom("lesson_progress")
    .innerJoin("lesson", "lesson.id", "lesson_progress.lesson_id")
    .select((eb) => ["lesson.module_id", eb.fn.countAll<number>().as("n")])
    .where("lesson_progress.user_id", "=", userId)
    .where("lesson_progress.completed_at", "is not", null)
    .groupBy("lesson.module_id"),
);
const assignmentsQuery = reusableQuery((db, submitterId: string, extendedId: string, enrolledId: string) =>
  db
    .selectFrom("assignment")
    .leftJoin("submission", (j) => j.onRef("submission.assignment_id", "=", "assignment.id").on("submission.user_id", "=", submitterId))
    .leftJoin("assignment_extension as x", (j) => j.onRef("x.assignment_id", "=", "assignment.id").on("x.user_id", "=", extendedId))
    .select([
      "assignment.id", "assignment.module_id", "assignment.title", "assignment.kind", "assignment.position",
      "assignment.opens_at", "assignment.due_at", "assignment.late_until",
      "submission.status", "submission.version_count", "submission.score",
      "x.due_at as x_due_at", "x.late_until as x_late_until",
    ])
    .where("assignment.module_id", "in", enrolledModules(db, enrolledId)),
);

export async function myLearning(db: DB, viewer: { id: string; timeZone: string }, now: Date = new Date()): Promise<MyLearning> {
  const [enrolments, certificates] = await Promise.all([enrolmentsQuery(db, viewer.id), certificatesQuery(db, viewer.id)]);

  const year = yearIn(now, viewer.timeZone);
  const jp: JpSummary = { year, earned: sumJp(enrolments, yearBounds(year, viewer.timeZone)), target: JP_TARGET };

  // One row per module: the latest active enrolment, else a completed one; drafts are not learnable.
  const chosen = new Map<string, (typeof enrolments)[number]>();
  for (const e of enrolments) {
    if (e.module_status === "draft") continue;
    if (e.status !== "active" && !e.completed_at) continue;
    const prev = chosen.get(e.module_id);
    if (!prev || (prev.status !== "active" && e.status === "active")) chosen.set(e.module_id, e);
  }
  const moduleIds = [...chosen.keys()];
  const certified = new Set(certificates.filter((c) => !c.revoked_at).map((c) => c.module_id));
  const certificateList: LearningCertificate[] = certificates.map((c) => ({
    id: c.id, moduleId: c.module_id, moduleTitle: c.module_title, jp: c.jp, code: formatCertificateCode(c.code),
    completedOn: c.completed_on, revoked: !!c.revoked_at,
  }));
  if (!moduleIds.length) return { modules: [], dueNext: [], returned: [], certificates: certificateList, jp };

  const [lessonCounts, lessonsDone, assignments] = await Promise.all([
    lessonCountsQuery(db, viewer.id),
    lessonsDoneQuery(db, viewer.id),
    assignmentsQuery(db, viewer.id, viewer.id, viewer.id),
  ]);

  const lessonsBy = new Map(lessonCounts.map((r) => [r.module_id, Number(r.n)]));
  const doneBy = new Map(lessonsDone.map((r) => [r.module_id, Number(r.n)]));
  const counts = new Map<string, { assignments: number; submitted: number; passed: number }>();
  const dueNext: DueItem[] = [];
  const returned: ReturnedItem[] = [];

  for (const a of assignments) {
    const e = chosen.get(a.module_id);
    if (!e) continue; // a module of a withdrawn enrolment, or still a draft
    const c = counts.get(a.module_id) ?? { assignments: 0, submitted: 0, passed: 0 };
    counts.set(a.module_id, c);
    c.assignments++;
    const versions = a.version_count ?? 0;
    const submitted = versions > 0 && a.status !== "returned";
    if (submitted) c.submitted++;
    if (submitted && a.status === "graded" && a.score != null && e.pass_mark != null && a.score >= e.pass_mark) c.passed++;
    if (e.completed_at) continue; // nothing is due in a finished module
    const deadline = effectiveDeadline(
      { opensAt: a.opens_at, dueAt: a.due_at, lateUntil: a.late_until },
      a.x_due_at && a.x_late_until ? { dueAt: a.x_due_at, lateUntil: a.x_late_until } : null,
    );
    const window = submitWindow(deadline, now);
    if (versions > 0 && a.status === "returned") {
      returned.push({ assignmentId: a.id, moduleId: a.module_id, moduleTitle: e.title, title: a.title, dueAt: deadline.dueAt, lateUntil: deadline.lateUntil, window });
    } else if (!submitted) {
      dueNext.push({
        assignmentId: a.id, moduleId: a.module_id, moduleTitle: e.title, title: a.title, kind: a.kind,
        opensAt: deadline.opensAt, dueAt: deadline.dueAt, lateUntil: deadline.lateUntil, window,
        extended: !!a.x_due_at, started: a.status === "draft",
      });
    }
  }
  dueNext.sort(byDue);
  returned.sort(byDue);

  const modules: LearningModule[] = moduleIds.map((id) => {
    const e = chosen.get(id)!;
    const c = counts.get(id) ?? { assignments: 0, submitted: 0, passed: 0 };
    return {
      moduleId: id,
      title: e.title,
      jp: e.jp,
      passMark: e.pass_mark,
      cohortName: e.cohort_name,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      completedAt: e.completed_at,
      hasCertificate: certified.has(id),
      progress: progressFromCounts({
        lessons: lessonsBy.get(id) ?? 0,
        lessonsDone: doneBy.get(id) ?? 0,
        assignments: c.assignments,
        assignmentsSubmitted: c.submitted,
        assignmentsPassed: c.passed,
        passMark: e.pass_mark,
      }),
    };
  });
  // Running modules first (by start date), then the finished ones, most recently completed first.
  modules.sort((a, b) => {
    if (!!a.completedAt !== !!b.completedAt) return a.completedAt ? 1 : -1;
    if (a.completedAt && b.completedAt) return a.completedAt < b.completedAt ? 1 : -1;
    return a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.title.localeCompare(b.title, "id");
  });

  return { modules, dueNext, returned, certificates: certificateList, jp };
}
