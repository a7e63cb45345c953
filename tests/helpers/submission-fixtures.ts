// Training fixtures for the submission tests: a published module with a fasilitator, a cohort with
// the given trainees enrolled, a small rubric and one assignment of a kind. Written straight to the
// tables because the module and assignment models are built in parallel; used by model, HTTP and
// browser tests (the browser tests fall back to it only when the demo seed has no such assignment).
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";

export interface TrainingFixture { moduleId: string; assignmentId: string; rubricId: string; criterionIds: string[] }

export async function makeTrainingFixture(
  db: DB,
  opts: {
    kind: "release" | "infographic" | "photo" | "video";
    title?: string;
    facilitatorId?: string | null;
    trainees: { id: string; agencyId: string | null }[];
    opensAt: string;
    dueAt: string;
    lateUntil: string;
    timeZone?: string;
    instructions?: string;
  },
): Promise<TrainingFixture> {
  const now = new Date().toISOString();
  const moduleId = createId();
  await db.insertInto("module").values({
    id: moduleId, title: `Modul Uji ${opts.kind}`, summary: "Modul untuk pengujian.", jp: 4, output_category: "pengembangan_profesi",
    status: "published", self_enrol: 0, organiser: "Dinas Kominfo Kabupaten Sukamaju", created_at: now, updated_at: now,
  }).execute();
  if (opts.facilitatorId) await db.insertInto("module_facilitator").values({ module_id: moduleId, user_id: opts.facilitatorId, created_at: now }).execute();
  const cohortId = createId();
  await db.insertInto("cohort").values({
    id: cohortId, module_id: moduleId, name: "Angkatan Uji", starts_on: opts.opensAt.slice(0, 10), ends_on: opts.lateUntil.slice(0, 10),
    time_zone: opts.timeZone ?? "Asia/Jakarta", created_at: now,
  }).execute();
  for (const t of opts.trainees) {
    await db.insertInto("enrolment").values({
      id: createId(), cohort_id: cohortId, module_id: moduleId, user_id: t.id, agency_id: t.agencyId, source: "person", status: "active", enrolled_at: now,
    }).execute();
  }
  const rubricId = createId();
  await db.insertInto("rubric").values({ id: rubricId, title: "Rubrik Uji", scope: "assignment", work_kind: opts.kind, created_at: now, updated_at: now }).execute();
  const criterionIds: string[] = [];
  for (const [i, [title, weight]] of ([["Judul", 40], ["Teras", 60]] as const).entries()) {
    const id = createId();
    criterionIds.push(id);
    await db.insertInto("rubric_criterion").values({
      id, rubric_id: rubricId, position: i, title, weight, level_1: "Kurang", level_2: "Cukup", level_3: "Baik", level_4: "Sangat baik",
    }).execute();
  }
  const assignmentId = createId();
  await db.insertInto("assignment").values({
    id: assignmentId, module_id: moduleId, position: 1, kind: opts.kind, title: opts.title ?? `Tugas Uji ${opts.kind}`,
    instructions_json: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: opts.instructions ?? "Tulis sesuai petunjuk." }] }] }),
    rubric_id: rubricId, opens_at: opts.opensAt, due_at: opts.dueAt, late_until: opts.lateUntil, time_zone: opts.timeZone ?? "Asia/Jakarta",
    created_at: now, updated_at: now,
  }).execute();
  return { moduleId, assignmentId, rubricId, criterionIds };
}
