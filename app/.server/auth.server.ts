// The session object API for routes: they never touch cookies directly.
//   getOptionalUser(request) · requireUser(request) · requireRole(...) · signIn(...) · signOut(request)
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import {
  createSession, invalidateSession, validateSessionToken,
  type SessionUser, type ValidatedSession,
} from "~/models/session.server";
import { db } from "./db.server";
import { cookieSecure, env } from "./env.server";

export const SESSION_COOKIE = "sinergi_session";

const inactivityMs = () => env().SESSION_INACTIVITY_DAYS * 24 * 60 * 60 * 1000;

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sessionCookie(token: string): string {
  const maxAge = Math.floor(inactivityMs() / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${cookieSecure() ? "; Secure" : ""}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${cookieSecure() ? "; Secure" : ""}`;
}

const cache = new WeakMap<Request, Promise<ValidatedSession | null>>();
// Remix hands each loader of one page its own copy of the Request, so the WeakMap alone misses:
// validations of the same token that start in the same turn of the event loop share one result.
// The entry is dropped on the next turn, so a sign-out or deactivation is never served stale.
const sameTurn = new Map<string, Promise<ValidatedSession | null>>();

export function getSession(request: Request): Promise<ValidatedSession | null> {
  let hit = cache.get(request);
  if (!hit) {
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) hit = Promise.resolve(null);
    else {
      hit = sameTurn.get(token);
      if (!hit) {
        hit = validateSessionToken(db, token, inactivityMs());
        sameTurn.set(token, hit);
        setImmediate(() => sameTurn.delete(token));
      }
    }
    cache.set(request, hit);
  }
  return hit;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/** The cookie to send again so the browser's copy lives as long as the server-side session. */
export function currentSessionCookie(request: Request): string | null {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? sessionCookie(token) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getOptionalUser(request)) throw redirect("/");
}

export async function signIn(
  userId: string,
  request: Request,
  context: AppLoadContext,
  redirectTo: string,
): Promise<Response> {
  const { token } = await createSession(db, userId, {
    userAgent: request.headers.get("User-Agent"),
    ip: context.ip ?? null,
  });
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": sessionCookie(token) } });
}

export async function signOut(request: Request, redirectTo = "/login"): Promise<Response> {
  const session = await getSession(request);
  if (session) await invalidateSession(db, session.sessionId);
  return redirect(safeRedirect(redirectTo, "/login"), { headers: { "Set-Cookie": clearSessionCookie() } });
}

/** Only same-site paths: never an open redirect. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
