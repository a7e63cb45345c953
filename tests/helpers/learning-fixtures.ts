// Fixtures for completion, certificate and my-learning tests: a module with lessons and assignments,
// a cohort, enrolments, and helpers that mark a lesson done, hand work in, return or grade it.
// Written straight to the tables (the module, submission and grading models are built in parallel).
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";

export interface ModuleFixture { moduleId: string; cohortId: string; lessonIds: string[]; assignmentIds: string[] }

export async function makeModule(
  db: DB,
  opts: {
    title?: string;
    jp?: number;
    lessons?: number;
    assignments?: { dueAt: string; lateUntil?: string; opensAt?: string; title?: string }[];
    passMark?: number | null;
    status?: string;
    cohortTimeZone?: string;
    startsOn?: string;
    organiser?: string;
  } = {},
): Promise<ModuleFixture> {
  const now = new Date().toISOString();
  const moduleId = createId();
  await db.insertInto("module").values({
    id: moduleId, title: opts.title ?? "Teras Berita dan Judul Aktif", summary: "", jp: opts.jp ?? 4,
    output_category: "pengembangan_profesi", status: opts.status ?? "published", self_enrol: 0,
    pass_mark: opts.passMark ?? null, organiser: opts.organiser ?? "Sekretariat Bakohumas Kabupaten Sukamaju",
    created_at: now, updated_at: now,
  }).execute();
  const lessonIds: string[] = [];
  for (let i = 0; i < (opts.lessons ?? 2); i++) {
    const id = createId();
    lessonIds.push(id);
    await db.insertInto("lesson").values({ id, module_id: moduleId, position: i + 1, title: `Materi ${i + 1}`, created_at: now, updated_at: now }).execute();
  }
  const assignmentIds: string[] = [];
  for (const [i, a] of (opts.assignments ?? [{ dueAt: "2026-12-01T16:59:00.000Z" }]).entries()) {
    const id = createId();
    assignmentIds.push(id);
    await db.insertInto("assignment").values({
      id, module_id: moduleId, position: i + 1, kind: "release", title: a.title ?? `Tugas ${i + 1}`,
      opens_at: a.opensAt ?? "2026-01-01T00:00:00.000Z", due_at: a.dueAt, late_until: a.lateUntil ?? a.dueAt,
      time_zone: "Asia/Jakarta", created_at: now, updated_at: now,
    }).execute();
  }
  const cohortId = createId();
  await db.insertInto("cohort").values({
    id: cohortId, module_id: moduleId, name: "Angkatan I 2026", starts_on: opts.startsOn ?? "2026-10-01", ends_on: "2026-12-31",
    time_zone: opts.cohortTimeZone ?? "Asia/Jakarta", created_at: now,
  }).execute();
  return { moduleId, cohortId, lessonIds, assignmentIds };
}

export async function enrol(db: DB, m: ModuleFixture, userId: string, agencyId: string | null = null, status = "active"): Promise<string> {
  const id = createId();
  await db.insertInto("enrolment").values({
    id, cohort_id: m.cohortId, module_id: m.moduleId, user_id: userId, agency_id: agencyId, source: "person", status,
    enrolled_at: new Date().toISOString(),
  }).execute();
  return id;
}

export async function finishLesson(db: DB, lessonId: string, userId: string, at = "2026-11-01T03:00:00.000Z") {
  await db.insertInto("lesson_progress").values({ lesson_id: lessonId, user_id: userId, watched_seconds: 0, completed_at: at, updated_at: at }).execute();
}

/** Hands work in (or again): a submitted version; status back to "submitted". */
export async function handIn(db: DB, m: ModuleFixture, assignmentId: string, userId: string, at = "2026-11-02T03:00:00.000Z") {
  const existing = await db.selectFrom("submission").select(["id", "version_count"]).where("assignment_id", "=", assignmentId).where("user_id", "=", userId).executeTakeFirst();
  if (existing) {
    await db.updateTable("submission").set({ status: "submitted", version_count: existing.version_count + 1, submitted_at: at, updated_at: at }).where("id", "=", existing.id).execute();
    return existing.id;
  }
  const id = createId();
  await db.insertInto("submission").values({
    id, assignment_id: assignmentId, module_id: m.moduleId, user_id: userId, status: "submitted", version_count: 1,
    first_submitted_at: at, submitted_at: at, created_at: at, updated_at: at,
  }).execute();
  return id;
}

export async function saveDraft(db: DB, m: ModuleFixture, assignmentId: string, userId: string) {
  const at = "2026-11-02T03:00:00.000Z";
  await db.insertInto("submission").values({
    id: createId(), assignment_id: assignmentId, module_id: m.moduleId, user_id: userId, status: "draft", version_count: 0,
    draft_saved_at: at, created_at: at, updated_at: at,
  }).execute();
}

export async function setSubmission(db: DB, assignmentId: string, userId: string, set: { status: string; score?: number | null }) {
  await db.updateTable("submission").set({ status: set.status, score: set.score ?? null, graded_at: set.status === "graded" ? "2026-11-03T03:00:00.000Z" : null })
    .where("assignment_id", "=", assignmentId).where("user_id", "=", userId).execute();
}
