// The guard every training route starts with: the module exists and the viewer may see it (a module
// the viewer may not see answers 404, so its existence does not leak), plus the permission scope.
import type { SessionUser } from "~/models/session.server";
import { getAssignment } from "~/models/assignment.server";
import { moduleAccess, moduleScope } from "~/models/training-access.server";
import { db } from "./db.server";
import { can, notFound, requirePermission, type Permission } from "./permissions.server";

export async function requireModule(user: SessionUser, moduleId: string | undefined, need: Permission = "module.view") {
  if (!moduleId) notFound();
  const access = await moduleAccess(db, moduleId, user.id);
  if (!access) notFound();
  const scope = moduleScope(access);
  if (!can(user, "module.view", scope)) notFound();
  if (need !== "module.view") requirePermission(user, need, scope);
  return {
    ...access,
    scope,
    manage: can(user, "module.manage", scope),
    learn: can(user, "module.learn", scope),
  };
}

/** requireModule() plus one of the module's assignments (404 when it is not this module's). */
export async function requireModuleAssignment(
  user: SessionUser, moduleId: string | undefined, assignmentId: string | undefined, need: Permission = "module.view",
) {
  const m = await requireModule(user, moduleId, need);
  const assignment = assignmentId ? await getAssignment(db, m.module.id, assignmentId) : null;
  if (!assignment) notFound();
  return { ...m, assignment };
}
