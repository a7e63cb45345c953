// The one flash mechanism: a short-lived cookie holding a catalogue key, set on a redirect and
// read (and cleared) by the root loader, which shows it once as a status message.
import { redirect } from "@remix-run/node";
import { cookieSecure } from "./env.server";

const NAME = "sinergi_flash";
export interface Flash { tone: "success" | "danger" | "brand"; key: string; params?: Record<string, string | number> }

export function flashCookie(flash: Flash): string {
  const value = encodeURIComponent(JSON.stringify(flash));
  return `${NAME}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60${cookieSecure() ? "; Secure" : ""}`;
}

export function readFlash(request: Request): { flash: Flash | null; clear: string | null } {
  const header = request.headers.get("Cookie") ?? "";
  const match = header.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${NAME}=`));
  if (!match) return { flash: null, clear: null };
  const clear = `${NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${cookieSecure() ? "; Secure" : ""}`;
  try {
    const parsed = JSON.parse(decodeURIComponent(match.slice(NAME.length + 1)));
    if (parsed && typeof parsed.key === "string") return { flash: parsed as Flash, clear };
  } catch {
    /* a mangled cookie is simply dropped */
  }
  return { flash: null, clear };
}

export function redirectWithFlash(to: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", flashCookie(flash));
  return redirect(to, { headers });
}
