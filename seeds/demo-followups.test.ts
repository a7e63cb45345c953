// The demo's minutes and follow-ups load on top of the demo meetings, inside the seeding
// transaction, and show what the demo promises: approved minutes, an overdue and a done action,
// and a series whose next meeting opens with the previous meeting's open action.
import { describe, expect, it } from "vitest";
import { fakeClock, testDb } from "#tests/helpers/db";
import { seedDemo } from "./demo";
import { seedDemoMinutesAndFollowUps } from "./demo-followups";
import { listFollowUps, openFollowUpsForMeeting } from "~/models/follow-up.server";

describe("seedDemoMinutesAndFollowUps", () => {
  it("adds approved minutes, RTL actions (one overdue, one done) and a series with carry-over", async () => {
    const db = await testDb();
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      await seedDemo(trx);
      // Idempotent with respect to the demo seed calling it already or not.
      const done = await trx.selectFrom("meeting_minutes").select("meeting_id").execute();
      if (done.length === 0) await seedDemoMinutesAndFollowUps(trx, now);
    });
    const crisis = await db.selectFrom("meeting").select("id").where("kind", "=", "rakor_krisis").executeTakeFirstOrThrow();
    const minutes = await db.selectFrom("meeting_minutes").select(["status", "approved_by"]).where("meeting_id", "=", crisis.id).executeTakeFirstOrThrow();
    expect(minutes.status).toBe("approved");
    const clock = fakeClock(now);
    const overdue = await listFollowUps(db, { status: "terlambat" }, clock);
    expect(overdue.rows.some((r) => r.text.startsWith("Dinkes menerbitkan rilis capaian imunisasi"))).toBe(true);
    expect((await listFollowUps(db, { status: "selesai" }, clock)).total).toBeGreaterThanOrEqual(1);
    const next = await db
      .selectFrom("meeting")
      .select("id")
      .where("kind", "=", "rapat_redaksi")
      .where("series_id", "is not", null)
      .where("starts_at", ">", now.toISOString())
      .orderBy("starts_at")
      .executeTakeFirstOrThrow();
    const carried = await openFollowUpsForMeeting(db, next.id, clock);
    expect(carried.map((c) => c.owner_short_name)).toContain("Disdikbud");
    // No occurrence date twice in the series.
    const dates = await db.selectFrom("meeting").select("occurrence_date").where("series_id", "is not", null).execute();
    expect(new Set(dates.map((d) => d.occurrence_date)).size).toBe(dates.length);
    await db.destroy();
  });
});
