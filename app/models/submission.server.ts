// A trainee's work on one assignment: the submission row (one per person and assignment) with its
// autosaved draft, every submitted version (never overwritten), and the files of the draft and of
// each version. Owns the tables submission (draft/submit fields), submission_version and
// submission_file; reads assignment, assignment_extension, grade and grade_criterion.
//
// Rules:
// - The draft is always saved (even after the late-until date: nothing typed is thrown away). Each
//   save carries the draft revision it was based on; a save from a stale tab is refused and the newer
//   text on the server is returned, so the client can keep both.
// - Submitting makes a new version from the draft: open → on time, late window → marked late, before
//   opening or after late-until → refused (the draft stays). Graded work is final; returned work may be
//   resubmitted. The dates are the person's extension where they have one.
// - Files go to the draft (version_id null) on upload; a version gets copies of the draft's file rows
//   pointing at the same stored files, so a stored file is removed only when no row uses it.
import type { Transaction } from "kysely";
import type { DB } from "#db/connection";
import type { Database } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { renderRichText } from "~/.server/rich-text.server";
import { inTransaction } from "~/.server/transaction.server";
import type { SubmittedVersionView } from "~/components/training/submission-view";
import { effectiveDeadline, isLate, submitWindow, type Deadline, type SubmitWindow } from "~/lib/deadlines";
import { countWords } from "~/lib/release-checks";
import { MAX_CAPTION, MAX_SUPPORTING_PHOTOS } from "~/lib/submission";
import { docToPlain, tryParseDoc } from "~/lib/rich-text";

type Clock = () => Date;
type Tx = DB | Transaction<Database>;
const defaultClock: Clock = () => new Date();

export type WorkKind = "release" | "infographic" | "photo" | "video";
export type FileRole = "main" | "supporting" | "video";
export { MAX_CAPTION, MAX_SUPPORTING_PHOTOS };

/** The fields of an assignment this model needs; `getAssignment` in assignment.server returns them. */
export interface AssignmentRow {
  id: string;
  module_id: string;
  kind: string;
  title: string;
  instructions_json: string | null;
  rubric_id: string | null;
  opens_at: string;
  due_at: string;
  late_until: string;
  time_zone: string;
}

/** The dates that apply to this person: the assignment's, or their extension's. */
export async function deadlineFor(db: DB, a: AssignmentRow, userId: string): Promise<Deadline & { extended: boolean }> {
  const ext = await db
    .selectFrom("assignment_extension")
    .select(["due_at", "late_until"])
    .where("assignment_id", "=", a.id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const d = effectiveDeadline({ opensAt: a.opens_at, dueAt: a.due_at, lateUntil: a.late_until }, ext ? { dueAt: ext.due_at, lateUntil: ext.late_until } : null);
  return { ...d, extended: !!ext };
}

export interface SubmissionRow {
  id: string;
  assignment_id: string;
  module_id: string;
  user_id: string;
  status: string;
  draft_json: string | null;
  draft_link: string | null;
  draft_revision: number;
  draft_saved_at: string | null;
  current_version_id: string | null;
  version_count: number;
  submitted_at: string | null;
  late: boolean;
  score: number | null;
  graded_at: string | null;
}

const SUBMISSION_COLUMNS = [
  "id", "assignment_id", "module_id", "user_id", "status", "draft_json", "draft_link", "draft_revision", "draft_saved_at",
  "current_version_id", "version_count", "submitted_at", "late", "score", "graded_at",
] as const;

const toSubmission = <T extends { late: number }>(r: T) => ({ ...r, late: r.late === 1 });

/** The person's submission for an assignment, if they have started one. */
export async function findSubmission(db: Tx, assignmentId: string, userId: string): Promise<SubmissionRow | undefined> {
  const r = await db.selectFrom("submission").select(SUBMISSION_COLUMNS).where("assignment_id", "=", assignmentId).where("user_id", "=", userId).executeTakeFirst();
  return r ? toSubmission(r) : undefined;
}

/** A submission by id, with its author: for the permission check of whoever asks to see it. */
export async function getSubmission(db: DB, submissionId: string): Promise<SubmissionRow | undefined> {
  const r = await db.selectFrom("submission").select(SUBMISSION_COLUMNS).where("id", "=", submissionId).executeTakeFirst();
  return r ? toSubmission(r) : undefined;
}

export interface Learner { id: string; agencyId: string | null }

/** The person's submission, created as an empty draft the first time they work on the assignment. */
export async function ensureSubmission(db: Tx, a: AssignmentRow, learner: Learner, clock: Clock = defaultClock): Promise<SubmissionRow> {
  const existing = await findSubmission(db, a.id, learner.id);
  if (existing) return existing;
  const now = nowIso(clock);
  await db
    .insertInto("submission")
    .values({
      id: createId(), assignment_id: a.id, module_id: a.module_id, user_id: learner.id, agency_id: learner.agencyId,
      status: "draft", draft_revision: 0, version_count: 0, late: 0, created_at: now, updated_at: now,
    })
    .onConflict((oc) => oc.columns(["assignment_id", "user_id"]).doNothing())
    .execute();
  const row = await findSubmission(db, a.id, learner.id);
  if (!row) throw new Error("submission not created");
  return row;
}

export type SaveDraftResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; error: "submission.stale"; revision: number; savedAt: string | null; draftJson: string | null };

