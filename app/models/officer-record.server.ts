// The officer record (rekam jejak) of one calendar year, in the officer's own zone: JP earned against
// the 20 JP target (the /belajar rule, `sumJp` over the same enrolments), modules with their
// certificates, meetings attended, assignments due in the year with their status and final grade,
// and peer reviews given. Read-only; it owns no table. Civil servants hand it in as evidence for
// their yearly appraisal, so every figure is the one the training and meeting pages show.
// Six indexed queries by person whatever the network's size; nothing is queried per row.
import type { DB } from "#db/connection";
import { maskNip } from "~/i18n/format";
import { effectiveDeadline } from "~/lib/deadlines";
import { formatCertificateCode } from "~/models/certificate.server";
import { JP_TARGET, sumJp, yearBounds, yearIn, type JpSummary } from "~/models/learning.server";

export const MIN_RECORD_YEAR = 2000;

export type YearError = "record.year.invalid";

/**
 * `?tahun=YYYY`: a year from 2000 to next year. Anything else (blank aside) is refused with a
 * message, and the current year is shown instead.
 */
export function parseRecordYear(raw: string | null | undefined, currentYear: number): { year: number; error: YearError | null; input: string } {
  const input = (raw ?? "").trim().slice(0, 20);
  if (!input) return { year: currentYear, error: null, input };
  if (/^\d{4}$/.test(input)) {
    const y = Number(input);
    if (y >= MIN_RECORD_YEAR && y <= currentYear + 1) return { year: y, error: null, input };
  }
  return { year: currentYear, error: "record.year.invalid", input };
}

export interface Officer {
  id: string;
  name: string;
  position: string | null;
  functionalLevel: string | null;
  /** masked: only the last four digits (NIP encodes birth date and gender) */
  nipMasked: string | null;
  agencyId: string | null;
  agencyName: string | null;
  agencyShortName: string | null;
  timeZone: string;
}

/** The person a record is about, or null (unknown or removed). Enough for the permission check. */
export async function findOfficer(db: DB, userId: string): Promise<Officer | null> {
  const u = await db
    .selectFrom("user")
    .leftJoin("agency", "agency.id", "user.agency_id")
    .select([
      "user.id", "user.name", "user.position", "user.functional_level", "user.nip", "user.agency_id", "user.time_zone",
      "user.removed_at", "agency.name as agency_name", "agency.short_name as agency_short_name",
    ])
    .where("user.id", "=", userId)
    .executeTakeFirst();
  if (!u || u.removed_at) return null;
  return {
    id: u.id, name: u.name, position: u.position, functionalLevel: u.functional_level, nipMasked: u.nip ? maskNip(u.nip) : null,
    agencyId: u.agency_id, agencyName: u.agency_name, agencyShortName: u.agency_short_name, timeZone: u.time_zone,
  };
}

export interface RecordModule {
  moduleId: string;
  title: string;
  organiser: string;
  jp: number;
  enrolledAt: string;
  /** completed within the year; otherwise enrolled and not (yet) completed within it */
  status: "completed" | "inProgress";
  completedAt: string | null;
  /** JP this row adds to the year's total (0 unless completed in the year) */
  jpCounted: number;
  certificate: { code: string; completedOn: string; revoked: boolean } | null;
}

export interface RecordCertificate {
  id: string;
  moduleId: string;
  moduleTitle: string;
  jp: number;
  /** XXXX-XXXX-XXXX */
  code: string;
  completedOn: string;
  revoked: boolean;
}

export type AgencyAttendance = "present" | "represented" | "excused" | "absent";

export interface RecordMeeting {
  meetingId: string;
  title: string;
  startsAt: string;
  timeZone: string;
  mode: string;
  /** how the attendance is known: the person's own check-in, or the agency's attendance where nobody checked in */
  via: "checkIn" | "agencyAttendance";
  checkedInAt: string | null;
  agencyAttendance: AgencyAttendance | null;
}

export type AssignmentStatus = "onTime" | "late" | "overdue" | "missing" | "notDue";

