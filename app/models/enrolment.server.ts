// Module runs (cohorts) and enrolments. A fasilitator or coordinator enrols whole agencies (every
// ACTIVE member) or chosen people; a deactivated person is refused and nothing changes; a published
// module open for self-enrolment takes people into its cohort marked open. A person has at most one
// active enrolment per module; withdrawing keeps the row (status withdrawn) so history stays.
// `enrolment.completed_at` belongs to the completion rules (completion.server.ts), not to this file.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { audit } from "./audit.server";
import { lessonsDoneBy } from "./lesson.server";
import { notify } from "./notification.server";
import type { Actor } from "./module.server";

export interface CohortInput {
  name: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  openEnrolment?: boolean;
}

export async function listCohorts(db: DB, moduleId: string) {
  const rows = await db
    .selectFrom("cohort as c")
    .select(["c.id", "c.name", "c.starts_on", "c.ends_on", "c.time_zone", "c.open_enrolment"])
    .select((eb) => [
      eb.selectFrom("enrolment as e").select((e2) => e2.fn.countAll<number>().as("n")).whereRef("e.cohort_id", "=", "c.id").where("e.status", "=", "active").as("enrolled"),
    ])
    .where("c.module_id", "=", moduleId)
    .orderBy("c.starts_on", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, timeZone: r.time_zone, open: r.open_enrolment === 1, enrolled: Number(r.enrolled ?? 0) }));
}

/** A new cohort. Only one cohort of a module is open for self-enrolment: opening this one closes the others. */
export async function createCohort(db: DB, moduleId: string, input: CohortInput, actor: Actor, clock: Clock = () => new Date()): Promise<string> {
  const id = createId();
  await db.transaction().execute(async (trx) => {
    if (input.openEnrolment) await trx.updateTable("cohort").set({ open_enrolment: 0 }).where("module_id", "=", moduleId).execute();
    await trx
      .insertInto("cohort")
      .values({
        id, module_id: moduleId, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn, time_zone: input.timeZone,
        open_enrolment: input.openEnrolment ? 1 : 0, created_by: actor.id, created_at: clock().toISOString(),
      })
      .execute();
  });
  await audit(db, { actorId: actor.id, action: "module.cohort.create", targetType: "module", targetId: moduleId, detail: { cohortId: id, name: input.name }, ip: actor.ip });
  return id;
}

/** Opens this cohort for self-enrolment (closing the others), or closes it. */
export async function setCohortOpen(db: DB, moduleId: string, cohortId: string, open: boolean): Promise<boolean> {
  const c = await db.selectFrom("cohort").select("id").where("id", "=", cohortId).where("module_id", "=", moduleId).executeTakeFirst();
  if (!c) return false;
  await db.transaction().execute(async (trx) => {
    if (open) await trx.updateTable("cohort").set({ open_enrolment: 0 }).where("module_id", "=", moduleId).execute();
    await trx.updateTable("cohort").set({ open_enrolment: open ? 1 : 0 }).where("id", "=", cohortId).execute();
  });
  return true;
}

export interface EnrolContext {
  moduleId: string;
  moduleTitle: string;
  cohortId: string;
  actor: Actor;
  /** the origin for the link in the notification e-mail */
  baseUrl?: string;
}

export type EnrolResult =
  | { ok: true; added: number; already: number }
  | { ok: false; error: "module.enrol.deactivated"; names: string[] }
  | { ok: false; error: "module.enrol.noCohort" | "module.enrol.nobody" };

async function cohortOf(db: DB, moduleId: string, cohortId: string) {
  return db.selectFrom("cohort").select(["id", "name"]).where("id", "=", cohortId).where("module_id", "=", moduleId).executeTakeFirst();
}

/**
 * Enrols these people into the cohort. Anyone not active (deactivated, pending, removed) refuses the
 * whole request and nothing changes. People already actively enrolled in the module (in any cohort)
 * are counted as `already`; a withdrawn enrolment in this cohort is reactivated.
 */
