import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { createMeeting, publishMeeting } from "./meeting.server";
import { answerRsvp, CHECKIN_ALPHABET, getAgencyInvitation, inviteAgencies, newCheckinCode, nudgeUnanswered, rsvpBoard, rsvpCounts } from "./rsvp.server";

let db: DB;
let coord: string, dinkes: string, pupr: string, bpbd: string, inactive: string;
let adminDinkes: string, rina: string, agus: string, adminPupr: string, lestari: string, adminBpbd: string;

beforeAll(async () => {
  db = await testDb();
  dinkes = await makeAgency(db, { shortName: "Dinkes" });
  pupr = await makeAgency(db, { shortName: "PUPR" });
  bpbd = await makeAgency(db, { shortName: "BPBD" });
  inactive = await makeAgency(db, { shortName: "Lama", active: false });
  coord = await makePerson(db, { roles: ["koordinator"] });
  adminDinkes = await makePerson(db, { agencyId: dinkes, agencyRole: "admin" });
  rina = await makePerson(db, { agencyId: dinkes, name: "Rina Lestari" });
  agus = await makePerson(db, { agencyId: dinkes, name: "Agus Setiawan" });
  adminPupr = await makePerson(db, { agencyId: pupr, agencyRole: "admin" });
  lestari = await makePerson(db, { agencyId: pupr });
  adminBpbd = await makePerson(db, { agencyId: bpbd, agencyRole: "admin" });
});
afterAll(() => db.destroy());

async function publishedMeeting(clock: ReturnType<typeof fakeClock>) {
  const id = await createMeeting(
    db,
    { title: "Rakor", kind: "rakor", mode: "luring", venue: "Aula", startsAt: "2026-03-18T02:00:00.000Z", endsAt: "2026-03-18T05:00:00.000Z", timeZone: "Asia/Jakarta", reminderLeadMinutes: 1440 },
    [],
    { actorId: coord, clock },
  );
  expect(await inviteAgencies(db, id, "all", { actorId: coord, clock })).toEqual({ ok: true, invited: 3 });
  await publishMeeting(db, id, { actorId: coord, clock });
  return id;
}

describe("agency RSVP", () => {
  it("invites only active agencies, once", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await publishedMeeting(clock);
    const board = await rsvpBoard(db, id);
    expect(board.rows.map((r) => r.short_name).sort()).toEqual(["BPBD", "Dinkes", "PUPR"]);
    expect(board.rows.some((r) => r.agency_id === inactive)).toBe(false);
    expect(await inviteAgencies(db, id, "all", { actorId: coord, clock })).toEqual({ ok: true, invited: 0 });
    // invited later to a published meeting: the new agency's admin is told
    const late = await makeAgency(db, { shortName: "Baru" });
    const lateAdmin = await makePerson(db, { agencyId: late, agencyRole: "admin" });
    expect(await inviteAgencies(db, id, [late], { actorId: coord, clock })).toEqual({ ok: true, invited: 1 });
    expect(await db.selectFrom("notification").select("id").where("user_id", "=", lateAdmin).where("kind", "=", "meeting.invited").execute()).toHaveLength(1);
    await db.updateTable("agency").set({ active: 0 }).where("id", "=", late).execute(); // keep the other tests at three agencies
  });

  it("an admin names representatives, may change the answer until the start, and is refused after it", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await publishedMeeting(clock);
    const ctx = { actorId: adminDinkes, clock };
    expect(await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "attending", officerIds: [rina] }, ctx)).toEqual({ ok: true, newRepresentatives: 1 });
    let inv = await getAgencyInvitation(db, id, dinkes);
    expect(inv?.rsvp).toBe("attending");
    const rinaCode = inv!.representatives[0].checkin_code;
    expect(rinaCode).toMatch(new RegExp(`^[${CHECKIN_ALPHABET}]{6}$`));
    expect(await db.selectFrom("notification").select("id").where("user_id", "=", rina).where("kind", "=", "meeting.representative").execute()).toHaveLength(1);

    // change: add Agus and a substitute; Rina keeps her code and is not told again
    clock.set("2026-03-17T00:00:00Z");
    expect(await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "attending", officerIds: [rina, agus], substituteName: "dr. Hendra", substitutePosition: "Kabid P2P" }, ctx)).toEqual({ ok: true, newRepresentatives: 1 });
    inv = await getAgencyInvitation(db, id, dinkes);
    expect(inv!.representatives).toHaveLength(3);
    expect(inv!.representatives.find((r) => r.user_id === rina)?.checkin_code).toBe(rinaCode);
    expect(await db.selectFrom("notification").select("id").where("user_id", "=", rina).where("kind", "=", "meeting.representative").execute()).toHaveLength(1);

    // change to not attending: representatives and their reminders go
    expect(await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "declined", reason: "Bertepatan dengan BIAS" }, ctx)).toEqual({ ok: true, newRepresentatives: 0 });
    inv = await getAgencyInvitation(db, id, dinkes);
    expect(inv).toMatchObject({ rsvp: "declined", decline_reason: "Bertepatan dengan BIAS" });
    expect(inv!.representatives).toHaveLength(0);
    const live = await db.selectFrom("scheduled_reminder").select("id").where("ref_id", "=", id).where("cancelled_at", "is", null).where("sent_at", "is", null).execute();
    expect(live).toHaveLength(0);

    // after the start: refused, nothing changes
    clock.set("2026-03-18T02:00:00Z");
    expect(await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "attending", officerIds: [rina] }, ctx)).toEqual({ ok: false, error: "rsvp.afterStart" });
    inv = await getAgencyInvitation(db, id, dinkes);
    expect(inv?.rsvp).toBe("declined");
    expect(inv!.representatives).toHaveLength(0);
  });

  it("refuses a representative from another agency", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await publishedMeeting(clock);
    expect(await answerRsvp(db, { meetingId: id, agencyId: dinkes, answer: "attending", officerIds: [lestari] }, { actorId: adminDinkes, clock })).toEqual({ ok: false, error: "rsvp.unknownOfficer" });
    expect((await getAgencyInvitation(db, id, dinkes))?.rsvp).toBe("pending");
  });

  it("nudges only the agencies that have not answered, and records when", async () => {
    const clock = fakeClock("2026-03-01T00:00:00Z");
    const id = await publishedMeeting(clock);
    await answerRsvp(db, { meetingId: id, agencyId: pupr, answer: "attending", officerIds: [lestari] }, { actorId: adminPupr, clock });
    await answerRsvp(db, { meetingId: id, agencyId: bpbd, answer: "declined", reason: "Siaga banjir" }, { actorId: adminBpbd, clock });
    const before = await db.selectFrom("notification").select(["user_id"]).where("kind", "=", "meeting.nudge").execute();
    clock.set("2026-03-10T00:00:00Z");
    expect(await nudgeUnanswered(db, id, { actorId: coord, clock })).toEqual({ ok: true, agencies: 1, people: 1 });
    const after = await db.selectFrom("notification").select(["user_id"]).where("kind", "=", "meeting.nudge").execute();
    expect(after.slice(before.length).map((n) => n.user_id)).toEqual([adminDinkes]);
    const mails = await db.selectFrom("email_outbox").select("subject").where("subject", "like", "%Mohon jawab undangan%").execute();
    expect(mails.length).toBeGreaterThan(0);
    const board = await rsvpBoard(db, id);
    const dinkesRow = board.rows.find((r) => r.agency_id === dinkes)!;
    expect(dinkesRow).toMatchObject({ nudged_at: "2026-03-10T00:00:00.000Z", nudge_count: 1 });
    expect(board.rows.find((r) => r.agency_id === pupr)?.nudged_at).toBeNull();
    expect(board.rows.find((r) => r.agency_id === pupr)?.representatives).toEqual([{ name: expect.any(String), position: null, substitute: false }]);
    expect(await rsvpCounts(db, id)).toEqual({ invited: 3, attending: 1, declined: 1, pending: 1 });
    await nudgeUnanswered(db, id, { actorId: coord, clock });
    expect((await rsvpBoard(db, id, { filter: "pending" })).rows).toEqual([expect.objectContaining({ agency_id: dinkes, nudge_count: 2 })]);
  });

  it("check-in codes avoid look-alike characters and are unique", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = await newCheckinCode(db);
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      expect(code).not.toMatch(/[01OIL]/);
      seen.add(code);
    }
    expect(seen.size).toBe(200);
  });
});

