// The home page's figures: what the network holds (for those who read everything) and what waits
// for an agency admin. Read-only counts; the lists behind them live in their own models.
import type { DB } from "#db/connection";

export async function networkOverview(db: DB, now: Date = new Date()) {
  const [agencies, people, invitations] = await Promise.all([
    db.selectFrom("agency").select((eb) => eb.fn.countAll<number>().as("n")).where("active", "=", 1).executeTakeFirstOrThrow(),
    db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "active").executeTakeFirstOrThrow(),
    db
      .selectFrom("invitation")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now.toISOString())
      .executeTakeFirstOrThrow(),
  ]);
  return { activeAgencies: Number(agencies.n), activePeople: Number(people.n), openInvitations: Number(invitations.n) };
}

/** What an agency admin should act on: pending join requests and open invitations of the agency. */
export async function agencyInbox(db: DB, agencyId: string, now: Date = new Date()) {
  const [joinRequests, invitations] = await Promise.all([
    db
      .selectFrom("join_request")
      .innerJoin("user", "user.id", "join_request.user_id")
      .select(["join_request.id", "join_request.created_at", "user.name", "user.email"])
      .where("join_request.agency_id", "=", agencyId)
      .where("join_request.status", "=", "pending")
      .orderBy("join_request.created_at", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("invitation")
      .select(["id", "email", "name", "agency_role", "expires_at"])
      .where("agency_id", "=", agencyId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now.toISOString())
      .orderBy("created_at", "desc")
      .limit(50)
      .execute(),
  ]);
  return { joinRequests, invitations };
}
