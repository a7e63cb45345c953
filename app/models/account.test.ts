import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { changePassword, describeUserAgent, endOtherSession, endOtherSessions, listAccountSessions } from "./account.server";
import { createSession, listUserSessions } from "./session.server";
import { authenticate } from "./user.server";

let db: DB;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.destroy());

const UA = {
  chromeAndroid: "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  edgeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
  firefoxLinux: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  samsung: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
};

describe("describeUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(describeUserAgent(UA.chromeAndroid)).toEqual({ browser: "Chrome", os: "Android" });
    expect(describeUserAgent(UA.safariIphone)).toEqual({ browser: "Safari", os: "iOS" });
    expect(describeUserAgent(UA.edgeWindows)).toEqual({ browser: "Edge", os: "Windows" });
    expect(describeUserAgent(UA.firefoxLinux)).toEqual({ browser: "Firefox", os: "Linux" });
    expect(describeUserAgent(UA.samsung)).toEqual({ browser: "Samsung Internet", os: "Android" });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
    expect(describeUserAgent("curl/8.5.0")).toEqual({ browser: null, os: null });
  });
});

describe("changing the password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const userId = await makePerson(db, { email: "ganti1@sinergi.test" });
    const keep = await createSession(db, userId, {});
    await createSession(db, userId, {});
    const r = await changePassword(db, userId, { currentPassword: "salah", newPassword: "kata-sandi-baru-1", keepSessionId: keep.sessionId });
    expect(r).toEqual({ ok: false, error: "account.password.wrongCurrent" });
    expect(await authenticate(db, "ganti1@sinergi.test", "sinergi-demo")).toMatchObject({ ok: true });
    expect(await listUserSessions(db, userId)).toHaveLength(2);
  });

  it("stores the new password and ends every other session, keeping this one", async () => {
    const userId = await makePerson(db, { email: "ganti2@sinergi.test" });
    const keep = await createSession(db, userId, {});
    await createSession(db, userId, {});
    await createSession(db, userId, {});
    const r = await changePassword(db, userId, { currentPassword: "sinergi-demo", newPassword: "kata-sandi-baru-2", keepSessionId: keep.sessionId });
    expect(r).toEqual({ ok: true });
    expect((await listUserSessions(db, userId)).map((s) => s.id)).toEqual([keep.sessionId]);
    expect(await authenticate(db, "ganti2@sinergi.test", "kata-sandi-baru-2")).toMatchObject({ ok: true });
    expect(await authenticate(db, "ganti2@sinergi.test", "sinergi-demo")).toMatchObject({ ok: false });
  });
});

describe("sessions", () => {
  it("lists the current session first with a readable device", async () => {
    const userId = await makePerson(db, {});
    await createSession(db, userId, { userAgent: UA.chromeAndroid, ip: "10.0.0.2" });
    const current = await createSession(db, userId, { userAgent: UA.edgeWindows, ip: "10.0.0.1" });
    const list = await listAccountSessions(db, userId, current.sessionId);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id: current.sessionId, current: true, device: { browser: "Edge", os: "Windows" }, ip: "10.0.0.1" });
    expect(list[1]).toMatchObject({ current: false, device: { browser: "Chrome", os: "Android" } });
  });

  it("ends one other session of the person, never someone else's or the current one", async () => {
    const me = await makePerson(db, {});
    const someone = await makePerson(db, {});
    const current = await createSession(db, me, {});
    const other = await createSession(db, me, {});
    const foreign = await createSession(db, someone, {});
    expect(await endOtherSession(db, me, foreign.sessionId, current.sessionId)).toBe(false);
    expect(await listUserSessions(db, someone)).toHaveLength(1);
    expect(await endOtherSession(db, me, current.sessionId, current.sessionId)).toBe(false);
    expect(await endOtherSession(db, me, "", current.sessionId)).toBe(false);
    expect(await listUserSessions(db, me)).toHaveLength(2);
    expect(await endOtherSession(db, me, other.sessionId, current.sessionId)).toBe(true);
    expect((await listUserSessions(db, me)).map((s) => s.id)).toEqual([current.sessionId]);
    expect(await endOtherSession(db, me, other.sessionId, current.sessionId)).toBe(false);
  });

  it("signs out everywhere else without touching other people", async () => {
    const me = await makePerson(db, {});
    const someone = await makePerson(db, {});
    const current = await createSession(db, me, {});
    await createSession(db, me, {});
    await createSession(db, someone, {});
    await endOtherSessions(db, me, current.sessionId);
    expect((await listUserSessions(db, me)).map((s) => s.id)).toEqual([current.sessionId]);
    expect(await listUserSessions(db, someone)).toHaveLength(1);
  });
});
