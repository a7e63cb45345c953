import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import {
  cancelReminders,
  registerReminderHandler,
  runDueReminders,
  scheduleReminder,
  startScheduler,
  unregisterReminderHandler,
} from "./scheduler.server";

const KIND = "test.ping";
const HOUR = 3600_000;
let db: DB;
let userId: string;
let delivered: string[] = [];

beforeAll(async () => {
  db = await testDb();
  userId = await makePerson(db, { email: "jadwal@sinergi.test" });
  registerReminderHandler(KIND, async (_db, r) => {
    delivered.push(r.dedupe_key);
  });
});
afterAll(async () => {
  unregisterReminderHandler(KIND);
  await db.destroy();
});
beforeEach(async () => {
  delivered = [];
  await db.deleteFrom("scheduled_reminder").execute();
});

describe("persisted reminders", () => {
  it("sends a reminder once when it falls due, not before", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    await scheduleReminder(db, { kind: KIND, refId: "m1", userId, sendAt: "2026-03-01T05:00:00Z", dedupeKey: "k1" }, clock);
    clock.advance(4 * HOUR);
    expect((await runDueReminders(db, clock)).sent).toBe(0);
    clock.advance(HOUR);
    expect((await runDueReminders(db, clock)).sent).toBe(1);
    expect(delivered).toEqual(["k1"]);
    clock.advance(HOUR);
    await runDueReminders(db, clock);
    expect(delivered).toEqual(["k1"]);
  });

  it("a reschedule moves the unsent reminder instead of adding a second one", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    await scheduleReminder(db, { kind: KIND, refId: "m1", userId, sendAt: "2026-03-01T05:00:00Z", dedupeKey: "k1" }, clock);
    await scheduleReminder(db, { kind: KIND, refId: "m1", userId, sendAt: "2026-03-02T05:00:00Z", dedupeKey: "k1" }, clock);
    const rows = await db.selectFrom("scheduled_reminder").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].send_at).toBe("2026-03-02T05:00:00.000Z");
    clock.set("2026-03-01T06:00:00Z");
    await runDueReminders(db, clock);
    expect(delivered).toEqual([]);
    clock.set("2026-03-02T05:00:00Z");
    await runDueReminders(db, clock);
    expect(delivered).toEqual(["k1"]);
    // scheduling a key that was already sent never sends it again
    await scheduleReminder(db, { kind: KIND, refId: "m1", userId, sendAt: "2026-03-02T06:00:00Z", dedupeKey: "k1" }, clock);
    clock.set("2026-03-03T00:00:00Z");
    await runDueReminders(db, clock);
    expect(delivered).toEqual(["k1"]);
  });

  it("a cancellation stops the reminder; scheduling again revives it", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    await scheduleReminder(db, { kind: KIND, refId: "m2", userId, sendAt: "2026-03-01T01:00:00Z", dedupeKey: "a" }, clock);
    await scheduleReminder(db, { kind: KIND, refId: "m2", userId: null, sendAt: "2026-03-01T01:00:00Z", dedupeKey: "b" }, clock);
    await scheduleReminder(db, { kind: KIND, refId: "other", userId, sendAt: "2026-03-01T01:00:00Z", dedupeKey: "c" }, clock);
    expect(await cancelReminders(db, { kind: KIND, refId: "m2" }, clock)).toBe(2);
    clock.advance(2 * HOUR);
    await runDueReminders(db, clock);
    expect(delivered).toEqual(["c"]);
    await scheduleReminder(db, { kind: KIND, refId: "m2", userId, sendAt: "2026-03-01T03:00:00Z", dedupeKey: "a" }, clock);
    clock.advance(2 * HOUR);
    await runDueReminders(db, clock);
    expect(delivered).toEqual(["c", "a"]);
  });

  it("is restart-safe: a new runner sends what is due, and concurrent runners never send twice", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    for (let i = 0; i < 30; i++) {
      await scheduleReminder(db, { kind: KIND, refId: "m3", userId, sendAt: "2026-03-01T00:30:00Z", dedupeKey: `r${i}` }, clock);
    }
    // "the server was down" while these fell due; a freshly started scheduler picks them up
    clock.set("2026-03-01T02:00:00Z");
    const a = startScheduler(db, { clock, intervalMs: 60_000 });
    const b = startScheduler(db, { clock, intervalMs: 60_000 });
    await Promise.all([a.tick(), b.tick(), runDueReminders(db, clock)]);
    // let the immediate ticks started by startScheduler finish too
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all([a.tick(), b.tick()]);
    a.stop();
    b.stop();
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered).size).toBe(30);
    const unsent = await db.selectFrom("scheduled_reminder").select("id").where("sent_at", "is", null).execute();
    expect(unsent).toHaveLength(0);
  });

  it("leaves kinds without a handler for a runner that knows them", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    await scheduleReminder(db, { kind: "unknown.kind", refId: "x", userId, sendAt: "2026-03-01T00:00:00Z", dedupeKey: "u" }, clock);
    clock.advance(HOUR);
    await runDueReminders(db, clock);
    const row = await db.selectFrom("scheduled_reminder").selectAll().where("dedupe_key", "=", "u").executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
  });
});
