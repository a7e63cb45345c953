// Account flows through the real production server: forgotten password, the reset link, the
// security page (password change, sessions) and accepting an invitation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";
import { createInvitation, revokeInvitation } from "~/models/invitation.server";
import { createPasswordReset } from "~/models/password-reset.server";

let s: TestServer;
let sdb: DB;
beforeAll(async () => {
  s = await startServer();
  sdb = createDb(`file:${s.dbFile}`);
});
afterAll(async () => {
  await sdb?.destroy();
  await s?.stop();
});

const form = (v: Record<string, string>) => new URLSearchParams(v);
const mailsTo = (to: string) => sdb.selectFrom("email_outbox").selectAll().where("to_address", "=", to).orderBy("created_at").execute();
const resetTokenIn = (text: string) => /\/atur-ulang-sandi\/([a-z0-9]+)/.exec(text)?.[1] ?? null;

/** The cookies a response sets, as one Cookie header a browser would send back. */
function cookiesFrom(r: Response): string {
  return r.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("=")).join("; ");
}

async function loginAs(email: string, userAgent: string, password = "sinergi-demo") {
  const r = await s.request("/login", { method: "POST", headers: { "User-Agent": userAgent }, body: form({ email, password }) });
  expect(r.status).toBe(302);
  return cookiesFrom(r);
}
const sessionIdOf = (cookie: string) => /sinergi_session=([^.;]+)\./.exec(cookie)![1];
const isSignedIn = async (cookie: string) => (await s.request("/", { cookie })).status === 200;

const CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

describe("forgot password", () => {
  it("gives the same neutral answer for any address but e-mails a link only to a real account", async () => {
    const known = await s.request("/lupa-sandi", { method: "POST", body: form({ email: "rina@sinergi.test" }) });
    const unknown = await s.request("/lupa-sandi", { method: "POST", body: form({ email: "tidak.ada@sinergi.test" }) });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    for (const html of [await known.text(), await unknown.text()]) {
      expect(html).toContain("Jika e-mail terdaftar, kami telah mengirim tautan");
      expect(html).not.toContain('name="email"');
    }
    const mails = await mailsTo("rina@sinergi.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("Atur ulang kata sandi");
    expect(mails[0].text_body).toContain(`${s.baseUrl}/atur-ulang-sandi/`);
    expect(await mailsTo("tidak.ada@sinergi.test")).toHaveLength(0);
  });

  it("an invalid address gets a field message and keeps what was typed", async () => {
    const r = await s.request("/lupa-sandi", { method: "POST", body: form({ email: "bukan-email" }) });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Alamat e-mail tidak valid.");
    expect(html).toContain('value="bukan-email"');
  });

  it("is rate-limited per address, with the message on the form and the e-mail kept", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = await s.request("/lupa-sandi", { method: "POST", body: form({ email: "fajar@sinergi.test" }) });
    expect(last!.status).toBe(429);
    const html = await last!.text();
    expect(html).toContain("Terlalu banyak percobaan");
    expect(html).toContain('value="fajar@sinergi.test"');
    expect(await mailsTo("fajar@sinergi.test")).toHaveLength(5);
  });
});

