import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeAgendaItem, makeMeeting } from "#seeds/meeting-factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { createId } from "~/.server/crypto.server";
import { runDueReminders } from "~/.server/scheduler.server";
import type { OutcomeFormValue } from "~/lib/follow-up";
import {
  addProgress, createOutcome, getFollowUp, listFollowUps, listOutcomes, openFollowUpsForMeeting, updateOutcome,
} from "./follow-up.server";

describe("follow-up register", () => {
  let db: DB;
  let siti: string;
  let dinkes: string;
  let pupr: string;
  let dewi: string;
  let rina: string;
  let series: string;

  beforeEach(async () => {
    db = await testDb();
    dinkes = await makeAgency(db, { shortName: "Dinkes" });
    pupr = await makeAgency(db, { shortName: "PUPR" });
    siti = await makePerson(db, { roles: ["koordinator"] });
    dewi = await makePerson(db, { name: "Dewi", agencyId: dinkes, agencyRole: "admin" });
    rina = await makePerson(db, { name: "Rina", agencyId: dinkes });
    await makePerson(db, { name: "Fajar", agencyId: pupr, agencyRole: "admin" });
    series = createId();
    const now = new Date().toISOString();
    await db.insertInto("meeting_series").values({
      id: series, title: "Rapat Redaksi", kind: "rapat_redaksi", mode: "daring", time_zone: "Asia/Jakarta", recurrence: "monthly_weekday",
      weekday: 1, week_of_month: 1, start_time: "10:00", duration_minutes: 90, starts_on: "2026-01-01", created_at: now, updated_at: now,
    }).execute();
  });

  const action = (over: Partial<OutcomeFormValue> = {}): OutcomeFormValue => ({
    type: "action", text: "Dinkes menerbitkan rilis capaian imunisasi", ownerAgencyId: dinkes, contactUserId: rina, dueDate: "2026-03-20", ...over,
  });

  it("the next meeting of the series opens with the open actions of earlier ones (computed, not copied)", async () => {
    const jan = await makeMeeting(db, { seriesId: series, occurrenceDate: "2026-01-05", startsAt: "2026-01-05T03:00:00Z", status: "held" });
    const feb = await makeMeeting(db, { seriesId: series, occurrenceDate: "2026-02-02", startsAt: "2026-02-02T03:00:00Z" });
    const mar = await makeMeeting(db, { seriesId: series, occurrenceDate: "2026-03-02", startsAt: "2026-03-02T03:00:00Z" });
    const elsewhere = await makeMeeting(db, { startsAt: "2026-02-10T03:00:00Z" });
    const clock = fakeClock("2026-01-06T00:00:00Z");
    const open = await createOutcome(db, { id: siti }, jan, action(), clock);
    const done = await createOutcome(db, { id: siti }, jan, action({ text: "PUPR memasang widget berita", ownerAgencyId: pupr, contactUserId: undefined }), clock);
    await createOutcome(db, { id: siti }, jan, { type: "decision", text: "Tema Februari: imunisasi" }, clock);
    await createOutcome(db, { id: siti }, elsewhere, action({ text: "Bukan seri ini" }), clock);
    if (!open.ok || !done.ok) throw new Error("setup");
    await addProgress(db, { id: siti }, done.id, { status: "done", note: "Sudah terpasang" }, clock);

    const carried = await openFollowUpsForMeeting(db, feb, clock);
    expect(carried.map((c) => c.text)).toEqual(["Dinkes menerbitkan rilis capaian imunisasi"]);
    expect(carried[0]).toMatchObject({ owner_short_name: "Dinkes", contact_name: "Rina", meeting_id: jan });
    // An action from February carries into March too, alongside January's still-open one.
    await createOutcome(db, { id: siti }, feb, action({ text: "Rilis Februari", dueDate: "2026-02-20" }), clock);
    expect((await openFollowUpsForMeeting(db, mar, clock)).map((c) => c.text)).toEqual(["Rilis Februari", "Dinkes menerbitkan rilis capaian imunisasi"]);
    // Not into the meeting it came from, nor a meeting outside the series.
    expect(await openFollowUpsForMeeting(db, jan, clock)).toEqual([]);
    expect(await openFollowUpsForMeeting(db, elsewhere, clock)).toEqual([]);
    // Closing it removes it from the next meeting at once.
    await addProgress(db, { id: dewi }, open.id, { status: "done", note: "Rilis terbit 18 Maret" }, clock);
    expect((await openFollowUpsForMeeting(db, mar, clock)).map((c) => c.text)).toEqual(["Rilis Februari"]);
    expect((await getFollowUp(db, open.id, clock))!.updates.map((u) => u.note)).toEqual(["Rilis terbit 18 Maret"]);
  });

  it("overdue is measured in the meeting's own zone", async () => {
    const jakarta = await makeMeeting(db, { timeZone: "Asia/Jakarta", startsAt: "2026-03-01T02:00:00Z" });
    const jayapura = await makeMeeting(db, { timeZone: "Asia/Jayapura", startsAt: "2026-03-01T00:00:00Z" });
    const setup = fakeClock("2026-03-01T00:00:00Z");
    await createOutcome(db, { id: siti }, jakarta, action({ text: "Jakarta", dueDate: "2026-03-10" }), setup);
    await createOutcome(db, { id: siti }, jayapura, action({ text: "Jayapura", dueDate: "2026-03-10" }), setup);
    // 16.30 UTC on 10 March: 23.30 WIB (still the 10th) but 01.30 WIT on the 11th.
    const clock = fakeClock("2026-03-10T16:30:00Z");
    const overdue = await listFollowUps(db, { status: "terlambat" }, clock);
    expect(overdue.rows.map((r) => r.text)).toEqual(["Jayapura"]);
    const all = await listFollowUps(db, { status: "terbuka" }, clock);
    expect(Object.fromEntries(all.rows.map((r) => [r.text, r.overdue]))).toEqual({ Jakarta: false, Jayapura: true });
    clock.set("2026-03-10T17:00:00Z"); // midnight WIB
    expect((await listFollowUps(db, { status: "terlambat" }, clock)).total).toBe(2);
    // Filtered by agency, and paginated.
    expect((await listFollowUps(db, { status: "terlambat", agencyId: pupr }, clock)).total).toBe(0);
    const page = await listFollowUps(db, { status: "terlambat", pageSize: 1, page: 2 }, clock);
    expect([page.rows.length, page.pages]).toEqual([1, 2]);
  });

  it("owners are reminded 3 days before the due date; a new date moves it, done cancels it", async () => {
    const m = await makeMeeting(db, { startsAt: "2026-03-01T02:00:00Z" });
    const item = await makeAgendaItem(db, { meetingId: m, title: "RTL dan penutup" });
    const clock = fakeClock("2026-03-01T05:00:00Z");
    const r = await createOutcome(db, { id: siti }, m, action({ agendaItemId: item }), clock);
    if (!r.ok) throw new Error(r.error);
    const pending = () =>
      db.selectFrom("scheduled_reminder").select(["send_at", "dedupe_key"]).where("ref_id", "=", r.id).where("sent_at", "is", null).where("cancelled_at", "is", null).execute();
    expect(await pending()).toEqual([{ send_at: "2026-03-17T01:00:00.000Z", dedupe_key: `followup.due:${r.id}:2026-03-20` }]); // 08.00 WIB

    await updateOutcome(db, { id: siti }, r.id, action({ agendaItemId: item, dueDate: "2026-03-25" }), clock);
    expect(await pending()).toEqual([{ send_at: "2026-03-22T01:00:00.000Z", dedupe_key: `followup.due:${r.id}:2026-03-25` }]);

    clock.set("2026-03-22T01:00:00Z");
    const sent = await runDueReminders(db, clock);
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    const notes = await db.selectFrom("notification").select(["user_id", "link", "params"]).where("kind", "=", "followup.due").execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([dewi, rina].sort()); // the owner's admin and the contact person
    expect(notes[0].link).toBe(`/tindak-lanjut/${r.id}`);
    expect(JSON.parse(notes[0].params).due).toBe("Rabu, 25 Maret 2026");
    // Sent once only.
    await runDueReminders(db, clock);
    expect(await db.selectFrom("notification").select("id").where("kind", "=", "followup.due").execute()).toHaveLength(2);

    // Extending after the reminder went out schedules a new one; done cancels it.
    await updateOutcome(db, { id: siti }, r.id, action({ agendaItemId: item, dueDate: "2026-04-10" }), clock);
    expect(await pending()).toHaveLength(1);
    await addProgress(db, { id: dewi }, r.id, { status: "done", note: "Selesai" }, clock);
    expect(await pending()).toHaveLength(0);
    const outcomes = await listOutcomes(db, m, clock);
    expect(outcomes[0]).toMatchObject({ status: "done", agenda_title: "RTL dan penutup", update_count: 1 });
  });

  it("refuses a contact person from another agency", async () => {
    const m = await makeMeeting(db);
    const fajarLike = await makePerson(db, { agencyId: pupr });
    expect(await createOutcome(db, { id: siti }, m, action({ contactUserId: fajarLike }))).toEqual({ ok: false, error: "outcome.contactNotOfficer" });
  });
});

