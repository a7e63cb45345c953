// Invitations: the way people join. A coordinator invites agency admins and network roles; an
// agency admin invites officers. The token is sent once by e-mail and only its SHA-256 is stored;
// it is single-use and expires after 7 days.
import type { DB } from "#db/connection";
import { createId, hashToken, nowIso, randomToken } from "~/.server/crypto.server";
import { hashPassword } from "~/.server/password.server";
import type { NetworkRole } from "./session.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
  email: string;
  name?: string | null;
  agencyId?: string | null;
  agencyRole?: "admin" | "member" | null;
  networkRole?: NetworkRole | null;
  invitedBy: string;
}

/** Creates an invitation and returns the raw token (for the e-mail link). Revokes earlier open
 *  invitations to the same address for the same agency, so only the newest link works. */
export async function createInvitation(db: DB, input: InvitationInput, clock: () => Date = () => new Date()) {
  const token = randomToken(24);
  const id = createId();
  const now = clock();
  const email = input.email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    let q = trx.updateTable("invitation").set({ revoked_at: now.toISOString() })
      .where("email", "=", email).where("accepted_at", "is", null).where("revoked_at", "is", null);
    q = input.agencyId ? q.where("agency_id", "=", input.agencyId) : q.where("agency_id", "is", null);
    await q.execute();
    await trx
      .insertInto("invitation")
      .values({
        id,
        token_hash: hashToken(token),
        email,
        name: input.name ?? null,
        agency_id: input.agencyId ?? null,
        agency_role: input.agencyRole ?? (input.agencyId ? "member" : null),
        network_role: input.networkRole ?? null,
        invited_by: input.invitedBy,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      })
      .execute();
  });
  return { id, token };
}

export type InvitationState = "open" | "expired" | "used" | "revoked" | "unknown";

export async function findInvitation(db: DB, token: string, clock: () => Date = () => new Date()) {
  if (!token || token.length > 128) return { state: "unknown" as const, invitation: null };
  const row = await db
    .selectFrom("invitation")
    .leftJoin("agency", "agency.id", "invitation.agency_id")
    .leftJoin("user as inviter", "inviter.id", "invitation.invited_by")
    .select([
      "invitation.id", "invitation.email", "invitation.name", "invitation.agency_id", "invitation.agency_role",
      "invitation.network_role", "invitation.expires_at", "invitation.accepted_at", "invitation.revoked_at",
      "agency.name as agency_name", "agency.active as agency_active", "agency.time_zone as agency_time_zone",
      "inviter.name as inviter_name",
    ])
    .where("invitation.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" as const, invitation: null };
  const state: InvitationState = row.accepted_at
    ? "used"
    : row.revoked_at || row.agency_active === 0
      ? "revoked"
      : Date.parse(row.expires_at) <= clock().getTime()
        ? "expired"
        : "open";
  return { state, invitation: row };
}

export type AcceptResult =
  | { ok: true; userId: string }
  | { ok: false; error: "invitation.expired" | "invitation.used" | "invitation.revoked" | "invitation.unknown" | "invitation.emailTaken" };

/** Accepts an open invitation: creates the person (active) with the invited agency role and network
 *  role. Single use: a second acceptance of the same token fails and changes nothing. */
export async function acceptInvitation(
  db: DB,
  token: string,
  input: { name: string; password: string; timeZone?: string },
  clock: () => Date = () => new Date(),
): Promise<AcceptResult> {
  const { state, invitation } = await findInvitation(db, token, clock);
  if (state !== "open" || !invitation) return { ok: false, error: `invitation.${state === "open" ? "unknown" : state}` };
  const passwordHash = await hashPassword(input.password);
  const userId = createId();
  const now = nowIso(clock);
  const network = await db.selectFrom("network").select("time_zone").executeTakeFirst();
  return db.transaction().execute(async (trx): Promise<AcceptResult> => {
    // Checked inside the transaction, so a sign-up racing this acceptance cannot end in a 500.
    const taken = await trx.selectFrom("user").select("id").where("email", "=", invitation.email).executeTakeFirst();
    if (taken) return { ok: false, error: "invitation.emailTaken" };
    // Claim the token first: if two tabs race, only one update finds it still unaccepted.
    const claimed = await trx
      .updateTable("invitation")
      .set({ accepted_at: now, accepted_user_id: null })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, error: "invitation.used" };
    await trx
      .insertInto("user")
      .values({
        id: userId,
        email: invitation.email,
        name: input.name,
        password_hash: passwordHash,
        agency_id: invitation.agency_id,
        agency_role: invitation.agency_id ? (invitation.agency_role ?? "member") : null,
        status: "active",
        time_zone: input.timeZone ?? invitation.agency_time_zone ?? network?.time_zone ?? "Asia/Jakarta",
        locale: "id",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.updateTable("invitation").set({ accepted_user_id: userId }).where("id", "=", invitation.id).execute();
    if (invitation.network_role) {
      await trx.insertInto("network_role").values({ user_id: userId, role: invitation.network_role, granted_by: null, granted_at: now }).execute();
    }
    return { ok: true, userId };
  });
}

export async function revokeInvitation(db: DB, id: string, scope: { agencyId: string | null }) {
  let q = db.updateTable("invitation").set({ revoked_at: nowIso() }).where("id", "=", id).where("accepted_at", "is", null).where("revoked_at", "is", null);
  q = scope.agencyId ? q.where("agency_id", "=", scope.agencyId) : q;
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Open (not accepted, not revoked) invitations of one agency, newest first. */
export async function listOpenInvitations(db: DB, agencyId: string) {
  return db
    .selectFrom("invitation")
    .select(["id", "email", "name", "agency_role", "created_at", "expires_at"])
    .where("agency_id", "=", agencyId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
}
