import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting } from "#seeds/meeting-factories";
import { testDb } from "#tests/helpers/db";
import { quarterPeriod } from "~/lib/period";
import { invitationRows, officerRows } from "./participation-export.server";
import { agencyScorecard, clearReportCache, networkReport, sharedOfficerPasses } from "./participation.server";

const now = new Date("2026-05-10T03:00:00Z");
const q1 = quarterPeriod(2026, 1);

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe("the report's streamed export tables", () => {
  let db: DB;
  let wib: string;
  let wita: string;
  let wit: string;
  let rina: string;

  beforeEach(async () => {
    db = await testDb();
    wib = await makeAgency(db, { name: "Dinas Kesehatan", timeZone: "Asia/Jakarta" });
    wita = await makeAgency(db, { name: "Diskominfo Pelabuhan Baru", timeZone: "Asia/Makassar" });
    wit = await makeAgency(db, { name: "Diskominfo Teluk Timur", timeZone: "Asia/Jayapura" });
    const gone = await makeAgency(db, { name: "Dinas Lama", active: false });
    const invite = async (startsAt: string, status = "held", attendance: string | null = "present") => {
      const meetingId = await makeMeeting(db, { startsAt, status });
      for (const agencyId of [wib, wita, wit, gone]) {
        await makeInvitation(db, { meetingId, agencyId, rsvp: "attending" });
        await db.updateTable("meeting_invitation").set({ attendance }).where("meeting_id", "=", meetingId).where("agency_id", "=", agencyId).execute();
      }
    };
    await invite("2026-01-13T02:00:00Z");
    await invite("2026-02-03T03:00:00Z");
    await invite("2026-02-03T03:00:00Z", "closed", "absent"); // same start: the keyset breaks the tie
    await invite("2026-03-31T15:30:00Z"); // 23.30 WITA on 31 March; already 1 April 00.30 in WIT
    await invite("2026-03-20T02:00:00Z", "draft", null);
    await invite("2026-03-21T02:00:00Z", "cancelled", null);
    await invite("2026-04-14T02:00:00Z");

    rina = await makePerson(db, { name: "Rina", agencyId: wib });
    await makePerson(db, { name: "Agus", agencyId: wib });
    await makePerson(db, { name: "Lama", agencyId: wib, status: "deactivated" }); // nothing in the period: not listed
    await makePerson(db, { name: "Nurhayati", agencyId: wita });
    await makePerson(db, { name: "Yohanes", agencyId: wit });
  });

  it("pages through every invitation the attendance figures count, once each, by meeting then agency", async () => {
    const report = await networkReport(db, q1, {}, now);
    const whole = await all(invitationRows(db, q1, {}));
    const paged = await all(invitationRows(db, q1, {}, 2));
    expect(paged).toEqual(whole);
    expect(whole).toHaveLength(report.totals.meetings.invited);
    expect(new Set(whole.map((r) => r.invitationId)).size).toBe(whole.length);
    // 4 meetings in Q1 for WIB and WITA agencies, 3 for WIT (its 31 March meeting is on 1 April)
    const count = (agencyId: string) => whole.filter((r) => r.agencyId === agencyId).length;
    expect([count(wib), count(wita), count(wit)]).toEqual([4, 4, 3]);
    expect(whole.some((r) => r.agencyName === "Dinas Lama")).toBe(false);
    const first = whole.slice(0, 3).map((r) => r.agencyName);
    expect(first).toEqual(["Dinas Kesehatan", "Diskominfo Pelabuhan Baru", "Diskominfo Teluk Timur"]);
    expect(whole.filter((r) => r.attendance === "absent")).toHaveLength(3);
  });

  it("applies the report's filters", async () => {
    const rows = await all(invitationRows(db, q1, { zone: "Asia/Makassar" }, 3));
    expect(rows.map((r) => r.agencyId)).toEqual([wita, wita, wita, wita]);
    expect(rows.map((r) => r.startsAt).at(-1)).toBe("2026-03-31T15:30:00Z");
  });

  it("lists each agency's officers as its scorecard does, agency by agency", async () => {
    const rows = await all(officerRows(db, q1, {}, now, 1));
    expect(rows.map((r) => [r.agencyName, r.officer.name])).toEqual([
      ["Dinas Kesehatan", "Agus"],
      ["Dinas Kesehatan", "Rina"],
      ["Diskominfo Pelabuhan Baru", "Nurhayati"],
      ["Diskominfo Teluk Timur", "Yohanes"],
    ]);
    const card = await agencyScorecard(db, wib, q1, now);
    expect(rows.filter((r) => r.agencyId === wib).map((r) => r.officer)).toEqual(card!.officers);
  });
  it("gives the officer sheet after the report the same figures from the report's own passes, and fresh ones after a write", async () => {
    // One module of 4 JP with work due 27 February: Rina hands it in on time and completes the module.
    const t = "2026-01-05T00:00:00.000Z";
    await db.insertInto("module").values({
      id: "m1", title: "Menulis Siaran Pers", jp: 4, output_category: "pengembangan_profesi", status: "published", organiser: "Sekretariat", created_at: t, updated_at: t,
    }).execute();
    await db.insertInto("assignment").values({
      id: "a1", module_id: "m1", position: 1, kind: "release", title: "Siaran pers", opens_at: t, due_at: "2026-02-27T16:59:00.000Z",
      late_until: "2026-03-06T16:59:00.000Z", time_zone: "Asia/Jakarta", created_at: t, updated_at: t,
    }).execute();
    await db.insertInto("cohort").values({ id: "c1", module_id: "m1", name: "Angkatan 1", starts_on: "2026-01-05", ends_on: "2026-03-31", time_zone: "Asia/Jakarta", created_at: t }).execute();
    await db.insertInto("enrolment").values({
      id: "e1", cohort_id: "c1", module_id: "m1", user_id: rina, agency_id: wib, source: "coordinator", status: "active", enrolled_at: t, completed_at: "2026-03-10T03:00:00.000Z",
    }).execute();
    await db.insertInto("submission").values({
      id: "s1", assignment_id: "a1", module_id: "m1", user_id: rina, agency_id: wib, status: "submitted",
      first_submitted_at: "2026-02-20T03:00:00.000Z", submitted_at: "2026-02-20T03:00:00.000Z", created_at: t, updated_at: t,
    }).execute();
    const rinaRow = async () => (await all(officerRows(db, q1, {}, now))).find((r) => r.officer.userId === rina)!.officer;

    clearReportCache(db);
    const computedHere = await rinaRow(); // no report yet: the sheet runs the passes itself
    expect(computedHere).toMatchObject({ enrolled: true, modulesCompleted: 1, jpEarned: 4, submissions: { due: 1, onTime: 1, late: 0, missing: 0 } });

    await networkReport(db, q1, {}, now);
    expect(sharedOfficerPasses(db, q1, {}, now)).toBeDefined();
    expect(await rinaRow()).toEqual(computedHere);

    // Handed in late instead: the report's kept passes are stale and not used.
    await db.updateTable("submission").set({ first_submitted_at: "2026-03-02T03:00:00.000Z" }).where("id", "=", "s1").execute();
    expect(sharedOfficerPasses(db, q1, {}, now)).toBeUndefined();
    expect((await rinaRow()).submissions).toMatchObject({ onTime: 0, late: 1 });
  });
});

