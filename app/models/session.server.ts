// Sessions in the design of Lucia's current guide: the token is `id.secret`, only SHA-256(secret)
// is stored, the secret is compared in constant time, and a session ends after a period of
// inactivity (its last use is refreshed at most once an hour).
import { reusableQuery, type DB } from "#db/connection";
import { createId, hashToken, nowIso, randomToken, tokensEqual } from "~/.server/crypto.server";

export const ACTIVITY_CHECK_MS = 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  agencyId: string | null;
  agencyRole: "admin" | "member" | null;
  networkRoles: NetworkRole[];
  timeZone: string;
  locale: "id" | "en";
}
export type NetworkRole = "koordinator" | "pimpinan" | "fasilitator";

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  /** true when the session's activity was refreshed and the cookie should be re-sent */
  refreshed: boolean;
}

export async function createSession(
  db: DB,
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null },
  clock: () => Date = () => new Date(),
): Promise<{ token: string; sessionId: string }> {
  const id = createId();
  const secret = randomToken(24);
  const now = nowIso(clock);
  await db
    .insertInto("session")
    .values({
      id,
      user_id: userId,
      secret_hash: hashToken(secret),
      created_at: now,
      last_verified_at: now,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    })
    .execute();
  return { token: `${id}.${secret}`, sessionId: id };
}

// Both run on every signed-in request: compiled once (see reusableQuery).
const sessionQuery = reusableQuery((db, id: string) =>
  db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .select([
      "session.id", "session.secret_hash", "session.last_verified_at",
      "user.id as user_id", "user.email", "user.name", "user.agency_id", "user.agency_role",
      "user.status", "user.time_zone", "user.locale",
    ])
    .where("session.id", "=", id),
);
const rolesQuery = reusableQuery((db, userId: string) => db.selectFrom("network_role").select("role").where("user_id", "=", userId));

export async function validateSessionToken(
  db: DB,
  token: string,
  inactivityMs: number,
  clock: () => Date = () => new Date(),
): Promise<ValidatedSession | null> {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64 || parts[1].length > 128) return null;
  const [id, secret] = parts;
  const [row] = await sessionQuery(db, id);
  if (!row) return null;
  if (!tokensEqual(hashToken(secret), row.secret_hash)) return null;
  const now = clock().getTime();
  const last = Date.parse(row.last_verified_at);
  if (row.status !== "active" || now - last >= inactivityMs) {
    await db.deleteFrom("session").where("id", "=", id).execute();
    return null;
  }
  let refreshed = false;
  if (now - last >= ACTIVITY_CHECK_MS) {
    await db.updateTable("session").set({ last_verified_at: nowIso(clock) }).where("id", "=", id).execute();
    refreshed = true;
  }
  const roles = await rolesQuery(db, row.user_id);
  return {
    sessionId: row.id,
    refreshed,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      agencyId: row.agency_id,
      agencyRole: row.agency_role === "admin" || row.agency_role === "member" ? row.agency_role : null,
      networkRoles: roles.map((r) => r.role as NetworkRole),
      timeZone: row.time_zone,
      locale: row.locale === "en" ? "en" : "id",
    },
  };
}

export async function invalidateSession(db: DB, sessionId: string) {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

/** Ends every session of a user, or every one but `exceptSessionId` ("sign out everywhere else"). */
export async function invalidateUserSessions(db: DB, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom("session").where("user_id", "=", userId);
  if (exceptSessionId) q = q.where("id", "!=", exceptSessionId);
  await q.execute();
}

export async function listUserSessions(db: DB, userId: string) {
  return db
    .selectFrom("session")
    .select(["id", "created_at", "last_verified_at", "user_agent", "ip"])
    .where("user_id", "=", userId)
    .orderBy("last_verified_at", "desc")
    .execute();
}

export async function endUserSession(db: DB, userId: string, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom("session").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
