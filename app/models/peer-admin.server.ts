// The fasilitator's side of peer review: the settings of an assignment (saving them allocates), the
// pairs that broke the other-agency rule, adding/removing a reviewer by hand, and the "who owes what"
// board. The board reads a 2,000-person cohort with a fixed handful of grouped queries (one page of
// 50 persons at a time, plus per-agency totals), never one query per person.
// Owns peer_review_setting and the manual creation/removal of peer_review rows.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { reviewerGrade } from "~/lib/peer-grade";
import type { PeerSettingsFormValue } from "~/lib/peer-settings";
import { audit } from "./audit.server";
import { allocateReviews, backstopQueue, COUNTING, type AllocationOutcome } from "./peer-allocation.server";

const defaultClock: Clock = () => new Date();
const HOUR = 3_600_000;
export const BOARD_PAGE_SIZE = 50;

export interface AdminSettings {
  enabled: boolean;
  perSubmission: number;
  otherAgencyOnly: boolean;
  anonymity: "both" | "reviewers_named" | "open";
  opens: "due" | "on_submit";
  mustSubmitFirst: boolean;
  selfAssessment: boolean;
  calibration: boolean;
  facilitatorWeight: number;
  peerWeight: number;
  leaseHours: number;
  reviewsDueAt: string;
  backstopHours: number;
}

/** The stored settings (on or off), or null when peer review was never set up for the assignment. */
export async function getAdminSettings(db: DB, assignmentId: string): Promise<AdminSettings | null> {
  const s = await db.selectFrom("peer_review_setting").selectAll().where("assignment_id", "=", assignmentId).executeTakeFirst();
  if (!s) return null;
  return {
    enabled: s.enabled === 1, perSubmission: s.per_submission, otherAgencyOnly: s.other_agency_only === 1,
    anonymity: s.anonymity === "open" || s.anonymity === "reviewers_named" ? s.anonymity : "both",
    opens: s.opens === "on_submit" ? "on_submit" : "due", mustSubmitFirst: s.must_submit_first === 1,
    selfAssessment: s.self_assessment === 1, calibration: s.calibration === 1,
    facilitatorWeight: s.facilitator_weight, peerWeight: s.peer_weight, leaseHours: s.lease_hours,
    reviewsDueAt: s.reviews_due_at, backstopHours: s.backstop_hours,
  };
}

/** The defaults of the issue; the review deadline one week after the assignment's late limit. */
export function defaultSettings(lateUntil: string): AdminSettings {
  return {
    enabled: false, perSubmission: 2, otherAgencyOnly: true, anonymity: "both", opens: "due", mustSubmitFirst: true,
    selfAssessment: false, calibration: false, facilitatorWeight: 60, peerWeight: 40, leaseHours: 48,
    reviewsDueAt: new Date(Date.parse(lateUntil) + 7 * 24 * HOUR).toISOString(), backstopHours: 24,
  };
}

type SettingsInput = Omit<PeerSettingsFormValue, "timeZone" | "reviewsDueDate" | "reviewsDueTime"> & { reviewsDueAt: string };

export interface SaveOutcome { allocation: AllocationOutcome | null }

/** Stores the settings (audited) and, when peer review is on, allocates what is missing. */
export async function savePeerSettings(
  db: DB,
  actor: { id: string; ip?: string | null },
  assignmentId: string,
  v: SettingsInput,
  clock: Clock = defaultClock,
): Promise<SaveOutcome> {
  const now = nowIso();
  const row = {
    enabled: v.enabled ? 1 : 0, per_submission: v.perSubmission, other_agency_only: v.otherAgencyOnly ? 1 : 0, anonymity: v.anonymity,
    opens: v.opens, must_submit_first: v.mustSubmitFirst ? 1 : 0, self_assessment: v.selfAssessment ? 1 : 0, calibration: v.calibration ? 1 : 0,
    facilitator_weight: v.facilitatorWeight, peer_weight: v.peerWeight, lease_hours: v.leaseHours, reviews_due_at: v.reviewsDueAt,
    backstop_hours: v.backstopHours, updated_at: now,
  };
  await db
    .insertInto("peer_review_setting")
    .values({ assignment_id: assignmentId, ...row, created_at: now })
    .onConflict((oc) => oc.column("assignment_id").doUpdateSet(row))
    .execute();
  await audit(db, { actorId: actor.id, action: "peer.settings.update", targetType: "assignment", targetId: assignmentId, detail: { ...row }, ip: actor.ip ?? null });
  return { allocation: v.enabled ? await allocateReviews(db, assignmentId, clock) : null };
}

