// Sign-in, sign-out and the request guards, through the real production server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.stop());

describe("sign-in", () => {
  it("a wrong password answers 400 in Indonesian and keeps the e-mail typed, never the password", async () => {
    const r = await s.request("/login", { method: "POST", body: new URLSearchParams({ email: "rina@sinergi.test", password: "salah-sekali" }) });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("E-mail atau kata sandi salah.");
    expect(html).toContain('value="rina@sinergi.test"');
    expect(html).not.toContain("salah-sekali");
  });

  it("an empty form gets field messages, not a 500", async () => {
    const r = await s.request("/login", { method: "POST", body: new URLSearchParams({}) });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Wajib diisi.");
  });

  it("the right password starts an HttpOnly SameSite=Lax session; sign-out ends it", async () => {
    const r = await s.request("/login", { method: "POST", body: new URLSearchParams({ email: "rina@sinergi.test", password: "sinergi-demo" }) });
    const setCookie = r.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = await s.login("rina@sinergi.test");
    const home = await s.request("/", { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Rina Lestari");
    const out = await s.request("/logout", { method: "POST", cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await s.request("/", { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toContain("/login");
  });

  it("a forged session cookie is treated as signed out", async () => {
    const r = await s.request("/", { cookie: "sinergi_session=abc.def" });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toContain("/login");
  });
});

describe("request guards", () => {
  it("refuses a cross-site POST (CSRF) with 403 and starts no session", async () => {
    const body = new URLSearchParams({ email: "rina@sinergi.test", password: "sinergi-demo" });
    const r = await s.request("/login", { method: "POST", headers: { Origin: "https://evil.example" }, body });
    expect(r.status).toBe(403);
    expect(r.headers.get("set-cookie")).toBeNull();
    const r2 = await s.request("/login", { method: "POST", headers: { "Sec-Fetch-Site": "cross-site" }, body });
    expect(r2.status).toBe(403);
  });

  it("refuses an oversized body with 413", async () => {
    const r = await s.request("/login", {
      method: "POST",
      body: "x=" + "a".repeat(2 * 1024 * 1024),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(r.status).toBe(413);
  });

  it("sends an enforced CSP with a nonce on every page", async () => {
    const r = await s.request("/login");
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(r.headers.get("content-security-policy-report-only")).toBeNull();
    const nonce = /nonce-([^']+)/.exec(csp)![1];
    expect(await r.text()).toContain(`nonce="${nonce}"`);
  });

  it("/healthz answers 200 when the database answers", async () => {
    expect((await s.request("/healthz")).status).toBe(200);
  });

  it("rate-limits repeated wrong passwords with a message on the form", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await s.request("/login", { method: "POST", body: new URLSearchParams({ email: "fajar@sinergi.test", password: `salah-${i}` }) });
    }
    expect(last!.status).toBe(429);
    const html = await last!.text();
    expect(html).toContain("Terlalu banyak percobaan");
    expect(html).toContain('value="fajar@sinergi.test"');
  });
});