/**
 * Saves the release text (`json`, already sanitised) and/or the video link. `baseRevision` is the
 * revision the client last saw; when the server has moved on since, nothing is written.
 */
export async function saveDraft(
  db: DB,
  a: AssignmentRow,
  learner: Learner,
  input: { json?: string | null; link?: string | null; baseRevision: number | null },
  clock: Clock = defaultClock,
): Promise<SaveDraftResult> {
  return inTransaction(db, async (trx) => {
    const sub = await ensureSubmission(trx, a, learner, clock);
    if (input.baseRevision !== null && input.baseRevision !== sub.draft_revision) {
      return { ok: false, error: "submission.stale", revision: sub.draft_revision, savedAt: sub.draft_saved_at, draftJson: sub.draft_json };
    }
    const now = nowIso(clock);
    const revision = sub.draft_revision + 1;
    const res = await trx
      .updateTable("submission")
      .set({
        ...(input.json !== undefined ? { draft_json: input.json } : {}),
        ...(input.link !== undefined ? { draft_link: input.link } : {}),
        draft_revision: revision,
        draft_saved_at: now,
        updated_at: now,
      })
      .where("id", "=", sub.id)
      .where("draft_revision", "=", sub.draft_revision) // two saves racing: only one wins
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      const fresh = await findSubmission(trx, a.id, learner.id);
      return { ok: false, error: "submission.stale", revision: fresh?.draft_revision ?? revision, savedAt: fresh?.draft_saved_at ?? null, draftJson: fresh?.draft_json ?? null };
    }
    return { ok: true, revision, savedAt: now };
  });
}

export type SubmitError =
  | "submission.notOpen" | "submission.closed" | "submission.graded" | "submission.empty"
  | "submission.noImage" | "submission.captionMissing" | "submission.noVideo";

export type SubmitResult = { ok: true; versionNumber: number; late: boolean; submissionId: string } | { ok: false; error: SubmitError };

/** Words of a stored release: what the trainee and the fasilitator see next to the text. */
export const wordCountOf = (json: string | null) => countWords(docToPlain(json ? tryParseDoc(json) : null));

/**
 * Hands in the draft as a new version. For a release, `json` (sanitised) is written to the draft
 * first, so a refused submission keeps the text.
 */
export async function submitWork(
  db: DB,
  a: AssignmentRow,
  learner: Learner,
  input: { json?: string | null } = {},
  clock: Clock = defaultClock,
): Promise<SubmitResult> {
  const deadline = await deadlineFor(db, a, learner.id);
  return inTransaction(db, async (trx) => {
    const sub = await ensureSubmission(trx, a, learner, clock);
    const now = nowIso(clock);
    if (input.json !== undefined) {
      await trx.updateTable("submission")
        .set({ draft_json: input.json, draft_revision: sub.draft_revision + 1, draft_saved_at: now, updated_at: now })
        .where("id", "=", sub.id).execute();
      sub.draft_json = input.json;
    }
    const window = submitWindow(deadline, now);
    if (window === "notOpen") return { ok: false, error: "submission.notOpen" };
    if (window === "closed") return { ok: false, error: "submission.closed" };
    if (sub.status === "graded") return { ok: false, error: "submission.graded" };

    const files = await draftFiles(trx, sub.id);
    const kind = a.kind as WorkKind;
    let bodyJson: string | null = null;
    let wordCount: number | null = null;
    let linkUrl: string | null = null;
    if (kind === "release") {
      wordCount = wordCountOf(sub.draft_json);
      if (!sub.draft_json || wordCount === 0) return { ok: false, error: "submission.empty" };
      bodyJson = sub.draft_json;
    } else if (kind === "infographic" || kind === "photo") {
      const main = files.find((f) => f.role === "main");
      if (!main) return { ok: false, error: "submission.noImage" };
      if (kind === "photo" && !main.caption?.trim()) return { ok: false, error: "submission.captionMissing" };
    } else if (kind === "video") {
      const video = files.find((f) => f.role === "video");
      if (!video) linkUrl = sub.draft_link;
      if (!video && !linkUrl) return { ok: false, error: "submission.noVideo" };
    }

    const late = isLate(deadline, now);
    const number = sub.version_count + 1;
    const versionId = createId();
    await trx.insertInto("submission_version").values({
      id: versionId, submission_id: sub.id, number, body_json: bodyJson, word_count: wordCount, link_url: linkUrl, late: late ? 1 : 0, submitted_at: now,
    }).execute();
    const keep = kind === "video" && linkUrl ? [] : files.filter((f) => kind !== "video" || f.role === "video");
    if (keep.length) {
      await trx.insertInto("submission_file").values(keep.map((f) => ({
        id: createId(), submission_id: sub.id, version_id: versionId, role: f.role, position: f.position, caption: f.caption?.trim() || null,
        stored_path: f.stored_path, thumb_path: f.thumb_path, mime_type: f.mime_type, width: f.width, height: f.height,
        size_bytes: f.size_bytes, created_at: now,
      }))).execute();
    }
    await trx.updateTable("submission").set({
      status: "submitted", current_version_id: versionId, version_count: number, submitted_at: now, late: late ? 1 : 0,
      first_submitted_at: sub.version_count === 0 ? now : undefined, updated_at: now,
    }).where("id", "=", sub.id).execute();
    return { ok: true, versionNumber: number, late, submissionId: sub.id };
  });
}