export interface RecordAssignment {
  assignmentId: string;
  moduleId: string;
  title: string;
  moduleTitle: string;
  /** the person's own deadline (an extension applied) */
  dueAt: string;
  lateUntil: string;
  extended: boolean;
  status: AssignmentStatus;
  submittedAt: string | null;
  /** handed in, then returned for revision and not handed in again */
  returned: boolean;
  /** 0..100 as the grade pages show it: the final grade (peer review combined, or overridden), else the fasilitator's */
  finalScore: number | null;
}

export interface RecordReview {
  reviewId: string;
  assignmentId: string;
  assignmentTitle: string;
  moduleTitle: string;
  submittedAt: string;
  /** the author's 1–5 rating of the review's helpfulness, if given */
  helpfulness: number | null;
}

export interface RecordSummary {
  modulesCompleted: number;
  modulesInProgress: number;
  certificates: number;
  meetingsAttended: number;
  assignments: Record<AssignmentStatus, number> & { total: number };
  reviewsGiven: number;
}

export interface OfficerRecord {
  officer: Officer;
  year: number;
  /** the instants [start, end) of the year in the officer's zone */
  bounds: { start: string; end: string };
  jp: JpSummary;
  modules: RecordModule[];
  certificates: RecordCertificate[];
  meetings: RecordMeeting[];
  assignments: RecordAssignment[];
  reviews: RecordReview[];
  summary: RecordSummary;
}

const inBounds = (iso: string | null | undefined, b: { start: string; end: string }) => {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= Date.parse(b.start) && t < Date.parse(b.end);
};

