// Rubrics: the library (templates any fasilitator may pick) and assignments' own copies. Owns the
// rubric and rubric_criterion tables. A copy is made when a library rubric is picked, so editing the
// library never changes an assignment; an assignment's rubric is locked by its first grade
// (`locked_at`), and only clearing the grades unlocks it (see assignment.server.ts).
import type { DB } from "#db/connection";
import type { RubricCriterion } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { validateCriteria, type Criterion, type CriterionInput } from "~/lib/rubric";

export interface Rubric {
  id: string;
  title: string;
  description: string | null;
  scope: "library" | "assignment";
  workKind: string | null;
  lockedAt: string | null;
  updatedAt: string;
  criteria: Criterion[];
}

export type RubricResult = { ok: true; id: string } | { ok: false; error: string; total?: number };

export const toCriterion = (r: Pick<RubricCriterion, "id" | "title" | "weight" | "level_1" | "level_2" | "level_3" | "level_4">): Criterion => ({
  id: r.id, title: r.title, weight: r.weight, levels: [r.level_1, r.level_2, r.level_3, r.level_4],
});

export async function listCriteria(db: DB, rubricId: string): Promise<Criterion[]> {
  const rows = await db
    .selectFrom("rubric_criterion")
    .select(["id", "title", "weight", "level_1", "level_2", "level_3", "level_4"])
    .where("rubric_id", "=", rubricId)
    .orderBy("position")
    .execute();
  return rows.map(toCriterion);
}

export async function getRubric(db: DB, id: string): Promise<Rubric | null> {
  const r = await db
    .selectFrom("rubric")
    .select(["id", "title", "description", "scope", "work_kind", "locked_at", "updated_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, title: r.title, description: r.description, scope: r.scope === "library" ? "library" : "assignment",
    workKind: r.work_kind, lockedAt: r.locked_at, updatedAt: r.updated_at, criteria: await listCriteria(db, r.id),
  };
}

/** The library, for its page and the "pick a rubric" choice: titles, kinds and criteria counts. */
export async function listLibraryRubrics(db: DB) {
  const rows = await db
    .selectFrom("rubric as r")
    .select(["r.id", "r.title", "r.description", "r.work_kind", "r.updated_at"])
    .select((eb) => [
      eb.selectFrom("rubric_criterion as c").select(eb.fn.countAll<number>().as("n")).whereRef("c.rubric_id", "=", "r.id").as("criteria"),
    ])
    .where("r.scope", "=", "library")
    .orderBy("r.title")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, workKind: r.work_kind, updatedAt: r.updated_at, criteria: Number(r.criteria ?? 0) }));
}

function checked(criteria: CriterionInput[]): { ok: false; error: string; total: number } | null {
  const v = validateCriteria(criteria);
  if (v.ok) return null;
  return { ok: false, error: v.issues.find((i) => i.index === undefined)?.key ?? "rubric.criteriaInvalid", total: v.total };
}

async function insertCriteria(db: DB, rubricId: string, criteria: CriterionInput[]) {
  if (!criteria.length) return;
  await db
    .insertInto("rubric_criterion")
    .values(
      criteria.map((c, i) => ({
        id: createId(), rubric_id: rubricId, position: i + 1, title: c.title, weight: c.weight,
        level_1: c.levels[0], level_2: c.levels[1], level_3: c.levels[2], level_4: c.levels[3],
      })),
    )
    .execute();
}

export interface RubricInput {
  title: string;
  description?: string | null;
  workKind?: string | null;
  criteria: CriterionInput[];
}

export async function createRubric(
  db: DB,
  input: RubricInput & { scope: "library" | "assignment" },
  actorId: string | null,
  clock: () => Date = () => new Date(),
): Promise<RubricResult> {
  const bad = checked(input.criteria);
  if (bad) return bad;
  const id = createId();
  const now = nowIso(clock);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rubric")
      .values({
        id, title: input.title, description: input.description ?? null, scope: input.scope, work_kind: input.workKind ?? null,
        locked_at: null, created_by: actorId, created_at: now, updated_at: now,
      })
      .execute();
    await insertCriteria(trx, id, input.criteria);
  });
  return { ok: true, id };
}

/**
 * Replaces a rubric's title/description and criteria. Criteria that keep their id are updated in
 * place (a rubric is only editable while no grade refers to it, so removed ones can go). Refused
 * once the rubric is locked.
 */
export async function updateRubric(db: DB, id: string, input: RubricInput, clock: () => Date = () => new Date()): Promise<RubricResult> {
  const bad = checked(input.criteria);
  if (bad) return bad;
  return db.transaction().execute(async (trx): Promise<RubricResult> => {
    const r = await trx.selectFrom("rubric").select(["id", "locked_at"]).where("id", "=", id).executeTakeFirst();
    if (!r) return { ok: false, error: "error.404" };
    if (r.locked_at) return { ok: false, error: "rubric.locked" };
    const existing = new Set((await trx.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", id).execute()).map((c) => c.id));
    const keep = new Set(input.criteria.map((c) => c.id).filter((cid): cid is string => !!cid && existing.has(cid)));
    const gone = [...existing].filter((cid) => !keep.has(cid));
    if (gone.length) await trx.deleteFrom("rubric_criterion").where("id", "in", gone).execute();
    for (const [i, c] of input.criteria.entries()) {
      const values = { position: i + 1, title: c.title, weight: c.weight, level_1: c.levels[0], level_2: c.levels[1], level_3: c.levels[2], level_4: c.levels[3] };
      if (c.id && keep.has(c.id)) await trx.updateTable("rubric_criterion").set(values).where("id", "=", c.id).execute();
      else await trx.insertInto("rubric_criterion").values({ id: createId(), rubric_id: id, ...values }).execute();
    }
    await trx
      .updateTable("rubric")
      .set({ title: input.title, description: input.description ?? null, ...(input.workKind !== undefined ? { work_kind: input.workKind } : {}), updated_at: nowIso(clock) })
      .where("id", "=", id)
      .execute();
    return { ok: true, id };
  });
}

/** A copy of any rubric (usually a library one) as an assignment's own, unlocked. */
export async function copyRubric(db: DB, sourceId: string, actorId: string | null, clock: () => Date = () => new Date()): Promise<string | null> {
  const source = await getRubric(db, sourceId);
  if (!source) return null;
  const id = createId();
  const now = nowIso(clock);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rubric")
      .values({
        id, title: source.title, description: source.description, scope: "assignment", work_kind: source.workKind,
        locked_at: null, created_by: actorId, created_at: now, updated_at: now,
      })
      .execute();
    await insertCriteria(trx, id, source.criteria);
  });
  return id;
}

/** Deletes an assignment's own rubric that no grade refers to (after another was picked). */
export async function deleteUnusedRubric(db: DB, id: string): Promise<void> {
  const r = await db.selectFrom("rubric").select(["scope", "locked_at"]).where("id", "=", id).executeTakeFirst();
  if (!r || r.scope !== "assignment" || r.locked_at) return;
  const used = await db
    .selectFrom("grade_criterion as gc")
    .innerJoin("rubric_criterion as c", "c.id", "gc.criterion_id")
    .select("gc.grade_id")
    .where("c.rubric_id", "=", id)
    .executeTakeFirst();
  if (used) return;
  await db.deleteFrom("rubric").where("id", "=", id).execute();
}