// ---- files -------------------------------------------------------------------------------------

export interface FileRow {
  id: string;
  submission_id: string;
  version_id: string | null;
  role: string;
  position: number;
  caption: string | null;
  stored_path: string;
  thumb_path: string | null;
  mime_type: string;
  width: number | null;
  height: number | null;
  size_bytes: number;
}

const FILE_COLUMNS = ["id", "submission_id", "version_id", "role", "position", "caption", "stored_path", "thumb_path", "mime_type", "width", "height", "size_bytes"] as const;

export async function draftFiles(db: Tx, submissionId: string): Promise<FileRow[]> {
  return db.selectFrom("submission_file").select(FILE_COLUMNS).where("submission_id", "=", submissionId).where("version_id", "is", null).orderBy("position").execute();
}

/** Stored paths no file row uses any more: the caller removes them from disk. */
async function orphans(db: Tx, paths: (string | null)[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!p) continue;
    const used = await db.selectFrom("submission_file").select("id").where((eb) => eb.or([eb("stored_path", "=", p), eb("thumb_path", "=", p)])).executeTakeFirst();
    if (!used) out.push(p);
  }
  return out;
}

/** Which slot a file goes to: infographic → main; photo → main (0) or supporting 1..3; video → video. */
export type Slot = { role: FileRole; position: number };

export function slotFor(kind: string, name: string): Slot | null {
  if (kind === "infographic" && name === "main") return { role: "main", position: 0 };
  if (kind === "photo" && name === "main") return { role: "main", position: 0 };
  const m = /^supporting-([1-9])$/.exec(name);
  if (kind === "photo" && m && Number(m[1]) <= MAX_SUPPORTING_PHOTOS) return { role: "supporting", position: Number(m[1]) };
  if (kind === "video" && name === "video") return { role: "video", position: 0 };
  return null;
}

export interface NewFile { stored_path: string; thumb_path: string | null; mime_type: string; width: number | null; height: number | null; size_bytes: number }

/**
 * Puts an uploaded file in a slot of the person's draft, replacing what was there (the caption of
 * the slot is kept unless a new one is given). A video file replaces a video link. Returns the new
 * file id and the stored paths that are no longer used.
 */
export async function putDraftFile(
  db: DB, a: AssignmentRow, learner: Learner, slot: Slot, file: NewFile, caption: string | undefined, clock: Clock = defaultClock,
): Promise<{ fileId: string; orphaned: string[] }> {
  return inTransaction(db, async (trx) => {
    const sub = await ensureSubmission(trx, a, learner, clock);
    const old = await trx.selectFrom("submission_file").select(["id", "stored_path", "thumb_path", "caption"])
      .where("submission_id", "=", sub.id).where("version_id", "is", null).where("role", "=", slot.role).where("position", "=", slot.position)
      .execute();
    if (old.length) await trx.deleteFrom("submission_file").where("id", "in", old.map((o) => o.id)).execute();
    const id = createId();
    const now = nowIso(clock);
    await trx.insertInto("submission_file").values({
      id, submission_id: sub.id, version_id: null, role: slot.role, position: slot.position,
      caption: caption !== undefined ? cleanCaption(caption) : (old[0]?.caption ?? null),
      ...file, created_at: now,
    }).execute();
    if (slot.role === "video") await trx.updateTable("submission").set({ draft_link: null, updated_at: now }).where("id", "=", sub.id).execute();
    else await trx.updateTable("submission").set({ updated_at: now }).where("id", "=", sub.id).execute();
    return { fileId: id, orphaned: await orphans(trx, old.flatMap((o) => [o.stored_path, o.thumb_path])) };
  });
}

