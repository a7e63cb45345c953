// Guards of the submission pages: the assignment inside a module the viewer may learn in, and
// the files of a submission, served only to those `submission.view` allows (author, the module's
// fasilitators, the coordinator). Anyone else gets 404, so a file's existence does not leak.
import type { SessionUser } from "~/models/session.server";
import {
  getFileForServing, putDraftFile, removeDraftFile, slotFor, type AssignmentRow, type Learner,
} from "~/models/submission.server";
import { reviewsSubmission } from "~/models/peer-review.server";
import { moduleAccess, moduleScope } from "~/models/training-access.server";
import { db } from "./db.server";
import { can, notFound } from "./permissions.server";
import { requireModuleAssignment } from "./training-access.server";
import { storeSubmissionImage, storeSubmissionVideo, type FileError } from "./submission-files.server";
import { readUpload, removeUpload } from "./upload.server";

export async function requireAssignment(user: SessionUser, moduleId: string | undefined, assignmentId: string | undefined) {
  const m = await requireModuleAssignment(user, moduleId, assignmentId, "module.learn");
  // A manager previewing (not enrolled) sees the page read-only; only enrolled people hand in work.
  const learner = m.enrolment ? { id: user.id, agencyId: user.agencyId } : null;
  return { ...m, learner };
}

/** The stored bytes of a submission file (web version or thumbnail) for a viewer allowed to see it. */
export async function serveSubmissionFile(request: Request, user: SessionUser, fileId: string | undefined, which: "web" | "thumb"): Promise<Response> {
  const f = fileId ? await getFileForServing(db, fileId) : undefined;
  if (!f) notFound();
  const access = await moduleAccess(db, f.module_id, user.id);
  // An active (or finished) peer reviewer of this submission may see its files too.
  const isReviewer = f.user_id !== user.id && (await reviewsSubmission(db, f.submission_id, user.id));
  if (!access || !can(user, "submission.view", { ...moduleScope(access), ownerId: f.user_id, isReviewer })) notFound();
  const rel = which === "thumb" ? f.thumb_path : f.stored_path;
  if (!rel) notFound();
  const bytes = await readUpload(rel);
  if (!bytes) notFound();
  const type = which === "thumb" ? "image/webp" : f.mime_type;
  const headers = new Headers({
    "Content-Type": type,
    // private: never in a shared cache; no file name anywhere (work may be graded anonymously later)
    "Cache-Control": "private, max-age=3600",
    "Content-Disposition": "inline",
    "Accept-Ranges": "bytes",
  });
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("Range") ?? "");
  if (range && (range[1] || range[2])) {
    const size = bytes.byteLength;
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let end = range[1] && range[2] ? Number(range[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start > end || start >= size) {
      headers.set("Content-Range", `bytes */${size}`);
      return new Response(null, { status: 416, headers });
    }
    headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
    headers.set("Content-Length", String(end - start + 1));
    return new Response(new Uint8Array(bytes.subarray(start, end + 1)), { status: 206, headers });
  }
  headers.set("Content-Length", String(bytes.byteLength));
  return new Response(new Uint8Array(bytes), { headers });
}

export type UploadResult = { ok: true; fileId: string } | { ok: false; error: FileError | "upload.badSlot" };

/**
 * One uploaded file into a slot of the person's draft ("main", "supporting-1..3", "video"):
 * checked, re-encoded and stored, replacing the slot's previous file. Files no row uses any more
 * are removed from disk.
 */
export async function acceptUpload(a: AssignmentRow, learner: Learner, slotName: string, bytes: Uint8Array): Promise<UploadResult> {
  const slot = slotFor(a.kind, slotName);
  if (!slot) return { ok: false, error: "upload.badSlot" };
  if (slot.role === "video") {
    const v = await storeSubmissionVideo(bytes);
    if (!v.ok) return v;
    const r = await putDraftFile(db, a, learner, slot, { stored_path: v.stored.path, thumb_path: null, mime_type: v.stored.mime, width: null, height: null, size_bytes: v.stored.sizeBytes }, undefined);
    await Promise.all(r.orphaned.map(removeUpload));
    return { ok: true, fileId: r.fileId };
  }
  const img = await storeSubmissionImage(bytes);
  if (!img.ok) return img;
  const s = img.stored;
  const r = await putDraftFile(db, a, learner, slot, { stored_path: s.path, thumb_path: s.thumbPath, mime_type: s.mime, width: s.width, height: s.height, size_bytes: s.sizeBytes }, undefined);
  await Promise.all(r.orphaned.map(removeUpload));
  return { ok: true, fileId: r.fileId };
}

export async function discardDraftFile(a: AssignmentRow, learner: Learner, fileId: string) {
  const r = await removeDraftFile(db, a, learner, fileId);
  await Promise.all(r.orphaned.map(removeUpload));
}
