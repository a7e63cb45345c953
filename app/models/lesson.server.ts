// Lessons of a module: ordered 1..n without gaps (moving swaps neighbours, as the meeting agenda
// does), Tiptap content, PDF attachments, an optional video (an uploaded MP4/WebM or an external
// https .mp4/.m3u8 URL), and each viewer's progress: the merged ranges of the video actually played
// (see ~/lib/watch-progress) or a plain "done" for a lesson without video. A lesson that becomes done
// asks the completion rules (completion.server.ts) whether the module is now complete.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { DONE_FRACTION, MAX_DURATION_SECONDS, mergeRanges, parseRanges, watchedSeconds, type Range } from "~/lib/watch-progress";
import { checkCompletion } from "./completion.server";

export type LessonVideo =
  | { kind: "none" }
  | { kind: "url"; url: string }
  | { kind: "upload"; path: string; mime: string }
  /** keep whatever the lesson has */
  | { kind: "keep" };

export interface LessonInput {
  title: string;
  contentJson: string | null;
  video: LessonVideo;
}

export async function listLessons(db: DB, moduleId: string) {
  return db.selectFrom("lesson").select(["id", "title", "position", "video_kind"]).where("module_id", "=", moduleId).orderBy("position").execute();
}

export async function getLesson(db: DB, moduleId: string, lessonId: string) {
  return db
    .selectFrom("lesson")
    .select(["id", "module_id", "position", "title", "content_json", "video_kind", "video_url", "video_path", "video_mime", "video_seconds", "updated_at"])
    .where("id", "=", lessonId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
}

function videoColumns(v: LessonVideo) {
  switch (v.kind) {
    case "none":
      return { video_kind: null, video_url: null, video_path: null, video_mime: null, video_seconds: null };
    case "url":
      return { video_kind: "url", video_url: v.url, video_path: null, video_mime: null, video_seconds: null };
    case "upload":
      return { video_kind: "upload", video_url: null, video_path: v.path, video_mime: v.mime, video_seconds: null };
    case "keep":
      return {};
  }
}

export async function createLesson(db: DB, moduleId: string, input: LessonInput, clock: Clock = () => new Date()): Promise<string> {
  const id = createId();
  const now = clock().toISOString();
  const last = await db.selectFrom("lesson").select((eb) => eb.fn.max("position").as("p")).where("module_id", "=", moduleId).executeTakeFirst();
  await db
    .insertInto("lesson")
    .values({
      id, module_id: moduleId, position: Number(last?.p ?? 0) + 1, title: input.title, content_json: input.contentJson,
      video_kind: null, video_url: null, video_path: null, video_mime: null, video_seconds: null,
      ...videoColumns(input.video), created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

/** Saves the lesson; returns the uploaded video file the lesson no longer uses (to be removed), if any. */
export async function updateLesson(db: DB, moduleId: string, lessonId: string, input: LessonInput, clock: Clock = () => new Date()) {
  const before = await getLesson(db, moduleId, lessonId);
  if (!before) return { ok: false as const };
  const video = videoColumns(input.video);
  await db
    .updateTable("lesson")
    .set({ title: input.title, content_json: input.contentJson, ...video, updated_at: clock().toISOString() })
    .where("id", "=", lessonId)
    .execute();
  const videoChanged = input.video.kind !== "keep" && (input.video.kind !== "url" || before.video_url !== input.video.url);
  if (videoChanged) {
    // a different video: what was watched of the old one no longer counts towards the new one
    await db.updateTable("lesson_progress").set({ watched_json: null, watched_seconds: 0, duration_seconds: null }).where("lesson_id", "=", lessonId).execute();
  }
  const dropped = input.video.kind !== "keep" && before.video_path && (input.video.kind !== "upload" || input.video.path !== before.video_path) ? before.video_path : null;
  return { ok: true as const, droppedVideo: dropped };
}

/** Deletes the lesson (attachments and progress go with it); returns the stored files to remove. */
export async function deleteLesson(db: DB, moduleId: string, lessonId: string): Promise<string[]> {
  const lesson = await getLesson(db, moduleId, lessonId);
  if (!lesson) return [];
  const files = await db.selectFrom("lesson_attachment").select("stored_path").where("lesson_id", "=", lessonId).execute();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("lesson").where("id", "=", lessonId).where("module_id", "=", moduleId).execute();
    await renumber(trx, moduleId);
  });
  return [...files.map((f) => f.stored_path), ...(lesson.video_path ? [lesson.video_path] : [])];
}

/** Swaps the lesson with its neighbour; at either end nothing changes. */
export async function moveLesson(db: DB, moduleId: string, lessonId: string, direction: "up" | "down"): Promise<boolean> {
  const ids = (await db.selectFrom("lesson").select("id").where("module_id", "=", moduleId).orderBy("position").execute()).map((r) => r.id);
  const i = ids.indexOf(lessonId);
  if (i < 0) return false;
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= ids.length) return true;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < ids.length; k++) await trx.updateTable("lesson").set({ position: k + 1 }).where("id", "=", ids[k]).execute();
  });
  return true;
}

