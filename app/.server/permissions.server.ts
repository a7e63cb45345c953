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
  | "agency.members.manage"; // invite, approve, deactivate, hand over admin

export interface Scope {
  agencyId?: string | null;
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
