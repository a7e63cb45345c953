import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { fakeClock, testDb } from "#tests/helpers/db";
import { weightTotal, type CriterionInput } from "~/lib/rubric";
import { copyRubric, createRubric, getRubric, listLibraryRubrics, updateRubric } from "./rubric.server";

const crit = (title: string, weight: number): CriterionInput => ({ title, weight, levels: ["Kurang", "Cukup", "Baik", "Sangat baik"] });

let db: DB;
beforeEach(async () => {
  db = await testDb();
});

describe("the rubric library", () => {
  it("holds the four rubrics of the domain, each weighted to 100 with four descriptors per criterion", async () => {
    const library = await listLibraryRubrics(db);
    expect(library.map((r) => [r.id, r.title, r.workKind, r.criteria])).toEqual([
      ["rubric-foto-berita", "Foto Berita", "photo", 4],
      ["rubric-infografis", "Infografis", "infographic", 6],
      ["rubric-siaran-pers", "Siaran Pers", "release", 8],
      ["rubric-video-pendek", "Video Pendek", "video", 6],
    ]);
    for (const { id } of library) {
      const r = (await getRubric(db, id))!;
      expect(weightTotal(r.criteria)).toBe(100);
      for (const c of r.criteria) expect(c.levels.every((l) => l.length > 10)).toBe(true);
    }
    const siaranPers = (await getRubric(db, "rubric-siaran-pers"))!;
    expect(siaranPers.criteria.map((c) => [c.title, c.weight])).toEqual([
      ["Judul", 10], ["Teras (lead)", 20], ["Kelengkapan 5W+1H", 15], ["Piramida terbalik", 10],
      ["Akurasi & verifikasi", 15], ["Nilai berita & angle", 10], ["Bahasa & ejaan", 10], ["Kelengkapan administratif", 10],
    ]);
    expect(siaranPers.criteria[0].levels[3]).toBe("Kalimat lengkap, aktif, dan spesifik; paling banyak sekitar 12 kata.");
  });

  it("saves a new library rubric only when its weights add up to 100", async () => {
    const bad = await createRubric(db, { title: "Rubrik Teras Berita", scope: "library", criteria: [crit("Teras", 50), crit("Judul", 40)] }, null);
    expect(bad).toEqual({ ok: false, error: "rubric.weightsNot100", total: 90 });
    expect(await listLibraryRubrics(db)).toHaveLength(4);
    const good = await createRubric(db, { title: "Rubrik Teras Berita", scope: "library", workKind: "release", criteria: [crit("Teras", 60), crit("Judul", 40)] }, null);
    expect(good.ok).toBe(true);
    expect(await listLibraryRubrics(db)).toHaveLength(5);
  });
});

describe("copies and locks", () => {
  it("a copy belongs to the assignment: editing the library later does not change it", async () => {
    const copyId = (await copyRubric(db, "rubric-infografis", null))!;
    const copy = (await getRubric(db, copyId))!;
    expect(copy).toMatchObject({ scope: "assignment", title: "Infografis", lockedAt: null });
    expect(copy.criteria).toHaveLength(6);
    expect(copy.criteria.map((c) => c.id)).not.toContain("rubric-infografis-pesan");

    const library = (await getRubric(db, "rubric-infografis"))!;
    const r = await updateRubric(db, library.id, { title: "Infografis (revisi)", criteria: [crit("Pesan", 50), crit("Data", 50)] });
    expect(r.ok).toBe(true);
    expect((await getRubric(db, library.id))!.criteria).toHaveLength(2);
    expect((await getRubric(db, copyId))!.criteria).toHaveLength(6);
  });

  it("keeps a criterion's id when it is edited in place, and refuses any edit once locked", async () => {
    const clock = fakeClock("2026-03-10T02:00:00.000Z");
    const id = (await copyRubric(db, "rubric-foto-berita", null, clock))!;
    const before = (await getRubric(db, id))!;
    const edited = before.criteria.map((c, i) => ({ ...c, title: i === 0 ? "Momen" : c.title }));
    expect((await updateRubric(db, id, { title: before.title, criteria: edited }, clock)).ok).toBe(true);
    const after = (await getRubric(db, id))!;
    expect(after.criteria[0]).toMatchObject({ id: before.criteria[0].id, title: "Momen" });

    await db.updateTable("rubric").set({ locked_at: clock().toISOString() }).where("id", "=", id).execute();
    expect(await updateRubric(db, id, { title: "X", criteria: [crit("Satu", 100)] })).toEqual({ ok: false, error: "rubric.locked" });
    expect((await getRubric(db, id))!.criteria).toHaveLength(4);
  });
});