describe("the RSVP board of a big meeting", () => {
  it("pages every answer in short-name order the same way, whether or not the counts are known", async () => {
    const big = await testDb();
    try {
      const meetingId = await makeMeeting(big);
      const person = await makePerson(big, { name: "Wakil Satu" });
      // 170 agencies, 160 invited: 110 attending (more than 100: the walk in name order), 30 pending, 20 declined (sorted).
      for (let i = 0; i < 170; i++) {
        const agencyId = await makeAgency(big, { shortName: `K-${String((i * 37) % 170).padStart(3, "0")}` });
        if (i >= 160) continue;
        const rsvp = i < 110 ? "attending" : i < 140 ? "pending" : "declined";
        await makeInvitation(big, { meetingId, agencyId, rsvp, declineReason: rsvp === "declined" ? "Bertepatan dengan acara lain" : null });
        if (i % 5 === 0) await makeRepresentative(big, { meetingId, agencyId, userId: person });
        if (i % 10 === 0) await makeRepresentative(big, { meetingId, agencyId, substituteName: `Pengganti ${i}`, substitutePosition: "Staf" });
      }
      const counts = await rsvpCounts(big, meetingId);
      expect(counts).toEqual({ invited: 160, attending: 110, declined: 20, pending: 30 });
      for (const filter of ["all", "attending", "pending", "declined"] as const) {
        const seen: string[] = [];
        for (let page = 1; page <= 9; page++) {
          const known = await rsvpBoard(big, meetingId, { filter, page, pageSize: 20, counts });
          const built = await rsvpBoard(big, meetingId, { filter, page, pageSize: 20 });
          expect(known).toEqual(built);
          if (filter !== "all") expect(known.rows.every((r) => r.rsvp === filter)).toBe(true);
          seen.push(...known.rows.map((r) => r.short_name));
        }
        expect(seen).toEqual([...seen].sort());
        expect(seen).toHaveLength(filter === "all" ? 160 : counts[filter]);
      }
      const first = await rsvpBoard(big, meetingId, { page: 1, pageSize: 20, counts });
      const withBoth = first.rows.find((r) => r.representatives.length === 2)!;
      expect(withBoth.representatives).toHaveLength(2);
      expect(withBoth.representatives).toEqual(expect.arrayContaining([
        { name: "Wakil Satu", position: null, substitute: false },
        { name: expect.stringMatching(/^Pengganti /), position: "Staf", substitute: true },
      ]));
    } finally {
      await big.destroy();
    }
  });
});
