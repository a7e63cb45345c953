// Assignments of a module: their details and dates, their rubric (a copy of a library rubric or their
// own), the rubric lock and its only way out (clearing the grades), and per-person extensions.
// Owns the assignment and assignment_extension tables; writes rubrics through rubric.server.ts.
import { reusableQuery, type DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { parseLocale } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { extensionFits } from "~/lib/assignment";
import type { CriterionInput } from "~/lib/rubric";
import { audit } from "./audit.server";
import { notify } from "./notification.server";
import { qualityChange } from "./participation-quality.server";
import { copyRubric, createRubric, deleteUnusedRubric, getRubric, updateRubric, type RubricResult } from "./rubric.server";

type Clock = () => Date;
const systemClock: Clock = () => new Date();

export interface AssignmentInput {
  kind: string;
  title: string;
  instructionsJson: string | null;
  opensAt: string;
  dueAt: string;
  lateUntil: string;
  timeZone: string;
  position: number;
}

export async function listAssignments(db: DB, moduleId: string) {
  return db
    .selectFrom("assignment")
    .select(["id", "position", "kind", "title", "opens_at", "due_at", "late_until", "time_zone", "rubric_id"])
    .where("module_id", "=", moduleId)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

// Every page of an assignment starts with it: compiled once (see reusableQuery).
const assignmentQuery = reusableQuery((db, assignmentId: string, moduleId: string) =>
  db
    .selectFrom("assignment as a")
    .leftJoin("rubric as r", "r.id", "a.rubric_id")
    .select([
      "a.id", "a.module_id", "a.position", "a.kind", "a.title", "a.instructions_json", "a.rubric_id",
      "a.opens_at", "a.due_at", "a.late_until", "a.time_zone", "r.locked_at as rubric_locked_at",
    ])
    .where("a.id", "=", assignmentId)
    .where("a.module_id", "=", moduleId),
);

export async function getAssignment(db: DB, moduleId: string, assignmentId: string) {
  const [row] = await assignmentQuery(db, assignmentId, moduleId);
  return row ?? null;
}
export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof getAssignment>>>;

/** The position a new assignment takes by default: after the last one. */
export async function nextPosition(db: DB, moduleId: string): Promise<number> {
  const r = await db
    .selectFrom("assignment")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

/** A new assignment; with `libraryRubricId` it gets its own copy of that library rubric. */
export async function createAssignment(
  db: DB,
  moduleId: string,
  input: AssignmentInput & { libraryRubricId?: string | null },
  actorId: string,
  clock: Clock = systemClock,
): Promise<{ ok: true; id: string } | { ok: false; error: string; field?: string }> {
  let rubricId: string | null = null;
  if (input.libraryRubricId) {
    const source = await getRubric(db, input.libraryRubricId);
    if (!source || source.scope !== "library") return { ok: false, error: "form.invalidChoice", field: "libraryRubricId" };
    rubricId = await copyRubric(db, source.id, actorId, clock);
  }
  const id = createId();
  const now = nowIso(clock);
  await db
    .insertInto("assignment")
    .values({
      id, module_id: moduleId, position: input.position, kind: input.kind, title: input.title,
      instructions_json: input.instructionsJson, rubric_id: rubricId, opens_at: input.opensAt, due_at: input.dueAt,
      late_until: input.lateUntil, time_zone: input.timeZone, created_by: actorId, created_at: now, updated_at: now,
    })
    .execute();
  return { ok: true, id };
}

export async function updateAssignment(db: DB, moduleId: string, assignmentId: string, input: AssignmentInput, clock: Clock = systemClock): Promise<boolean> {
  const r = await db
    .updateTable("assignment")
    .set({
      position: input.position, kind: input.kind, title: input.title, instructions_json: input.instructionsJson,
      opens_at: input.opensAt, due_at: input.dueAt, late_until: input.lateUntil, time_zone: input.timeZone,
      updated_at: nowIso(clock),
    })
    .where("id", "=", assignmentId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces the assignment's rubric with a fresh copy of a library rubric. Refused while locked. */
export async function pickLibraryRubric(db: DB, a: AssignmentRow, libraryRubricId: string, actorId: string, clock: Clock = systemClock): Promise<RubricResult> {
  if (a.rubric_locked_at) return { ok: false, error: "rubric.locked" };
  const source = await getRubric(db, libraryRubricId);
  if (!source || source.scope !== "library") return { ok: false, error: "form.invalidChoice" };
  const id = await copyRubric(db, source.id, actorId, clock);
  if (!id) return { ok: false, error: "form.invalidChoice" };
  await db.updateTable("assignment").set({ rubric_id: id, updated_at: nowIso(clock) }).where("id", "=", a.id).execute();
  if (a.rubric_id) await deleteUnusedRubric(db, a.rubric_id);
  return { ok: true, id };
}

/** Saves the assignment's own rubric (creating it when the assignment has none). Refused while locked. */
export async function saveAssignmentRubric(db: DB, a: AssignmentRow, criteria: CriterionInput[], actorId: string, clock: Clock = systemClock): Promise<RubricResult> {
  if (a.rubric_id) {
    const current = await getRubric(db, a.rubric_id);
    if (current?.scope === "assignment") {
      return updateRubric(db, a.rubric_id, { title: current.title, description: current.description, criteria }, clock);
    }
  }
  const created = await createRubric(db, { title: a.title, workKind: a.kind, scope: "assignment", criteria }, actorId, clock);
  if (!created.ok) return created;
  await db.updateTable("assignment").set({ rubric_id: created.id, updated_at: nowIso(clock) }).where("id", "=", a.id).execute();
  return created;
}

/** How many grades (graded or returned decisions) the assignment's submissions carry. */
export async function countGrades(db: DB, assignmentId: string): Promise<number> {
  const r = await db
    .selectFrom("grade as g")
    .innerJoin("submission as s", "s.id", "g.submission_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("s.assignment_id", "=", assignmentId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The only way to unlock a rubric: every grade of the assignment is deleted, graded or returned
 * submissions go back to `submitted` without a score, and the rubric's lock is cleared. Audited.
 */
export async function unlockRubricClearingGrades(
  db: DB,
  a: AssignmentRow,
  actor: { actorId: string; ip?: string | null },
  clock: Clock = systemClock,
): Promise<{ ok: true; cleared: number } | { ok: false; error: string }> {
  if (!a.rubric_id || !a.rubric_locked_at) return { ok: false, error: "rubric.notLocked" };
  const cleared = await db.transaction().execute(async (trx) => {
    const quality = await qualityChange(trx, { assignmentId: a.id }); // the report's rubric means
    const n = await countGrades(trx, a.id);
    await trx
      .deleteFrom("grade")
      .where("submission_id", "in", trx.selectFrom("submission").select("id").where("assignment_id", "=", a.id))
      .execute();
    await trx
      .updateTable("submission")
      .set({ status: "submitted", score: null, graded_at: null, updated_at: nowIso(clock) })
      .where("assignment_id", "=", a.id)
      .where("status", "in", ["graded", "returned"])
      .execute();
    await trx.updateTable("rubric").set({ locked_at: null, updated_at: nowIso(clock) }).where("id", "=", a.rubric_id!).execute();
    await quality.settle();
    return n;
  });
  await audit(db, {
    actorId: actor.actorId, action: "rubric.unlock", targetType: "assignment", targetId: a.id,
    detail: { moduleId: a.module_id, rubricId: a.rubric_id, gradesCleared: cleared }, ip: actor.ip ?? null,
  });
  return { ok: true, cleared };
}

// ------------------------------------------------------------------------------------------------
// Extensions

/** Active enrolled people of the module, for the extension form. */
export async function listEnrolledPeople(db: DB, moduleId: string) {
  return db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .leftJoin("agency as ag", "ag.id", "u.agency_id")
    .select(["u.id", "u.name", "ag.short_name as agency"])
    .where("e.module_id", "=", moduleId)
    .where("e.status", "=", "active")
    .where("u.status", "=", "active")
    .groupBy(["u.id", "u.name", "ag.short_name"])
    .orderBy("u.name")
    .execute();
}

export async function listExtensions(db: DB, assignmentId: string) {
  return db
    .selectFrom("assignment_extension as x")
    .innerJoin("user as u", "u.id", "x.user_id")
    .leftJoin("agency as ag", "ag.id", "u.agency_id")
    .leftJoin("user as g", "g.id", "x.granted_by")
    .select(["x.user_id", "u.name", "ag.short_name as agency", "x.due_at", "x.late_until", "x.reason", "x.created_at", "g.name as granted_by_name"])
    .where("x.assignment_id", "=", assignmentId)
    .orderBy("u.name")
    .execute();
}

export async function getExtension(db: DB, assignmentId: string, userId: string) {
  return (
    (await db
      .selectFrom("assignment_extension")
      .select(["due_at", "late_until", "reason"])
      .where("assignment_id", "=", assignmentId)
      .where("user_id", "=", userId)
      .executeTakeFirst()) ?? null
  );
}

/** Grants (or replaces) a person's extension and tells them. Only for people enrolled in the module. */
export async function grantExtension(
  db: DB,
  a: AssignmentRow,
  input: { userId: string; dueAt: string; lateUntil: string; reason?: string | null },
  actor: { actorId: string; ip?: string | null; baseUrl?: string },
  clock: Clock = systemClock,
): Promise<{ ok: true } | { ok: false; error: string; field?: string }> {
  const enrolled = await db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .select("e.id")
    .where("e.module_id", "=", a.module_id)
    .where("e.user_id", "=", input.userId)
    .where("e.status", "=", "active")
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!enrolled) return { ok: false, error: "extension.notEnrolled", field: "userId" };
  if (!extensionFits(a.opens_at, input.dueAt, input.lateUntil)) return { ok: false, error: "extension.beforeOpens", field: "dueDate" };
  const values = { due_at: input.dueAt, late_until: input.lateUntil, reason: input.reason ?? null, granted_by: actor.actorId, created_at: nowIso(clock) };
  await db
    .insertInto("assignment_extension")
    .values({ assignment_id: a.id, user_id: input.userId, ...values })
    .onConflict((oc) => oc.columns(["assignment_id", "user_id"]).doUpdateSet(values))
    .execute();
  await audit(db, {
    actorId: actor.actorId, action: "extension.grant", targetType: "assignment", targetId: a.id,
    detail: { userId: input.userId, dueAt: input.dueAt, lateUntil: input.lateUntil }, ip: actor.ip ?? null,
  });
  const module = await db.selectFrom("module").select("title").where("id", "=", a.module_id).executeTakeFirst();
  // The new date is written in the person's own zone and language (the text is rendered once).
  const person = await db.selectFrom("user").select(["time_zone", "locale"]).where("id", "=", input.userId).executeTakeFirst();
  const locale = parseLocale(person?.locale);
  const tz = person?.time_zone ?? a.time_zone;
  await notify(db, {
    userId: input.userId,
    kind: "extensionGranted",
    params: { assignment: a.title, module: module?.title ?? "", due: formatDateTime(input.dueAt, tz, locale), lateUntil: formatDateTime(input.lateUntil, tz, locale) },
    link: `/pelatihan/${a.module_id}/tugas/${a.id}`,
    baseUrl: actor.baseUrl,
  });
  return { ok: true };
}

export async function removeExtension(db: DB, a: AssignmentRow, userId: string, actor: { actorId: string; ip?: string | null }): Promise<boolean> {
  const r = await db.deleteFrom("assignment_extension").where("assignment_id", "=", a.id).where("user_id", "=", userId).executeTakeFirst();
  const removed = Number(r.numDeletedRows) > 0;
  if (removed) {
    await audit(db, { actorId: actor.actorId, action: "extension.remove", targetType: "assignment", targetId: a.id, detail: { userId }, ip: actor.ip ?? null });
  }
  return removed;
}
