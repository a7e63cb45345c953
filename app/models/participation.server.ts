// Participation reports (issue 6): for a period, every agency's meetings, follow-ups, training,
// reviews and rubric quality, computed from the same rows the meeting and training pages show.
//
// Rules (shown to the coordinator beside the figures, see the `report.rule.*` strings):
// - An instant belongs to a period by the calendar of the agency's own zone: a meeting at 23.30
//   WITA on 31 March is in March for a WITA agency. SQL picks each row's bounds by the agency's
//   zone (a CASE over the four Indonesian zones), so no row is fetched twice or missed.
// - Meetings: invitations to published, held or closed meetings starting in the period. Attended =
//   present or represented; the rate is over meetings with attendance recorded — a meeting that is
//   over counts as the attendance page shows it (declined → excused, nobody came → absent) even if
//   nobody marked it held; "absent twice in a row" is two consecutive recorded absences in the
//   period (an excused absence breaks a run; meetings starting at the same instant count in the
//   order of their id). An officer attended by their own check-in, or by the
//   agency's attendance where nobody checked in at all (as on the officer record).
// - Follow-ups (RTL): actions owned by the agency from meetings in the period; status as of now,
//   overdue when open past its due date, a calendar date in the meeting's zone (as in the register);
//   on time when done by the due date in that zone.
// - Training: officers enrolled in a cohort running in the period; modules completed and JP earned
//   (a module counts once, by its completion date); work due in the period for everyone actively
//   enrolled before the due date: on time (first hand-in by the due date or the person's extension),
//   late, missing (nothing handed in and the late window is over), not yet due. The JP component
//   of the index counts only where someone was enrolled or earned JP in the period (no training at
//   all is "no data", as for a period without meetings).
// - Reviews: peer reviews allocated in the period to the agency's officers: done, open, lapsed.
// - Quality: the mean level (1–4) per rubric criterion (by title) of the latest fasilitator grade of
//   each piece, for grades given in the period — read from running sums kept by the grade writers
//   (`quality_summary`, participation-quality.server.ts; the days of a partial month from the grades).
// Results are cached per period and filters until one of the tables they read is written.
import type { DB } from "#db/connection";
import { writeVersion } from "#db/connection";
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "#db/schema";
import { AGENCY_TIME_ZONES, AGENCY_TYPES } from "~/lib/agency";
import {
  DEFAULT_WEIGHTS, absentTwiceInARow, attendanceRate, checkWeights, longestAbsenceRun, participationIndex, rank,
  type Attendance, type Component, type Weights,
} from "~/lib/participation";
import { lastMonths, periodBoundsAllZones, periodBoundsUtc, type Period } from "~/lib/period";
import { utcToZoned } from "~/lib/zoned-time";
import { isAttendanceFinal, rollUpAgency } from "./attendance.server";
import { JP_TARGET } from "./learning.server";

/** The tables a report reads: a write to any of them makes cached reports stale. */
export const REPORT_TABLES = [
  "agency", "user", "network", "meeting", "meeting_invitation", "meeting_representative", "meeting_guest", "outcome", "module", "cohort",
  "enrolment", "assignment", "assignment_extension", "submission", "grade", "grade_criterion", "rubric_criterion", "peer_review",
  "quality_summary",
] as const;

export interface ReportFilters {
  type?: string;
  region?: string;
  zone?: string;
}
export type FilterError = "report.filter.type" | "report.filter.region" | "report.filter.zone";

export interface MeetingFigures {
  invited: number;
  answered: number;
  attended: number;
  present: number;
  represented: number;
  excused: number;
  absent: number;
  recorded: number;
  attendanceRate: number | null;
  absentTwiceInARow: boolean;
}
export interface FollowUpFigures { total: number; open: number; overdue: number; doneOnTime: number; doneLate: number; dropped: number }
export interface SubmissionFigures { due: number; onTime: number; late: number; missing: number; notYetDue: number }
export interface ReviewFigures { allocated: number; done: number; open: number; lapsed: number }
export interface CriterionMean { criterion: string; mean: number; count: number }

export interface AgencyFigures {
  agencyId: string;
  name: string;
  shortName: string;
  type: string;
  region: string;
  timeZone: string;
  officers: number;
  meetings: MeetingFigures;
  followUps: FollowUpFigures;
  training: {
    officersEnrolled: number;
    modulesCompleted: number;
    jpEarned: number;
    submissions: SubmissionFigures;
    reviews: ReviewFigures;
  };
  quality: CriterionMean[];
  rates: Record<Component, number | null>;
  index: number | null;
}
export type RankedAgency = AgencyFigures & { rank: number | null };

export interface OfficerFigures {
  userId: string;
  name: string;
  position: string | null;
  active: boolean;
  meetingsNamed: number;
  meetingsCheckedIn: number;
  modulesCompleted: number;
  jpEarned: number;
  enrolled: boolean;
  submissions: SubmissionFigures;
  meanScore: number | null;
  reviews: ReviewFigures;
}

