// A person's own data (UU PDP 27/2022): reading and correcting their profile, exporting everything
// Sinergi holds about them, and removing their account. Every function acts for one person
// (`userId`) only. The NIP leaves this module masked except inside the person's own JSON export.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { verifyPassword } from "~/.server/password.server";
import { maskNip } from "~/i18n/format";
import type { MessageKey } from "~/i18n";
import { isValidNip, normaliseNip, type ProfileInput } from "~/lib/profile";
import { audit } from "./audit.server";
import { invalidateUserSessions } from "./session.server";

/** The profile as the edit page may show it: the NIP only masked. */
export async function getOwnProfile(db: DB, userId: string) {
  const row = await db
    .selectFrom("user")
    .leftJoin("agency", "agency.id", "user.agency_id")
    .select([
      "user.id", "user.email", "user.name", "user.position", "user.functional_level", "user.phone",
      "user.nip", "user.time_zone", "user.locale", "user.agency_id", "user.agency_role",
      "agency.name as agency_name",
    ])
    .where("user.id", "=", userId)
    .where("user.status", "=", "active")
    .executeTakeFirst();
  if (!row) return null;
  const { nip, ...rest } = row;
  return { ...rest, nipMasked: maskNip(nip), hasNip: !!nip };
}

export type ProfileResult = { ok: true } | { ok: false; field: "nip"; error: MessageKey };

/** Saves the person's corrections. An empty NIP keeps the stored one; `removeNip` clears it. */
export async function updateProfile(db: DB, userId: string, input: ProfileInput): Promise<ProfileResult> {
  const nip = input.nip?.trim() ? normaliseNip(input.nip) : undefined;
  if (nip !== undefined && !isValidNip(nip)) return { ok: false, field: "nip", error: "profile.nip.invalid" };
  await db
    .updateTable("user")
    .set({
      name: input.name.trim(),
      position: input.position?.trim() || null,
      functional_level: input.functionalLevel?.trim() || null,
      phone: input.phone?.trim() || null,
      ...(nip !== undefined ? { nip } : input.removeNip ? { nip: null } : {}),
      time_zone: input.timeZone,
      locale: input.locale === "en" ? "en" : "id",
      updated_at: nowIso(),
    })
    .where("id", "=", userId)
    .where("status", "=", "active")
    .execute();
  return { ok: true };
}

/** Everything Sinergi holds about the person, as one JSON-ready object. Secrets (password hash,
 *  session and token hashes) are never selected. The export is itself audited. */
export async function exportOwnData(db: DB, userId: string, meta: { ip?: string | null } = {}) {
  await audit(db, { actorId: userId, action: "user.export", targetType: "user", targetId: userId, ip: meta.ip });
  const [profile, roles, sessions, notifications, invitations, auditEntries, joinRequests] = await Promise.all([
    db
      .selectFrom("user")
      .leftJoin("agency", "agency.id", "user.agency_id")
      .select([
        "user.id", "user.email", "user.name", "user.position", "user.functional_level", "user.phone", "user.nip",
        "user.time_zone", "user.locale", "user.status", "user.agency_role", "user.created_at", "user.updated_at",
        "agency.id as agency_id", "agency.name as agency_name", "agency.short_name as agency_short_name",
      ])
      .where("user.id", "=", userId)
      .executeTakeFirstOrThrow(),
    db.selectFrom("network_role").select(["role", "granted_at"]).where("user_id", "=", userId).execute(),
    db
      .selectFrom("session")
      .select(["created_at", "last_verified_at", "user_agent", "ip"])
      .where("user_id", "=", userId)
      .orderBy("last_verified_at", "desc")
      .execute(),
    db
      .selectFrom("notification")
      .select(["kind", "params", "link", "created_at", "read_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("invitation")
      .leftJoin("agency", "agency.id", "invitation.agency_id")
      .select([
        "invitation.email", "invitation.name", "invitation.agency_role", "invitation.network_role",
        "invitation.created_at", "invitation.expires_at", "invitation.accepted_at", "invitation.revoked_at",
        "agency.name as agency_name",
      ])
      .where("invitation.invited_by", "=", userId)
      .orderBy("invitation.created_at", "desc")
      .execute(),
    db
      .selectFrom("audit_log")
      .select(["action", "target_type", "target_id", "agency_id", "detail", "ip", "created_at"])
      .where("actor_id", "=", userId)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("join_request")
      .select(["agency_id", "status", "created_at", "decided_at"])
      .where("user_id", "=", userId)
      .execute(),
  ]);
  const parse = (s: string) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s;
    }
  };
  const { agency_id, agency_name, agency_short_name, ...person } = profile;
  return {
    exportedAt: nowIso(),
    profile: person,
    agency: agency_id ? { id: agency_id, name: agency_name, shortName: agency_short_name, role: profile.agency_role } : null,
    networkRoles: roles,
    sessions,
    notifications: notifications.map((n) => ({ ...n, params: parse(n.params) })),
    invitationsSent: invitations,
    auditEntriesAsActor: auditEntries.map((a) => ({ ...a, detail: parse(a.detail) })),
    joinRequests,
  };
}