async function renumber(db: DB, moduleId: string) {
  const ids = (await db.selectFrom("lesson").select("id").where("module_id", "=", moduleId).orderBy("position").execute()).map((r) => r.id);
  for (let k = 0; k < ids.length; k++) await db.updateTable("lesson").set({ position: k + 1 }).where("id", "=", ids[k]).execute();
}

/** The lessons before and after this one, for "previous / next" links. */
export async function lessonNeighbours(db: DB, moduleId: string, position: number) {
  const [prev, next] = await Promise.all([
    db.selectFrom("lesson").select(["id", "title"]).where("module_id", "=", moduleId).where("position", "<", position).orderBy("position", "desc").executeTakeFirst(),
    db.selectFrom("lesson").select(["id", "title"]).where("module_id", "=", moduleId).where("position", ">", position).orderBy("position").executeTakeFirst(),
  ]);
  return { prev: prev ?? null, next: next ?? null };
}

// ---- attachments --------------------------------------------------------------------------

export async function listLessonAttachments(db: DB, lessonId: string) {
  return db
    .selectFrom("lesson_attachment")
    .select(["id", "original_name", "mime_type", "size_bytes"])
    .where("lesson_id", "=", lessonId)
    .orderBy("created_at")
    .execute();
}

export async function addLessonAttachment(db: DB, lessonId: string, file: { name: string; path: string; mime: string; size: number }) {
  const id = createId();
  await db
    .insertInto("lesson_attachment")
    .values({ id, lesson_id: lessonId, original_name: file.name, stored_path: file.path, mime_type: file.mime, size_bytes: file.size, created_at: nowIso() })
    .execute();
  return id;
}

export async function getLessonAttachment(db: DB, lessonId: string, attachmentId: string) {
  return db
    .selectFrom("lesson_attachment")
    .select(["id", "original_name", "stored_path", "mime_type", "size_bytes"])
    .where("id", "=", attachmentId)
    .where("lesson_id", "=", lessonId)
    .executeTakeFirst();
}

/** Removes the row; returns the stored file to delete (null when there was no such attachment). */
export async function removeLessonAttachment(db: DB, lessonId: string, attachmentId: string): Promise<string | null> {
  const a = await getLessonAttachment(db, lessonId, attachmentId);
  if (!a) return null;
  await db.deleteFrom("lesson_attachment").where("id", "=", attachmentId).execute();
  return a.stored_path;
}

// ---- progress -----------------------------------------------------------------------------

