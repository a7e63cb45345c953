// Module completion. A module is complete for a person when every lesson is done
// (lesson_progress.completed_at) and every assignment submitted (a submission with at least one version
// that is not returned for revision) and — where the module has a pass mark — every assignment graded
// at or above it. Completion stamps the person's active enrolment and issues the certificate.
// `checkCompletion` runs after every lesson done / submission / grade, so it stays a few indexed queries.
import { sql } from "kysely";
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { formatCertificateCode, issueCertificate } from "~/models/certificate.server";
import { notify } from "~/models/notification.server";

export interface ModuleProgress {
  lessons: number;
  lessonsDone: number;
  assignments: number;
  /** Handed in and not returned for revision. */
  assignmentsSubmitted: number;
  /** Graded at or above the pass mark; without a pass mark, the same as submitted. */
  assignmentsPassed: number;
  /** Every assignment passed (true without a pass mark once all are submitted). */
  passed: boolean;
  complete: boolean;
  /** 0..100: done lessons and (passed, or submitted) assignments out of all of them. */
  percent: number;
}

export interface ProgressCounts {
  lessons: number;
  lessonsDone: number;
  assignments: number;
  assignmentsSubmitted: number;
  assignmentsPassed: number;
  passMark: number | null;
}

/** The pure rule, shared with pages that count in bulk (my learning). */
export function progressFromCounts(c: ProgressCounts): ModuleProgress {
  const passedCount = c.passMark == null ? c.assignmentsSubmitted : c.assignmentsPassed;
  const total = c.lessons + c.assignments;
  const passed = passedCount >= c.assignments;
  const complete = total > 0 && c.lessonsDone >= c.lessons && c.assignmentsSubmitted >= c.assignments && passed;
  const done = c.lessonsDone + passedCount;
  return {
    lessons: c.lessons,
    lessonsDone: c.lessonsDone,
    assignments: c.assignments,
    assignmentsSubmitted: c.assignmentsSubmitted,
    assignmentsPassed: passedCount,
    passed,
    complete,
    percent: total === 0 ? 0 : Math.min(100, Math.floor((done * 100) / total)),
  };
}

const num = (v: unknown) => Number(v ?? 0);

/** One query: the module's lesson and assignment counts and this person's share of each. */
export async function moduleProgress(db: DB, moduleId: string, userId: string): Promise<ModuleProgress> {
  const row = await db
    .selectFrom("module")
    .select((eb) => [
      "module.pass_mark",
      eb.selectFrom("lesson").select(eb.fn.countAll<number>().as("n")).where("lesson.module_id", "=", moduleId).as("lessons"),
      eb
        .selectFrom("lesson")
        .innerJoin("lesson_progress", "lesson_progress.lesson_id", "lesson.id")
        .select(eb.fn.countAll<number>().as("n"))
        .where("lesson.module_id", "=", moduleId)
        .where("lesson_progress.user_id", "=", userId)
        .where("lesson_progress.completed_at", "is not", null)
        .as("lessons_done"),
      eb.selectFrom("assignment").select(eb.fn.countAll<number>().as("n")).where("assignment.module_id", "=", moduleId).as("assignments"),
      eb
        .selectFrom("submission")
        .innerJoin("assignment", "assignment.id", "submission.assignment_id")
        .select((s) => [
          s.fn.countAll<number>().as("n"),
        ])
        .where("submission.user_id", "=", userId)
        .where("submission.module_id", "=", moduleId)
        .where("assignment.module_id", "=", moduleId)
        .where("submission.version_count", ">", 0)
        .where("submission.status", "!=", "returned")
        .as("submitted"),
      eb
        .selectFrom("submission")
        .innerJoin("assignment", "assignment.id", "submission.assignment_id")
        .select(eb.fn.countAll<number>().as("n"))
        .where("submission.user_id", "=", userId)
        .where("submission.module_id", "=", moduleId)
        .where("assignment.module_id", "=", moduleId)
        .where("submission.version_count", ">", 0)
        .where("submission.status", "=", "graded")
        .where("submission.score", "is not", null)
        .where(sql<boolean>`submission.score >= module.pass_mark`)
        .as("passed"),
    ])
    .where("module.id", "=", moduleId)
    .executeTakeFirst();
  if (!row) {
    return progressFromCounts({ lessons: 0, lessonsDone: 0, assignments: 0, assignmentsSubmitted: 0, assignmentsPassed: 0, passMark: null });
  }
  return progressFromCounts({
    lessons: num(row.lessons),
    lessonsDone: num(row.lessons_done),
    assignments: num(row.assignments),
    assignmentsSubmitted: num(row.submitted),
    assignmentsPassed: num(row.passed),
    passMark: row.pass_mark,
  });
}

/**
 * After a lesson is done, work submitted or graded: when the module is now complete for the person,
 * stamp their active enrolment's `completed_at`, issue the certificate and tell them (in the app and
 * by e-mail). Idempotent (never two certificates); does nothing without an active enrolment; never
 * revokes anything: a module changed after completion leaves the certificate as it was.
 */
export async function checkCompletion(
  db: DB,
  moduleId: string,
  userId: string,
  clock: () => Date = () => new Date(),
): Promise<void> {
  const enrolment = await db
    .selectFrom("enrolment")
    .leftJoin("certificate", "certificate.enrolment_id", "enrolment.id")
    .select(["enrolment.id", "enrolment.completed_at", "certificate.id as certificate_id"])
    .where("enrolment.user_id", "=", userId)
    .where("enrolment.module_id", "=", moduleId)
    .where("enrolment.status", "=", "active")
    .orderBy("enrolment.enrolled_at", "desc")
    .executeTakeFirst();
  if (!enrolment) return;
  if (enrolment.completed_at && enrolment.certificate_id) return;

  let completedAt = enrolment.completed_at;
  if (!completedAt) {
    const progress = await moduleProgress(db, moduleId, userId);
    if (!progress.complete) return;
    completedAt = nowIso(clock);
    await db
      .updateTable("enrolment")
      .set({ completed_at: completedAt })
      .where("id", "=", enrolment.id)
      .where("completed_at", "is", null)
      .execute();
  }
  const issued = await issueCertificate(db, enrolment.id, completedAt, clock);
  if (issued?.created) {
    const c = issued.certificate;
    await notify(db, {
      userId,
      kind: "certificateIssued",
      params: { module: c.moduleTitle, jp: c.jp, code: formatCertificateCode(c.code) },
      link: "/belajar",
      baseUrl: absoluteUrl(null, "/"),
    });
  }
}
