import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeAgendaItem, makeInvitation, makeMeeting } from "#seeds/meeting-factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { storeAttachment } from "~/.server/meeting-files.server";
import { uploadPath } from "~/.server/upload.server";
import { occurrences, type RecurrenceRule } from "~/lib/series";
import { copyMeeting, createSeries, endSeries, getSeries, topUpSeries, type SeriesInput } from "./series.server";

const MON = 1;
const FRI = 5;

describe("occurrences (pure)", () => {
  const firstMonday: RecurrenceRule = { recurrence: "monthly_weekday", weekday: MON, weekOfMonth: 1, startsOn: "2026-01-01" };

  it("first Monday of the month, across month boundaries", () => {
    expect(occurrences(firstMonday, "2026-01-01", "2026-04-30")).toEqual(["2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06"]);
    // A range starting the day after March's first Monday finds April's, not March's.
    expect(occurrences(firstMonday, "2026-03-03", "2026-04-10")).toEqual(["2026-04-06"]);
  });

  it("first Monday across the year end (1 Feb 2027 is itself a Monday)", () => {
    expect(occurrences(firstMonday, "2026-11-15", "2027-02-28")).toEqual(["2026-12-07", "2027-01-04", "2027-02-01"]);
  });

  it("day 31 is clamped to short months, leap years included", () => {
    const rule: RecurrenceRule = { recurrence: "monthly_date", dayOfMonth: 31, startsOn: "2026-01-01" };
    expect(occurrences(rule, "2026-01-01", "2026-04-30")).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(occurrences(rule, "2028-02-01", "2028-02-29")).toEqual(["2028-02-29"]);
  });

  it("last Friday of the month", () => {
    const rule: RecurrenceRule = { recurrence: "monthly_weekday", weekday: FRI, weekOfMonth: -1, startsOn: "2026-01-01" };
    expect(occurrences(rule, "2026-01-01", "2026-03-31")).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"]);
  });

  it("weekly, bounded by the start and until dates", () => {
    const rule: RecurrenceRule = { recurrence: "weekly", weekday: 2, startsOn: "2026-03-03", untilDate: "2026-03-24" };
    expect(occurrences(rule, "2026-01-01", "2026-12-31")).toEqual(["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"]);
    expect(occurrences(rule, "2026-03-11", "2026-03-20")).toEqual(["2026-03-17"]);
    expect(occurrences(rule, "2026-04-01", "2026-05-01")).toEqual([]);
  });

  it("fourth weekday exists every month; a rule never yields a date outside the range", () => {
    const rule: RecurrenceRule = { recurrence: "monthly_weekday", weekday: 3, weekOfMonth: 4, startsOn: "2026-01-01" };
    const dates = occurrences(rule, "2026-01-01", "2026-12-31");
    expect(dates).toHaveLength(12);
    for (const d of dates) expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(3);
  });
});