async function enrolUsers(db: DB, ctx: EnrolContext, userIds: string[], source: "agency" | "person" | "self", clock: Clock): Promise<EnrolResult> {
  const cohort = await cohortOf(db, ctx.moduleId, ctx.cohortId);
  if (!cohort) return { ok: false, error: "module.enrol.noCohort" };
  const unique = [...new Set(userIds)];
  if (!unique.length) return { ok: false, error: "module.enrol.nobody" };
  const people = await db.selectFrom("user").select(["id", "name", "status", "agency_id"]).where("id", "in", unique).execute();
  const inactive = people.filter((p) => p.status !== "active");
  if (inactive.length || people.length !== unique.length) {
    return { ok: false, error: "module.enrol.deactivated", names: inactive.map((p) => p.name) };
  }
  const existing = await db
    .selectFrom("enrolment")
    .select(["id", "user_id", "cohort_id", "status"])
    .where("module_id", "=", ctx.moduleId)
    .where("user_id", "in", unique)
    .execute();
  const activeIds = new Set(existing.filter((e) => e.status === "active").map((e) => e.user_id));
  const now = clock().toISOString();
  const added: string[] = [];
  // Whole agencies can be a thousand people: new enrolments go in batches; a withdrawn enrolment in
  // this cohort is reactivated instead (one update each — they are few).
  const withdrawnHere = new Map(existing.filter((e) => e.cohort_id === ctx.cohortId && e.status !== "active").map((e) => [e.user_id, e.id]));
  const fresh = people.filter((p) => !activeIds.has(p.id) && !withdrawnHere.has(p.id));
  await db.transaction().execute(async (trx) => {
    for (const p of people) {
      const id = !activeIds.has(p.id) ? withdrawnHere.get(p.id) : undefined;
      if (!id) continue;
      await trx
        .updateTable("enrolment")
        .set({ status: "active", source, enrolled_by: ctx.actor.id, enrolled_at: now, agency_id: p.agency_id })
        .where("id", "=", id)
        .execute();
      added.push(p.id);
    }
    for (let i = 0; i < fresh.length; i += 500) {
      await trx
        .insertInto("enrolment")
        .values(fresh.slice(i, i + 500).map((p) => ({
          id: createId(), cohort_id: ctx.cohortId, module_id: ctx.moduleId, user_id: p.id, agency_id: p.agency_id, source,
          status: "active", enrolled_by: ctx.actor.id, enrolled_at: now, completed_at: null,
        })))
        .execute();
    }
    added.push(...fresh.map((p) => p.id));
  });
  for (const userId of added) {
    await notify(db, {
      userId, kind: "moduleEnrolled", params: { module: ctx.moduleTitle, cohort: cohort.name },
      link: `/pelatihan/${ctx.moduleId}`, baseUrl: ctx.baseUrl,
    });
  }
  if (added.length && source !== "self") {
    await audit(db, {
      actorId: ctx.actor.id, action: "module.enrol", targetType: "module", targetId: ctx.moduleId,
      detail: { cohortId: ctx.cohortId, source, added: added.length }, ip: ctx.actor.ip,
    });
  }
  return { ok: true, added: added.length, already: people.length - added.length };
}

export async function enrolPeople(db: DB, ctx: EnrolContext, userIds: string[], clock: Clock = () => new Date()) {
  return enrolUsers(db, ctx, userIds, "person", clock);
}

/** Every active member of each chosen (active) agency. Deactivated members are simply not members to enrol. */
export async function enrolAgencies(db: DB, ctx: EnrolContext, agencyIds: string[], clock: Clock = () => new Date()): Promise<EnrolResult> {
  if (!agencyIds.length) return { ok: false, error: "module.enrol.nobody" };
  const members = await db
    .selectFrom("user as u")
    .innerJoin("agency as a", "a.id", "u.agency_id")
    .select("u.id")
    .where("u.agency_id", "in", agencyIds)
    .where("a.active", "=", 1)
    .where("u.status", "=", "active")
    .execute();
  if (!members.length) return { ok: false, error: "module.enrol.nobody" };
  return enrolUsers(db, ctx, members.map((m) => m.id), "agency", clock);
}