export interface NetworkReport {
  period: Period;
  generatedAt: string;
  weights: Weights;
  agencies: RankedAgency[];
  /** network-wide mean level per criterion, weakest first */
  criteria: CriterionMean[];
  totals: {
    agencies: number;
    engaged: number;
    absentTwice: number;
    meetings: MeetingFigures;
    followUps: FollowUpFigures;
    submissions: SubmissionFigures;
    reviews: ReviewFigures;
    jpEarned: number;
    officersEnrolled: number;
    modulesCompleted: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Filters and weights

export async function reportRegions(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("agency").select("region").distinct().where("active", "=", 1).where("region", "!=", "").orderBy("region").execute();
  return rows.map((r) => r.region);
}

/** Unknown values are refused (a message, not an empty report that looks like no participation). */
export async function parseFilters(
  db: DB,
  input: { jenis?: string | null; wilayah?: string | null; zona?: string | null },
): Promise<{ ok: true; filters: ReportFilters } | { ok: false; error: FilterError; filters: ReportFilters }> {
  const filters: ReportFilters = {};
  const type = input.jenis?.trim();
  const region = input.wilayah?.trim();
  const zone = input.zona?.trim();
  if (type) {
    if (!(AGENCY_TYPES as readonly string[]).includes(type)) return { ok: false, error: "report.filter.type", filters };
    filters.type = type;
  }
  if (zone) {
    if (!(AGENCY_TIME_ZONES as readonly string[]).includes(zone)) return { ok: false, error: "report.filter.zone", filters };
    filters.zone = zone;
  }
  if (region) {
    if (!(await reportRegions(db)).includes(region)) return { ok: false, error: "report.filter.region", filters };
    filters.region = region;
  }
  return { ok: true, filters };
}

export async function getWeights(db: DB): Promise<Weights> {
  const row = await db.selectFrom("network").select("participation_weights").executeTakeFirst();
  if (!row?.participation_weights) return DEFAULT_WEIGHTS;
  try {
    const parsed = checkWeights(JSON.parse(row.participation_weights));
    return parsed.ok ? parsed.weights : DEFAULT_WEIGHTS;
  } catch {
    return DEFAULT_WEIGHTS;
  }
}

export async function saveWeights(db: DB, weights: Weights): Promise<void> {
  await db.updateTable("network").set({ participation_weights: JSON.stringify(weights), updated_at: new Date().toISOString() }).execute();
}

// ---------------------------------------------------------------------------------------------
// The computation

export type Eb = ExpressionBuilder<Database, "agency">;
export type Bounds = Record<string, { start: string; end: string }>;

export function zoneBounds(p: Period): Bounds {
  const out: Bounds = {};
  for (const tz of AGENCY_TIME_ZONES) out[tz] = periodBoundsUtc(p, tz);
  return out;
}

/** `column` lies in the period by the calendar of the agency's zone (`agency.time_zone`); with one
 *  zone known (one agency, or a zone filter) plain bounds, which the planner can use on an index. */
export function inAgencyPeriod(eb: Eb, column: string, b: Bounds, fixedZone?: string) {
  if (fixedZone) {
    const col = eb.ref(column as any);
    return eb.and([eb(col, ">=", b[fixedZone].start), eb(col, "<", b[fixedZone].end)]);
  }
  const bound = (which: "start" | "end") => {
    let c = eb.case("agency.time_zone") as any;
    for (const tz of AGENCY_TIME_ZONES) c = c.when(tz).then(b[tz][which]);
    return c.else(b["Asia/Jakarta"][which]).end();
  };
  const col = eb.ref(column as any);
  return eb.and([eb(col, ">=", bound("start")), eb(col, "<", bound("end"))]);
}

export function applyAgencyFilters<QB extends { where: any }>(qb: QB, f: ReportFilters & { agencyId?: string }, agencyColumn?: string): QB {
  // One agency is read even when deactivated since (its history stays); the network, active ones.
  let q: any = f.agencyId ? qb.where("agency.id", "=", f.agencyId) : qb.where("agency.active", "=", 1);
  // The same condition on the row's own agency column lets the planner start from that index.
  if (f.agencyId && agencyColumn) q = q.where(agencyColumn, "=", f.agencyId);
  if (f.type) q = q.where("agency.type", "=", f.type);
  if (f.region) q = q.where("agency.region", "=", f.region);
  if (f.zone) q = q.where("agency.time_zone", "=", f.zone);
  return q;
}

const emptyMeetings = (): MeetingFigures => ({
  invited: 0, answered: 0, attended: 0, present: 0, represented: 0, excused: 0, absent: 0, recorded: 0, attendanceRate: null, absentTwiceInARow: false,
});
const emptyFollowUps = (): FollowUpFigures => ({ total: 0, open: 0, overdue: 0, doneOnTime: 0, doneLate: 0, dropped: 0 });
const emptySubmissions = (): SubmissionFigures => ({ due: 0, onTime: 0, late: 0, missing: 0, notYetDue: 0 });
/** One piece of work due: on time, late, missing (each 0 or 1), or else not yet due. */
function countPiece(s: SubmissionFigures, onTime: number, late: number, missing: number) {
  s.due++;
  s.onTime += onTime;
  s.late += late;
  s.missing += missing;
  s.notYetDue += 1 - onTime - late - missing;
}
const emptyReviews = (): ReviewFigures => ({ allocated: 0, done: 0, open: 0, lapsed: 0 });
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** An invitation's attendance: stored at each check-in and when the meeting is marked held; a
 *  meeting that is over without that reads as its attendance page shows it (excused or absent). */
export const attendanceAsShown = (r: { attendance: string | null; rsvp: string; status: string; ends_at: string }, now: Date) =>
  (r.attendance ?? (isAttendanceFinal(r, now) ? rollUpAgency({ rsvp: r.rsvp, representatives: [] }, true) : null)) as Attendance | null;
const localDate = (iso: string, tz: string) => utcToZoned(iso, tz).date;
const periodDays = (p: Period) => (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000 + 1;

/** The share of the yearly 20 JP an officer should earn in a period of this length. */
export const jpTargetFor = (p: Period) => (JP_TARGET * Math.min(366, periodDays(p))) / 365;

export function componentRates(a: Omit<AgencyFigures, "rates" | "index">, officerJp: number[], p: Period): Record<Component, number | null> {
  const s = a.training.submissions;
  const r = a.training.reviews;
  const f = a.followUps;
  const target = jpTargetFor(p);
  return {
    attendance: a.meetings.attendanceRate,
    rsvp: ratio(a.meetings.answered, a.meetings.invited),
    followUps: ratio(f.doneOnTime, f.doneOnTime + f.doneLate + f.overdue),
    submissions: ratio(s.onTime + 0.5 * s.late, s.onTime + s.late + s.missing),
    reviews: ratio(r.done, r.done + r.open + r.lapsed),
    jp: a.officers > 0 && (a.training.officersEnrolled > 0 || a.training.jpEarned > 0)
      ? officerJp.reduce((sum, jp) => sum + Math.min(1, jp / target), 0) / a.officers
      : null,
  };
}

export interface Computed {
  agencies: Map<string, Omit<AgencyFigures, "rates" | "index">>;
  officerJp: Map<string, Map<string, number>>; // agency -> user -> JP in period
  /** `officers: "full"`: the officers a scorecard lists, by name; `"passes"`: every person the
   *  training and review passes met, by id, with only those figures (see `officerFigures`) */
  officers: Map<string, OfficerFigures>;
  criteria: Map<string, { sum: number; count: number }>;
  /** the zone whose plain bounds were used (one agency, or a zone filter) */
  fixedZone: string | undefined;
}

export interface ComputeOptions {
  /** "passes": keep each person's share of the enrolment, completion, work and review passes
   *  (cheap: the rows are read anyway); "full": that, plus names and meetings, for the officers of
   *  the scope (`officerFigures`) */
  officers?: "none" | "passes" | "full";
  /** only what officers' figures use — no rubric means, no agency meeting and follow-up figures
   *  (agencies' `quality`, `meetings`, `followUps` and `criteria` stay empty); for the officers' sheet */
  officersOnly?: boolean;
}

const blankOfficer = (userId: string): OfficerFigures => ({
  userId, name: "", position: null, active: false, meetingsNamed: 0, meetingsCheckedIn: 0,
  modulesCompleted: 0, jpEarned: 0, enrolled: false, submissions: emptySubmissions(), meanScore: null, reviews: emptyReviews(),
});

/** Exported for the exports' per-officer sheet (participation-export.server.ts). */
export async function compute(
  db: DB,
  p: Period,
  f: ReportFilters & { agencyId?: string },
  now: Date,
  { officers: perOfficer = "none", officersOnly = false }: ComputeOptions = {},
): Promise<Computed> {
  const zb = zoneBounds(p);
  const nowIso = now.toISOString();

  // Agencies and their active officers.
  const agencyRows = await applyAgencyFilters(
    db.selectFrom("agency").select(["agency.id", "agency.name", "agency.short_name", "agency.type", "agency.region", "agency.time_zone"]),
    f,
  ).orderBy("agency.name").execute();
  const agencies = new Map<string, Omit<AgencyFigures, "rates" | "index">>();
  for (const a of agencyRows) {
    agencies.set(a.id, {
      agencyId: a.id, name: a.name, shortName: a.short_name, type: a.type, region: a.region, timeZone: a.time_zone, officers: 0,
      meetings: emptyMeetings(), followUps: emptyFollowUps(),
      training: { officersEnrolled: 0, modulesCompleted: 0, jpEarned: 0, submissions: emptySubmissions(), reviews: emptyReviews() },
      quality: [],
    });
  }
  // One zone known (one agency, or filtered to a zone): plain bounds instead of a CASE per row.
  const oneZone = f.agencyId ? agencyRows[0]?.time_zone : f.zone;
  const fixedZone = oneZone && zb[oneZone] ? oneZone : undefined;
  const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(p);
  // Each person's share of the passes below, by id (who is listed is decided after: `officerFigures`).
  const officers = new Map<string, OfficerFigures>();
  const officerOf = perOfficer === "none"
    ? (_userId: string): OfficerFigures | undefined => undefined
    : (userId: string): OfficerFigures => {
      let o = officers.get(userId);
      if (!o) officers.set(userId, (o = blankOfficer(userId)));
      return o;
    };

  const officerCounts = await applyAgencyFilters(
    db.selectFrom("user").innerJoin("agency", "agency.id", "user.agency_id")
      .select(["user.agency_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("user.status", "=", "active").groupBy("user.agency_id"),
    f, "user.agency_id",
  ).execute();
  for (const r of officerCounts) {
    const a = agencies.get(r.agency_id!);
    if (a) a.officers = Number(r.n);
  }

  // Meetings: each agency's invitations in the order of the meetings' start (meetings starting at
  // the same instant: by id), so runs of absences can be read. The period's meetings first (a few
  // hundred a year) in that order, then their invitations by the meeting index, a page of meetings at
  // a time; the agency's calendar and the filters are applied here (the agencies read above).
  const runs = new Map<string, (Attendance | null)[]>();
  const meetings = officersOnly ? [] : await db.selectFrom("meeting").select(["id", "starts_at", "status", "ends_at"])
    .where("status", "in", ["published", "held", "closed"])
    .where("starts_at", ">=", wide.start)
    .where("starts_at", "<", wide.end)
    .orderBy("starts_at").orderBy("id").execute();
  for (let i = 0; i < meetings.length; i += 500) {
    const page = meetings.slice(i, i + 500);
    let iq = db.selectFrom("meeting_invitation").select(["meeting_id", "agency_id", "rsvp", "attendance"])
      .where("meeting_id", "in", page.map((m) => m.id));
    if (f.agencyId) iq = iq.where("agency_id", "=", f.agencyId);
    const byMeeting = new Map<string, { agency_id: string; rsvp: string; attendance: string | null }[]>();
    for (const r of await iq.execute()) {
      let list = byMeeting.get(r.meeting_id);
      if (!list) byMeeting.set(r.meeting_id, (list = []));
      list.push(r);
    }
    for (const mt of page) {
      for (const inv of byMeeting.get(mt.id) ?? []) {
        const a = agencies.get(inv.agency_id);
        if (!a) continue;
        const b = fixedZone ? zb[fixedZone] : zb[a.timeZone] ?? zb["Asia/Jakarta"];
        if (!(mt.starts_at >= b.start && mt.starts_at < b.end)) continue;
        let records = runs.get(inv.agency_id);
        if (!records) runs.set(inv.agency_id, (records = []));
        const m = a.meetings;
        m.invited++;
        if (inv.rsvp !== "pending") m.answered++;
        const att = attendanceAsShown({ attendance: inv.attendance, rsvp: inv.rsvp, status: mt.status, ends_at: mt.ends_at }, now);
        records.push(att);
        if (att) {
          m.recorded++;
          if (att === "present" || att === "represented") m.attended++;
          if (att === "present") m.present++;
          else if (att === "represented") m.represented++;
          else if (att === "excused") m.excused++;
          else if (att === "absent") m.absent++;
        }
      }
    }
  }
  for (const [agencyId, records] of runs) {
    const m = agencies.get(agencyId)!.meetings;
    m.attendanceRate = attendanceRate(records);
    m.absentTwiceInARow = absentTwiceInARow(records);
  }

  // Follow-ups (RTL) owned by the agency, from meetings in the period.
  const actions = officersOnly ? [] : await applyAgencyFilters(
    db.selectFrom("outcome")
      .innerJoin("meeting", "meeting.id", "outcome.meeting_id")
      .innerJoin("agency", "agency.id", "outcome.owner_agency_id")
      .select(["outcome.owner_agency_id", "outcome.status", "outcome.due_date", "outcome.done_at", "meeting.time_zone as meeting_time_zone"])
      .where("outcome.type", "=", "action")
      .where("meeting.status", "in", ["published", "held", "closed"])
      .where("meeting.starts_at", ">=", wide.start)
      .where("meeting.starts_at", "<", wide.end)
      .where((eb) => inAgencyPeriod(eb as unknown as Eb, "meeting.starts_at", zb, fixedZone)),
    f, "outcome.owner_agency_id",
  ).execute();
  const todayIn = new Map<string, string>();
  for (const r of actions) {
    const a = agencies.get(r.owner_agency_id!);
    if (!a) continue;
    const tz = r.meeting_time_zone; // a due date is a calendar date in the meeting's zone (follow-up.server)
    if (!todayIn.has(tz)) todayIn.set(tz, localDate(nowIso, tz));
    const fu = a.followUps;
    fu.total++;
    if (r.status === "dropped") fu.dropped++;
    else if (r.status === "done") {
      if (!r.due_date || !r.done_at || localDate(r.done_at, tz) <= r.due_date) fu.doneOnTime++;
      else fu.doneLate++;
    } else if (r.due_date && r.due_date < todayIn.get(tz)!) fu.overdue++;
    else fu.open++;
  }

  // Enrolled officers: active enrolments in cohorts running during the period (the cohorts first: a
  // few dozen; then their enrolments by the cohort index).
  const cohorts = await db.selectFrom("cohort").select("id").where("starts_on", "<=", p.to).where("ends_on", ">=", p.from).execute();
  const enrolled: { agency_id: string; user_id: string }[] = [];
  const seenEnrolled = new Set<string>();
  for (let i = 0; i < cohorts.length; i += 500) {
    let q = db.selectFrom("enrolment").select(["agency_id", "user_id"])
      .where("status", "=", "active").where("cohort_id", "in", cohorts.slice(i, i + 500).map((c) => c.id));
    if (f.agencyId) q = q.where("agency_id", "=", f.agencyId);
    for (const r of await q.execute()) {
      const key = `${r.agency_id}|${r.user_id}`;
      if (!r.agency_id || !agencies.has(r.agency_id) || seenEnrolled.has(key)) continue;
      seenEnrolled.add(key);
      enrolled.push({ agency_id: r.agency_id, user_id: r.user_id });
    }
  }
  for (const r of enrolled) {
    const a = agencies.get(r.agency_id!);
    if (a) a.training.officersEnrolled++;
    const o = officerOf(r.user_id);
    if (o) o.enrolled = true;
  }

  // Completions and JP: a module counts once per person (as on /belajar).
  const completions = await applyAgencyFilters(
    db.selectFrom("enrolment")
      .innerJoin("module", "module.id", "enrolment.module_id")
      .innerJoin("agency", "agency.id", "enrolment.agency_id")
      .select(["enrolment.agency_id", "enrolment.user_id", "enrolment.module_id", "module.jp"])
      .where("enrolment.completed_at", ">=", wide.start)
      .where("enrolment.completed_at", "<", wide.end)
      .where((eb) => inAgencyPeriod(eb as unknown as Eb, "enrolment.completed_at", zb, fixedZone)),
    f, "enrolment.agency_id",
  ).execute();
  const officerJp = new Map<string, Map<string, number>>();
  const seenModule = new Map<string, number>(); // user|module -> jp
  for (const r of completions) {
    const key = `${r.user_id}|${r.module_id}`;
    if (seenModule.has(key)) continue; // the same module completed twice in the period counts once
    seenModule.set(key, r.jp);
    const a = agencies.get(r.agency_id!);
    if (!a) continue;
    a.training.modulesCompleted++;
    a.training.jpEarned += r.jp;
    let m = officerJp.get(r.agency_id!);
    if (!m) officerJp.set(r.agency_id!, (m = new Map()));
    m.set(r.user_id, (m.get(r.user_id) ?? 0) + r.jp);
    const o = officerOf(r.user_id);
    if (o) {
      o.modulesCompleted++;
      o.jpEarned += r.jp;
    }
  }

  // Work due in the period, per person: on time, late, missing, not yet due. Everyone actively
  // enrolled in the module of an assignment due in the period (by their agency's calendar) who
  // enrolled by the due date or handed something in. Joined here rather than in SQL: the due
  // assignments (a few hundred a year), their modules' active enrolments, then each assignment's
  // submissions and extensions read in index order — one pass over the rows, no index probe per
  // person and assignment, and nothing held beyond one assignment's submissions.
  const dueAssignments = await db.selectFrom("assignment").select(["id", "module_id", "due_at", "late_until"])
    .where("due_at", ">=", wide.start).where("due_at", "<", wide.end).orderBy("id").execute();
  type Enrolled = { user_id: string; enrolled_at: string; agency: Omit<AgencyFigures, "rates" | "index">; officer: OfficerFigures | undefined };
  const enrolledIn = new Map<string, Enrolled[]>(); // module -> active enrolments of the report's agencies
  const dueModules = [...new Set(dueAssignments.map((a) => a.module_id))];
  for (let i = 0; i < dueModules.length; i += 500) {
    let q = db.selectFrom("enrolment").select(["module_id", "user_id", "agency_id", "enrolled_at"])
      .where("status", "=", "active").where("module_id", "in", dueModules.slice(i, i + 500));
    if (f.agencyId) q = q.where("agency_id", "=", f.agencyId);
    for (const e of await q.execute()) {
      if (!e.agency_id || !agencies.has(e.agency_id)) continue;
      let list = enrolledIn.get(e.module_id);
      if (!list) enrolledIn.set(e.module_id, (list = []));
      list.push({ user_id: e.user_id, enrolled_at: e.enrolled_at, agency: agencies.get(e.agency_id)!, officer: officerOf(e.user_id) });
    }
  }
  const officerScores = new Map<string, { sum: number; n: number }>();
  type Sub = { status: string; first_submitted_at: string | null; score: number | null };
  const dueWithPeople = dueAssignments.filter((a) => enrolledIn.has(a.module_id));
  // one agency: its own people's rows only; the network: every row
  const agencyUsers = f.agencyId ? [...new Set([...enrolledIn.values()].flat().map((e) => e.user_id))] : null;
  // one assignment at a time, by its own index (the assignment id need not be read back per row)
  for (const a of dueWithPeople) {
    const subsOf = new Map<string, Sub>(); // user -> submission
    const extsOf = new Map<string, { due_at: string; late_until: string }>();
    for (let u = 0; u < (agencyUsers?.length ?? 1); u += 500) {
      let sq = db.selectFrom("submission").select(["user_id", "status", "first_submitted_at", "score"]).where("assignment_id", "=", a.id);
      let xq = db.selectFrom("assignment_extension").select(["user_id", "due_at", "late_until"]).where("assignment_id", "=", a.id);
      if (agencyUsers) {
        sq = sq.where("user_id", "in", agencyUsers.slice(u, u + 500));
        xq = xq.where("user_id", "in", agencyUsers.slice(u, u + 500));
      }
      for (const r of await sq.execute()) subsOf.set(r.user_id, r);
      for (const r of await xq.execute()) extsOf.set(r.user_id, r);
    }
    const inPeriod = new Map<string, boolean>(); // by the agency's zone
    for (const e of enrolledIn.get(a.module_id)!) {
      const tz = e.agency.timeZone;
      let counts = inPeriod.get(tz);
      if (counts === undefined) {
        const b = fixedZone ? zb[fixedZone] : zb[tz] ?? zb["Asia/Jakarta"];
        inPeriod.set(tz, (counts = a.due_at >= b.start && a.due_at < b.end));
      }
      if (!counts) continue;
      const sub = subsOf.get(e.user_id);
      if (!(e.enrolled_at <= a.due_at) && !sub) continue;
      const x = extsOf.size ? extsOf.get(e.user_id) : undefined;
      const due = x?.due_at ?? a.due_at;
      const handedIn = !!sub && sub.status !== "draft";
      const first = sub?.first_submitted_at ?? null;
      const onTime = handedIn && first !== null && first <= due ? 1 : 0;
      const late = handedIn && first !== null && first > due ? 1 : 0;
      const missing = !handedIn && (x?.late_until ?? a.late_until) < nowIso ? 1 : 0;
      countPiece(e.agency.training.submissions, onTime, late, missing);
      const o = e.officer;
      if (o) {
        countPiece(o.submissions, onTime, late, missing);
        if (sub && sub.score !== null) {
          let sc = officerScores.get(e.user_id);
          if (!sc) officerScores.set(e.user_id, (sc = { sum: 0, n: 0 }));
          sc.sum += sub.score;
          sc.n++;
          o.meanScore = sc.sum / sc.n;
        }
      }
    }
  }

  // Peer reviews allocated in the period to the agency's officers.
  const reviews = await applyAgencyFilters(
    db.selectFrom("peer_review")
      .innerJoin("user", "user.id", "peer_review.reviewer_id")
      .innerJoin("agency", "agency.id", "user.agency_id")
      .select(["user.agency_id", "peer_review.reviewer_id", "peer_review.status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("peer_review.kind", "=", "peer")
      .where("peer_review.status", "!=", "removed")
      .where("peer_review.assigned_at", ">=", wide.start)
      .where("peer_review.assigned_at", "<", wide.end)
      .where((eb) => inAgencyPeriod(eb as unknown as Eb, "peer_review.assigned_at", zb, fixedZone))
      .groupBy(["user.agency_id", "peer_review.reviewer_id", "peer_review.status"]),
    f, "user.agency_id",
  ).execute();
  for (const r of reviews) {
    const n = Number(r.n);
    const targets = [agencies.get(r.agency_id!)?.training.reviews, officerOf(r.reviewer_id)?.reviews];
    for (const t of targets) {
      if (!t) continue;
      t.allocated += n;
      if (r.status === "submitted") t.done += n;
      else if (r.status === "expired") t.lapsed += n;
      else t.open += n;
    }
  }

  // Quality: each piece's current fasilitator grade (the one its graded_at points to), given in the
  // period, per criterion title (criteria are copies per assignment, so they are pooled by title).
  const quality = officersOnly ? [] : await qualitySums(db, p, f, fixedZone);
  const criteria = new Map<string, { sum: number; count: number }>();
  const perAgency = new Map<string, Map<string, { sum: number; count: number }>>();
  for (const r of quality) {
    if (!agencies.has(r.agency_id)) continue;
    const title = r.criterion;
    const sum = Number(r.level_sum), n = Number(r.n);
    let m = perAgency.get(r.agency_id);
    if (!m) perAgency.set(r.agency_id, (m = new Map()));
    for (const target of [m, criteria]) {
      const c = target.get(title) ?? { sum: 0, count: 0 };
      c.sum += sum;
      c.count += n;
      target.set(title, c);
    }
  }
  for (const [agencyId, m] of perAgency) {
    agencies.get(agencyId)!.quality = [...m].map(([criterion, v]) => ({ criterion, mean: v.sum / v.count, count: v.count }));
  }
  for (const a of agencies.values()) a.quality.sort((x, y) => x.mean - y.mean || x.criterion.localeCompare(y.criterion, "id"));

  return {
    agencies, officerJp, criteria, fixedZone,
    officers: perOfficer === "full" ? await officerFigures(db, p, f, officers, fixedZone) : officers,
  };
}

/**
 * The officers of the scope as a scorecard lists them (active and former ones, by name) with their
 * figures: their share of the report's passes (`passes`: `compute(…, { officers: "passes" })`, by id)
 * and the meetings they were named for and attended. New records: `passes` is left as it is (it may be
 * shared, see `sharedOfficerPasses`).
 */
export async function officerFigures(
  db: DB,
  p: Period,
  f: ReportFilters & { agencyId?: string },
  passes: Map<string, OfficerFigures>,
  fixedZone: string | undefined,
): Promise<Map<string, OfficerFigures>> {
  const zb = zoneBounds(p);
  const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(p);
  const officers = new Map<string, OfficerFigures>();
  const officerOf = (userId: string) => officers.get(userId);
  const people = await applyAgencyFilters(
    db.selectFrom("user").innerJoin("agency", "agency.id", "user.agency_id")
      .select(["user.id", "user.name", "user.position", "user.status"])
      .where("user.status", "in", ["active", "deactivated"]).orderBy("user.name"),
    f, "user.agency_id",
  ).execute();
  for (const u of people) {
    officers.set(u.id, { ...(passes.get(u.id) ?? blankOfficer(u.id)), name: u.name, position: u.position, active: u.status === "active" });
  }

  const reps = await applyAgencyFilters(
    db.selectFrom("meeting_representative")
      .innerJoin("meeting", "meeting.id", "meeting_representative.meeting_id")
      .innerJoin("agency", "agency.id", "meeting_representative.agency_id")
      .innerJoin("meeting_invitation", (j) => j.onRef("meeting_invitation.meeting_id", "=", "meeting.id").onRef("meeting_invitation.agency_id", "=", "agency.id"))
      .select(["meeting_representative.meeting_id", "meeting_representative.user_id", "meeting_representative.checked_in_at", "meeting_invitation.attendance"])
      .where("meeting.status", "in", ["published", "held", "closed"])
      .where("meeting_representative.user_id", "is not", null)
      .where("meeting.starts_at", ">=", wide.start)
      .where("meeting.starts_at", "<", wide.end)
      .where((eb) => inAgencyPeriod(eb as unknown as Eb, "meeting.starts_at", zb, fixedZone)),
    f, "meeting_representative.agency_id",
  ).execute();
  // Meetings where anyone (a representative of any agency, or a guest) checked in: once per meeting.
  const meetingIds = [...new Set(reps.map((r) => r.meeting_id))];
  const anyCheckIn = new Set<string>();
  for (let i = 0; i < meetingIds.length; i += 500) {
    const ids = meetingIds.slice(i, i + 500);
    const byRep = await db.selectFrom("meeting_representative").select("meeting_id").distinct()
      .where("meeting_id", "in", ids).where("checked_in_at", "is not", null).execute();
    const byGuest = await db.selectFrom("meeting_guest").select("meeting_id").distinct()
      .where("meeting_id", "in", ids).where("checked_in_at", "is not", null).execute();
    for (const r of [...byRep, ...byGuest]) anyCheckIn.add(r.meeting_id);
  }
  for (const r of reps) {
    const o = officerOf(r.user_id!);
    if (!o) continue;
    o.meetingsNamed++;
    // as on the officer record: one's own check-in; where nobody checked in (a paper list), the agency's attendance
    const byAgency = !anyCheckIn.has(r.meeting_id) && (r.attendance === "present" || r.attendance === "represented");
    if (r.checked_in_at || byAgency) o.meetingsCheckedIn++;
  }
  return officers;
}

/** The whole months inside a period, and the days around them (a custom period's partial months). */
export function splitByMonths(p: Period): { months: Period | null; days: Period[] } {
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const prev = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const first = p.from.endsWith("-01") ? p.from : monthAfter(p.from);
  const last = next(p.to).endsWith("-01") ? p.to : prev(`${p.to.slice(0, 8)}01`);
  if (first > last) return { months: null, days: [p] };
  const days: Period[] = [];
  const part = (from: string, to: string): Period => ({ kind: "custom", from, to, key: `${from}_${to}` });
  if (first !== p.from) days.push(part(p.from, prev(first)));
  if (last !== p.to) days.push(part(next(last), p.to));
  return { months: first === p.from && last === p.to ? p : part(first, last), days };
}
const monthAfter = (d: string) => {
  const y = Number(d.slice(0, 4)), m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

/**
 * Levels summed per agency and criterion title for the grades the quality rule counts in the period.
 * Whole months come from `quality_summary` (kept by the grade writers, participation-quality.server):
 * its buckets never straddle a month in any agency zone, so a bucket is in the period when it starts
 * in it. The days of a partial month (custom periods only) are read from the grades themselves.
 */
async function qualitySums(db: DB, p: Period, f: ReportFilters & { agencyId?: string }, fixedZone: string | undefined) {
  const { months, days } = splitByMonths(p);
  const out: { agency_id: string; criterion: string; level_sum: number; n: number }[] = [];
  if (months) {
    const zb = zoneBounds(months);
    const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(months);
    out.push(...await applyAgencyFilters(
      db.selectFrom("quality_summary")
        .innerJoin("agency", "agency.id", "quality_summary.agency_id")
        .select((eb) => [
          "quality_summary.agency_id", "quality_summary.criterion",
          eb.fn.sum<number>("quality_summary.level_sum").as("level_sum"), eb.fn.sum<number>("quality_summary.graded").as("n"),
        ])
        .where("quality_summary.bucket_start", ">=", wide.start)
        .where("quality_summary.bucket_start", "<", wide.end)
        .where((eb) => inAgencyPeriod(eb as unknown as Eb, "quality_summary.bucket_start", zb, fixedZone))
        .groupBy(["quality_summary.agency_id", "quality_summary.criterion"]),
      f, "quality_summary.agency_id",
    ).execute());
  }
  for (const d of days) {
    const zb = zoneBounds(d);
    const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(d);
    out.push(...await applyAgencyFilters(
      db.selectFrom("grade")
        .innerJoin("submission", "submission.id", "grade.submission_id")
        .innerJoin("agency", "agency.id", "submission.agency_id")
        .innerJoin("grade_criterion", "grade_criterion.grade_id", "grade.id")
        .innerJoin("rubric_criterion", "rubric_criterion.id", "grade_criterion.criterion_id")
        .select((eb) => [
          "agency.id as agency_id", "rubric_criterion.title as criterion",
          eb.fn.sum<number>("grade_criterion.level").as("level_sum"), eb.fn.countAll<number>().as("n"),
        ])
        .where("grade.decision", "=", "graded")
        .where("grade.created_at", ">=", wide.start)
        .where("grade.created_at", "<", wide.end)
        .where((eb) => inAgencyPeriod(eb as unknown as Eb, "grade.created_at", zb, fixedZone))
        .where("submission.status", "=", "graded")
        .whereRef("submission.graded_at", "=", "grade.created_at")
        .groupBy(["agency.id", "rubric_criterion.title"]),
      f, "submission.agency_id",
    ).execute());
  }
  return out;
}

function finish(c: Computed, p: Period, weights: Weights): AgencyFigures[] {
  const out: AgencyFigures[] = [];
  for (const a of c.agencies.values()) {
    const jp = [...(c.officerJp.get(a.agencyId)?.values() ?? [])];
    const rates = componentRates(a, jp, p);
    out.push({ ...a, rates, index: participationIndex(rates, weights) });
  }
  return out;
}

function sumInto<T extends object>(into: T, from: T) {
  const a = into as Record<string, unknown>;
  const b = from as Record<string, unknown>;
  for (const k of Object.keys(a)) if (typeof a[k] === "number" && typeof b[k] === "number") a[k] = (a[k] as number) + (b[k] as number);
}

// ---------------------------------------------------------------------------------------------
// Cache: reports are read far more often than the records behind them change.

type CacheEntry = { at: number; value: Promise<unknown> };
const caches = new WeakMap<DB, Map<string, CacheEntry>>(); // per database handle
const CACHE_MAX = 200;
const CACHE_TTL_MS = 10 * 60_000; // a safety net; writes through Kysely invalidate at once

/** One computation per key at a time: concurrent requests for a cold report share its promise. */
function cached<T>(db: DB, key: string, now: Date, make: () => Promise<T>): Promise<T> {
  const version = writeVersion(db, REPORT_TABLES);
  // "now" matters for overdue and missing work: the key changes with the hour.
  const k = version === null ? null : `${key}|${version}|${now.toISOString().slice(0, 13)}`;
  if (!k) return make();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(k);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) {
    cache.delete(k);
    cache.set(k, hit);
    return hit.value as Promise<T>;
  }
  const value = make();
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(k, { at: Date.now(), value });
  value.catch(() => cache.delete(k)); // a failure is not remembered
  return value;
}

export function clearReportCache(db: DB) {
  caches.delete(db);
  passCaches.delete(db);
}

const filterKey = (f: ReportFilters) => `${f.type ?? ""}/${f.region ?? ""}/${f.zone ?? ""}`;

// Each person's share of a network report's enrolment, completion, work and review passes, kept
// beside the report for the XLSX download that usually follows the dashboard: its officer sheet
// needs exactly these passes, which are most of a year's cost. One small record per person met;
// the latest few (period, filters) only, valid as long as the report (same writes, same hour).
export interface OfficerPasses { officers: Map<string, OfficerFigures>; fixedZone: string | undefined }
const passCaches = new WeakMap<DB, Map<string, { at: number; value: OfficerPasses }>>();
const PASSES_MAX = 3;

function passesKey(db: DB, p: Period, f: ReportFilters, now: Date): string | null {
  const version = writeVersion(db, REPORT_TABLES);
  return version === null ? null : `${p.key}|${filterKey(f)}|${version}|${now.toISOString().slice(0, 13)}`;
}

function keepOfficerPasses(db: DB, p: Period, f: ReportFilters, now: Date, value: OfficerPasses) {
  const k = passesKey(db, p, f, now);
  if (!k) return;
  let cache = passCaches.get(db);
  if (!cache) passCaches.set(db, (cache = new Map()));
  cache.delete(k);
  if (cache.size >= PASSES_MAX) cache.delete(cache.keys().next().value!);
  cache.set(k, { at: Date.now(), value });
}

/** The passes of the network report for this period and filters, when it was computed since the
 *  last write (treat as read-only: it is shared). */
export function sharedOfficerPasses(db: DB, p: Period, f: ReportFilters, now: Date): OfficerPasses | undefined {
  const k = passesKey(db, p, f, now);
  const hit = k ? passCaches.get(db)?.get(k) : undefined;
  return hit && Date.now() - hit.at < CACHE_TTL_MS ? hit.value : undefined;
}

/** Every agency's figures for the period, ranked by the participation index. */
export async function networkReport(db: DB, p: Period, filters: ReportFilters = {}, now = new Date()): Promise<NetworkReport> {
  const weights = await getWeights(db);
  return cached(db, `network|${p.key}|${filterKey(filters)}|${JSON.stringify(weights)}`, now, async () => {
    const c = await compute(db, p, filters, now, { officers: "passes" });
    keepOfficerPasses(db, p, filters, now, { officers: c.officers, fixedZone: c.fixedZone });
    const agencies = rank(finish(c, p, weights), (a) => a.index);
    const meetings = emptyMeetings();
    const followUps = emptyFollowUps();
    const submissions = emptySubmissions();
    const reviews = emptyReviews();
    let jpEarned = 0, officersEnrolled = 0, modulesCompleted = 0, engaged = 0, absentTwice = 0;
    for (const a of agencies) {
      sumInto(meetings, a.meetings);
      sumInto(followUps, a.followUps);
      sumInto(submissions, a.training.submissions);
      sumInto(reviews, a.training.reviews);
      jpEarned += a.training.jpEarned;
      officersEnrolled += a.training.officersEnrolled;
      modulesCompleted += a.training.modulesCompleted;
      if (a.meetings.attended > 0 || a.training.submissions.onTime + a.training.submissions.late > 0 || a.training.reviews.done > 0 || a.training.modulesCompleted > 0) engaged++;
      if (a.meetings.absentTwiceInARow) absentTwice++;
    }
    meetings.attendanceRate = ratio(meetings.attended, meetings.recorded);
    const criteria = [...c.criteria.entries()]
      .map(([criterion, v]) => ({ criterion, mean: v.sum / v.count, count: v.count }))
      .sort((x, y) => x.mean - y.mean || x.criterion.localeCompare(y.criterion, "id"));
    return {
      period: p, generatedAt: now.toISOString(), weights, agencies, criteria,
      totals: { agencies: agencies.length, engaged, absentTwice, meetings, followUps, submissions, reviews, jpEarned, officersEnrolled, modulesCompleted },
    };
  });
}

/** The officers a scorecard lists: active ones, and former ones with something in the period. */
export const officerShown = (o: OfficerFigures) =>
  o.active || o.enrolled || o.meetingsNamed > 0 || o.submissions.due > 0 || o.reviews.allocated > 0;

export interface TrendPoint {
  period: Period;
  index: number | null;
  attendanceRate: number | null;
  submissionRate: number | null;
  reviewRate: number | null;
  jpEarned: number;
  meanLevel: number | null;
}

export interface AgencyScorecard {
  period: Period;
  generatedAt: string;
  weights: Weights;
  figures: AgencyFigures;
  /** its place among all active agencies in the same period, and how many were ranked */
  rank: number | null;
  ranked: number;
  officers: OfficerFigures[];
  trend: TrendPoint[];
}

/** One agency: the period's figures, its rank in the network, its officers, twelve months of trend. */
export async function agencyScorecard(db: DB, agencyId: string, p: Period, now = new Date()): Promise<AgencyScorecard | null> {
  const agency = await db.selectFrom("agency").select(["id", "time_zone", "active"]).where("id", "=", agencyId).executeTakeFirst();
  if (!agency) return null;
  const weights = await getWeights(db);
  return cached(db, `agency|${agencyId}|${p.key}|${JSON.stringify(weights)}`, now, async () => {
    const scope = { agencyId };
    const c = await compute(db, p, scope, now, { officers: "full" });
    const figures = finish(c, p, weights)[0] ?? null;
    const network = await networkReport(db, p, {}, now);
    const placed = network.agencies.find((a) => a.agencyId === agencyId);
    const trend: TrendPoint[] = [];
    const today = utcToZoned(now, agency.time_zone).date;
    for (const month of lastMonths(today, 12)) {
      const m = finish(await compute(db, month, scope, now), month, weights)[0];
      const levels = m?.quality ?? [];
      const n = levels.reduce((s, q) => s + q.count, 0);
      trend.push({
        period: month,
        index: m?.index ?? null,
        attendanceRate: m?.rates.attendance ?? null,
        submissionRate: m?.rates.submissions ?? null,
        reviewRate: m?.rates.reviews ?? null,
        jpEarned: m?.training.jpEarned ?? 0,
        meanLevel: n > 0 ? levels.reduce((s, q) => s + q.mean * q.count, 0) / n : null,
      });
    }
    return {
      period: p, generatedAt: now.toISOString(), weights, figures,
      rank: placed?.rank ?? null, ranked: network.agencies.filter((a) => a.rank !== null).length,
      officers: [...c.officers.values()].filter(officerShown),
      trend,
    } satisfies AgencyScorecard as AgencyScorecard;
  }).then((s) => (s.figures ? s : null));
}
