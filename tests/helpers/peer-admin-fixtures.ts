// Peer-review fixtures for the admin (settings/board) tests: a release assignment with a two-criterion
// rubric, trainees spread over agencies, submissions handed in, and helpers to add reviews and grades.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeTrainingFixture, type TrainingFixture } from "./submission-fixtures";

export const P_OPENS = "2026-11-01T01:00:00.000Z";
export const P_DUE = "2026-11-10T16:59:00.000Z";
export const P_LATE = "2026-11-12T16:59:00.000Z";
export const P_REVIEWS_DUE = "2026-11-17T16:59:00.000Z";

export interface PeerFixture extends TrainingFixture {
  facilitatorId: string;
  people: { id: string; agencyId: string; name: string }[];
}

export async function makePeerFixture(db: DB, opts: { agencies: number; perAgency: number }): Promise<PeerFixture> {
  const facilitatorId = await makePerson(db, { name: "Fasilitator Uji" });
  const people: PeerFixture["people"] = [];
  for (let a = 0; a < opts.agencies; a++) {
    const agencyId = await makeAgency(db, { name: `Dinas Uji ${a + 1}`, shortName: `DU${a + 1}` });
    for (let p = 0; p < opts.perAgency; p++) {
      const name = `Peserta ${a + 1}-${p + 1}`;
      people.push({ id: await makePerson(db, { name, agencyId }), agencyId, name });
    }
  }
  const f = await makeTrainingFixture(db, { kind: "release", facilitatorId, trainees: people, opensAt: P_OPENS, dueAt: P_DUE, lateUntil: P_LATE });
  return { ...f, facilitatorId, people };
}

export async function handInAt(db: DB, f: PeerFixture, personId: string, at: string, versions = 1): Promise<string> {
  const person = f.people.find((p) => p.id === personId)!;
  const sid = createId();
  let current = "";
  await db.insertInto("submission").values({
    id: sid, assignment_id: f.assignmentId, module_id: f.moduleId, user_id: person.id, agency_id: person.agencyId, status: "submitted",
    version_count: versions, first_submitted_at: at, submitted_at: at, created_at: at, updated_at: at,
  }).execute();
  for (let n = 1; n <= versions; n++) {
    current = createId();
    await db.insertInto("submission_version").values({ id: current, submission_id: sid, number: n, submitted_at: at }).execute();
  }
  await db.updateTable("submission").set({ current_version_id: current }).where("id", "=", sid).execute();
  return sid;
}

export async function addReview(
  db: DB,
  f: PeerFixture,
  submissionId: string,
  reviewerId: string,
  r: { status?: string; score?: number | null; version?: number; agreement?: number | null; helpfulness?: number | null; flags?: string | null } = {},
): Promise<string> {
  const v = await db.selectFrom("submission_version").select("id").where("submission_id", "=", submissionId).where("number", "=", r.version ?? 1).executeTakeFirstOrThrow();
  const id = createId();
  const now = P_DUE;
  await db.insertInto("peer_review").values({
    id, assignment_id: f.assignmentId, submission_id: submissionId, version_id: v.id, reviewer_id: reviewerId, kind: "peer", source: "auto",
    status: r.status ?? "submitted", assigned_at: now, lease_expires_at: P_LATE, submitted_at: (r.status ?? "submitted") === "submitted" ? now : null,
    score: r.score ?? null, agreement: r.agreement ?? null, helpfulness: r.helpfulness ?? null, flags: r.flags ?? null,
  }).execute();
  return id;
}

export async function addGrade(db: DB, submissionId: string, score: number | null, decision: "graded" | "returned" = "graded", at = P_LATE) {
  const v = await db.selectFrom("submission").select("current_version_id").where("id", "=", submissionId).executeTakeFirstOrThrow();
  await db.insertInto("grade").values({ id: createId(), submission_id: submissionId, version_id: v.current_version_id!, grader_id: null, decision, score, feedback: null, created_at: at }).execute();
}
