// Password reset by e-mail link. The raw token exists only in the e-mail; the table keeps its
// SHA-256. A link is valid for one hour and once; asking again invalidates earlier links, and
// setting the new password ends every session of the person (whoever held the old password is out).
import type { DB } from "#db/connection";
import { createId, hashToken, nowIso, randomToken } from "~/.server/crypto.server";
import { sendMail } from "~/.server/mailer.server";
import { hashPassword } from "~/.server/password.server";
import { parseLocale, translate } from "~/i18n";
import { invalidateUserSessions } from "./session.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export type ResetState = "open" | "expired" | "used" | "unknown";

/** Creates a reset token for an ACTIVE account and returns it, or null (unknown, pending,
 *  deactivated). Earlier unused tokens of the person stop working. */
export async function createPasswordReset(db: DB, email: string, clock: () => Date = () => new Date()) {
  const user = await db
    .selectFrom("user")
    .select(["id", "email", "name", "locale", "status"])
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.status !== "active") return null;
  const token = randomToken(24);
  const now = clock();
  await db.transaction().execute(async (trx) => {
    // Superseded links read as expired: the honest thing to tell someone who clicks an old e-mail.
    await trx
      .updateTable("password_reset")
      .set({ expires_at: now.toISOString() })
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now.toISOString())
      .execute();
    await trx
      .insertInto("password_reset")
      .values({
        id: createId(),
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString(),
      })
      .execute();
  });
  return { token, user: { id: user.id, email: user.email, name: user.name, locale: parseLocale(user.locale) } };
}

/** "Forgot password": for an active account, creates a token and e-mails the link in the person's
 *  language. Returns whether a mail went out (the page must not tell the visitor). */
export async function requestPasswordReset(
  db: DB,
  email: string,
  linkFor: (token: string) => string,
  clock: () => Date = () => new Date(),
): Promise<boolean> {
  const created = await createPasswordReset(db, email, clock);
  if (!created) return false;
  const { token, user } = created;
  const params = { name: user.name, link: linkFor(token) };
  await sendMail(db, {
    to: user.email,
    subject: `[Sinergi] ${translate(user.locale, "account.resetMail.subject", params)}`,
    text: translate(user.locale, "account.resetMail.body", params),
  });
  return true;
}

export async function findPasswordReset(db: DB, token: string, clock: () => Date = () => new Date()) {
  if (!token || token.length > 128) return { state: "unknown" as ResetState, reset: null };
  const row = await db
    .selectFrom("password_reset")
    .innerJoin("user", "user.id", "password_reset.user_id")
    .select(["password_reset.id", "password_reset.user_id", "password_reset.expires_at", "password_reset.used_at", "user.email", "user.status"])
    .where("password_reset.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  // A person deactivated since the mail was sent cannot come back through a reset link.
  if (!row || row.status !== "active") return { state: "unknown" as ResetState, reset: null };
  const state: ResetState = row.used_at ? "used" : Date.parse(row.expires_at) <= clock().getTime() ? "expired" : "open";
  return { state, reset: { id: row.id, userId: row.user_id, email: row.email } };
}

export type ResetResult = { ok: true; userId: string } | { ok: false; error: `account.reset.${Exclude<ResetState, "open">}` };

/** Sets the new password (argon2id), uses up the token and ends all the person's sessions. */
export async function resetPassword(
  db: DB,
  token: string,
  newPassword: string,
  clock: () => Date = () => new Date(),
): Promise<ResetResult> {
  const { state, reset } = await findPasswordReset(db, token, clock);
  if (state !== "open" || !reset) return { ok: false, error: `account.reset.${state === "open" ? "unknown" : state}` };
  const passwordHash = await hashPassword(newPassword);
  const now = nowIso(clock);
  return db.transaction().execute(async (trx): Promise<ResetResult> => {
    // Claim the token: of two simultaneous submissions only one finds it unused.
    const claimed = await trx
      .updateTable("password_reset")
      .set({ used_at: now })
      .where("id", "=", reset.id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, error: "account.reset.used" };
    await trx.updateTable("user").set({ password_hash: passwordHash, updated_at: now }).where("id", "=", reset.userId).execute();
    await invalidateUserSessions(trx, reset.userId);
    return { ok: true, userId: reset.userId };
  });
}
