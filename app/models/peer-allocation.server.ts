// Peer-review allocation, persisted: turns the pure engine (app/lib/allocation.ts) into
// `peer_review` rows and keeps the set complete over time.
//   allocateReviews()  — whenever the pool may have changed (reviewing opens, a late submitter
//                        joins, a lease ran out, someone dropped out): adds only what is missing;
//   expireLeases()     — reviews not started within the lease are taken back (status expired) and
//                        their submissions allocated again, never to the same person;
//   backstopQueue()    — close to the review deadline, submissions still short of reviews, for the
//                        fasilitators.
// Clock injectable for tests.
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { allocate } from "~/lib/allocation";

const defaultClock: Clock = () => new Date();
const HOUR = 3_600_000;
export const COUNTING = ["assigned", "started", "submitted"] as const;

export interface PeerSettings {
  assignmentId: string;
  perSubmission: number;
  otherAgencyOnly: boolean;
  opens: "due" | "on_submit";
  mustSubmitFirst: boolean;
  calibration: boolean;
  leaseHours: number;
  reviewsDueAt: string;
  backstopHours: number;
}

export async function getPeerSettings(db: DB, assignmentId: string): Promise<PeerSettings | null> {
  const s = await db.selectFrom("peer_review_setting").selectAll().where("assignment_id", "=", assignmentId).where("enabled", "=", 1).executeTakeFirst();
  if (!s) return null;
  return {
    assignmentId, perSubmission: s.per_submission, otherAgencyOnly: s.other_agency_only === 1,
    opens: s.opens === "on_submit" ? "on_submit" : "due", mustSubmitFirst: s.must_submit_first === 1,
    calibration: s.calibration === 1, leaseHours: s.lease_hours, reviewsDueAt: s.reviews_due_at, backstopHours: s.backstop_hours,
  };
}

/** People who may review now: actively enrolled, active accounts, having submitted (when required) and calibrated (when required). */
async function reviewerPool(db: DB, moduleId: string, assignmentId: string, s: PeerSettings) {
  let q = db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .select(["u.id", "u.agency_id"])
    .distinct()
    .where("e.module_id", "=", moduleId)
    .where("e.status", "=", "active")
    .where("u.status", "=", "active");
  if (s.mustSubmitFirst) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("submission as s").select("s.id").whereRef("s.user_id", "=", "u.id").where("s.assignment_id", "=", assignmentId).where("s.version_count", ">", 0)),
    );
  }
  const pool = await q.execute();
  const passed = s.calibration ? (await calibrationPassed(db, [assignmentId])).get(assignmentId) : undefined;
  return pool.filter((p) => !passed || passed.has(p.id)).map((p) => ({ id: p.id, agencyId: p.agency_id }));
}

/**
 * Who has passed calibration — THE definition: an attempt within one level of the reference on
 * every example of the assignment. For each given assignment that has examples, the set of people
 * (among `userIds` when given) who passed; an assignment without examples is absent (nothing to pass).
 */
