// The guard every meeting route starts with: the meeting exists and the viewer may see it (drafts
// only for coordinator/pimpinan; otherwise only when the viewer's agency is invited). A meeting the
// viewer may not see answers 404, so its existence does not leak.
import type { SessionUser } from "~/models/session.server";
import { getMeeting, meetingAccess } from "~/models/meeting.server";
import { db } from "./db.server";
import { absoluteUrl } from "./mailer.server";
import { can, notFound, requirePermission } from "./permissions.server";

export async function requireMeeting(user: SessionUser, id: string | undefined, opts: { manage?: boolean } = {}) {
  if (!id) notFound();
  const meeting = await getMeeting(db, id);
  if (!meeting) notFound();
  const access = await meetingAccess(db, id, { id: user.id, agencyId: user.agencyId });
  if (!can(user, "meeting.view", { meetingStatus: meeting.status, invited: access.invited })) notFound();
  if (opts.manage) requirePermission(user, "meeting.manage");
  return { meeting, access, manage: can(user, "meeting.manage") };
}

/** The origin for links in e-mails sent while handling this request. */
export const baseUrlOf = (request: Request): string => absoluteUrl(request, "/");

/** requireMeeting(…, { manage: true }) for pages that use only the meeting: a coordinator sees every
 *  meeting, so their visit skips looking up their own agency's invitation and representation. */
export async function requireManagedMeeting(user: SessionUser, id: string | undefined) {
  if (!can(user, "meeting.manage")) return (await requireMeeting(user, id, { manage: true })).meeting;
  if (!id) notFound();
  const meeting = await getMeeting(db, id);
  if (!meeting) notFound();
  return meeting;
}
