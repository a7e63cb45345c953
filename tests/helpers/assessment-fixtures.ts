// Fixtures for the assessment tests: a module with enrolled trainees (via the shared training
// fixture), a release assignment made through the assignment model with a copy of the library's
// Siaran Pers rubric, and handed-in submissions written straight to the submission tables (the
// submissions engineer's model is exercised by its own tests).
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { createId } from "~/.server/crypto.server";
import { createAssignment, getAssignment, type AssignmentRow } from "~/models/assignment.server";
import { makeTrainingFixture } from "./submission-fixtures";

export const OPENS = "2026-03-01T01:00:00.000Z";
export const DUE = "2026-03-18T16:59:00.000Z"; // 23.59 WIB
export const LATE_UNTIL = "2026-03-20T16:59:00.000Z";

export interface AssessmentFixture {
  moduleId: string;
  facilitatorId: string;
  agencyIds: string[];
  trainees: { id: string; agencyId: string }[];
  assignment: AssignmentRow;
}

export async function makeAssessmentFixture(db: DB, opts: { trainees?: number } = {}): Promise<AssessmentFixture> {
  const agencyIds = [await makeAgency(db, { shortName: "Dinkes" }), await makeAgency(db, { shortName: "PUPR" })];
  const facilitatorId = await makePerson(db, { roles: ["fasilitator"], name: "Made Ayu Pertiwi" });
  const trainees: { id: string; agencyId: string }[] = [];
  for (let i = 0; i < (opts.trainees ?? 3); i++) {
    const agencyId = agencyIds[i % 2];
    trainees.push({ id: await makePerson(db, { agencyId, name: `Peserta ${i + 1}` }), agencyId });
  }
  const f = await makeTrainingFixture(db, { kind: "release", facilitatorId, trainees, opensAt: OPENS, dueAt: DUE, lateUntil: LATE_UNTIL });
  const r = await createAssignment(db, f.moduleId, {
    kind: "release", title: "Siaran pers: Peluncuran Layanan Posyandu Digital", instructionsJson: null,
    opensAt: OPENS, dueAt: DUE, lateUntil: LATE_UNTIL, timeZone: "Asia/Jakarta", position: 2, libraryRubricId: "rubric-siaran-pers",
  }, facilitatorId);
  if (!r.ok) throw new Error(r.error);
  return { moduleId: f.moduleId, facilitatorId, agencyIds, trainees, assignment: (await getAssignment(db, f.moduleId, r.id))! };
}

/** A handed-in submission with `versions` versions, the latest at `submittedAt`. */
export async function handIn(
  db: DB,
  a: AssignmentRow,
  trainee: { id: string; agencyId: string },
  submittedAt: string,
  opts: { versions?: number; status?: "submitted" | "graded" | "returned" } = {},
): Promise<{ submissionId: string; versionId: string }> {
  const submissionId = createId();
  const late = Date.parse(submittedAt) > Date.parse(a.due_at) ? 1 : 0;
  await db.insertInto("submission").values({
    id: submissionId, assignment_id: a.id, module_id: a.module_id, user_id: trainee.id, agency_id: trainee.agencyId,
    status: opts.status ?? "submitted", first_submitted_at: submittedAt, submitted_at: submittedAt, late, created_at: submittedAt, updated_at: submittedAt,
  }).execute();
  let versionId = "";
  for (let n = 1; n <= (opts.versions ?? 1); n++) {
    versionId = createId();
    await db.insertInto("submission_version").values({
      id: versionId, submission_id: submissionId, number: n, word_count: 320, late: n === (opts.versions ?? 1) ? late : 0, submitted_at: submittedAt,
      body_json: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sukamaju — Dinas Kesehatan meluncurkan Posyandu Digital." }] }] }),
    }).execute();
  }
  await db.updateTable("submission").set({ current_version_id: versionId, version_count: opts.versions ?? 1 }).where("id", "=", submissionId).execute();
  return { submissionId, versionId };
}