export type SelfEnrolResult = { ok: true } | { ok: false; error: "module.selfEnrol.noOpenCohort" | "module.selfEnrol.closed" };

/** The viewer enrols themself into the module's open cohort (the caller has checked module.selfEnrol). */
export async function selfEnrol(db: DB, moduleId: string, user: { id: string }, baseUrl?: string, clock: Clock = () => new Date()): Promise<SelfEnrolResult> {
  const m = await db.selectFrom("module").select(["title", "status", "self_enrol"]).where("id", "=", moduleId).executeTakeFirst();
  if (!m || m.status !== "published" || m.self_enrol !== 1) return { ok: false, error: "module.selfEnrol.closed" };
  const open = await db.selectFrom("cohort").select("id").where("module_id", "=", moduleId).where("open_enrolment", "=", 1).orderBy("starts_on", "desc").executeTakeFirst();
  if (!open) return { ok: false, error: "module.selfEnrol.noOpenCohort" };
  const r = await enrolUsers(db, { moduleId, moduleTitle: m.title, cohortId: open.id, actor: { id: user.id }, baseUrl }, [user.id], "self", clock);
  return r.ok ? { ok: true } : { ok: false, error: "module.selfEnrol.closed" };
}

export async function withdrawEnrolment(db: DB, moduleId: string, enrolmentId: string, actor: Actor): Promise<boolean> {
  const e = await db.selectFrom("enrolment").select(["id", "user_id"]).where("id", "=", enrolmentId).where("module_id", "=", moduleId).where("status", "=", "active").executeTakeFirst();
  if (!e) return false;
  await db.updateTable("enrolment").set({ status: "withdrawn" }).where("id", "=", enrolmentId).execute();
  await audit(db, { actorId: actor.id, action: "module.withdraw", targetType: "module", targetId: moduleId, detail: { userId: e.user_id }, ip: actor.ip });
  return true;
}

/** Active enrolments of the module, grouped by agency (people without an agency last), each with lessons done. */
export async function listEnrolmentsByAgency(db: DB, moduleId: string) {
  const rows = await db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .innerJoin("cohort as c", "c.id", "e.cohort_id")
    .leftJoin("agency as a", "a.id", "e.agency_id")
    .select(["e.id", "e.user_id", "e.source", "e.completed_at", "u.name", "u.email", "u.status as user_status", "c.name as cohort_name", "a.id as agency_id", "a.name as agency_name"])
    .where("e.module_id", "=", moduleId)
    .where("e.status", "=", "active")
    .orderBy("a.name")
    .orderBy("u.name")
    .execute();
  const done = await lessonsDoneBy(db, moduleId, rows.map((r) => r.user_id));
  const groups = new Map<string, { agencyId: string | null; agencyName: string | null; people: typeof people }>();
  const people: { enrolmentId: string; name: string; email: string; cohort: string; lessonsDone: number; completed: boolean; active: boolean }[] = [];
  for (const r of rows) {
    const key = r.agency_id ?? "";
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { agencyId: r.agency_id, agencyName: r.agency_name, people: [] }));
    g.people.push({ enrolmentId: r.id, name: r.name, email: r.email, cohort: r.cohort_name, lessonsDone: done.get(r.user_id) ?? 0, completed: !!r.completed_at, active: r.user_status === "active" });
  }
  return [...groups.values()].sort((a, b) => (a.agencyName === null ? 1 : b.agencyName === null ? -1 : a.agencyName.localeCompare(b.agencyName, "id")));
}

/** Active people whose name or e-mail contains the query, for choosing whom to enrol. */
export async function searchPeople(db: DB, query: string, limit = 20) {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const like = `%${q.replace(/[%_]/g, "")}%`;
  return db
    .selectFrom("user as u")
    .leftJoin("agency as a", "a.id", "u.agency_id")
    .select(["u.id", "u.name", "u.email", "a.short_name as agency"])
    .where("u.status", "=", "active")
    .where((eb) => eb.or([eb(eb.fn("lower", ["u.name"]), "like", like), eb(eb.fn("lower", ["u.email"]), "like", like)]))
    .orderBy("u.name")
    .limit(limit)
    .execute();
}
