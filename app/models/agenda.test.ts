import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { computeAgendaTimes } from "~/lib/agenda";
import { formatTime } from "~/i18n/format";
import { agendaItemSchema } from "~/lib/meeting";
import { addAgendaItem, deleteAgendaItem, listAgenda, moveAgendaItem, reorderAgenda, updateAgendaItem } from "./agenda.server";
import { createMeeting } from "./meeting.server";

let db: DB;
let coord: string;
beforeAll(async () => {
  db = await testDb();
  coord = await makePerson(db, { roles: ["koordinator"] });
});
afterAll(() => db.destroy());

const newMeeting = () =>
  createMeeting(db, { title: "Rakor", kind: "rakor", mode: "luring", venue: "Aula", startsAt: "2025-03-18T02:00:00.000Z", endsAt: "2025-03-18T05:00:00.000Z", timeZone: "Asia/Jakarta", reminderLeadMinutes: 1440 }, [], { actorId: coord });

describe("agenda clock", () => {
  it("each item starts when the previous ends, shown in the meeting's zone", () => {
    const r = computeAgendaTimes("2025-03-18T02:00:00.000Z", "2025-03-18T05:00:00.000Z", [{ durationMinutes: 15 }, { durationMinutes: 45 }, { durationMinutes: 30 }]);
    expect(r.items.map((i) => formatTime(i.startsAt, "Asia/Jakarta"))).toEqual(["09.00 WIB", "09.15 WIB", "10.00 WIB"]);
    expect(r.items.map((i) => formatTime(i.startsAt, "Asia/Makassar"))).toEqual(["10.00 WITA", "10.15 WITA", "11.00 WITA"]);
    expect(r).toMatchObject({ totalMinutes: 90, overrunMinutes: 0 });
  });
  it("reports by how much the items run past the meeting's end", () => {
    const r = computeAgendaTimes("2025-03-18T02:00:00.000Z", "2025-03-18T05:00:00.000Z", [{ durationMinutes: 120 }, { durationMinutes: 85 }]);
    expect(r.overrunMinutes).toBe(25);
    expect(formatTime(r.endsAt, "Asia/Jakarta")).toBe("12.25 WIB");
  });
});

describe("agenda items", () => {
  it("refuses a non-positive duration in the form", () => {
    const err = (d: unknown) => {
      const r = agendaItemSchema.safeParse({ title: "Pembukaan", durationMinutes: d });
      return r.success ? null : r.error.flatten().fieldErrors.durationMinutes;
    };
    expect(err(0)).toEqual(["agenda.durationPositive"]);
    expect(err(-5)).toEqual(["agenda.durationPositive"]);
    expect(err(1.5)).toEqual(["agenda.durationInvalid"]);
    expect(err(15)).toBeNull();
  });

  it("adds, moves up and down (no-op at the ends), reorders, edits and deletes", async () => {
    const m = await newMeeting();
    const ids: string[] = [];
    for (const [t, d] of [["Pembukaan", 15], ["Evaluasi publikasi OPD", 45], ["Paparan Polres", 30]] as const) {
      const r = await addAgendaItem(db, m, { title: t, durationMinutes: d });
      if (!r.ok) throw new Error(r.error);
      ids.push(r.id);
    }
    const titles = async () => (await listAgenda(db, m)).map((i) => i.title);
    await moveAgendaItem(db, m, ids[2], "up");
    expect(await titles()).toEqual(["Pembukaan", "Paparan Polres", "Evaluasi publikasi OPD"]);
    await moveAgendaItem(db, m, ids[0], "up");
    expect(await titles()).toEqual(["Pembukaan", "Paparan Polres", "Evaluasi publikasi OPD"]);
    await moveAgendaItem(db, m, ids[1], "down");
    expect(await titles()).toEqual(["Pembukaan", "Paparan Polres", "Evaluasi publikasi OPD"]);
    await reorderAgenda(db, m, [ids[1], ids[0], ids[2]]);
    expect(await titles()).toEqual(["Evaluasi publikasi OPD", "Pembukaan", "Paparan Polres"]);
    expect(await reorderAgenda(db, m, [ids[0]])).toEqual({ ok: false, error: "error.404" });
    await updateAgendaItem(db, m, ids[0], { title: "Pembukaan oleh Kadis", durationMinutes: 10 });
    await deleteAgendaItem(db, m, ids[1]);
    const items = await listAgenda(db, m);
    expect(items.map((i) => [i.position, i.title, i.duration_minutes])).toEqual([[1, "Pembukaan oleh Kadis", 10], [2, "Paparan Polres", 30]]);
  });

  it("refuses an agenda longer than 24 hours or more than 50 items", async () => {
    const m = await newMeeting();
    expect((await addAgendaItem(db, m, { title: "Panjang", durationMinutes: 1000 })).ok).toBe(true);
    expect(await addAgendaItem(db, m, { title: "Terlalu", durationMinutes: 441 })).toEqual({ ok: false, error: "agenda.tooLong", field: "durationMinutes" });
    const m2 = await newMeeting();
    for (let i = 0; i < 50; i++) expect((await addAgendaItem(db, m2, { title: `Butir ${i}`, durationMinutes: 5 })).ok).toBe(true);
    expect(await addAgendaItem(db, m2, { title: "Ke-51", durationMinutes: 5 })).toEqual({ ok: false, error: "agenda.tooManyItems" });
    expect(await listAgenda(db, m2)).toHaveLength(50);
  });
});