export async function getLessonProgress(db: DB, lessonId: string, userId: string) {
  const p = await db
    .selectFrom("lesson_progress")
    .select(["watched_json", "watched_seconds", "duration_seconds", "completed_at"])
    .where("lesson_id", "=", lessonId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return {
    ranges: parseRanges(p?.watched_json ?? null),
    watchedSeconds: p?.watched_seconds ?? 0,
    durationSeconds: p?.duration_seconds ?? null,
    completedAt: p?.completed_at ?? null,
  };
}

export interface ProgressReport {
  ranges: Range[];
  /** the duration the player reports; ignored when absurd */
  duration: number | null;
}

/**
 * Merges newly played ranges into the viewer's progress. The lesson counts as done once the merged
 * ranges cover 90 % of the duration (the player's; the first reported duration is kept on the lesson).
 * Done stays done. Returns the state after merging.
 */
export async function recordWatched(db: DB, moduleId: string, lessonId: string, userId: string, report: ProgressReport, clock: Clock = () => new Date()) {
  const lesson = await db.selectFrom("lesson").select(["id", "video_kind", "video_seconds"]).where("id", "=", lessonId).where("module_id", "=", moduleId).executeTakeFirst();
  if (!lesson || !lesson.video_kind) return null;
  const reported = report.duration && report.duration > 0 && report.duration <= MAX_DURATION_SECONDS ? Math.round(report.duration) : null;
  const duration = lesson.video_seconds ?? reported;
  if (!lesson.video_seconds && reported) await db.updateTable("lesson").set({ video_seconds: reported }).where("id", "=", lessonId).execute();
  const before = await getLessonProgress(db, lessonId, userId);
  const merged = mergeRanges([...before.ranges, ...report.ranges], duration);
  const seconds = Math.round(watchedSeconds(merged));
  const now = clock().toISOString();
  const nowDone = !before.completedAt && !!duration && seconds >= duration * DONE_FRACTION;
  const completedAt = before.completedAt ?? (nowDone ? now : null);
  await db
    .insertInto("lesson_progress")
    .values({ lesson_id: lessonId, user_id: userId, watched_json: JSON.stringify(merged), watched_seconds: seconds, duration_seconds: duration, completed_at: completedAt, updated_at: now })
    .onConflict((oc) =>
      oc.columns(["lesson_id", "user_id"]).doUpdateSet({ watched_json: JSON.stringify(merged), watched_seconds: seconds, duration_seconds: duration, completed_at: completedAt, updated_at: now }),
    )
    .execute();
  if (nowDone) await checkCompletion(db, moduleId, userId);
  return { watchedSeconds: seconds, durationSeconds: duration, done: !!completedAt, percent: duration ? Math.min(100, Math.round((seconds / duration) * 100)) : 0 };
}

export type MarkDoneResult = { ok: true } | { ok: false; error: "module.lesson.videoMustBeWatched" | "error.404" };

/** "Tandai selesai" for a lesson without video; a video lesson is done by watching it. */
export async function markLessonDone(db: DB, moduleId: string, lessonId: string, userId: string, clock: Clock = () => new Date()): Promise<MarkDoneResult> {
  const lesson = await db.selectFrom("lesson").select(["id", "video_kind"]).where("id", "=", lessonId).where("module_id", "=", moduleId).executeTakeFirst();
  if (!lesson) return { ok: false, error: "error.404" };
  if (lesson.video_kind) return { ok: false, error: "module.lesson.videoMustBeWatched" };
  const now = clock().toISOString();
  const res = await db
    .insertInto("lesson_progress")
    .values({ lesson_id: lessonId, user_id: userId, watched_json: null, watched_seconds: 0, duration_seconds: null, completed_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(["lesson_id", "user_id"]).doUpdateSet({ completed_at: now, updated_at: now }).where("lesson_progress.completed_at", "is", null))
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) await checkCompletion(db, moduleId, userId);
  return { ok: true };
}

/** How many of the module's lessons each of these people has done. */
export async function lessonsDoneBy(db: DB, moduleId: string, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!userIds.length) return out;
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom("lesson_progress as p")
      .innerJoin("lesson as l", "l.id", "p.lesson_id")
      .select(["p.user_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("l.module_id", "=", moduleId)
      .where("p.completed_at", "is not", null)
      .where("p.user_id", "in", userIds.slice(i, i + 500))
      .groupBy("p.user_id")
      .execute();
    for (const r of rows) out.set(r.user_id, Number(r.n));
  }
  return out;
}
