// Who the viewer is to a module — its fasilitator, enrolled in it, or neither — in one query, for
// the permission scope of every training page (see can() in permissions.server.ts).
import { reusableQuery, type DB } from "#db/connection";

export interface ModuleRow {
  id: string;
  title: string;
  summary: string;
  jp: number;
  output_category: string;
  cover_path: string | null;
  status: string;
  self_enrol: number;
  pass_mark: number | null;
  organiser: string;
}

export interface ModuleAccess {
  module: ModuleRow;
  isFacilitator: boolean;
  /** the viewer's active enrolment, if any (the latest cohort when there are several) */
  enrolment: { id: string; cohortId: string; completedAt: string | null } | null;
}

// Both run on every training page: compiled once (see reusableQuery).
const moduleQuery = reusableQuery((db, userId: string, moduleId: string) =>
  db
    .selectFrom("module as m")
    .select([
      "m.id", "m.title", "m.summary", "m.jp", "m.output_category", "m.cover_path", "m.status",
      "m.self_enrol", "m.pass_mark", "m.organiser",
    ])
    .select((eb) => [
      eb.exists(
        eb.selectFrom("module_facilitator as f").select("f.user_id").whereRef("f.module_id", "=", "m.id").where("f.user_id", "=", userId),
      ).as("is_facilitator"),
    ])
    .where("m.id", "=", moduleId),
);
const enrolmentQuery = reusableQuery((db, moduleId: string, userId: string, status: string) =>
  db
    .selectFrom("enrolment")
    .select(["id", "cohort_id", "completed_at"])
    .where("module_id", "=", moduleId)
    .where("user_id", "=", userId)
    .where("status", "=", status)
    .orderBy("enrolled_at", "desc"),
);

export async function moduleAccess(db: DB, moduleId: string, userId: string): Promise<ModuleAccess | null> {
  const [row] = await moduleQuery(db, userId, moduleId);
  if (!row) return null;
  const [enrolment] = await enrolmentQuery(db, moduleId, userId, "active");
  const { is_facilitator, ...module } = row;
  return {
    module,
    isFacilitator: !!is_facilitator,
    enrolment: enrolment ? { id: enrolment.id, cohortId: enrolment.cohort_id, completedAt: enrolment.completed_at } : null,
  };
}

/** The permission scope for can(): pass it as the third argument. */
export const moduleScope = (a: ModuleAccess) => ({
  isFacilitator: a.isFacilitator,
  enrolled: !!a.enrolment,
  moduleStatus: a.module.status,
  selfEnrol: a.module.self_enrol === 1,
});
