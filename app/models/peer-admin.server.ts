// The fasilitator's side of peer review: the settings of an assignment (saving them allocates), the
// pairs that broke the other-agency rule, adding/removing a reviewer by hand, the "who owes what"
// board (20 people a page, grouped by agency, filters and a search) and one person's page. The board
// reads a 2,000-person cohort from indexes and the page's agencies only (see "The board" below).
// Owns peer_review_setting and the manual creation/removal of peer_review rows.
import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "#db/connection";
import { containsText } from "#db/sql";
import { createId, nowIso } from "~/.server/crypto.server";
import { writeCache } from "~/.server/write-cache.server";
import type { Clock } from "~/.server/scheduler.server";
import { reviewerGrade } from "~/lib/peer-grade";
import type { BoardFilter } from "~/lib/peer-board";
import type { PeerSettingsFormValue } from "~/lib/peer-settings";
import { audit } from "./audit.server";
import { allocateReviews, backstopQueue, calibrationPassed, COUNTING, type AllocationOutcome } from "./peer-allocation.server";

const defaultClock: Clock = () => new Date();
const HOUR = 3_600_000;

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
  // Found through a partial index: usually there are none, and finding none must cost nothing.
  // (a literal 1, not a bound value: only then can SQLite prove the partial index applies)
  const pairs = await db.selectFrom("peer_review").select(["id", "status"]).where("assignment_id", "=", assignmentId).where("same_agency", "=", sql.lit(1)).execute();
  const ids = pairs.filter((p) => (COUNTING as readonly string[]).includes(p.status)).map((p) => p.id);
  if (!ids.length) return [];
  return db
    .selectFrom("peer_review as r")
    .innerJoin("submission as s", "s.id", "r.submission_id")
    .innerJoin("user as au", "au.id", "s.user_id")
    .innerJoin("user as ru", "ru.id", "r.reviewer_id")
    .leftJoin("agency as ag", "ag.id", "s.agency_id")
    .select(["r.id", "au.name as author", "ru.name as reviewer", "ag.short_name as agency"])
    .where("r.id", "in", ids.slice(0, 200))
    .orderBy("au.name")
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
//
// At 2,000 people the board must cost little more than a page without data, so it never touches the
// whole cohort row by row: the cohort-wide summary is counted from indexes; the default view walks
// agencies in the order it lists them (short name, id), counting each one's people from an index,
// and stops once it has the page (page 1 reads a handful of agencies); a filter or a search orders
// only the people it matches. Everything else — submissions, reviews written and received, final
// grades — is read for the agencies on the page only.

export const BOARD_PAGE_SIZE = 20;

export type Blocked = "inactive" | "notSubmitted" | "calibration" | "notOpen" | "owesReviews" | "waitingReviews";

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

/** The whole cohort, from indexes: people, pieces handed in, peer reviews done and still owed, flagged reviews. */
export interface BoardSummary { people: number; submitted: number; done: number; owed: number; flagged: number }

export interface Board {
  summary: BoardSummary;
  /** people in this view (the whole cohort, or those the filter/search matches) */
  total: number;
  page: number;
  pages: number;
  /** the agencies on this page, each counted over all its people in the cohort */
  agencies: AgencyTotals[];
  persons: BoardPerson[];
  backstop: { submissionId: string; missing: number; author: string; agency: string | null }[];
  open: boolean;
}

export interface BoardQuery {
  page?: number;
  filter?: BoardFilter;
  /** one agency only ("none": people without an agency) */
  agencyId?: string | null;
  /** part of a person's name or an agency's short name */
  q?: string | null;
  clock?: Clock;
}

type BoardAssignment = { id: string; module_id: string; due_at: string };
const splitFlags = (f: string | null) => (f ? f.split(",").map((x) => x.trim()).filter(Boolean) : []);