describe("reset link", () => {
  it("sets a new password end to end, ends every session, and cannot be used twice", async () => {
    const oldSession = await s.login("agus.dinkes@sinergi.test");
    await s.request("/lupa-sandi", { method: "POST", body: form({ email: "agus.dinkes@sinergi.test" }) });
    const [mail] = await mailsTo("agus.dinkes@sinergi.test");
    const token = resetTokenIn(mail.text_body)!;
    expect(token).toMatch(/^[a-z0-9]{20,}$/);
    const path = `/atur-ulang-sandi/${token}`;

    const page = await s.request(path);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("Buat kata sandi baru");
    expect(pageHtml).toContain("agus.dinkes@sinergi.test");
    expect(pageHtml).toContain('name="password"');

    const mismatch = await s.request(path, { method: "POST", body: form({ password: "sandi-baru-agus-1", passwordConfirm: "sandi-lain-agus" }) });
    expect(mismatch.status).toBe(400);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain("Kedua kata sandi tidak sama.");
    expect(mismatchHtml).not.toContain("sandi-baru-agus-1");
    const short = await s.request(path, { method: "POST", body: form({ password: "pendek", passwordConfirm: "pendek" }) });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Kata sandi minimal 10 karakter.");
    expect(await isSignedIn(oldSession)).toBe(true);

    const done = await s.request(path, { method: "POST", body: form({ password: "sandi-baru-agus-1", passwordConfirm: "sandi-baru-agus-1" }) });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");
    const login = await s.request("/login", { cookie: cookiesFrom(done) });
    expect(await login.text()).toContain("Kata sandi baru sudah disimpan");
    expect(await isSignedIn(oldSession)).toBe(false);
    await expect(s.login("agus.dinkes@sinergi.test")).rejects.toThrow();
    expect(await isSignedIn(await s.login("agus.dinkes@sinergi.test", "sandi-baru-agus-1"))).toBe(true);

    const reused = await s.request(path);
    const reusedHtml = await reused.text();
    expect(reusedHtml).toContain("sudah dipakai");
    expect(reusedHtml).not.toContain('name="password"');
    expect(reusedHtml).toContain('href="/lupa-sandi"');
    const again = await s.request(path, { method: "POST", body: form({ password: "sandi-ketiga-agus", passwordConfirm: "sandi-ketiga-agus" }) });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("sudah dipakai");
    await expect(s.login("agus.dinkes@sinergi.test", "sandi-ketiga-agus")).rejects.toThrow();
    expect(await isSignedIn(await s.login("agus.dinkes@sinergi.test", "sandi-baru-agus-1"))).toBe(true);
  });

  it("an expired link and an unknown link say so and show no form", async () => {
    const anHourAndMoreAgo = () => new Date(Date.now() - 61 * 60 * 1000);
    const { token } = (await createPasswordReset(sdb, "lestari.pupr@sinergi.test", anHourAndMoreAgo))!;
    const expired = await s.request(`/atur-ulang-sandi/${token}`);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain("sudah kedaluwarsa");
    expect(expiredHtml).not.toContain('name="password"');
    const post = await s.request(`/atur-ulang-sandi/${token}`, { method: "POST", body: form({ password: "sandi-baru-lestari", passwordConfirm: "sandi-baru-lestari" }) });
    expect(post.status).toBe(400);
    await expect(s.login("lestari.pupr@sinergi.test", "sandi-baru-lestari")).rejects.toThrow();

    const unknown = await s.request("/atur-ulang-sandi/bukantokenyangbenar");
    expect(unknown.status).toBe(404);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain("tidak dikenal");
    expect(unknownHtml).not.toContain('name="password"');
  });
});

