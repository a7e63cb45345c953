// The one permission module. Every loader and action asks `can()` or calls `requirePermission()`;
// nothing else decides who may see or do what.
//
//   koordinator  runs the network: everything
//   pimpinan     reads everything, approves minutes
//   fasilitator  authors modules, grades, arbitrates reviews
//   agency admin manages its own agency's officers and answers for the agency
//   member       their own data and their agency's shared pages
import type { SessionUser } from "~/models/session.server";

export type Permission =
  | "network.manage" // network profile, agencies, roles, invitations of agency admins
  | "network.readAll" // every agency's data, read-only
  | "audit.read"
  | "outbox.read"
  | "agency.view" // an agency's profile page (the directory is open to all members)
  | "agency.members.view"
  | "agency.members.manage" // invite, approve, deactivate, hand over admin
  | "meeting.manage" // create, edit, publish, cancel meetings; agenda, invitations, RSVP board
  | "meeting.viewAll" // every meeting, drafts included
  | "meeting.view" // one meeting: scope.meetingStatus + scope.invited (the viewer's agency is invited)
  | "meeting.rsvp" // answer for scope.agencyId, which must be invited (scope.invited)
  | "attendance.manage" // check-in screen, meeting code, walk-ins, daftar hadir, CSV
  | "attendance.view" // daftar hadir and CSV, read-only
  | "attendance.self" // check oneself in: scope.invited + scope.meetingStatus
  | "minutes.view" // scope.minutesStatus + scope.invited: drafts only for coordinator and pimpinan
  | "minutes.edit" // write, circulate, resolve comments, reopen, lock
  | "minutes.approve"
  | "minutes.comment" // correction comments: admin of scope.agencyId, invited, while circulated
  | "outcome.manage" // record information, decisions and actions of a meeting
  | "followUp.view" // the register and one action (other agencies may read)
  | "followUp.update" // progress on an action owned by scope.agencyId
  | "series.manage" // recurring series and copies of meetings
  | "training.author" // create modules and library rubrics (fasilitator, koordinator)
  | "module.view" // a module's page: published ones to every member; drafts to its managers and readers of all
  | "module.manage" // edit a module, its lessons, assignments, rubrics, cohorts and enrolments; grade (scope.isFacilitator)
  | "module.learn" // open lessons and submit work: scope.enrolled (managers may preview)
  | "module.selfEnrol" // scope.moduleStatus published + scope.selfEnrol
  | "submission.view" // author (scope.ownerId), the module's fasilitators, the coordinator — never other trainees
  | "submission.grade" // the module's fasilitators and the coordinator
  | "certificate.view" // its holder (scope.ownerId) and readers of all
  | "review.do" // a peer review assigned to the viewer (scope.ownerId = its reviewer), still active
  | "report.network" // participation dashboard of every agency, rankings, network exports
  | "report.agency" // one agency's scorecard (scope.agencyId): readers of all and that agency's admin
  | "report.officer"; // one officer's record and evidence pack: the officer (scope.ownerId), their agency's admin (scope.agencyId), readers of all

export interface Scope {
  agencyId?: string | null;
  /** meetings: the meeting's status, and whether the viewer's (or scope.agencyId's) agency is invited */
  meetingStatus?: string;
  invited?: boolean;
  /** minutes: draft | circulated | approved | locked */
  minutesStatus?: string | null;
  /** training: the viewer facilitates this module / is enrolled in it; the module's status */
  isFacilitator?: boolean;
  enrolled?: boolean;
  moduleStatus?: string;
  selfEnrol?: boolean;
  /** the person a record (submission, certificate, review) belongs to */
  ownerId?: string | null;
  /** peer review: the viewer is an assigned reviewer of this submission (status not expired/removed) */
  isReviewer?: boolean;
}

export const hasRole = (user: SessionUser, role: SessionUser["networkRoles"][number]) =>
  user.networkRoles.includes(role);