export const REMOVED_NAME = "Pengguna terhapus";

export type RemoveResult =
  | { ok: true }
  | { ok: false; field: "password"; error: "profile.remove.wrongPassword" }
  | { ok: false; field: null; error: "profile.remove.onlyCoordinator" | "profile.remove.onlyAdmin" };

/** Why the person may not remove their account yet, or null: the network must keep an active
 *  coordinator, and their agency an active admin — they hand over first. */
export async function removalBlocker(db: DB, userId: string): Promise<"profile.remove.onlyCoordinator" | "profile.remove.onlyAdmin" | null> {
  const user = await db.selectFrom("user").select(["agency_id", "agency_role"]).where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  const coordinators = await db
    .selectFrom("network_role")
    .innerJoin("user", "user.id", "network_role.user_id")
    .select("user.id")
    .where("network_role.role", "=", "koordinator")
    .where("user.status", "=", "active")
    .execute();
  if (coordinators.some((c) => c.id === userId) && coordinators.length <= 1) return "profile.remove.onlyCoordinator";
  if (user.agency_id && user.agency_role === "admin") {
    const admins = await db
      .selectFrom("user")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("agency_id", "=", user.agency_id)
      .where("agency_role", "=", "admin")
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1) return "profile.remove.onlyAdmin";
  }
  return null;
}

/** Removes the account at the person's own request: checks their password, refuses while they are
 *  the only active coordinator or the only active admin of their agency (they hand over first), then
 *  anonymises the row (kept so that history — meetings, reviews, audit — still has someone to point
 *  at), drops their roles, notifications and reset links, and ends every session. */
export async function removeOwnAccount(
  db: DB,
  userId: string,
  input: { password: string; ip?: string | null },
): Promise<RemoveResult> {
  const user = await db
    .selectFrom("user")
    .select(["id", "password_hash", "agency_id", "agency_role", "status"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user?.password_hash || user.status !== "active" || !(await verifyPassword(user.password_hash, input.password))) {
    return { ok: false, field: "password", error: "profile.remove.wrongPassword" };
  }
  const now = nowIso();
  // The check sits inside the transaction so two admins removing themselves at once cannot both pass.
  const blocker = await db.transaction().execute(async (trx) => {
    const reason = await removalBlocker(trx, userId);
    if (reason) return reason;
    await trx
      .updateTable("user")
      .set({
        name: REMOVED_NAME,
        email: `removed-${userId}@invalid`,
        phone: null, nip: null, position: null, functional_level: null,
        password_hash: null,
        agency_role: user.agency_id ? "member" : null,
        status: "removed",
        removed_at: now,
        updated_at: now,
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("network_role").where("user_id", "=", userId).execute();
    await trx.deleteFrom("notification").where("user_id", "=", userId).execute();
    await trx.deleteFrom("password_reset").where("user_id", "=", userId).execute();
    await invalidateUserSessions(trx, userId);
    return null;
  });
  if (blocker) return { ok: false, field: null, error: blocker };
  await audit(db, { actorId: userId, action: "user.remove", targetType: "user", targetId: userId, agencyId: user.agency_id, ip: input.ip });
  return { ok: true };
}