describe("security page", () => {
  it("asks anonymous visitors to sign in first", async () => {
    const r = await s.request("/profil/keamanan");
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/login?redirectTo=%2Fprofil%2Fkeamanan");
  });

  it("a wrong current password answers 400 with the message, changes nothing and echoes no password", async () => {
    const here = await loginAs("wulan.bpbd@sinergi.test", FIREFOX_WINDOWS);
    const elsewhere = await loginAs("wulan.bpbd@sinergi.test", CHROME_ANDROID);
    const r = await s.request("/profil/keamanan", {
      method: "POST",
      cookie: here,
      body: form({ intent: "change-password", currentPassword: "tebakan-salah", newPassword: "sandi-baru-wulan", newPasswordConfirm: "sandi-baru-wulan" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Kata sandi saat ini salah.");
    expect(html).not.toContain("tebakan-salah");
    expect(html).not.toContain("sandi-baru-wulan");
    expect(await isSignedIn(elsewhere)).toBe(true);
    await expect(s.login("wulan.bpbd@sinergi.test", "sandi-baru-wulan")).rejects.toThrow();

    const mismatch = await s.request("/profil/keamanan", {
      method: "POST",
      cookie: here,
      body: form({ intent: "change-password", currentPassword: "sinergi-demo", newPassword: "sandi-baru-wulan", newPasswordConfirm: "sandi-beda-wulan" }),
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("Kedua kata sandi tidak sama.");
  });

  it("the right current password changes it and signs out every other device, not this one", async () => {
    const here = await loginAs("sari.rsud@sinergi.test", FIREFOX_WINDOWS);
    const elsewhere = await loginAs("sari.rsud@sinergi.test", CHROME_ANDROID);
    const r = await s.request("/profil/keamanan", {
      method: "POST",
      cookie: here,
      body: form({ intent: "change-password", currentPassword: "sinergi-demo", newPassword: "sandi-baru-sari", newPasswordConfirm: "sandi-baru-sari" }),
    });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/profil/keamanan");
    const page = await s.request("/profil/keamanan", { cookie: `${here}; ${cookiesFrom(r)}` });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kata sandi sudah diubah");
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(await s.login("sari.rsud@sinergi.test", "sandi-baru-sari"))).toBe(true);
  });

  it("lists the sessions readably and ends another one", async () => {
    const here = await loginAs("rizky.prokopim@sinergi.test", FIREFOX_WINDOWS);
    const phone = await loginAs("rizky.prokopim@sinergi.test", CHROME_ANDROID);
    const page = await s.request("/profil/keamanan", { cookie: here });
    const html = await page.text();
    expect(html).toContain("Sesi ini");
    expect(html).toContain("Firefox di Windows");
    expect(html).toContain("Chrome di Android");
    expect(html).toContain("Keluar dari semua perangkat lain");
    expect(html).toMatch(/\d{2}\.\d{2} WIB/);
    // Only the other session has an end button.
    expect([...html.matchAll(/name="sessionId" value="([^"]+)"/g)].map((m) => m[1])).toEqual([sessionIdOf(phone)]);

    const r = await s.request("/profil/keamanan", { method: "POST", cookie: here, body: form({ intent: "end-session", sessionId: sessionIdOf(phone) }) });
    expect(r.status).toBe(302);
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(here)).toBe(true);
    const after = await (await s.request("/profil/keamanan", { cookie: here })).text();
    expect(after).not.toContain("Chrome di Android");
    expect(after).toContain("Hanya perangkat ini yang sedang masuk.");
  });

  it("ending someone else's session id changes nothing and says so", async () => {
    const mine = await loginAs("budi.disdik@sinergi.test", FIREFOX_WINDOWS);
    const theirs = await loginAs("nur.pelabuhan@sinergi.test", CHROME_ANDROID);
    const r = await s.request("/profil/keamanan", { method: "POST", cookie: mine, body: form({ intent: "end-session", sessionId: sessionIdOf(theirs) }) });
    expect(r.status).toBe(404);
    expect(await r.text()).toContain("Sesi itu tidak ditemukan atau sudah berakhir.");
    expect(await isSignedIn(theirs)).toBe(true);
    // Nor can the current session be "ended" through this button.
    const own = await s.request("/profil/keamanan", { method: "POST", cookie: mine, body: form({ intent: "end-session", sessionId: sessionIdOf(mine) }) });
    expect(own.status).toBe(404);
    expect(await isSignedIn(mine)).toBe(true);
  });

  it("signs out of all other devices at once", async () => {
    const here = await loginAs("yohanes@sinergi.test", FIREFOX_WINDOWS);
    const a = await loginAs("yohanes@sinergi.test", CHROME_ANDROID);
    const b = await loginAs("yohanes@sinergi.test", CHROME_ANDROID);
    const other = await loginAs("andi@sinergi.test", CHROME_ANDROID);
    const r = await s.request("/profil/keamanan", { method: "POST", cookie: here, body: form({ intent: "end-others" }) });
    expect(r.status).toBe(302);
    const page = await s.request("/profil/keamanan", { cookie: `${here}; ${cookiesFrom(r)}` });
    const html = await page.text();
    expect(html).toContain("Anda sudah keluar dari semua perangkat lain.");
    // Yohanes works in WIT: times are shown in his zone.
    expect(html).toMatch(/\d{2}\.\d{2} WIT/);
    expect(await isSignedIn(a)).toBe(false);
    expect(await isSignedIn(b)).toBe(false);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(other)).toBe(true);
  });
});

describe("accepting an invitation", () => {
  async function invite(email: string, extra: { name?: string; clock?: () => Date } = {}) {
    const dinkes = await sdb.selectFrom("agency").select("id").where("short_name", "=", "Dinkes").executeTakeFirstOrThrow();
    const inviter = await sdb.selectFrom("user").select("id").where("email", "=", "admin.dinkes@sinergi.test").executeTakeFirstOrThrow();
    return createInvitation(sdb, { email, name: extra.name ?? null, agencyId: dinkes.id, agencyRole: "member", invitedBy: inviter.id }, extra.clock);
  }
  const usersWith = (email: string) => sdb.selectFrom("user").select(["id", "name"]).where("email", "=", email).execute();

  it("shows the invitation, creates the account, signs in with a welcome, and refuses the link a second time", async () => {
    const { id, token } = await invite("putri.dinkes@sinergi.test", { name: "Putri Ayu" });
    const path = `/undangan/${token}`;
    const page = await s.request(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Dewi Kartika, S.Sos.");
    expect(html).toContain("Dinas Kesehatan Kabupaten Sukamaju");
    expect(html).toContain("Peserta");
    expect(html).toContain("putri.dinkes@sinergi.test");
    expect(html).toContain('value="Putri Ayu"');
    expect(html).toMatch(/<option value="Asia\/Jakarta" selected="">/);

    const mismatch = await s.request(path, { method: "POST", body: form({ intent: "accept", name: "Putri Ayu Lestari", password: "sandi-putri-123", passwordConfirm: "sandi-putri-999", timeZone: "Asia/Jakarta" }) });
    expect(mismatch.status).toBe(400);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain("Kedua kata sandi tidak sama.");
    expect(mismatchHtml).toContain('value="Putri Ayu Lestari"');
    expect(mismatchHtml).not.toContain("sandi-putri-123");
    expect(await usersWith("putri.dinkes@sinergi.test")).toHaveLength(0);

    const ok = await s.request(path, { method: "POST", body: form({ intent: "accept", name: "Putri Ayu Lestari", password: "sandi-putri-123", passwordConfirm: "sandi-putri-123", timeZone: "Asia/Makassar" }) });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/");
    const home = await s.request("/", { cookie: cookiesFrom(ok) });
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    expect(homeHtml).toContain("Selamat datang di Sinergi, Putri Ayu Lestari!");
    const [user] = await usersWith("putri.dinkes@sinergi.test");
    expect(user.name).toBe("Putri Ayu Lestari");
    const zone = await sdb.selectFrom("user").select("time_zone").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(zone.time_zone).toBe("Asia/Makassar");
    const log = await sdb.selectFrom("audit_log").selectAll().where("action", "=", "invitation.accept").where("target_id", "=", id).execute();
    expect(log).toHaveLength(1);
    expect(log[0].actor_id).toBe(user.id);

    const reused = await (await s.request(path)).text();
    expect(reused).toContain("sudah pernah dipakai");
    expect(reused).not.toContain('name="password"');
    expect(reused).not.toContain("putri.dinkes@sinergi.test");
    const again = await s.request(path, { method: "POST", body: form({ intent: "accept", name: "Penyusup", password: "sandi-penyusup-1", passwordConfirm: "sandi-penyusup-1" }) });
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.text()).toContain("sudah pernah dipakai");
    expect(await usersWith("putri.dinkes@sinergi.test")).toEqual([user]);
  });

  it("someone signed in as another person must sign out first; nothing is created behind their back", async () => {
    const { token } = await invite("joko.dinkes@sinergi.test");
    const path = `/undangan/${token}`;
    const rina = await s.login("rina@sinergi.test");
    const html = await (await s.request(path, { cookie: rina })).text();
    expect(html).toContain("Anda sedang masuk sebagai Rina Lestari, S.I.Kom.");
    expect(html).not.toContain('name="password"');

    const post = await s.request(path, { method: "POST", cookie: rina, body: form({ intent: "accept", name: "Joko", password: "sandi-joko-123", passwordConfirm: "sandi-joko-123" }) });
    expect(post.status).toBe(409);
    expect(await usersWith("joko.dinkes@sinergi.test")).toHaveLength(0);
    expect(await isSignedIn(rina)).toBe(true);

    const out = await s.request(path, { method: "POST", cookie: rina, body: form({ intent: "sign-out" }) });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe(path);
    expect(await isSignedIn(rina)).toBe(false);
    expect(await (await s.request(path)).text()).toContain('name="password"');
  });

  it("expired, revoked and unknown invitations show their message and no form", async () => {
    const eightDaysAgo = () => new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const expired = await invite("lama.dinkes@sinergi.test", { clock: eightDaysAgo });
    const revoked = await invite("batal.dinkes@sinergi.test");
    await revokeInvitation(sdb, revoked.id, { agencyId: null });
    const cases: [string, number, string][] = [
      [expired.token, 200, "sudah kedaluwarsa"],
      [revoked.token, 200, "sudah dibatalkan"],
      ["tokenngawur", 404, "tidak dikenal"],
    ];
    for (const [token, status, message] of cases) {
      const r = await s.request(`/undangan/${token}`);
      expect(r.status).toBe(status);
      const html = await r.text();
      expect(html).toContain(message);
      expect(html).not.toContain('name="password"');
    }
    const post = await s.request(`/undangan/${expired.token}`, { method: "POST", body: form({ intent: "accept", name: "Lama", password: "sandi-lama-1234", passwordConfirm: "sandi-lama-1234" }) });
    expect(post.status).toBe(400);
    expect(await usersWith("lama.dinkes@sinergi.test")).toHaveLength(0);
  });

  it("an address that already has an account gets a message, not a second account", async () => {
    const { token } = await invite("fajar@sinergi.test");
    const r = await s.request(`/undangan/${token}`, { method: "POST", body: form({ intent: "accept", name: "Fajar Lagi", password: "sandi-fajar-123", passwordConfirm: "sandi-fajar-123" }) });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Alamat e-mail ini sudah terdaftar.");
    expect(await usersWith("fajar@sinergi.test")).toHaveLength(1);
  });
});