const cleanCaption = (s: string) => s.trim().slice(0, MAX_CAPTION) || null;

/** Saves captions by slot position (photo: 0 main, 1..3 supporting; infographic: 0). */
export async function saveCaptions(db: DB, a: AssignmentRow, learner: Learner, captions: Map<number, string>, clock: Clock = defaultClock) {
  const sub = await findSubmission(db, a.id, learner.id);
  if (!sub) return;
  const now = nowIso(clock);
  for (const [position, caption] of captions) {
    await db.updateTable("submission_file").set({ caption: cleanCaption(caption) })
      .where("submission_id", "=", sub.id).where("version_id", "is", null).where("position", "=", position).where("role", "!=", "video")
      .execute();
  }
  await db.updateTable("submission").set({ updated_at: now }).where("id", "=", sub.id).execute();
}

/** Removes a file from the person's draft; versions keep theirs. */
export async function removeDraftFile(db: DB, a: AssignmentRow, learner: Learner, fileId: string): Promise<{ orphaned: string[] }> {
  return inTransaction(db, async (trx) => {
    const sub = await findSubmission(trx, a.id, learner.id);
    if (!sub) return { orphaned: [] };
    const f = await trx.selectFrom("submission_file").select(["id", "stored_path", "thumb_path"])
      .where("id", "=", fileId).where("submission_id", "=", sub.id).where("version_id", "is", null).executeTakeFirst();
    if (!f) return { orphaned: [] };
    await trx.deleteFrom("submission_file").where("id", "=", f.id).execute();
    return { orphaned: await orphans(trx, [f.stored_path, f.thumb_path]) };
  });
}

/** A file with the submission it belongs to, for serving it to those allowed. */
export async function getFileForServing(db: DB, fileId: string) {
  return db
    .selectFrom("submission_file as f")
    .innerJoin("submission as s", "s.id", "f.submission_id")
    .select(["f.id", "f.stored_path", "f.thumb_path", "f.mime_type", "f.size_bytes", "s.user_id", "s.module_id", "s.id as submission_id"])
    .where("f.id", "=", fileId)
    .executeTakeFirst();
}

// ---- versions and results ----------------------------------------------------------------------

export interface VersionSummary { id: string; number: number; submitted_at: string; late: boolean; word_count: number | null }

export async function listVersions(db: DB, submissionId: string): Promise<VersionSummary[]> {
  const rows = await db.selectFrom("submission_version").select(["id", "number", "submitted_at", "late", "word_count"])
    .where("submission_id", "=", submissionId).orderBy("number", "desc").execute();
  return rows.map((r) => ({ ...r, late: r.late === 1 }));
}

export interface VersionDetail extends VersionSummary { body_json: string | null; link_url: string | null; files: FileRow[] }

/** One version with its files; `number` null = the latest. */
export async function getVersion(db: DB, submissionId: string, number: number | null): Promise<VersionDetail | undefined> {
  let q = db.selectFrom("submission_version").select(["id", "number", "submitted_at", "late", "word_count", "body_json", "link_url"]).where("submission_id", "=", submissionId);
  q = number === null ? q.orderBy("number", "desc").limit(1) : q.where("number", "=", number);
  const v = await q.executeTakeFirst();
  if (!v) return undefined;
  const files = await db.selectFrom("submission_file").select(FILE_COLUMNS).where("version_id", "=", v.id).orderBy("position").execute();
  return { ...v, late: v.late === 1, files };
}

/**
 * A version as SubmissionView shows it: the release rendered to HTML here on the server, and file
 * URLs under /berkas (served only to those allowed to see the submission, never with a file name).
 */
export function versionView(v: VersionDetail): SubmittedVersionView {
  return {
    number: v.number,
    submittedAt: v.submitted_at,
    late: v.late,
    wordCount: v.word_count,
    html: v.body_json ? renderRichText(v.body_json) : null,
    linkUrl: v.link_url,
    files: v.files.map((f) => ({
      id: f.id,
      role: f.role === "supporting" ? "supporting" : f.role === "video" ? "video" : "main",
      caption: f.caption,
      mime: f.mime_type,
      width: f.width,
      height: f.height,
      url: `/berkas/${f.id}`,
      thumbUrl: f.thumb_path ? `/berkas/${f.id}/thumb` : null,
    })),
  };
}

/** What the page shows about the window: where the person stands now. */
export function windowOf(deadline: Deadline, clock: Clock = defaultClock): SubmitWindow {
  return submitWindow(deadline, clock());
}