describe("series and copies (database)", () => {
  let db: DB;
  let coordinator: string;
  let agencies: string[];
  beforeAll(async () => {
    db = await testDb();
    agencies = [await makeAgency(db), await makeAgency(db), await makeAgency(db, { active: false })];
    coordinator = await makePerson(db, { roles: ["koordinator"], agencyId: agencies[0], agencyRole: "admin" });
  });
  afterAll(() => db.destroy());

  const input = (over: Partial<SeriesInput> = {}): SeriesInput => ({
    title: "Rapat Redaksi Bulanan Agenda Setting", kind: "rapat_redaksi", mode: "daring", joinUrl: "https://zoom.example/j/1",
    timeZone: "Asia/Jakarta", recurrence: "monthly_weekday", weekday: MON, weekOfMonth: 1, startTime: "10:00", durationMinutes: 90,
    startsOn: "2026-01-01", reminderLeadMinutes: 1440, inviteAll: true, descriptionJson: null, ...over,
  });

  it("generates three months of draft occurrences at the right instant, invites active agencies, never twice", async () => {
    const clock = fakeClock("2026-01-01T02:00:00Z");
    const { id, created } = await createSeries(db, { id: coordinator }, input(), clock);
    expect(created).toBe(3); // 5 Jan, 2 Feb, 2 Mar: within 92 days (6 Apr is not yet)
    const s = await getSeries(db, id);
    expect(s!.meetings.map((m) => m.occurrence_date)).toEqual(["2026-01-05", "2026-02-02", "2026-03-02"]);
    expect(s!.meetings[0].starts_at).toBe("2026-01-05T03:00:00.000Z"); // 10.00 WIB
    expect(s!.meetings.every((m) => m.status === "draft")).toBe(true);
    const inv = await db.selectFrom("meeting_invitation").select("agency_id").where("meeting_id", "=", s!.meetings[0].id).execute();
    expect(inv.map((i) => i.agency_id).sort()).toEqual([agencies[0], agencies[1]].sort());

    // Topping up again (list viewed twice, daily job) creates nothing new.
    expect(await topUpSeries(db, id, clock)).toBe(0);
    // An occurrence moved to another day or cancelled alone is not regenerated.
    await db.updateTable("meeting").set({ starts_at: "2026-02-03T03:00:00.000Z" }).where("id", "=", s!.meetings[1].id).execute();
    await db.updateTable("meeting").set({ status: "cancelled" }).where("id", "=", s!.meetings[2].id).execute();
    clock.set("2026-02-15T00:00:00Z");
    expect(await topUpSeries(db, id, clock)).toBe(2); // 6 Apr and 4 May are new; 2 Feb and 2 Mar stay one each
    const after = await getSeries(db, id);
    expect(after!.meetings.map((m) => m.occurrence_date)).toEqual(["2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06", "2026-05-04"]);

    // The next day's top-up is a persisted job, not a timer.
    const job = await db.selectFrom("scheduled_reminder").select(["kind", "send_at"]).where("ref_id", "=", id).where("sent_at", "is", null).where("cancelled_at", "is", null).execute();
    expect(job.some((j) => j.kind === "series.topup")).toBe(true);

    // Ending the series stops generation.
    expect(await endSeries(db, { id: coordinator }, id, clock)).toBe(true);
    clock.set("2026-04-15T00:00:00Z");
    expect(await topUpSeries(db, id, clock)).toBe(0);
  });

  it("copies a meeting with the chosen parts only", async () => {
    const src = await makeMeeting(db, { title: "Rakor Triwulan I", timeZone: "Asia/Makassar" });
    await makeAgendaItem(db, { meetingId: src, title: "Pembukaan", position: 1 });
    await makeAgendaItem(db, { meetingId: src, title: "Evaluasi publikasi OPD", position: 2 });
    await makeInvitation(db, { meetingId: src, agencyId: agencies[1], rsvp: "attending" });
    const copy = await copyMeeting(db, { id: coordinator }, src, { title: "Rakor Triwulan II", date: "2026-06-16", startTime: "09:00", endTime: "12:00", copyAgenda: true });
    const m = await db.selectFrom("meeting").selectAll().where("id", "=", copy!).executeTakeFirstOrThrow();
    expect(m.status).toBe("draft");
    expect(m.starts_at).toBe("2026-06-16T01:00:00.000Z"); // 09.00 WITA
    const items = await db.selectFrom("agenda_item").select(["title", "position"]).where("meeting_id", "=", copy!).orderBy("position").execute();
    expect(items.map((i) => i.title)).toEqual(["Pembukaan", "Evaluasi publikasi OPD"]);
    expect(await db.selectFrom("meeting_invitation").select("id").where("meeting_id", "=", copy!).execute()).toHaveLength(0);

    // Attachments are copied as files of their own.
    const previousUploadDir = process.env.UPLOAD_DIR;
    process.env.UPLOAD_DIR ??= path.resolve(`tests/.tmp/uploads-${process.pid}`);
    const pdf = new TextEncoder().encode("%PDF-1.4\n% undangan rakor\n");
    const stored = await storeAttachment(pdf);
    await db.insertInto("meeting_attachment").values({ id: `att${Date.now()}`, meeting_id: src, file_path: stored, original_name: "Undangan Rakor.pdf", mime_type: "application/pdf", size_bytes: pdf.byteLength, created_at: new Date().toISOString() }).execute();
    const copy3 = await copyMeeting(db, { id: coordinator }, src, { title: "Rakor Triwulan IV", date: "2026-12-15", startTime: "09:00", endTime: "12:00", copyAttachments: true });
    const att = await db.selectFrom("meeting_attachment").selectAll().where("meeting_id", "=", copy3!).executeTakeFirstOrThrow();
    expect(att.original_name).toBe("Undangan Rakor.pdf");
    expect(att.file_path).not.toBe(stored);
    expect(fs.readFileSync(uploadPath(att.file_path))).toEqual(Buffer.from(pdf));
    for (const f of [stored, att.file_path]) fs.rmSync(uploadPath(f), { force: true });
    if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;

    const copy2 = await copyMeeting(db, { id: coordinator }, src, { title: "Rakor Triwulan III", date: "2026-09-15", startTime: "09:00", endTime: "12:00", copyInvitations: true });
    const inv = await db.selectFrom("meeting_invitation").select(["agency_id", "rsvp"]).where("meeting_id", "=", copy2!).execute();
    expect(inv).toEqual([{ agency_id: agencies[1], rsvp: "pending" }]);
  });
});