/** The officer's record of `year` (calendar year in their zone), or null when there is no such person. */
export async function officerRecord(db: DB, officerId: string, year: number, now: Date = new Date()): Promise<OfficerRecord | null> {
  const officer = await findOfficer(db, officerId);
  if (!officer) return null;
  const tz = officer.timeZone;
  const bounds = yearBounds(year, tz);
  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;

  const [enrolments, certificates, meetingRows, reviewRows] = await Promise.all([
    db
      .selectFrom("enrolment")
      .innerJoin("module", "module.id", "enrolment.module_id")
      .innerJoin("cohort", "cohort.id", "enrolment.cohort_id")
      .select([
        "enrolment.id", "enrolment.module_id", "enrolment.status", "enrolment.enrolled_at", "enrolment.completed_at",
        "module.title", "module.jp", "module.organiser", "module.status as module_status", "cohort.ends_on",
      ])
      .where("enrolment.user_id", "=", officerId)
      .orderBy("enrolment.enrolled_at")
      .execute(),
    db
      .selectFrom("certificate")
      .select(["id", "enrolment_id", "module_id", "module_title", "jp", "code", "completed_on", "revoked_at"])
      .where("user_id", "=", officerId)
      .where("completed_on", ">=", firstDay)
      .where("completed_on", "<=", lastDay)
      .orderBy("completed_on")
      .orderBy("issued_at")
      .execute(),
    db
      .selectFrom("meeting_representative as r")
      .innerJoin("meeting as m", "m.id", "r.meeting_id")
      .leftJoin("meeting_invitation as i", (j) => j.onRef("i.meeting_id", "=", "r.meeting_id").onRef("i.agency_id", "=", "r.agency_id"))
      .select((eb) => [
        "r.meeting_id", "r.checked_in_at", "m.title", "m.starts_at", "m.time_zone", "m.mode", "i.attendance",
        // whether anyone at all checked in: a meeting held with check-in judges each person by their own
        eb.or([
          eb.exists(eb.selectFrom("meeting_representative as c").select("c.id").whereRef("c.meeting_id", "=", "r.meeting_id").where("c.checked_in_at", "is not", null)),
          eb.exists(eb.selectFrom("meeting_guest as g").select("g.id").whereRef("g.meeting_id", "=", "r.meeting_id").where("g.checked_in_at", "is not", null)),
        ]).as("any_check_in"),
      ])
      .where("r.user_id", "=", officerId)
      .where("m.status", "not in", ["draft", "cancelled"])
      .where("m.starts_at", ">=", bounds.start)
      .where("m.starts_at", "<", bounds.end)
      .orderBy("m.starts_at")
      .execute(),
    db
      .selectFrom("peer_review as r")
      .innerJoin("assignment as a", "a.id", "r.assignment_id")
      .innerJoin("module as m", "m.id", "a.module_id")
      .select(["r.id", "r.assignment_id", "r.submitted_at", "r.helpfulness", "a.title", "m.title as module_title"])
      .where("r.reviewer_id", "=", officerId)
      .where("r.kind", "=", "peer")
      .where("r.status", "=", "submitted")
      .where("r.submitted_at", ">=", bounds.start)
      .where("r.submitted_at", "<", bounds.end)
      .orderBy("r.submitted_at")
      .execute(),
  ]);

  // JP: the /belajar rule over the same rows.
  const jp: JpSummary = { year, earned: sumJp(enrolments, bounds), target: JP_TARGET };

  // Modules: one row per module — completed within the year (counted), else running in it.
  const certByEnrolment = new Map(certificates.map((c) => [c.enrolment_id, c]));
  const certByModule = new Map<string, (typeof certificates)[number]>();
  for (const c of certificates) if (!certByModule.has(c.module_id) || !c.revoked_at) certByModule.set(c.module_id, c);
  const chosen = new Map<string, RecordModule>();
  const yearEnd = Date.parse(bounds.end);
  for (const e of enrolments) {
    const completedInYear = inBounds(e.completed_at, bounds);
    const completedLater = !!e.completed_at && Date.parse(e.completed_at) >= yearEnd;
    const running =
      !completedInYear && e.module_status !== "draft" && Date.parse(e.enrolled_at) < yearEnd && e.ends_on >= firstDay &&
      ((e.status === "active" && !e.completed_at) || completedLater);
    if (!completedInYear && !running) continue;
    const prev = chosen.get(e.module_id);
    if (prev && (prev.status === "completed" || !completedInYear)) {
      if (prev.status === "completed" && completedInYear) prev.jpCounted = Math.max(prev.jpCounted, e.jp);
      continue;
    }
    const cert = certByEnrolment.get(e.id) ?? certByModule.get(e.module_id);
    chosen.set(e.module_id, {
      moduleId: e.module_id, title: e.title, organiser: e.organiser, jp: e.jp, enrolledAt: e.enrolled_at,
      status: completedInYear ? "completed" : "inProgress",
      completedAt: completedInYear ? e.completed_at : null,
      jpCounted: completedInYear ? e.jp : 0,
      certificate: cert ? { code: formatCertificateCode(cert.code), completedOn: cert.completed_on, revoked: !!cert.revoked_at } : null,
    });
  }
  const modules = [...chosen.values()].sort((a, b) => {
    if (a.status !== b.status) return a.status === "completed" ? -1 : 1;
    const ka = a.completedAt ?? a.enrolledAt;
    const kb = b.completedAt ?? b.enrolledAt;
    return ka < kb ? -1 : ka > kb ? 1 : a.title.localeCompare(b.title, "id");
  });

  const certificateList: RecordCertificate[] = certificates.map((c) => ({
    id: c.id, moduleId: c.module_id, moduleTitle: c.module_title, jp: c.jp, code: formatCertificateCode(c.code),
    completedOn: c.completed_on, revoked: !!c.revoked_at,
  }));

  // Meetings: one's own check-in; where nobody checked in (a paper daftar hadir), the agency's attendance.
  const meetings: RecordMeeting[] = [];
  const seen = new Set<string>();
  for (const m of meetingRows) {
    if (seen.has(m.meeting_id)) continue;
    const agencyAttendance = (["present", "represented", "excused", "absent"] as const).find((s) => s === m.attendance) ?? null;
    const checkedIn = !!m.checked_in_at;
    const byAgency = !checkedIn && !Number(m.any_check_in) && (agencyAttendance === "present" || agencyAttendance === "represented");
    if (!checkedIn && !byAgency) continue;
    seen.add(m.meeting_id);
    meetings.push({
      meetingId: m.meeting_id, title: m.title, startsAt: m.starts_at, timeZone: m.time_zone, mode: m.mode,
      via: checkedIn ? "checkIn" : "agencyAttendance", checkedInAt: m.checked_in_at, agencyAttendance,
    });
  }

  // Assignments of the modules the person takes part in, due (by their own deadline) within the year.
  const moduleIds = [...new Set(enrolments.filter((e) => e.module_status !== "draft" && (e.status === "active" || e.completed_at)).map((e) => e.module_id))];
  const assignmentRows = moduleIds.length
    ? await db
      .selectFrom("assignment as a")
      .innerJoin("module as m", "m.id", "a.module_id")
      .leftJoin("submission as s", (j) => j.onRef("s.assignment_id", "=", "a.id").on("s.user_id", "=", officerId))
      .leftJoin("assignment_extension as x", (j) => j.onRef("x.assignment_id", "=", "a.id").on("x.user_id", "=", officerId))
      .leftJoin("final_grade as fg", "fg.submission_id", "s.id")
      .select([
        "a.id", "a.module_id", "a.title", "a.opens_at", "a.due_at", "a.late_until", "m.title as module_title",
        "s.status", "s.version_count", "s.submitted_at", "s.late", "s.score", "x.due_at as x_due_at", "x.late_until as x_late_until",
        "fg.score as final_score",
      ])
      .where("a.module_id", "in", moduleIds)
      .execute()
    : [];
  const t = now.getTime();
  const assignments: RecordAssignment[] = [];
  for (const a of assignmentRows) {
    const d = effectiveDeadline(
      { opensAt: a.opens_at, dueAt: a.due_at, lateUntil: a.late_until },
      a.x_due_at && a.x_late_until ? { dueAt: a.x_due_at, lateUntil: a.x_late_until } : null,
    );
    if (!inBounds(d.dueAt, bounds)) continue;
    const handedIn = (a.version_count ?? 0) > 0;
    const status: AssignmentStatus = handedIn
      ? a.late === 1 ? "late" : "onTime"
      : t <= Date.parse(d.dueAt) ? "notDue" : t <= Date.parse(d.lateUntil) ? "overdue" : "missing";
    const finalScore = a.final_score != null ? a.final_score : a.status === "graded" && a.score != null ? a.score : null;
    assignments.push({
      assignmentId: a.id, moduleId: a.module_id, title: a.title, moduleTitle: a.module_title, dueAt: d.dueAt, lateUntil: d.lateUntil,
      extended: !!a.x_due_at, status, submittedAt: handedIn ? a.submitted_at : null, returned: handedIn && a.status === "returned", finalScore,
    });
  }
  assignments.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.title.localeCompare(b.title, "id")));

  const reviews: RecordReview[] = reviewRows.map((r) => ({
    reviewId: r.id, assignmentId: r.assignment_id, assignmentTitle: r.title, moduleTitle: r.module_title,
    submittedAt: r.submitted_at ?? "", helpfulness: r.helpfulness,
  }));

  const count = (s: AssignmentStatus) => assignments.filter((a) => a.status === s).length;
  return {
    officer,
    year,
    bounds,
    jp,
    modules,
    certificates: certificateList,
    meetings,
    assignments,
    reviews,
    summary: {
      modulesCompleted: modules.filter((m) => m.status === "completed").length,
      modulesInProgress: modules.filter((m) => m.status === "inProgress").length,
      certificates: certificateList.filter((c) => !c.revoked).length,
      meetingsAttended: meetings.length,
      assignments: { total: assignments.length, onTime: count("onTime"), late: count("late"), overdue: count("overdue"), missing: count("missing"), notDue: count("notDue") },
      reviewsGiven: reviews.length,
    },
  };
}

/** The current calendar year in a zone (the default year of a record). */
export const currentYearIn = (now: Date, tz: string) => yearIn(now, tz);