// Both read thousands of index entries at 2,000 people and change only when these tables are written.
const summaryCache = writeCache<BoardSummary>(["enrolment", "submission", "peer_review"]);
const windowCache = writeCache<Awaited<ReturnType<typeof walkAgencies>>>(["enrolment", "agency"]);

async function boardSummary(db: DB, a: BoardAssignment, s: AdminSettings): Promise<BoardSummary> {
  return { ...(await summaryCache(db, `${a.id}|${a.module_id}|${s.selfAssessment}`, () => countSummary(db, a, s))) };
}

async function countSummary(db: DB, a: BoardAssignment, s: AdminSettings): Promise<BoardSummary> {
  const [people, submitted, reviews, selfReviews, flagged] = await Promise.all([
    db.selectFrom("enrolment").select((eb) => eb.fn.countAll<number>().as("n")).where("module_id", "=", a.module_id).where("status", "=", "active").executeTakeFirstOrThrow(),
    // handed in = anything past the first draft (version_count > 0 ⟺ status ≠ draft), counted from the index
    db.selectFrom("submission").select((eb) => eb.fn.countAll<number>().as("n")).where("assignment_id", "=", a.id).where("status", "!=", "draft").executeTakeFirstOrThrow(),
    db.selectFrom("peer_review").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).where("assignment_id", "=", a.id).where("status", "in", [...COUNTING]).groupBy("status").execute(),
    s.selfAssessment
      ? db.selectFrom("peer_review").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).where("assignment_id", "=", a.id).where("kind", "=", "self").where("status", "in", [...COUNTING]).groupBy("status").execute()
      : [],
    // flags are set on submitted reviews only, which are never taken back
    db.selectFrom("peer_review").select((eb) => eb.fn.countAll<number>().as("n")).where("assignment_id", "=", a.id).where("flags", "is not", null).executeTakeFirstOrThrow(),
  ]);
  const count = (rows: { status: string; n: number }[], done: boolean) => rows.filter((r) => (r.status === "submitted") === done).reduce((n, r) => n + Number(r.n), 0);
  return {
    people: Number(people.n), submitted: Number(submitted.n), flagged: Number(flagged.n),
    done: count(reviews, true) - count(selfReviews, true), owed: count(reviews, false) - count(selfReviews, false),
  };
}

/** The default view's page: agencies in board order, with their people counted, until the page is full. */
async function agencyWindow(db: DB, moduleId: string, offset: number, size: number) {
  return (await windowCache(db, `${moduleId}|${offset}|${size}`, () => walkAgencies(db, moduleId, offset, size))).map((w) => ({ ...w }));
}

async function walkAgencies(db: DB, moduleId: string, offset: number, size: number) {
  const picked: { agencyId: string | null; agency: string | null; people: number; before: number }[] = [];
  let seen = 0;
  const walk = db
    .selectFrom("agency as ag")
    .select(["ag.id", "ag.short_name", (eb) => eb.selectFrom("enrolment as e").select((e) => e.fn.countAll<number>().as("n"))
      .where("e.module_id", "=", moduleId).where("e.status", "=", "active").whereRef("e.agency_id", "=", "ag.id").as("n")])
    .orderBy("ag.short_name").orderBy("ag.id")
    .stream();
  for await (const r of walk) {
    const n = Number(r.n ?? 0);
    if (!n) continue;
    if (seen + n > offset) picked.push({ agencyId: r.id, agency: r.short_name, people: n, before: seen });
    seen += n;
    if (seen >= offset + size) break;
  }
  if (seen < offset + size) {
    // People without an agency come last.
    const none = await db.selectFrom("enrolment").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("module_id", "=", moduleId).where("status", "=", "active").where("agency_id", "is", null).executeTakeFirstOrThrow();
    if (Number(none.n) && seen + Number(none.n) > offset) picked.push({ agencyId: null, agency: null, people: Number(none.n), before: seen });
  }
  return picked;
}

