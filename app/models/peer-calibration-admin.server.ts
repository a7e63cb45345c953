// Calibration examples, the fasilitator's side: one to three example pieces per assignment (a text
// written in the editor and/or an image), each with a reference level 1..4 per rubric criterion and a
// short note shown to trainees after their attempt. Owns calibration_example and calibration_reference
// (the attempts belong to the reviewing side, app/models/peer-review.server.ts).
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { removeUpload } from "~/.server/upload.server";
import { audit } from "./audit.server";

export const MAX_EXAMPLES = 3;

export interface CalibrationExampleAdmin {
  id: string;
  position: number;
  title: string;
  bodyJson: string | null;
  imagePath: string | null;
  references: Record<string, { level: number; note: string | null }>;
  attempts: number;
}

export async function listCalibrationExamples(db: DB, assignmentId: string): Promise<CalibrationExampleAdmin[]> {
  const examples = await db.selectFrom("calibration_example").select(["id", "position", "title", "body_json", "image_path"])
    .where("assignment_id", "=", assignmentId).orderBy("position").execute();
  if (!examples.length) return [];
  const ids = examples.map((e) => e.id);
  const [refs, attempts] = await Promise.all([
    db.selectFrom("calibration_reference").select(["example_id", "criterion_id", "level", "note"]).where("example_id", "in", ids).execute(),
    db.selectFrom("calibration_attempt").select(["example_id", (eb) => eb.fn.count<number>("user_id").distinct().as("n")]).where("example_id", "in", ids).groupBy("example_id").execute(),
  ]);
  return examples.map((e) => ({
    id: e.id, position: e.position, title: e.title, bodyJson: e.body_json, imagePath: e.image_path,
    references: Object.fromEntries(refs.filter((r) => r.example_id === e.id).map((r) => [r.criterion_id, { level: r.level, note: r.note }])),
    attempts: Number(attempts.find((a) => a.example_id === e.id)?.n ?? 0),
  }));
}

export type ExampleError = "review.calib.admin.max" | "review.calib.admin.empty" | "review.calib.admin.levels" | "review.calib.admin.unknownCriterion";

/**
 * Adds an example. `levels` must name every criterion of the rubric exactly once with 1..4; notes
 * are optional. Either a text (non-empty) or an image path is required.
 */
export async function addCalibrationExample(
  db: DB,
  actor: { id: string; ip?: string | null },
  a: { id: string; rubric_id: string | null },
  input: { title: string; bodyJson: string | null; imagePath: string | null; levels: Record<string, number>; notes: Record<string, string | undefined> },
): Promise<{ ok: true; id: string } | { ok: false; error: ExampleError }> {
  const count = await db.selectFrom("calibration_example").select((eb) => eb.fn.countAll<number>().as("n")).where("assignment_id", "=", a.id).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_EXAMPLES) return { ok: false, error: "review.calib.admin.max" };
  if (!input.bodyJson && !input.imagePath) return { ok: false, error: "review.calib.admin.empty" };
  const criteria = a.rubric_id ? await db.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", a.rubric_id).execute() : [];
  const ids = new Set(criteria.map((c) => c.id));
  if (Object.keys(input.levels).some((k) => !ids.has(k))) return { ok: false, error: "review.calib.admin.unknownCriterion" };
  if (ids.size === 0 || [...ids].some((id) => !Number.isInteger(input.levels[id]) || input.levels[id] < 1 || input.levels[id] > 4)) {
    return { ok: false, error: "review.calib.admin.levels" };
  }
  const last = await db.selectFrom("calibration_example").select((eb) => eb.fn.max("position").as("p")).where("assignment_id", "=", a.id).executeTakeFirst();
  const id = createId();
  await db.insertInto("calibration_example").values({
    id, assignment_id: a.id, position: Number(last?.p ?? 0) + 1, title: input.title, body_json: input.bodyJson, image_path: input.imagePath, created_at: nowIso(),
  }).execute();
  await db.insertInto("calibration_reference").values([...ids].map((cid) => ({
    example_id: id, criterion_id: cid, level: input.levels[cid], note: input.notes[cid]?.trim() || null,
  }))).execute();
  await audit(db, { actorId: actor.id, action: "peer.calibration.add", targetType: "assignment", targetId: a.id, detail: { exampleId: id, title: input.title }, ip: actor.ip ?? null });
  return { ok: true, id };
}

export async function deleteCalibrationExample(db: DB, actor: { id: string; ip?: string | null }, assignmentId: string, exampleId: string): Promise<boolean> {
  const ex = await db.selectFrom("calibration_example").select(["id", "image_path", "title"]).where("id", "=", exampleId).where("assignment_id", "=", assignmentId).executeTakeFirst();
  if (!ex) return false;
  await db.deleteFrom("calibration_example").where("id", "=", ex.id).execute(); // references and attempts cascade
  if (ex.image_path) await removeUpload(ex.image_path);
  await audit(db, { actorId: actor.id, action: "peer.calibration.delete", targetType: "assignment", targetId: assignmentId, detail: { exampleId: ex.id, title: ex.title }, ip: actor.ip ?? null });
  return true;
}

/** The stored image of an example of this assignment, or null. */
export async function calibrationImagePath(db: DB, assignmentId: string, exampleId: string): Promise<string | null> {
  const ex = await db.selectFrom("calibration_example").select("image_path").where("id", "=", exampleId).where("assignment_id", "=", assignmentId).executeTakeFirst();
  return ex?.image_path ?? null;
}