describe("absent twice in a row, with meetings that start at the same instant", () => {
  it("reads such meetings in the order of their id, whatever the plan", async () => {
    const db = await testDb();
    const first = await makeAgency(db, { name: "Dinas A" });
    const second = await makeAgency(db, { name: "Dinas B" });
    const [early, x, y] = [
      await makeMeeting(db, { startsAt: "2026-01-13T02:00:00Z", status: "held" }),
      await makeMeeting(db, { startsAt: "2026-02-03T03:00:00Z", status: "held" }),
      await makeMeeting(db, { startsAt: "2026-02-03T03:00:00Z", status: "closed" }),
    ];
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const attended: [string, string, string][] = [
      [first, early, "absent"], [first, lo, "absent"], [first, hi, "present"], // absent, absent, present
      [second, early, "absent"], [second, lo, "present"], [second, hi, "absent"], // absent, present, absent
    ];
    for (const [agencyId, meetingId, attendance] of attended) {
      await makeInvitation(db, { meetingId, agencyId, rsvp: "attending" });
      await db.updateTable("meeting_invitation").set({ attendance }).where("meeting_id", "=", meetingId).where("agency_id", "=", agencyId).execute();
    }
    const report = await networkReport(db, q1, {}, now);
    const flag = (id: string) => report.agencies.find((a) => a.agencyId === id)!.meetings.absentTwiceInARow;
    expect([flag(first), flag(second)]).toEqual([true, false]);
    expect((await agencyScorecard(db, first, q1, now))!.figures.meetings.absentTwiceInARow).toBe(true);
    expect((await agencyScorecard(db, second, q1, now))!.figures.meetings.absentTwiceInARow).toBe(false);
  });
});