export async function calibrationPassed(db: DB, assignmentIds: readonly string[], userIds?: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!assignmentIds.length) return out;
  const [examples, passes] = await Promise.all([
    db.selectFrom("calibration_example").select(["assignment_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("assignment_id", "in", [...assignmentIds]).groupBy("assignment_id").execute(),
    userIds && userIds.length === 0
      ? []
      : db.selectFrom("calibration_attempt as t").innerJoin("calibration_example as x", "x.id", "t.example_id")
        .select(["x.assignment_id", "t.user_id", (eb) => eb.fn.count<number>("t.example_id").distinct().as("n")])
        .where("x.assignment_id", "in", [...assignmentIds]).where("t.within_one", "=", 1)
        .$if(!!userIds, (q) => q.where("t.user_id", "in", [...userIds!]))
        .groupBy(["x.assignment_id", "t.user_id"]).execute(),
  ]);
  const need = new Map(examples.map((e) => [e.assignment_id, Number(e.n)]));
  for (const id of need.keys()) out.set(id, new Set());
  for (const p of passes) if (Number(p.n) >= (need.get(p.assignment_id) ?? Infinity)) out.get(p.assignment_id)?.add(p.user_id);
  return out;
}

export interface AllocationOutcome { added: number; violations: { submissionId: string; reviewerId: string }[]; short: number; open: boolean }

/** Adds the reviews that are missing for one assignment. Safe to call at any time, any number of times. */
export async function allocateReviews(db: DB, assignmentId: string, clock: Clock = defaultClock): Promise<AllocationOutcome> {
  const settings = await getPeerSettings(db, assignmentId);
  const assignment = await db.selectFrom("assignment").select(["module_id", "due_at"]).where("id", "=", assignmentId).executeTakeFirst();
  if (!settings || !assignment) return { added: 0, violations: [], short: 0, open: false };
  const now = clock();
  const open = settings.opens === "on_submit" || now.getTime() >= Date.parse(assignment.due_at);
  if (!open || now.getTime() > Date.parse(settings.reviewsDueAt)) return { added: 0, violations: [], short: 0, open };

  const submissions = await db
    .selectFrom("submission as s")
    .innerJoin("user as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "s.agency_id", "s.current_version_id", "s.first_submitted_at"])
    .where("s.assignment_id", "=", assignmentId)
    .where("s.version_count", ">", 0)
    .where("u.status", "!=", "removed")
    .execute();
  const pool = await reviewerPool(db, assignment.module_id, assignmentId, settings);
  const existing = await db
    .selectFrom("peer_review")
    .select(["submission_id", "reviewer_id", "status"])
    .where("assignment_id", "=", assignmentId)
    .where("kind", "=", "peer")
    .execute();
  const result = allocate(
    submissions.map((s) => ({ id: s.id, authorId: s.user_id, agencyId: s.agency_id, submittedAt: s.first_submitted_at ?? "" })),
    pool,
    existing.map((e) => ({ submissionId: e.submission_id, reviewerId: e.reviewer_id, counts: (COUNTING as readonly string[]).includes(e.status) })),
    { perSubmission: settings.perSubmission, otherAgencyOnly: settings.otherAgencyOnly, seed: now.getTime() % 2 ** 31 },
  );
  const versionOf = new Map(submissions.map((s) => [s.id, s.current_version_id]));
  const at = now.toISOString();
  const lease = new Date(now.getTime() + settings.leaseHours * HOUR).toISOString();
  const rows = result.assign.map((p) => ({
    id: createId(), assignment_id: assignmentId, submission_id: p.submissionId, version_id: versionOf.get(p.submissionId)!,
    reviewer_id: p.reviewerId, kind: "peer", source: "auto", status: "assigned", same_agency: p.sameAgency ? 1 : 0,
    assigned_at: at, lease_expires_at: lease,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("peer_review").values(rows.slice(i, i + 200)).execute();
  return {
    added: rows.length,
    violations: result.violations.map((v) => ({ submissionId: v.submissionId, reviewerId: v.reviewerId })),
    short: result.short.length,
    open,
  };
}

/** Takes back reviews not started within their lease and allocates their submissions again. */
export async function expireLeases(db: DB, clock: Clock = defaultClock): Promise<number> {
  const now = clock().toISOString();
  const due = await db
    .selectFrom("peer_review")
    .select(["id", "assignment_id"])
    .where("status", "=", "assigned")
    .where("lease_expires_at", "<", now)
    .execute();
  if (due.length === 0) return 0;
  await db
    .updateTable("peer_review")
    .set({ status: "expired", ended_at: now })
    .where("id", "in", due.map((d) => d.id))
    .where("status", "=", "assigned")
    .execute();
  for (const assignmentId of new Set(due.map((d) => d.assignment_id))) await allocateReviews(db, assignmentId, clock);
  return due.length;
}

/** Within `backstop_hours` of the review deadline: submissions with fewer counting reviews than required. */
export async function backstopQueue(db: DB, assignmentId: string, clock: Clock = defaultClock) {
  const s = await getPeerSettings(db, assignmentId);
  if (!s) return [];
  if (clock().getTime() < Date.parse(s.reviewsDueAt) - s.backstopHours * HOUR) return [];
  const rows = await db
    .selectFrom("submission as s")
    .leftJoin("peer_review as r", (j) =>
      j.onRef("r.submission_id", "=", "s.id").on("r.kind", "=", "peer").on("r.status", "in", [...COUNTING]),
    )
    .select(["s.id", "s.user_id", (eb) => eb.fn.count<number>("r.id").as("reviews")])
    .where("s.assignment_id", "=", assignmentId)
    .where("s.version_count", ">", 0)
    .groupBy(["s.id", "s.user_id"])
    .execute();
  return rows.filter((r) => Number(r.reviews) < s.perSubmission).map((r) => ({ submissionId: r.id, missing: s.perSubmission - Number(r.reviews) }));
}