/** A filter or a search: the people it matches, ordered as the board lists them, one page. */
async function matchingPage(db: DB, a: BoardAssignment, s: AdminSettings, q: BoardQuery, offset: number, size: number) {
  let base = db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .leftJoin("agency as ag", "ag.id", "e.agency_id")
    .where("e.module_id", "=", a.module_id)
    .where("e.status", "=", "active");
  if (q.agencyId === "none") base = base.where("e.agency_id", "is", null);
  else if (q.agencyId) base = base.where("e.agency_id", "=", q.agencyId);
  const term = q.q?.trim();
  if (term) base = base.where((eb) => eb.or([containsText(eb.ref("u.name"), term), containsText(eb.ref("ag.short_name"), term)]));
  const handedIn = (eb: ExpressionBuilder<any, any>) =>
    eb.exists(eb.selectFrom("submission as s").select("s.id").whereRef("s.user_id", "=", "e.user_id").where("s.assignment_id", "=", a.id).where("s.version_count", ">", 0));
  switch (q.filter) {
    case "flagged":
      base = base.where("e.user_id", "in", db.selectFrom("peer_review").select("reviewer_id").where("assignment_id", "=", a.id).where("flags", "is not", null));
      break;
    case "owes":
      base = base.where("e.user_id", "in", db.selectFrom("peer_review").select("reviewer_id").where("assignment_id", "=", a.id).where("kind", "=", "peer").where("status", "in", ["assigned", "started"]));
      break;
    case "notSubmitted":
      base = base.where((eb) => eb.not(handedIn(eb)));
      break;
    case "waiting":
      base = base.where((eb) => eb.exists(eb.selectFrom("submission as s").select("s.id").whereRef("s.user_id", "=", "e.user_id").where("s.assignment_id", "=", a.id).where("s.version_count", ">", 0)
        .where((w) => w.selectFrom("peer_review as r").select((c) => c.fn.countAll<number>().as("n")).whereRef("r.submission_id", "=", "s.id").where("r.status", "=", "submitted"), "<", s.perSubmission)));
      break;
    default:
      break;
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.select(["e.user_id", "e.agency_id", "ag.short_name"])
      .orderBy((eb) => eb.case().when("ag.short_name", "is", null).then(1).else(0).end())
      .orderBy("ag.short_name").orderBy("e.agency_id").orderBy("u.name").orderBy("u.id")
      .limit(size).offset(offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Everyone actively enrolled from the given agencies (null = no agency), with their piece and final grade, by name. */
async function membersOf(db: DB, a: BoardAssignment, agencyIds: (string | null)[], userIds?: string[]) {
  const ids = agencyIds.filter((x): x is string => x != null);
  const none = agencyIds.includes(null);
  return db
    .selectFrom("enrolment as e")
    .innerJoin("user as u", "u.id", "e.user_id")
    .leftJoin("submission as s", (j) => j.onRef("s.user_id", "=", "e.user_id").on("s.assignment_id", "=", a.id))
    .leftJoin("final_grade as fg", "fg.submission_id", "s.id")
    .select(["e.user_id as id", "u.name", "u.status as account", "e.agency_id", "s.id as submission_id", "s.version_count", "fg.score as final_score", "fg.override_score"])
    .where("e.module_id", "=", a.module_id)
    .where("e.status", "=", "active")
    .$if(!!userIds, (qb) => qb.where("e.user_id", "in", userIds!))
    .$if(!userIds, (qb) => qb.where((eb) => eb.or([
      ...(ids.length ? [eb("e.agency_id", "in", ids)] : []),
      ...(none ? [eb("e.agency_id", "is", null)] : []),
    ])))
    .orderBy("u.name").orderBy("e.user_id")
    .execute();
}
type Member = Awaited<ReturnType<typeof membersOf>>[number];

/** The board rows of these members (and, for the agency totals, the reviews all of them write). */
async function boardPersons(db: DB, a: BoardAssignment, s: AdminSettings, members: Member[], show: Member[], open: boolean, withReviewers = false) {
  const memberIds = members.map((m) => m.id);
  const subIds = show.map((r) => r.submission_id).filter((x): x is string => !!x);
  const [writtenAll, received, calibrated] = await Promise.all([
    // By reviewer (its index), one seek per person; other assignments' reviews and finished-with
    // statuses are dropped here rather than in SQL, where the assignment's index would be chosen
    // (reading every review of a 2,000-person cohort) or a status list would multiply the seeks.
    memberIds.length
      ? db.selectFrom("peer_review").select(["id", "assignment_id", "kind", "reviewer_id", "status", "flags", "agreement", "helpfulness"])
        .where("reviewer_id", "in", memberIds).execute()
      : [],
    // who reviews a piece only on the person's own page; the board counts
    subIds.length && withReviewers
      ? db.selectFrom("peer_review as r").innerJoin("user as ru", "ru.id", "r.reviewer_id")
        .select(["r.id", "r.submission_id", "r.status", "r.flags", "r.source", "r.same_agency", "ru.name as reviewer"])
        .where("r.submission_id", "in", subIds).where("r.status", "in", [...COUNTING]).orderBy("r.assigned_at").execute()
      : subIds.length
        ? db.selectFrom("peer_review").select(["id", "submission_id", "status", "flags", "source", "same_agency", sql<string>`''`.as("reviewer")])
          .where("submission_id", "in", subIds).execute()
        : [],
    s.calibration && show.length ? calibrationPassed(db, [a.id], show.map((r) => r.id)).then((m) => m.get(a.id)) : undefined,
  ]);
  const counting = (status: string) => (COUNTING as readonly string[]).includes(status);
  const written = writtenAll.filter((w) => w.assignment_id === a.id && w.kind === "peer" && counting(w.status));
  const writtenBy = new Map<string, typeof written>();
  for (const w of written) writtenBy.set(w.reviewer_id, [...(writtenBy.get(w.reviewer_id) ?? []), w]);
  const persons: BoardPerson[] = show.map((r) => {
    const mine = writtenBy.get(r.id) ?? [];
    const theirs = received.filter((x) => x.submission_id === r.submission_id && counting(x.status));
    const submitted = (r.version_count ?? 0) > 0;
    const owed = mine.filter((w) => w.status !== "submitted").length;
    const done = mine.filter((w) => w.status === "submitted").length;
    const got = theirs.filter((x) => x.status === "submitted").length;
    const blocked: Blocked[] = [];
    if (r.account !== "active") blocked.push("inactive");
    if (s.enabled) {
      if (!submitted) blocked.push("notSubmitted");
      if (calibrated && !calibrated.has(r.id)) blocked.push("calibration");
      if (submitted && !open) blocked.push("notOpen");
      if (owed > 0) blocked.push("owesReviews");
      if (submitted && open && got < s.perSubmission) blocked.push("waitingReviews");
    }
    const graded = mine.filter((w) => w.status === "submitted");
    return {
      userId: r.id, name: r.name, agencyId: r.agency_id, agency: null, submissionId: submitted ? r.submission_id : null, submitted,
      owed, done, received: got, receiving: theirs.length, blocked,
      reviewerGrade: reviewerGrade(graded.map((w) => w.agreement), graded.map((w) => w.helpfulness).filter((h): h is number => h != null)),
      finalScore: r.final_score ?? null, overridden: r.override_score != null,
      reviews: theirs.map((x) => ({ id: x.id, reviewer: x.reviewer, status: x.status, flags: splitFlags(x.flags), source: x.source, sameAgency: x.same_agency === 1 })),
      flagged: mine.filter((w) => splitFlags(w.flags).length > 0).map((w) => ({ id: w.id, flags: splitFlags(w.flags) })),
    };
  });
  return { persons, writtenBy };
}

// An unfiltered page of the board is kept until anything it reads is written, for the minute (what
// the clock moves — reviewing opening, leases running out, the backstop window — is then up to a
// minute late). Filters and searches, and callers with their own clock (tests), are not kept.
const BOARD_TABLES = [
  "agency", "user", "enrolment", "submission", "submission_version", "peer_review", "peer_review_score", "peer_review_setting",
  "final_grade", "calibration_attempt", "calibration_example", "calibration_reference",
] as const;
const keptBoards = writeCache<Board>(BOARD_TABLES, 200);

export async function peerBoard(db: DB, a: BoardAssignment, s: AdminSettings, q: BoardQuery = {}): Promise<Board> {
  const filtered = (q.filter && q.filter !== "all") || !!q.agencyId || !!q.q?.trim();
  if (filtered || q.clock) return readBoard(db, a, s, q);
  const minute = new Date().toISOString().slice(0, 16);
  const at = new Date(`${minute}:00.000Z`);
  const key = `${a.id}|${a.module_id}|${a.due_at}|${q.page ?? 1}|${JSON.stringify(s)}|${minute}`;
  return keptBoards(db, key, () => readBoard(db, a, s, { ...q, clock: () => at }));
}

async function readBoard(db: DB, a: BoardAssignment, s: AdminSettings, q: BoardQuery): Promise<Board> {
  const clock = q.clock ?? defaultClock;
  const now = clock();
  const open = s.enabled && (s.opens === "on_submit" || now.getTime() >= Date.parse(a.due_at));
  const filtered = (q.filter && q.filter !== "all") || !!q.agencyId || !!q.q?.trim();
  const nearDeadline = now.getTime() >= Date.parse(s.reviewsDueAt) - s.backstopHours * HOUR;
  const [summary, backstop] = await Promise.all([boardSummary(db, a, s), s.enabled && nearDeadline ? backstopQueue(db, a.id, clock) : []]);

  // 1. Which people are on this page, in board order, and from which agencies.
  const wanted = Math.max(1, Math.floor(q.page ?? 1));
  let total: number;
  let pages: number;
  let page: number;
  let pageAgencies: { agencyId: string | null; agency: string | null }[];
  let pick: (members: Member[]) => Member[];
  if (!filtered) {
    total = summary.people;
    pages = Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE));
    page = Math.min(pages, wanted);
    const offset = (page - 1) * BOARD_PAGE_SIZE;
    const window = await agencyWindow(db, a.module_id, offset, BOARD_PAGE_SIZE);
    pageAgencies = window;
    pick = (members) => {
      const out: Member[] = [];
      for (const w of window) out.push(...members.filter((m) => m.agency_id === w.agencyId));
      const start = offset - (window[0]?.before ?? 0);
      return out.slice(Math.max(0, start), Math.max(0, start) + BOARD_PAGE_SIZE);
    };
  } else {
    let m = await matchingPage(db, a, s, q, (wanted - 1) * BOARD_PAGE_SIZE, BOARD_PAGE_SIZE);
    total = m.total;
    pages = Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE));
    page = Math.min(pages, wanted);
    if (page !== wanted) m = await matchingPage(db, a, s, q, (page - 1) * BOARD_PAGE_SIZE, BOARD_PAGE_SIZE);
    const rows = m.rows;
    pageAgencies = [...new Map(rows.map((r) => [r.agency_id, { agencyId: r.agency_id, agency: r.short_name }])).values()];
    const onPage = new Set(rows.map((r) => r.user_id));
    pick = (members) => {
      const by = new Map(members.filter((x) => onPage.has(x.id)).map((x) => [x.id, x]));
      return rows.map((r) => by.get(r.user_id)).filter((x): x is Member => !!x);
    };
  }

  // 2. Everyone from those agencies (for the agency totals), the page's people among them.
  const members = pageAgencies.length ? await membersOf(db, a, pageAgencies.map((x) => x.agencyId)) : [];
  const show = pick(members);
  const { persons, writtenBy } = await boardPersons(db, a, s, members, show, open);
  const agencyName = new Map(pageAgencies.map((x) => [x.agencyId, x.agency]));
  for (const p of persons) p.agency = agencyName.get(p.agencyId) ?? null;
  const agencies: AgencyTotals[] = pageAgencies.map((x) => {
    const people = members.filter((m) => m.agency_id === x.agencyId);
    const reviews = people.flatMap((m) => writtenBy.get(m.id) ?? []);
    return {
      agencyId: x.agencyId, agency: x.agency, people: people.length, submitted: people.filter((m) => (m.version_count ?? 0) > 0).length,
      done: reviews.filter((r) => r.status === "submitted").length, owed: reviews.filter((r) => r.status !== "submitted").length,
    };
  });

  // 3. Names for the backstop queue (at most the short pieces, one query).
  let backstopRows: Board["backstop"] = [];
  if (backstop.length) {
    const names = await db.selectFrom("submission as s").innerJoin("user as u", "u.id", "s.user_id").leftJoin("agency as ag", "ag.id", "s.agency_id")
      .select(["s.id", "u.name", "ag.short_name"]).where("s.id", "in", backstop.slice(0, 200).map((b) => b.submissionId)).execute();
    backstopRows = backstop.slice(0, 200).map((b) => {
      const n = names.find((x) => x.id === b.submissionId);
      return { submissionId: b.submissionId, missing: b.missing, author: n?.name ?? "", agency: n?.short_name ?? null };
    });
  }
  return { summary, total, page, pages, agencies, persons, backstop: backstopRows, open };
}

