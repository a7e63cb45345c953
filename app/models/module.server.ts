// Training modules: the module itself (title, summary, JP, output category, cover, state, self-
// enrolment, pass mark, organiser), its fasilitators, the catalogue and the module page's data.
// Lessons and watched progress are in lesson.server.ts; cohorts and enrolments in enrolment.server.ts.
// Every state change of a module that matters to the network (create, publish, archive) is audited.
import { reusableQuery, type DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import type { ModuleStatus, OutputCategory } from "~/lib/module";
import { audit } from "./audit.server";
import { getNetwork } from "./network.server";

export interface Actor {
  id: string;
  ip?: string | null;
}

export interface ModuleInput {
  title: string;
  summary?: string | null;
  jp: number;
  outputCategory: OutputCategory;
  status: ModuleStatus;
  selfEnrol?: boolean;
  passMark?: number | null;
  organiser?: string | null;
}

export type ModuleError = "module.publish.noLessons" | "error.404";
export type ModuleResult = { ok: true; id: string } | { ok: false; error: ModuleError; field?: "status" };

async function defaultOrganiser(db: DB): Promise<string> {
  return (await getNetwork(db))?.name ?? "Sinergi";
}

async function lessonCount(db: DB, moduleId: string): Promise<number> {
  const r = await db.selectFrom("lesson").select((eb) => eb.fn.countAll<number>().as("n")).where("module_id", "=", moduleId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Creates the module with its creator as its first fasilitator. A module cannot start published (it has no lessons yet). */
export async function createModule(db: DB, input: ModuleInput, actor: Actor, clock: Clock = () => new Date()): Promise<ModuleResult> {
  if (input.status === "published") return { ok: false, error: "module.publish.noLessons", field: "status" };
  const id = createId();
  const now = clock().toISOString();
  const organiser = input.organiser?.trim() || (await defaultOrganiser(db));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("module")
      .values({
        id, title: input.title, summary: input.summary ?? "", jp: input.jp, output_category: input.outputCategory,
        cover_path: null, status: input.status, self_enrol: input.selfEnrol ? 1 : 0, pass_mark: input.passMark ?? null,
        organiser, created_by: actor.id, created_at: now, updated_at: now, published_at: null,
      })
      .execute();
    await trx.insertInto("module_facilitator").values({ module_id: id, user_id: actor.id, created_at: now }).execute();
  });
  await audit(db, { actorId: actor.id, action: "module.create", targetType: "module", targetId: id, detail: { title: input.title, status: input.status }, ip: actor.ip });
  return { ok: true, id };
}

/** Saves the form. Publishing needs at least one lesson; publishing and archiving are audited. */
export async function updateModule(db: DB, moduleId: string, input: ModuleInput, actor: Actor, clock: Clock = () => new Date()): Promise<ModuleResult> {
  const before = await db.selectFrom("module").select(["status", "published_at"]).where("id", "=", moduleId).executeTakeFirst();
  if (!before) return { ok: false, error: "error.404" };
  if (input.status === "published" && before.status !== "published" && (await lessonCount(db, moduleId)) === 0) {
    return { ok: false, error: "module.publish.noLessons", field: "status" };
  }
  const now = clock().toISOString();
  await db
    .updateTable("module")
    .set({
      title: input.title, summary: input.summary ?? "", jp: input.jp, output_category: input.outputCategory,
      status: input.status, self_enrol: input.selfEnrol ? 1 : 0, pass_mark: input.passMark ?? null,
      organiser: input.organiser?.trim() || (await defaultOrganiser(db)), updated_at: now,
      published_at: input.status === "published" ? before.published_at ?? now : before.published_at,
    })
    .where("id", "=", moduleId)
    .execute();
  if (input.status !== before.status && (input.status === "published" || input.status === "archived")) {
    await audit(db, {
      actorId: actor.id, action: input.status === "published" ? "module.publish" : "module.archive",
      targetType: "module", targetId: moduleId, detail: { title: input.title, from: before.status }, ip: actor.ip,
    });
  }
  return { ok: true, id: moduleId };
}

/** Sets the cover (paths relative to UPLOAD_DIR); returns the previous one so the caller can remove the file. */
export async function setModuleCover(db: DB, moduleId: string, coverPath: string | null): Promise<string | null> {
  const before = await db.selectFrom("module").select("cover_path").where("id", "=", moduleId).executeTakeFirst();
  await db.updateTable("module").set({ cover_path: coverPath, updated_at: nowIso() }).where("id", "=", moduleId).execute();
  return before?.cover_path ?? null;
}

export async function getModuleForEdit(db: DB, moduleId: string) {
  return db
    .selectFrom("module")
    .select(["id", "title", "summary", "jp", "output_category", "cover_path", "status", "self_enrol", "pass_mark", "organiser", "published_at"])
    .where("id", "=", moduleId)
    .executeTakeFirst();
}

// ---- fasilitators -------------------------------------------------------------------------

export async function listFacilitators(db: DB, moduleId: string) {
  return db
    .selectFrom("module_facilitator as f")
    .innerJoin("user as u", "u.id", "f.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("f.module_id", "=", moduleId)
    .orderBy("f.created_at")
    .execute();
}

/** Active people holding the fasilitator role who do not facilitate this module yet. */
export async function listFacilitatorCandidates(db: DB, moduleId: string) {
  return db
    .selectFrom("user as u")
    .innerJoin("network_role as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "fasilitator"))
    .select(["u.id", "u.name", "u.email"])
    .where("u.status", "=", "active")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("module_facilitator as f").select("f.user_id").whereRef("f.user_id", "=", "u.id").where("f.module_id", "=", moduleId))))
    .orderBy("u.name")
    .execute();
}

