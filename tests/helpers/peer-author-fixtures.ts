// Peer-review fixtures for the author's side (results, rating, revision): a release assignment with
// peer review on, trainees who handed in, reviews written straight to the tables (the reviewer's
// model is built in parallel). Used by the model test and the HTTP test.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { plainToDoc } from "~/lib/rich-text";
import { makeTrainingFixture, type TrainingFixture } from "./submission-fixtures";

export const OPENS = "2026-11-01T00:00:00.000Z";
export const DUE = "2026-11-10T16:59:00.000Z";
export const REVIEWS_DUE = "2026-11-17T16:59:00.000Z";

export async function peerFixture(
  db: DB, trainees: { id: string; agencyId: string | null }[], facilitatorId: string | null = null, reviewsDueAt = REVIEWS_DUE,
): Promise<TrainingFixture> {
  const f = await makeTrainingFixture(db, { kind: "release", trainees, facilitatorId, opensAt: OPENS, dueAt: DUE, lateUntil: "2026-11-12T16:59:00.000Z" });
  await db.insertInto("peer_review_setting").values({ assignment_id: f.assignmentId, reviews_due_at: reviewsDueAt, created_at: OPENS, updated_at: OPENS }).execute();
  return f;
}

/** A handed-in version (number n) of the person's release; creates the submission the first time. */
export async function handIn(db: DB, f: TrainingFixture, person: { id: string; agencyId: string | null }, text: string, at = "2026-11-09T00:00:00.000Z") {
  let sub = await db.selectFrom("submission").select(["id", "version_count"]).where("assignment_id", "=", f.assignmentId).where("user_id", "=", person.id).executeTakeFirst();
  if (!sub) {
    const id = createId();
    await db.insertInto("submission").values({
      id, assignment_id: f.assignmentId, module_id: f.moduleId, user_id: person.id, agency_id: person.agencyId, status: "submitted",
      version_count: 0, first_submitted_at: at, submitted_at: at, created_at: at, updated_at: at,
    }).execute();
    sub = { id, version_count: 0 };
  }
  const number = sub.version_count + 1;
  const versionId = createId();
  await db.insertInto("submission_version").values({ id: versionId, submission_id: sub.id, number, submitted_at: at, body_json: JSON.stringify(plainToDoc(text)), word_count: text.split(/\s+/).length }).execute();
  await db.updateTable("submission").set({ version_count: number, current_version_id: versionId, submitted_at: at, status: "submitted" }).where("id", "=", sub.id).execute();
  return { submissionId: sub.id, versionId };
}

/** A review of a version; `levels` in criterion order; submitted unless status says otherwise. */
export async function addReview(
  db: DB, f: TrainingFixture, piece: { submissionId: string; versionId: string }, reviewerId: string,
  opts: { status?: string; levels?: number[]; feedback?: string; at?: string } = {},
) {
  const id = createId();
  const at = opts.at ?? "2026-11-11T00:00:00.000Z";
  const status = opts.status ?? "submitted";
  await db.insertInto("peer_review").values({
    id, assignment_id: f.assignmentId, submission_id: piece.submissionId, version_id: piece.versionId, reviewer_id: reviewerId, kind: "peer", source: "auto",
    status, assigned_at: "2026-11-10T17:00:00.000Z", started_at: status === "assigned" ? null : at, submitted_at: status === "submitted" ? at : null,
    feedback: status === "submitted" ? (opts.feedback ?? "Teras perlu menjawab 5W1H.") : null,
  }).execute();
  for (const [i, level] of (opts.levels ?? []).entries()) {
    await db.insertInto("peer_review_score").values({ review_id: id, criterion_id: f.criterionIds[i], level, comment: level <= 2 ? "Perlu diperbaiki." : null }).execute();
  }
  return id;
}

export async function addComment(
  db: DB, f: TrainingFixture, reviewId: string, versionId: string,
  c: { quote?: string; start?: number; end?: number; fileId?: string; x?: number; y?: number; body: string; criterion?: number },
) {
  const id = createId();
  await db.insertInto("peer_review_comment").values({
    id, review_id: reviewId, version_id: versionId, criterion_id: f.criterionIds[c.criterion ?? 0], anchor: c.fileId ? "pin" : "text",
    quote: c.quote ?? null, start_offset: c.start ?? null, end_offset: c.end ?? null, file_id: c.fileId ?? null, x: c.x ?? null, y: c.y ?? null,
    body: c.body, created_at: "2026-11-11T00:00:00.000Z",
  }).execute();
  return id;
}