/** Active reviews that broke the other-agency rule, with names (for the fasilitator only). */
export async function listViolations(db: DB, assignmentId: string) {
  return db
    .selectFrom("peer_review as r")
    .innerJoin("submission as s", "s.id", "r.submission_id")
    .innerJoin("user as au", "au.id", "s.user_id")
    .innerJoin("user as ru", "ru.id", "r.reviewer_id")
    .leftJoin("agency as ag", "ag.id", "s.agency_id")
    .select(["r.id", "au.name as author", "ru.name as reviewer", "ag.short_name as agency"])
    .where("r.assignment_id", "=", assignmentId)
    .where("r.same_agency", "=", 1)
    .where("r.status", "in", [...COUNTING])
    .orderBy("au.name")
    .limit(200)
    .execute();
}

export type AddReviewerError =
  | "review.admin.add.unknownSubmission" | "review.admin.add.unknownPerson" | "review.admin.add.notEnrolled"
  | "review.admin.add.self" | "review.admin.add.duplicate";

/** A fasilitator gives a piece to a reviewer by hand (by their e-mail). */
export async function addReviewerByHand(
  db: DB,
  actor: { id: string; ip?: string | null },
  a: { id: string; module_id: string },
  submissionId: string,
  reviewerEmail: string,
  clock: Clock = defaultClock,
): Promise<{ ok: true; reviewId: string } | { ok: false; field: "submissionId" | "reviewerEmail"; error: AddReviewerError }> {
  const sub = await db
    .selectFrom("submission")
    .select(["id", "user_id", "agency_id", "current_version_id"])
    .where("id", "=", submissionId)
    .where("assignment_id", "=", a.id)
    .where("version_count", ">", 0)
    .executeTakeFirst();
  if (!sub?.current_version_id) return { ok: false, field: "submissionId", error: "review.admin.add.unknownSubmission" };
  const person = await db.selectFrom("user").select(["id", "agency_id", "status"]).where("email", "=", reviewerEmail.trim().toLowerCase()).executeTakeFirst();
  if (!person || person.status !== "active") return { ok: false, field: "reviewerEmail", error: "review.admin.add.unknownPerson" };
  if (person.id === sub.user_id) return { ok: false, field: "reviewerEmail", error: "review.admin.add.self" };
  const enrolled = await db.selectFrom("enrolment").select("id").where("module_id", "=", a.module_id).where("user_id", "=", person.id).where("status", "=", "active").executeTakeFirst();
  if (!enrolled) return { ok: false, field: "reviewerEmail", error: "review.admin.add.notEnrolled" };
  const existing = await db.selectFrom("peer_review").select(["id", "status"]).where("submission_id", "=", sub.id).where("reviewer_id", "=", person.id).executeTakeFirst();
  if (existing && (COUNTING as readonly string[]).includes(existing.status)) return { ok: false, field: "reviewerEmail", error: "review.admin.add.duplicate" };
  const settings = await db.selectFrom("peer_review_setting").select("lease_hours").where("assignment_id", "=", a.id).executeTakeFirst();
  const now = clock();
  const fields = {
    version_id: sub.current_version_id, kind: "peer", source: "manual", status: "assigned",
    same_agency: person.agency_id != null && person.agency_id === sub.agency_id ? 1 : 0,
    assigned_at: now.toISOString(), lease_expires_at: new Date(now.getTime() + (settings?.lease_hours ?? 48) * HOUR).toISOString(),
    started_at: null, submitted_at: null, ended_at: null,
  };
  let id: string;
  if (existing) {
    // The pair existed before (taken back or removed): it becomes active again.
    id = existing.id;
    await db.updateTable("peer_review").set(fields).where("id", "=", id).execute();
  } else {
    id = createId();
    await db.insertInto("peer_review").values({ id, assignment_id: a.id, submission_id: sub.id, reviewer_id: person.id, ...fields }).execute();
  }
  await audit(db, { actorId: actor.id, action: "peer.reviewer.add", targetType: "peer_review", targetId: id, agencyId: sub.agency_id, detail: { submissionId: sub.id, reviewerId: person.id }, ip: actor.ip ?? null });
  return { ok: true, reviewId: id };
}

/** Takes a reviewer off a piece (status removed) and allocates the piece again. Finished reviews stay. */
export async function removeReviewer(
  db: DB,
  actor: { id: string; ip?: string | null },
  assignmentId: string,
  reviewId: string,
  clock: Clock = defaultClock,
): Promise<boolean> {
  const r = await db.selectFrom("peer_review").select(["id", "status", "submission_id", "reviewer_id"]).where("id", "=", reviewId).where("assignment_id", "=", assignmentId).executeTakeFirst();
  if (!r || (r.status !== "assigned" && r.status !== "started")) return false; // a finished review stays
  await db.updateTable("peer_review").set({ status: "removed", ended_at: clock().toISOString() }).where("id", "=", r.id).execute();
  await audit(db, { actorId: actor.id, action: "peer.reviewer.remove", targetType: "peer_review", targetId: r.id, detail: { submissionId: r.submission_id, reviewerId: r.reviewer_id, was: r.status }, ip: actor.ip ?? null });
  await allocateReviews(db, assignmentId, clock);
  return true;
}

