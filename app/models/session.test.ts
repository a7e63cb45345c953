import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { createSession, invalidateUserSessions, listUserSessions, validateSessionToken } from "./session.server";

const DAY = 24 * 60 * 60 * 1000;
let db: DB;
let userId: string;

beforeAll(async () => {
  db = await testDb();
  userId = await makePerson(db, { email: "sesi@sinergi.test" });
});
afterAll(() => db.destroy());

describe("sessions (Lucia design)", () => {
  it("stores only a hash of the secret and validates the full token", async () => {
    const { token, sessionId } = await createSession(db, userId, { userAgent: "test" });
    const secret = token.split(".")[1];
    const row = await db.selectFrom("session").selectAll().where("id", "=", sessionId).executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret);
    const v = await validateSessionToken(db, token, 10 * DAY);
    expect(v?.user.email).toBe("sesi@sinergi.test");
  });

  it("refuses a forged secret, a malformed token and an unknown id", async () => {
    const { token } = await createSession(db, userId, {});
    const [id] = token.split(".");
    expect(await validateSessionToken(db, `${id}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`, 10 * DAY)).toBeNull();
    expect(await validateSessionToken(db, "no-dot", 10 * DAY)).toBeNull();
    expect(await validateSessionToken(db, "x.y.z", 10 * DAY)).toBeNull();
    expect(await validateSessionToken(db, `unknown.${token.split(".")[1]}`, 10 * DAY)).toBeNull();
  });

  it("expires after inactivity and refreshes activity at most hourly", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const { token, sessionId } = await createSession(db, userId, {}, clock);
    clock.advance(30 * 60 * 1000);
    expect((await validateSessionToken(db, token, 10 * DAY, clock))?.refreshed).toBe(false);
    clock.advance(2 * 60 * 60 * 1000);
    expect((await validateSessionToken(db, token, 10 * DAY, clock))?.refreshed).toBe(true);
    clock.advance(9 * DAY);
    expect(await validateSessionToken(db, token, 10 * DAY, clock)).not.toBeNull();
    clock.advance(10 * DAY);
    expect(await validateSessionToken(db, token, 10 * DAY, clock)).toBeNull();
    expect(await db.selectFrom("session").select("id").where("id", "=", sessionId).executeTakeFirst()).toBeUndefined();
  });

  it("a deactivated person's session stops working", async () => {
    const other = await makePerson(db, {});
    const { token } = await createSession(db, other, {});
    await db.updateTable("user").set({ status: "deactivated" }).where("id", "=", other).execute();
    expect(await validateSessionToken(db, token, 10 * DAY)).toBeNull();
  });

  it("signs out everywhere else but keeps the current session", async () => {
    const a = await createSession(db, userId, {});
    const b = await createSession(db, userId, {});
    await invalidateUserSessions(db, userId, a.sessionId);
    const left = (await listUserSessions(db, userId)).map((s) => s.id);
    expect(left).toEqual([a.sessionId]);
    expect(await validateSessionToken(db, b.token, 10 * DAY)).toBeNull();
  });
});
