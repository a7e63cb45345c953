import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { buildCalendar, escapeText, foldLine } from "~/lib/ics";
import { createFeed, feedIcs, meetingIcs } from "./calendar.server";
import { cancelMeeting, createMeeting, publishMeeting, updateMeeting, type MeetingInput } from "./meeting.server";

let db: DB;
let coord: string, member: string, dinkes: string, other: string;
beforeAll(async () => {
  db = await testDb();
  dinkes = await makeAgency(db, {});
  other = await makeAgency(db, {});
  coord = await makePerson(db, { roles: ["koordinator"] });
  member = await makePerson(db, { agencyId: dinkes });
});
afterAll(() => db.destroy());

const base: MeetingInput = {
  title: "Rakor Triwulan I; evaluasi, agenda setting", kind: "rakor", mode: "hibrida", venue: "Ruang Rapat Command Center, Diskominfo",
  joinUrl: "https://zoom.us/j/81234567890", startsAt: "2025-03-18T01:00:00.000Z", endsAt: "2025-03-18T04:00:00.000Z", timeZone: "Asia/Makassar",
  descriptionJson: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bawa rekap publikasi — rilis, foto, video. Terima kasih!" }] }] }),
  reminderLeadMinutes: 1440,
};

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("iCalendar output", () => {
  it("parses in ical.js with the right instants, stable UID, CRLF lines of at most 75 octets", async () => {
    const clock = fakeClock("2025-03-01T00:00:00Z");
    const id = await createMeeting(db, base, [], { actorId: coord, clock });
    const ics = (await meetingIcs(db, id, { baseUrl: "https://sinergi.example", locale: "id" }))!;
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const [ev] = parse(ics);
    expect(ev.startDate.toJSDate().toISOString()).toBe("2025-03-18T01:00:00.000Z"); // 09.00 WITA
    expect(ev.endDate.toJSDate().toISOString()).toBe("2025-03-18T04:00:00.000Z");
    expect(ev.summary).toBe(base.title);
    expect(ev.location).toBe(base.venue);
    expect(ev.description).toContain("Bawa rekap publikasi — rilis, foto, video. Terima kasih!");
    expect(ev.description).toContain("https://zoom.us/j/81234567890");
    expect(ev.uid).toBe(`rapat-${id}@sinergi`);
    expect(ev.component.getFirstPropertyValue("url")).toBe(`https://sinergi.example/rapat/${id}`);
    expect(ev.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
  });

  it("keeps the UID, raises SEQUENCE on reschedule, and says CANCELLED when cancelled", async () => {
    const clock = fakeClock("2025-03-01T00:00:00Z");
    const id = await createMeeting(db, base, [], { actorId: coord, clock });
    await publishMeeting(db, id, { actorId: coord, clock });
    const first = parse((await meetingIcs(db, id, { baseUrl: "https://s.example", locale: "id" }))!)[0];
    expect(first.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    clock.advance(60_000);
    await updateMeeting(db, id, { ...base, startsAt: "2025-03-19T01:00:00.000Z", endsAt: "2025-03-19T04:00:00.000Z" }, { actorId: coord, clock });
    const moved = parse((await meetingIcs(db, id, { baseUrl: "https://s.example", locale: "id" }))!)[0];
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.startDate.toJSDate().toISOString()).toBe("2025-03-19T01:00:00.000Z");
    clock.advance(60_000);
    await cancelMeeting(db, id, "Bentrok", { actorId: coord, clock });
    const cancelled = parse((await meetingIcs(db, id, { baseUrl: "https://s.example", locale: "id" }))!)[0];
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });

  it("escapes text and folds long lines without splitting a character", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const folded = foldLine(`DESCRIPTION:${"é".repeat(60)}`);
    for (const l of folded.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(`DESCRIPTION:${"é".repeat(60)}`);
    const ics = buildCalendar({ events: [{ uid: "x@y", start: "2025-01-01T00:00:00Z", end: "2025-01-01T01:00:00Z", summary: "Uji, satu; dua", status: "CONFIRMED", sequence: 0, stamp: "2025-01-01T00:00:00Z" }] });
    expect(parse(ics)[0].summary).toBe("Uji, satu; dua");
  });
});

describe("personal feed", () => {
  it("lists the meetings the person's agency is invited to; only the token's hash is stored; a new link kills the old", async () => {
    const clock = fakeClock("2025-03-01T00:00:00Z");
    const mine = await createMeeting(db, { ...base, title: "Rapat Dinkes" }, [], { actorId: coord, clock });
    const notMine = await createMeeting(db, { ...base, title: "Rapat lain" }, [], { actorId: coord, clock });
    const draft = await createMeeting(db, { ...base, title: "Rapat draf" }, [], { actorId: coord, clock });
    for (const [m, a] of [[mine, dinkes], [notMine, other], [draft, dinkes]]) {
      await db.insertInto("meeting_invitation").values({ id: `${m}${a}`, meeting_id: m, agency_id: a, created_at: "2025-03-01T00:00:00Z" }).execute();
    }
    await publishMeeting(db, mine, { actorId: coord, clock });
    await publishMeeting(db, notMine, { actorId: coord, clock });
    const token = await createFeed(db, member, clock);
    const row = await db.selectFrom("calendar_feed").selectAll().where("user_id", "=", member).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    const ics = await feedIcs(db, token, { baseUrl: "https://s.example", clock });
    const events = parse(ics!);
    expect(events.map((e) => e.summary)).toEqual(["Rapat Dinkes"]);
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2025-03-18T01:00:00.000Z");
    const fresh = await createFeed(db, member, clock);
    expect(await feedIcs(db, token, { baseUrl: "https://s.example", clock })).toBeNull();
    expect(await feedIcs(db, fresh, { baseUrl: "https://s.example", clock })).not.toBeNull();
    expect(await feedIcs(db, "tebakan", { baseUrl: "https://s.example", clock })).toBeNull();
  });
});
