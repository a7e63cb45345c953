import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeInvitation, makeMeeting, makeRepresentative } from "#seeds/meeting-factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { checkInByCode } from "./attendance.server";
import {
  addComment, approveMinutes, circulateMinutes, getMinutes, getRevision, listComments, listRevisions, lockMinutes, reopenMinutes,
  saveMinutes,
} from "./minutes.server";

const doc = (t: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: t }] }] });

describe("minutes", () => {
  let db: DB;
  let siti: string;
  let bambang: string;
  let dewi: string;
  let fajar: string;
  let dinkes: string;
  let pupr: string;
  let meeting: string;

  beforeEach(async () => {
    db = await testDb();
    dinkes = await makeAgency(db);
    pupr = await makeAgency(db);
    siti = await makePerson(db, { name: "Dra. Siti Aminah", roles: ["koordinator"] });
    bambang = await makePerson(db, { name: "Drs. Bambang Wicaksono", roles: ["pimpinan"] });
    dewi = await makePerson(db, { name: "Dewi Kartika", agencyId: dinkes, agencyRole: "admin" });
    fajar = await makePerson(db, { name: "Fajar Nugroho", agencyId: pupr, agencyRole: "admin" });
    meeting = await makeMeeting(db, { startsAt: "2026-03-17T02:00:00.000Z", endsAt: "2026-03-17T05:00:00.000Z" });
    await makeInvitation(db, { meetingId: meeting, agencyId: dinkes, rsvp: "attending" });
    await makeInvitation(db, { meetingId: meeting, agencyId: pupr, rsvp: "declined", declineReason: "Dinas luar" });
    const { code } = await makeRepresentative(db, { meetingId: meeting, agencyId: dinkes, userId: dewi, code: "DEWI2345" });
    await checkInByCode(db, { meetingId: meeting, code, actorId: siti }, fakeClock("2026-03-17T02:00:00Z"));
  });

  it("every save is a revision; a stale save is refused with who saved, when, and the latest text", async () => {
    const clock = fakeClock("2026-03-17T05:10:00Z");
    expect(await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 0, contentJson: doc("Draf pertama") }, clock)).toEqual({ ok: true, version: 1 });
    clock.advance(60_000);
    // Pimpinan saves version 2 from version 1.
    expect(await saveMinutes(db, { id: bambang }, { meetingId: meeting, baseVersion: 1, contentJson: doc("Versi pimpinan") }, clock)).toEqual({ ok: true, version: 2 });
    clock.advance(60_000);
    // The coordinator, still on version 1, tries to save: refused, nothing overwritten.
    const stale = await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 1, contentJson: doc("Teks koordinator") }, clock);
    expect(stale).toEqual({
      ok: false,
      error: "minutes.stale",
      latest: { version: 2, savedByName: "Drs. Bambang Wicaksono", savedAt: "2026-03-17T05:11:00.000Z", contentJson: doc("Versi pimpinan") },
    });
    const m = await getMinutes(db, meeting);
    expect(m!.version).toBe(2);
    expect(m!.content_json).toBe(doc("Versi pimpinan"));
    // After merging, saving on top of version 2 works.
    expect(await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 2, contentJson: doc("Gabungan") }, clock)).toEqual({ ok: true, version: 3 });
    const revs = await listRevisions(db, meeting);
    expect(revs.map((r) => [r.version, r.saved_by_name])).toEqual([[3, "Dra. Siti Aminah"], [2, "Drs. Bambang Wicaksono"], [1, "Dra. Siti Aminah"]]);
    expect((await getRevision(db, meeting, 1))!.content_json).toBe(doc("Draf pertama"));
  });

  it("draft → circulated (attending admins notified, comments until the deadline) → approved → locked", async () => {
    const clock = fakeClock("2026-03-17T06:00:00Z");
    await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 0, contentJson: doc("Notulen") }, clock);
    expect(await circulateMinutes(db, { id: siti }, { meetingId: meeting, correctionsUntil: "2026-03-17T05:00:00Z" }, clock)).toEqual({ ok: false, error: "minutes.deadlineInPast" });
    const c = await circulateMinutes(db, { id: siti }, { meetingId: meeting, correctionsUntil: "2026-03-20T10:00:00.000Z" }, clock);
    expect(c).toEqual({ ok: true, notified: 1 }); // Dinkes attended; PUPR declined
    const notes = await db.selectFrom("notification").select(["user_id", "kind", "link"]).where("kind", "=", "minutes.circulated").execute();
    expect(notes).toEqual([{ user_id: dewi, kind: "minutes.circulated", link: `/rapat/${meeting}/notulen` }]);

    expect(await addComment(db, { id: dewi, agencyId: dinkes }, { meetingId: meeting, body: "Nama Kabid salah eja" }, clock)).toEqual({ ok: true });
    clock.set("2026-03-20T10:00:01Z");
    expect(await addComment(db, { id: dewi, agencyId: dinkes }, { meetingId: meeting, body: "Terlambat" }, clock)).toEqual({ ok: false, error: "minutes.commentsClosed" });
    expect((await listComments(db, meeting)).map((x) => x.body)).toEqual(["Nama Kabid salah eja"]);

    // The coordinator may still correct while circulated.
    expect((await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 1, contentJson: doc("Notulen (diperbaiki)") }, clock)).ok).toBe(true);
    expect(await approveMinutes(db, { id: bambang }, meeting, clock)).toEqual({ ok: true });
    expect((await getMinutes(db, meeting))!.approved_by_name).toBe("Drs. Bambang Wicaksono");
    expect(await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 2, contentJson: doc("x") }, clock)).toEqual({ ok: false, error: "minutes.approvedNoEdit" });

    // Reopen for one more fix, approve again, lock.
    expect(await reopenMinutes(db, { id: siti }, meeting)).toEqual({ ok: true });
    expect((await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 2, contentJson: doc("Final") }, clock)).ok).toBe(true);
    expect(await approveMinutes(db, { id: siti }, meeting, clock)).toEqual({ ok: true });
    expect(await lockMinutes(db, { id: siti }, meeting, clock)).toEqual({ ok: true });
    expect((await getMinutes(db, meeting))!.status).toBe("locked");
    expect(await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 3, contentJson: doc("x") }, clock)).toEqual({ ok: false, error: "minutes.locked" });
    expect(await reopenMinutes(db, { id: siti }, meeting)).toEqual({ ok: false, error: "minutes.wrongState" });
    expect((await getMinutes(db, meeting))!.content_json).toBe(doc("Final"));
  });

  it("cannot approve a draft that was never circulated, nor circulate before the meeting starts", async () => {
    const clock = fakeClock("2026-03-17T01:00:00Z");
    await saveMinutes(db, { id: siti }, { meetingId: meeting, baseVersion: 0, contentJson: doc("Catatan awal") }, clock);
    expect(await approveMinutes(db, { id: bambang }, meeting, clock)).toEqual({ ok: false, error: "minutes.wrongState" });
    expect(await circulateMinutes(db, { id: siti }, { meetingId: meeting, correctionsUntil: "2026-03-20T10:00:00Z" }, clock)).toEqual({ ok: false, error: "minutes.notStarted" });
  });
});