export type FacilitatorResult = { ok: true } | { ok: false; error: "module.facilitator.notEligible" | "module.facilitator.last" };

export async function addFacilitator(db: DB, moduleId: string, userId: string, actor: Actor): Promise<FacilitatorResult> {
  const eligible = await db
    .selectFrom("user as u")
    .innerJoin("network_role as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "fasilitator"))
    .select("u.id")
    .where("u.id", "=", userId)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!eligible) return { ok: false, error: "module.facilitator.notEligible" };
  await db
    .insertInto("module_facilitator")
    .values({ module_id: moduleId, user_id: userId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["module_id", "user_id"]).doNothing())
    .execute();
  await audit(db, { actorId: actor.id, action: "module.facilitator.add", targetType: "module", targetId: moduleId, detail: { userId }, ip: actor.ip });
  return { ok: true };
}

/** A module keeps at least one fasilitator. */
export async function removeFacilitator(db: DB, moduleId: string, userId: string, actor: Actor): Promise<FacilitatorResult> {
  const rows = await db.selectFrom("module_facilitator").select("user_id").where("module_id", "=", moduleId).execute();
  if (!rows.some((r) => r.user_id === userId)) return { ok: true };
  if (rows.length <= 1) return { ok: false, error: "module.facilitator.last" };
  await db.deleteFrom("module_facilitator").where("module_id", "=", moduleId).where("user_id", "=", userId).execute();
  await audit(db, { actorId: actor.id, action: "module.facilitator.remove", targetType: "module", targetId: moduleId, detail: { userId }, ip: actor.ip });
  return { ok: true };
}

// ---- catalogue ----------------------------------------------------------------------------

export interface CatalogueEntry {
  id: string;
  title: string;
  summary: string;
  jp: number;
  outputCategory: string;
  status: string;
  hasCover: boolean;
  coverVersion: string | null;
  selfEnrol: boolean;
  enrolled: boolean;
  facilitating: boolean;
  lessons: number;
}

/**
 * The catalogue. `all` (authors and readers of all): every module, drafts and archived included.
 * Otherwise: the viewer's active enrolments in modules that are not drafts, and published modules
 * open for self-enrolment.
 */
export async function listCatalogue(db: DB, userId: string, { all }: { all: boolean }): Promise<CatalogueEntry[]> {
  let q = db
    .selectFrom("module as m")
    .select([
      "m.id", "m.title", "m.summary", "m.jp", "m.output_category", "m.status", "m.cover_path", "m.self_enrol", "m.updated_at",
    ])
    .select((eb) => [
      eb.exists(
        eb.selectFrom("enrolment as e").select("e.id").whereRef("e.module_id", "=", "m.id").where("e.user_id", "=", userId).where("e.status", "=", "active"),
      ).as("enrolled"),
      eb.exists(eb.selectFrom("module_facilitator as f").select("f.user_id").whereRef("f.module_id", "=", "m.id").where("f.user_id", "=", userId)).as("facilitating"),
      eb.selectFrom("lesson as l").select((e2) => e2.fn.countAll<number>().as("n")).whereRef("l.module_id", "=", "m.id").as("lessons"),
    ]);
  if (!all) {
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb("m.status", "!=", "draft"),
          eb.exists(
            eb.selectFrom("enrolment as e").select("e.id").whereRef("e.module_id", "=", "m.id").where("e.user_id", "=", userId).where("e.status", "=", "active"),
          ),
        ]),
        eb.and([eb("m.status", "=", "published"), eb("m.self_enrol", "=", 1)]),
        eb.exists(eb.selectFrom("module_facilitator as f").select("f.user_id").whereRef("f.module_id", "=", "m.id").where("f.user_id", "=", userId)),
      ]),
    );
  }
  const rows = await q.orderBy("m.status").orderBy("m.title").execute();
  // published first, then drafts, archived last
  const rank: Record<string, number> = { published: 0, draft: 1, archived: 2 };
  return rows
    .map((r) => ({
      id: r.id, title: r.title, summary: r.summary, jp: r.jp, outputCategory: r.output_category, status: r.status,
      hasCover: !!r.cover_path, coverVersion: r.cover_path ? r.updated_at.replace(/\D/g, "") : null,
      selfEnrol: r.self_enrol === 1, enrolled: !!r.enrolled, facilitating: !!r.facilitating, lessons: Number(r.lessons ?? 0),
    }))
    .sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || Number(b.enrolled) - Number(a.enrolled) || a.title.localeCompare(b.title, "id"));
}