// ------------------------------------------------------------------------------------------------
// The board

export type Blocked = "notSubmitted" | "calibration" | "notOpen" | "owesReviews" | "waitingReviews";

export interface BoardPerson {
  userId: string;
  name: string;
  agencyId: string | null;
  agency: string | null;
  submissionId: string | null;
  submitted: boolean;
  owed: number; // assigned or started
  done: number; // submitted
  received: number; // submitted reviews of their piece
  receiving: number; // counting reviews of their piece
  blocked: Blocked[];
  reviewerGrade: number | null;
  finalScore: number | null;
  overridden: boolean;
  reviews: { id: string; reviewer: string; status: string; flags: string[]; source: string; sameAgency: boolean }[];
  flagged: { id: string; flags: string[] }[]; // reviews this person wrote that were flagged
}

export interface AgencyTotals { agencyId: string | null; agency: string | null; people: number; submitted: number; owed: number; done: number }

export interface Board {
  total: number;
  page: number;
  pages: number;
  agencies: AgencyTotals[];
  persons: BoardPerson[];
  backstop: { submissionId: string; missing: number; author: string; agency: string | null }[];
  open: boolean;
}

export async function peerBoard(
  db: DB,
  a: { id: string; module_id: string; due_at: string },
  s: AdminSettings,
  opts: { page?: number; clock?: Clock } = {},
): Promise<Board> {
  const clock = opts.clock ?? defaultClock;
  const now = clock();
  const open = s.enabled && (s.opens === "on_submit" || now.getTime() >= Date.parse(a.due_at));
  const active = db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .where("e.module_id", "=", a.module_id)
    .where("e.status", "=", "active")
    .where("u.status", "=", "active");

  // 1. Per-agency totals: people and submissions (one grouped query), reviews by reviewer agency (one).
  const [peopleByAgency, reviewsByAgency, totalRow] = await Promise.all([
    active
      .leftJoin("agency as ag", "ag.id", "u.agency_id")
      .leftJoin("submission as s", (j) => j.onRef("s.user_id", "=", "u.id").on("s.assignment_id", "=", a.id).on("s.version_count", ">", 0))
      .select(["u.agency_id", "ag.short_name", (eb) => eb.fn.count<number>("u.id").distinct().as("people"), (eb) => eb.fn.count<number>("s.id").distinct().as("submitted")])
      .groupBy(["u.agency_id", "ag.short_name"])
      .orderBy("ag.short_name")
      .execute(),
    db
      .selectFrom("peer_review as r")
      .innerJoin("user as ru", "ru.id", "r.reviewer_id")
      .select(["ru.agency_id", "r.status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("r.assignment_id", "=", a.id)
      .where("r.kind", "=", "peer")
      .where("r.status", "in", [...COUNTING])
      .groupBy(["ru.agency_id", "r.status"])
      .execute(),
    active.select((eb) => eb.fn.count<number>("u.id").distinct().as("n")).executeTakeFirstOrThrow(),
  ]);
  const agencies: AgencyTotals[] = peopleByAgency.map((p) => ({ agencyId: p.agency_id, agency: p.short_name, people: Number(p.people), submitted: Number(p.submitted), owed: 0, done: 0 }));
  for (const r of reviewsByAgency) {
    const row = agencies.find((x) => x.agencyId === r.agency_id);
    if (!row) continue;
    if (r.status === "submitted") row.done += Number(r.n); else row.owed += Number(r.n);
  }

  // 2. One page of persons, ordered by agency then name.
  const total = Number(totalRow.n);
  const pages = Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(opts.page ?? 1)));
  const rows = await active
    .leftJoin("agency as ag", "ag.id", "u.agency_id")
    .leftJoin("submission as s", (j) => j.onRef("s.user_id", "=", "u.id").on("s.assignment_id", "=", a.id))
    .leftJoin("final_grade as fg", "fg.submission_id", "s.id")
    .select(["u.id", "u.name", "u.agency_id", "ag.short_name", "s.id as submission_id", "s.version_count", "fg.score as final_score", "fg.override_score"])
    .distinct()
    .orderBy("ag.short_name")
    .orderBy("u.name")
    .orderBy("u.id")
    .limit(BOARD_PAGE_SIZE)
    .offset((page - 1) * BOARD_PAGE_SIZE)
    .execute();
  const ids = rows.map((r) => r.id);
  const subIds = rows.map((r) => r.submission_id).filter((x): x is string => !!x);

  // 3. For the page only: reviews they write, reviews they receive, calibration passes, backstop.
  const [written, received, passes, examples, backstop] = await Promise.all([
    ids.length
      ? db.selectFrom("peer_review").select(["id", "reviewer_id", "status", "flags", "agreement", "helpfulness"])
        .where("assignment_id", "=", a.id).where("kind", "=", "peer").where("reviewer_id", "in", ids).where("status", "in", [...COUNTING]).execute()
      : [],
    subIds.length
      ? db.selectFrom("peer_review as r").innerJoin("user as ru", "ru.id", "r.reviewer_id")
        .select(["r.id", "r.submission_id", "r.status", "r.flags", "r.source", "r.same_agency", "ru.name as reviewer"])
        .where("r.submission_id", "in", subIds).where("r.status", "in", [...COUNTING]).orderBy("r.assigned_at").execute()
      : [],
    s.calibration && ids.length
      ? db.selectFrom("calibration_attempt as t").innerJoin("calibration_example as x", "x.id", "t.example_id")
        .select(["t.user_id", (eb) => eb.fn.count<number>("t.example_id").distinct().as("n")])
        .where("x.assignment_id", "=", a.id).where("t.within_one", "=", 1).where("t.user_id", "in", ids).groupBy("t.user_id").execute()
      : [],
    s.calibration ? db.selectFrom("calibration_example").select((eb) => eb.fn.countAll<number>().as("n")).where("assignment_id", "=", a.id).executeTakeFirstOrThrow() : { n: 0 },
    s.enabled ? backstopQueue(db, a.id, clock) : [],
  ]);
  const exampleCount = Number(examples.n);
  const passed = new Set(passes.filter((p) => Number(p.n) >= exampleCount).map((p) => p.user_id));
  const splitFlags = (f: string | null) => (f ? f.split(",").map((x) => x.trim()).filter(Boolean) : []);

  const persons: BoardPerson[] = rows.map((r) => {
    const mine = written.filter((w) => w.reviewer_id === r.id);
    const theirs = received.filter((x) => x.submission_id === r.submission_id);
    const submitted = (r.version_count ?? 0) > 0;
    const owed = mine.filter((w) => w.status !== "submitted").length;
    const done = mine.filter((w) => w.status === "submitted").length;
    const got = theirs.filter((x) => x.status === "submitted").length;
    const blocked: Blocked[] = [];
    if (s.enabled) {
      if (!submitted) blocked.push("notSubmitted");
      if (s.calibration && exampleCount > 0 && !passed.has(r.id)) blocked.push("calibration");
      if (submitted && !open) blocked.push("notOpen");
      if (owed > 0) blocked.push("owesReviews");
      if (submitted && open && got < s.perSubmission) blocked.push("waitingReviews");
    }
    const graded = mine.filter((w) => w.status === "submitted");
    return {
      userId: r.id, name: r.name, agencyId: r.agency_id, agency: r.short_name, submissionId: submitted ? r.submission_id : null, submitted,
      owed, done, received: got, receiving: theirs.length, blocked,
      reviewerGrade: reviewerGrade(graded.map((w) => w.agreement), graded.map((w) => w.helpfulness).filter((h): h is number => h != null)),
      finalScore: r.final_score ?? null, overridden: r.override_score != null,
      reviews: theirs.map((x) => ({ id: x.id, reviewer: x.reviewer, status: x.status, flags: splitFlags(x.flags), source: x.source, sameAgency: x.same_agency === 1 })),
      flagged: mine.filter((w) => splitFlags(w.flags).length > 0).map((w) => ({ id: w.id, flags: splitFlags(w.flags) })),
    };
  });

  // 4. Names for the backstop queue (at most the short pieces, one query).
  let backstopRows: Board["backstop"] = [];
  if (backstop.length) {
    const names = await db.selectFrom("submission as s").innerJoin("user as u", "u.id", "s.user_id").leftJoin("agency as ag", "ag.id", "s.agency_id")
      .select(["s.id", "u.name", "ag.short_name"]).where("s.id", "in", backstop.slice(0, 200).map((b) => b.submissionId)).execute();
    backstopRows = backstop.slice(0, 200).map((b) => {
      const n = names.find((x) => x.id === b.submissionId);
      return { submissionId: b.submissionId, missing: b.missing, author: n?.name ?? "", agency: n?.short_name ?? null };
    });
  }
  return { total, page, pages, agencies, persons, backstop: backstopRows, open };
}
