// A person's own account security: changing the password and the list of their signed-in devices.
// Every function acts for one person (userId) and never touches anyone else's sessions.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { hashPassword, verifyPassword } from "~/.server/password.server";
import { endUserSession, invalidateUserSessions, listUserSessions } from "./session.server";

export type ChangePasswordResult = { ok: true } | { ok: false; error: "account.password.wrongCurrent" };

/** Checks the current password, stores the new one and ends every OTHER session of the person. */
export async function changePassword(
  db: DB,
  userId: string,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<ChangePasswordResult> {
  const user = await db.selectFrom("user").select("password_hash").where("id", "=", userId).executeTakeFirst();
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    return { ok: false, error: "account.password.wrongCurrent" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("user").set({ password_hash: passwordHash, updated_at: nowIso() }).where("id", "=", userId).execute();
    await invalidateUserSessions(trx, userId, input.keepSessionId);
  });
  return { ok: true };
}

export interface Device {
  browser: string | null;
  os: string | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
const BROWSERS: [RegExp, string][] = [
  [/Edg(A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/UCBrowser\//, "UC Browser"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/** A readable device from a User-Agent header: browser and operating system, each null if unknown. */
export function describeUserAgent(ua: string | null | undefined): Device {
  if (!ua) return { browser: null, os: null };
  return {
    browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null,
    os: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null,
  };
}

/** The person's sessions, most recently active first, the current one marked. */
export async function listAccountSessions(db: DB, userId: string, currentSessionId: string | null) {
  const rows = await listUserSessions(db, userId);
  const sessions = rows.map((r) => ({
    id: r.id,
    device: describeUserAgent(r.user_agent),
    ip: r.ip,
    createdAt: r.created_at,
    lastActiveAt: r.last_verified_at,
    current: r.id === currentSessionId,
  }));
  // The device in the person's hand first, then the others by last activity.
  return [...sessions.filter((x) => x.current), ...sessions.filter((x) => !x.current)];
}

/** Ends one of the person's OTHER sessions. False when the id is not theirs, is gone, or is the
 *  current one (that is what "Keluar" is for). */
export async function endOtherSession(db: DB, userId: string, sessionId: string, currentSessionId: string): Promise<boolean> {
  if (!sessionId || sessionId === currentSessionId) return false;
  return endUserSession(db, userId, sessionId);
}

export async function endOtherSessions(db: DB, userId: string, currentSessionId: string): Promise<void> {
  await invalidateUserSessions(db, userId, currentSessionId);
}
