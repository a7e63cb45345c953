// People: accounts, sign-in checks, profiles. Agency membership and roles live in member.server.ts.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/.server/password.server";

export type UserStatus = "pending" | "active" | "deactivated" | "removed";

export type AuthResult =
  | { ok: true; userId: string }
  | { ok: false; error: "login.invalid" | "login.deactivated" | "login.pending" | "login.rejected" };

export async function authenticate(db: DB, email: string, password: string): Promise<AuthResult> {
  const user = await db
    .selectFrom("user")
    .select(["id", "status", "password_hash"])
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user?.password_hash) {
    await burnPasswordCheck(password);
    return { ok: false, error: "login.invalid" };
  }
  if (!(await verifyPassword(user.password_hash, password))) return { ok: false, error: "login.invalid" };
  if (user.status === "deactivated" || user.status === "removed") return { ok: false, error: "login.deactivated" };
  if (user.status === "pending") {
    // A refused join request leaves the person pending; tell them it was refused, not "still waiting".
    const request = await db.selectFrom("join_request").select("status").where("user_id", "=", user.id)
      .orderBy("created_at", "desc").executeTakeFirst();
    return { ok: false, error: request?.status === "rejected" ? "login.rejected" : "login.pending" };
  }
  return { ok: true, userId: user.id };
}

export interface NewUserInput {
  email: string;
  name: string;
  password?: string;
  /** a precomputed argon2 hash (seeds hash once for many people) */
  passwordHash?: string;
  agencyId?: string | null;
  agencyRole?: "admin" | "member" | null;
  status?: UserStatus;
  timeZone: string;
  locale?: "id" | "en";
  position?: string | null;
  functionalLevel?: string | null;
  phone?: string | null;
  nip?: string | null;
}

export async function createUser(db: DB, input: NewUserInput): Promise<string> {
  const id = createId();
  const now = nowIso();
  await db
    .insertInto("user")
    .values({
      id,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      password_hash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
      agency_id: input.agencyId ?? null,
      agency_role: input.agencyRole ?? (input.agencyId ? "member" : null),
      status: input.status ?? "active",
      time_zone: input.timeZone,
      locale: input.locale ?? "id",
      position: input.position ?? null,
      functional_level: input.functionalLevel ?? null,
      phone: input.phone ?? null,
      nip: input.nip ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  const r = await db.selectFrom("user").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return !!r;
}

export async function getProfile(db: DB, userId: string) {
  return db
    .selectFrom("user")
    .leftJoin("agency", "agency.id", "user.agency_id")
    .select([
      "user.id", "user.email", "user.name", "user.position", "user.functional_level", "user.phone",
      "user.nip", "user.time_zone", "user.locale", "user.agency_id", "user.agency_role", "user.status",
      "user.created_at", "agency.name as agency_name",
    ])
    .where("user.id", "=", userId)
    .executeTakeFirst();
}