export const isCoordinator = (user: SessionUser) => hasRole(user, "koordinator");
export const readsAll = (user: SessionUser) => isCoordinator(user) || hasRole(user, "pimpinan");
const isAgencyAdminOf = (user: SessionUser, agencyId: string | null | undefined) =>
  !!agencyId && user.agencyRole === "admin" && user.agencyId === agencyId;

export function can(user: SessionUser | null, permission: Permission, scope: Scope = {}): boolean {
  if (!user) return false;
  switch (permission) {
    case "network.manage":
    case "audit.read":
    case "outbox.read":
      return isCoordinator(user);
    case "network.readAll":
      return readsAll(user);
    case "agency.view":
      return true;
    case "agency.members.view":
      return readsAll(user) || (!!scope.agencyId && user.agencyId === scope.agencyId);
    case "agency.members.manage":
      return isCoordinator(user) || isAgencyAdminOf(user, scope.agencyId);
    case "meeting.manage":
      return isCoordinator(user);
    case "meeting.viewAll":
      return readsAll(user);
    case "meeting.view":
      return readsAll(user) || (scope.meetingStatus !== "draft" && scope.invited === true);
    case "meeting.rsvp":
      return scope.invited === true && (isCoordinator(user) || isAgencyAdminOf(user, scope.agencyId));
    case "attendance.manage":
    case "minutes.edit":
    case "outcome.manage":
    case "series.manage":
      return isCoordinator(user);
    case "attendance.view":
      return readsAll(user);
    case "attendance.self":
      return scope.invited === true && (scope.meetingStatus === "published" || scope.meetingStatus === "held");
    case "minutes.view":
      if (readsAll(user)) return true;
      return scope.invited === true && !!scope.minutesStatus && scope.minutesStatus !== "draft";
    case "minutes.approve":
      return readsAll(user);
    case "minutes.comment":
      return scope.minutesStatus === "circulated" && scope.invited === true && isAgencyAdminOf(user, scope.agencyId);
    case "followUp.view":
      return true;
    case "followUp.update":
      return isCoordinator(user) || isAgencyAdminOf(user, scope.agencyId);
    case "training.author":
      return isCoordinator(user) || hasRole(user, "fasilitator");
    case "module.view":
      return readsAll(user) || scope.isFacilitator === true || scope.moduleStatus === "published";
    case "module.manage":
    case "submission.grade":
      return isCoordinator(user) || scope.isFacilitator === true;
    case "module.learn":
      return isCoordinator(user) || scope.isFacilitator === true || (scope.enrolled === true && scope.moduleStatus !== "draft");
    case "module.selfEnrol":
      return scope.moduleStatus === "published" && scope.selfEnrol === true;
    case "submission.view":
      return isCoordinator(user) || scope.isFacilitator === true || (!!scope.ownerId && scope.ownerId === user.id) || scope.isReviewer === true;
    case "certificate.view":
      return readsAll(user) || (!!scope.ownerId && scope.ownerId === user.id);
    case "review.do":
      return !!scope.ownerId && scope.ownerId === user.id;
    case "report.network":
      return readsAll(user);
    case "report.agency":
      return readsAll(user) || isAgencyAdminOf(user, scope.agencyId);
    case "report.officer":
      return readsAll(user) || (!!scope.ownerId && scope.ownerId === user.id) || isAgencyAdminOf(user, scope.agencyId);
  }
}

/** Throws a 403 Response the error boundary shows in the user's language. */
export function requirePermission(user: SessionUser, permission: Permission, scope: Scope = {}): void {
  if (!can(user, permission, scope)) {
    throw new Response("forbidden", { status: 403, statusText: "Forbidden" });
  }
}

/** For reads of a record that may belong to another agency: 404, so its existence does not leak. */
export function notFound(): never {
  throw new Response("not found", { status: 404, statusText: "Not Found" });
}