export interface PersonDetail {
  person: BoardPerson;
  email: string;
  final: { facilitatorScore: number | null; peerMedian: number | null; score: number | null; overrideScore: number | null; overrideReason: string | null } | null;
  /** every review the person writes for this assignment, for the fasilitator to open */
  written: { id: string; status: string; flags: string[]; score: number | null; submittedAt: string | null }[];
}

/** One person of the board in full, for their own page (null when not actively enrolled in the module). */
export async function peerPerson(db: DB, a: BoardAssignment, s: AdminSettings, userId: string, clock: Clock = defaultClock): Promise<PersonDetail | null> {
  const [member] = await membersOf(db, a, [], [userId]);
  if (!member) return null;
  const open = s.enabled && (s.opens === "on_submit" || clock().getTime() >= Date.parse(a.due_at));
  const [{ persons }, who, agency, final, written] = await Promise.all([
    boardPersons(db, a, s, [member], [member], open, true),
    db.selectFrom("user").select("email").where("id", "=", userId).executeTakeFirstOrThrow(),
    member.agency_id ? db.selectFrom("agency").select("short_name").where("id", "=", member.agency_id).executeTakeFirst() : undefined,
    member.submission_id
      ? db.selectFrom("final_grade").select(["facilitator_score", "peer_median", "score", "override_score", "override_reason"]).where("submission_id", "=", member.submission_id).executeTakeFirst()
      : undefined,
    db.selectFrom("peer_review").select(["id", "status", "flags", "score", "submitted_at"])
      .where("assignment_id", "=", a.id).where("reviewer_id", "=", userId).where("kind", "=", "peer").where("status", "in", [...COUNTING]).orderBy("assigned_at").execute(),
  ]);
  const person = persons[0];
  person.agency = agency?.short_name ?? null;
  return {
    person,
    email: who.email,
    final: final ? { facilitatorScore: final.facilitator_score, peerMedian: final.peer_median, score: final.score, overrideScore: final.override_score, overrideReason: final.override_reason } : null,
    written: written.map((w) => ({ id: w.id, status: w.status, flags: splitFlags(w.flags), score: w.score, submittedAt: w.submitted_at })),
  };
}