export async function getCoverPath(db: DB, moduleId: string): Promise<string | null> {
  const r = await db.selectFrom("module").select("cover_path").where("id", "=", moduleId).executeTakeFirst();
  return r?.cover_path ?? null;
}

// ---- the module page ----------------------------------------------------------------------

export type SubmissionState = "none" | "draft" | "submitted" | "returned" | "graded";

/** Everything the module page shows besides the module row: the viewer's cohort, lessons with done
 *  ticks, assignments with the viewer's submission state, and an open cohort for self-enrolment. */
// The module page's queries have a fixed shape and run on every view of a module: compiled once
// (see reusableQuery) rather than built and compiled by Kysely on each request.
const pageLessons = reusableQuery((db, userId: string, moduleId: string) =>
  db
    .selectFrom("lesson as l")
    .leftJoin("lesson_progress as p", (j) => j.onRef("p.lesson_id", "=", "l.id").on("p.user_id", "=", userId))
    .select(["l.id", "l.title", "l.position", "l.video_kind", "p.completed_at", "p.watched_seconds", "p.duration_seconds", "l.video_seconds"])
    .where("l.module_id", "=", moduleId)
    .orderBy("l.position"),
);
const pageAssignments = reusableQuery((db, userId: string, moduleId: string) =>
  db
    .selectFrom("assignment as a")
    .leftJoin("submission as s", (j) => j.onRef("s.assignment_id", "=", "a.id").on("s.user_id", "=", userId))
    .select(["a.id", "a.title", "a.kind", "a.opens_at", "a.due_at", "a.late_until", "s.status as submission_status", "s.late", "s.score"])
    .where("a.module_id", "=", moduleId)
    .orderBy("a.position"),
);
const cohortById = reusableQuery((db, cohortId: string) =>
  db.selectFrom("cohort").select(["id", "name", "starts_on", "ends_on", "time_zone"]).where("id", "=", cohortId),
);
const openCohortOf = reusableQuery((db, moduleId: string, open: number) =>
  db.selectFrom("cohort").select(["id", "name", "starts_on", "ends_on", "time_zone"]).where("module_id", "=", moduleId).where("open_enrolment", "=", open).orderBy("starts_on", "desc"),
);
const facilitatorNames = reusableQuery((db, moduleId: string) =>
  db.selectFrom("module_facilitator as f").innerJoin("user as u", "u.id", "f.user_id").select("u.name").where("f.module_id", "=", moduleId).orderBy("f.created_at"),
);
const moduleUpdatedAt = reusableQuery((db, moduleId: string) => db.selectFrom("module").select("updated_at").where("id", "=", moduleId));

export async function getModulePage(db: DB, moduleId: string, userId: string, cohortId: string | null) {
  const [lessons, assignments, [cohort], [openCohort], facilitators, [updated]] = await Promise.all([
    pageLessons(db, userId, moduleId),
    pageAssignments(db, userId, moduleId),
    cohortId ? cohortById(db, cohortId) : Promise.resolve([]),
    openCohortOf(db, moduleId, 1),
    facilitatorNames(db, moduleId),
    moduleUpdatedAt(db, moduleId),
  ]);
  return {
    lessons: lessons.map((l) => ({
      id: l.id, title: l.title, hasVideo: !!l.video_kind, done: !!l.completed_at,
      percent: percentWatched(l.watched_seconds, l.duration_seconds ?? l.video_seconds),
    })),
    assignments: assignments.map((a) => ({
      id: a.id, title: a.title, kind: a.kind, opensAt: a.opens_at, dueAt: a.due_at, lateUntil: a.late_until,
      state: (a.submission_status ?? "none") as SubmissionState, late: a.late === 1, score: a.score,
    })),
    cohort: cohort ? { name: cohort.name, startsOn: cohort.starts_on, endsOn: cohort.ends_on, timeZone: cohort.time_zone } : null,
    openCohort: openCohort ? { id: openCohort.id, name: openCohort.name, startsOn: openCohort.starts_on, endsOn: openCohort.ends_on } : null,
    facilitators: facilitators.map((f) => f.name),
    coverVersion: updated?.updated_at.replace(/\D/g, "") ?? "",
  };
}

export function percentWatched(watched: number | null | undefined, duration: number | null | undefined): number | null {
  if (!duration || duration <= 0 || watched == null) return null;
  return Math.min(100, Math.round((watched / duration) * 100));
}
