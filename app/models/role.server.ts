// Network roles (koordinator, pimpinan, fasilitator): who holds them, granting to an existing active
// person, revoking, and inviting a new person with a role. The network must always keep at least
// one active koordinator: the last one cannot lose the role. Every change is audited here.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { sendInvitationMail } from "~/.server/invitation-mail.server";
import { translate } from "~/i18n";
import type { NetworkRoleName } from "~/lib/network";
import { audit } from "./audit.server";
import { createInvitation, revokeInvitation } from "./invitation.server";

export interface Actor {
  id: string;
  ip?: string | null;
}

/** Everyone holding a network role, grouped by role then name. */
export async function listRoleHolders(db: DB) {
  return db
    .selectFrom("network_role")
    .innerJoin("user", "user.id", "network_role.user_id")
    .leftJoin("agency", "agency.id", "user.agency_id")
    .select([
      "network_role.user_id", "network_role.role", "network_role.granted_at",
      "user.name", "user.email", "user.status", "agency.short_name as agency_short_name",
    ])
    .where("user.status", "!=", "removed")
    .orderBy("network_role.role")
    .orderBy("user.name")
    .execute();
}

export async function countActiveCoordinators(db: DB): Promise<number> {
  const r = await db
    .selectFrom("network_role")
    .innerJoin("user", "user.id", "network_role.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("network_role.role", "=", "koordinator")
    .where("user.status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type GrantResult =
  | { ok: true; userId: string; name: string }
  | { ok: false; error: "roles.personNotFound" | "roles.personInactive" | "roles.alreadyHeld" };

/** Gives a network role to an existing, active person found by e-mail. */
export async function grantRole(
  db: DB,
  input: { email: string; role: NetworkRoleName },
  actor: Actor,
  clock: () => Date = () => new Date(),
): Promise<GrantResult> {
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx): Promise<GrantResult> => {
    const person = await trx.selectFrom("user").select(["id", "name", "status"]).where("email", "=", email).executeTakeFirst();
    if (!person || person.status === "removed") return { ok: false, error: "roles.personNotFound" };
    if (person.status !== "active") return { ok: false, error: "roles.personInactive" };
    const held = await trx
      .selectFrom("network_role").select("role")
      .where("user_id", "=", person.id).where("role", "=", input.role)
      .executeTakeFirst();
    if (held) return { ok: false, error: "roles.alreadyHeld" };
    await trx
      .insertInto("network_role")
      .values({ user_id: person.id, role: input.role, granted_by: actor.id, granted_at: nowIso(clock) })
      .execute();
    await audit(trx, {
      actorId: actor.id, ip: actor.ip, action: "role.grant", targetType: "user", targetId: person.id,
      detail: { role: input.role, name: person.name, email },
    });
    return { ok: true, userId: person.id, name: person.name };
  });
}

export type RevokeResult = { ok: true } | { ok: false; error: "roles.notHeld" | "roles.lastCoordinator" };

/** Takes a network role away; refuses to leave the network without an active koordinator. */
export async function revokeRole(db: DB, input: { userId: string; role: NetworkRoleName }, actor: Actor): Promise<RevokeResult> {
  return db.transaction().execute(async (trx): Promise<RevokeResult> => {
    const held = await trx
      .selectFrom("network_role")
      .innerJoin("user", "user.id", "network_role.user_id")
      .select(["user.name", "user.email", "user.status"])
      .where("network_role.user_id", "=", input.userId)
      .where("network_role.role", "=", input.role)
      .executeTakeFirst();
    if (!held) return { ok: false, error: "roles.notHeld" };
    if (input.role === "koordinator" && held.status === "active" && (await countActiveCoordinators(trx)) <= 1) {
      return { ok: false, error: "roles.lastCoordinator" };
    }
    await trx.deleteFrom("network_role").where("user_id", "=", input.userId).where("role", "=", input.role).execute();
    await audit(trx, {
      actorId: actor.id, ip: actor.ip, action: "role.revoke", targetType: "user", targetId: input.userId,
      detail: { role: input.role, name: held.name, email: held.email },
    });
    return { ok: true };
  });
}

export type InviteRoleResult = { ok: true; invitationId: string } | { ok: false; error: "roles.emailTaken" };

/**
 * Invites a person who has no account yet, with a network role (no agency), and e-mails the link
 * `link(token)` in Indonesian. Existing people are granted the role instead, so their address is
 * refused here.
 */
export async function inviteWithRole(
  db: DB,
  input: { email: string; name?: string | null; role: NetworkRoleName },
  actor: Actor,
  link: (token: string) => string,
): Promise<InviteRoleResult> {
  const email = input.email.trim().toLowerCase();
  const taken = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) return { ok: false, error: "roles.emailTaken" };
  const { id, token } = await createInvitation(db, { email, name: input.name || null, networkRole: input.role, invitedBy: actor.id });
  await sendInvitationMail(db, { to: email, link: link(token), inviterId: actor.id, roleLabel: translate("id", `role.${input.role}`) });
  await audit(db, {
    actorId: actor.id, ip: actor.ip, action: "invitation.create", targetType: "invitation", targetId: id,
    detail: { email, name: input.name || null, networkRole: input.role },
  });
  return { ok: true, invitationId: id };
}

/** Open invitations with a network role and no agency (the ones made on the roles page). */
export async function listNetworkInvitations(db: DB, now: Date = new Date()) {
  const rows = await db
    .selectFrom("invitation")
    .select(["id", "email", "name", "network_role", "created_at", "expires_at"])
    .where("agency_id", "is", null)
    .where("network_role", "is not", null)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({ ...r, expired: Date.parse(r.expires_at) <= now.getTime() }));
}

export async function revokeNetworkInvitation(db: DB, invitationId: string, actor: Actor): Promise<boolean> {
  const inv = await db
    .selectFrom("invitation")
    .select(["email", "network_role"])
    .where("id", "=", invitationId)
    .where("agency_id", "is", null)
    .executeTakeFirst();
  if (!inv) return false;
  const done = await revokeInvitation(db, invitationId, { agencyId: null });
  if (done) {
    await audit(db, {
      actorId: actor.id, ip: actor.ip, action: "invitation.revoke", targetType: "invitation", targetId: invitationId,
      detail: { email: inv.email, networkRole: inv.network_role },
    });
  }
  return done;
}
