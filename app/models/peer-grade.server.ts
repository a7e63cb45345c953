// The final grade of a peer-reviewed submission: the latest fasilitator grade combined with the
// median of the submitted peer reviews of the latest reviewed version (weights from the assignment's
// peer-review settings, default 60/40), or the fasilitator's override with its written reason.
// Owns the final_grade table. Called by the author/reviewer engineers after a review is submitted
// or a grade is given, and by the fasilitator's board for an override.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { combineGrade, DEFAULT_WEIGHTS, median, type CombineWeights } from "~/lib/peer-grade";
import { audit } from "./audit.server";

export interface FinalGradeResult {
  submissionId: string;
  facilitatorScore: number | null;
  peerMedian: number | null;
  score: number | null;
  overrideScore: number | null;
  overrideReason: string | null;
}

async function weightsFor(db: DB, assignmentId: string): Promise<CombineWeights> {
  const s = await db
    .selectFrom("peer_review_setting")
    .select(["facilitator_weight", "peer_weight"])
    .where("assignment_id", "=", assignmentId)
    .executeTakeFirst();
  return s ? { facilitator: s.facilitator_weight, peers: s.peer_weight } : DEFAULT_WEIGHTS;
}

/** Recomputes and stores the final grade of one submission; keeps an existing override. */
export async function recomputeFinalGrade(db: DB, submissionId: string): Promise<FinalGradeResult | null> {
  const sub = await db.selectFrom("submission").select(["id", "assignment_id"]).where("id", "=", submissionId).executeTakeFirst();
  if (!sub) return null;
  const [grade, reviews, existing, weights] = await Promise.all([
    db
      .selectFrom("grade")
      .select(["score", "decision"])
      .where("submission_id", "=", submissionId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom("peer_review as r")
      .innerJoin("submission_version as v", "v.id", "r.version_id")
      .select(["r.score", "v.number"])
      .where("r.submission_id", "=", submissionId)
      .where("r.kind", "=", "peer")
      .where("r.status", "=", "submitted")
      .where("r.score", "is not", null)
      .execute(),
    db.selectFrom("final_grade").select(["override_score", "override_reason"]).where("submission_id", "=", submissionId).executeTakeFirst(),
    weightsFor(db, sub.assignment_id),
  ]);
  const facilitator = grade && grade.decision === "graded" && grade.score != null ? grade.score : null;
  const latest = reviews.reduce((m, r) => Math.max(m, r.number), 0);
  const peers = reviews.filter((r) => r.number === latest).map((r) => r.score as number);
  const overrideScore = existing?.override_score ?? null;
  const score = combineGrade(facilitator, peers, weights, overrideScore);
  const peerMedian = median(peers);
  const row = { facilitator_score: facilitator, peer_median: peerMedian, score, computed_at: nowIso() };
  await db
    .insertInto("final_grade")
    .values({ submission_id: submissionId, ...row })
    .onConflict((oc) => oc.column("submission_id").doUpdateSet(row))
    .execute();
  return { submissionId, facilitatorScore: facilitator, peerMedian, score, overrideScore, overrideReason: existing?.override_reason ?? null };
}

/** After a fasilitator grades or returns a piece: its final grade again, when the assignment is peer-reviewed. */
export async function refreshFinalGradeAfterGrading(db: DB, assignmentId: string, submissionId: string): Promise<void> {
  const peer = await db.selectFrom("peer_review_setting").select("assignment_id").where("assignment_id", "=", assignmentId).executeTakeFirst();
  if (peer) await recomputeFinalGrade(db, submissionId);
}

export type OverrideResult = { ok: true; grade: FinalGradeResult } | { ok: false; error: "review.admin.override.reasonRequired" | "review.admin.override.scoreRange" | "notFound" };

/**
 * The fasilitator replaces the computed grade with their own score (0..100) and a written reason;
 * `score` null clears the override (a reason is still required). Audited.
 */
export async function overrideFinalGrade(
  db: DB,
  actor: { id: string },
  submissionId: string,
  score: number | null,
  reason: string,
): Promise<OverrideResult> {
  const why = reason.trim();
  if (!why) return { ok: false, error: "review.admin.override.reasonRequired" };
  if (score != null && (!Number.isFinite(score) || score < 0 || score > 100)) return { ok: false, error: "review.admin.override.scoreRange" };
  const sub = await db.selectFrom("submission").select(["id", "agency_id"]).where("id", "=", submissionId).executeTakeFirst();
  if (!sub) return { ok: false, error: "notFound" };
  const before = await db.selectFrom("final_grade").select(["score", "override_score"]).where("submission_id", "=", submissionId).executeTakeFirst();
  const set = { override_score: score, override_reason: score == null ? null : why, override_by: score == null ? null : actor.id };
  await db
    .insertInto("final_grade")
    .values({ submission_id: submissionId, ...set, computed_at: nowIso() })
    .onConflict((oc) => oc.column("submission_id").doUpdateSet(set))
    .execute();
  const grade = (await recomputeFinalGrade(db, submissionId))!;
  await audit(db, {
    actorId: actor.id, action: "peer.grade.override", targetType: "submission", targetId: submissionId, agencyId: sub.agency_id,
    detail: { from: before?.score ?? null, to: score, reason: why },
  });
  return { ok: true, grade };
}
