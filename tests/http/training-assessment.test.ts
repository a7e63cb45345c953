// Rubrics, assignments and grading through the real production server with the demo network:
// who may grade, what forged grades get, the no-JavaScript criteria editor and the rubric lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let fasilitator: string;
let rina: string;
let base: string; // /pelatihan/:module/tugas/:assignment
let submissionId: string;
let criteria: { id: string }[];

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const a = await db
    .selectFrom("assignment")
    .select(["id", "module_id", "rubric_id"])
    .where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital")
    .executeTakeFirstOrThrow();
  base = `/pelatihan/${a.module_id}/tugas/${a.id}`;
  submissionId = (await db.selectFrom("submission").select("id").where("assignment_id", "=", a.id).where("status", "=", "submitted").orderBy("submitted_at").executeTakeFirstOrThrow()).id;
  criteria = await db.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", a.rubric_id!).orderBy("position").execute();
  fasilitator = await s.login("fasilitator@sinergi.test");
  rina = await s.login("rina@sinergi.test");
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const grades = () => db.selectFrom("grade").select("id").where("submission_id", "=", submissionId).execute();
const status = async () => (await db.selectFrom("submission").select(["status", "score"]).where("id", "=", submissionId).executeTakeFirstOrThrow());
const form = (entries: Record<string, string>) => new URLSearchParams(entries);
const allLevels = (level: string) => Object.fromEntries(criteria.map((c) => [`level.${c.id}`, level]));

describe("who may grade", () => {
  it("a trainee enrolled in the module cannot open the queue or a grade page, nor post a grade", async () => {
    expect((await s.request(`${base}/penilaian`, { cookie: rina })).status).toBe(403);
    expect((await s.request(`${base}/penilaian/${submissionId}`, { cookie: rina })).status).toBe(403);
    const r = await s.request(`${base}/penilaian/${submissionId}`, { method: "POST", cookie: rina, body: form({ decision: "graded", ...allLevels("4") }) });
    expect(r.status).toBe(403);
    expect(await grades()).toEqual([]);
  });

  it("the fasilitator sees the queue with the waiting releases, oldest first", async () => {
    const r = await s.request(`${base}/penilaian`, { cookie: fasilitator });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("Antrean penilaian");
    expect(html).toContain(`${base}/penilaian/${submissionId}`);
  });
});

describe("forged grades", () => {
  it("a criterion that is not in the rubric answers 400 with a message; nothing is saved and the form keeps its values", async () => {
    const r = await s.request(`${base}/penilaian/${submissionId}`, {
      method: "POST", cookie: fasilitator,
      body: form({ decision: "graded", ...allLevels("3"), "level.rubric-infografis-data": "4", feedback: "Umpan balik yang diketik", [`comment.${criteria[0].id}`]: "Komentar judul" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Ada kriteria yang bukan bagian dari rubrik tugas ini.");
    expect(html).toContain("Umpan balik yang diketik");
    expect(html).toContain("Komentar judul");
    expect(await grades()).toEqual([]);
    expect(await status()).toEqual({ status: "submitted", score: null });
  });

  it("a level 7 answers 400 with a message and saves nothing", async () => {
    const r = await s.request(`${base}/penilaian/${submissionId}`, {
      method: "POST", cookie: fasilitator, body: form({ decision: "graded", ...allLevels("3"), [`level.${criteria[2].id}`]: "7" }),
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Skor setiap kriteria harus 1, 2, 3, atau 4.");
    expect(await grades()).toEqual([]);
  });

  it("returning work needs feedback", async () => {
    const r = await s.request(`${base}/penilaian/${submissionId}`, { method: "POST", cookie: fasilitator, body: form({ decision: "returned" }) });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Tulis umpan balik agar peserta tahu apa yang harus diperbaiki.");
    expect(await grades()).toEqual([]);
  });
});

describe("grading locks the rubric; unlocking clears the grades", () => {
  it("a grade is saved with its weighted score, the rubric locks, edits are refused until unlocked with confirmation", async () => {
    const r = await s.request(`${base}/penilaian/${submissionId}`, { method: "POST", cookie: fasilitator, body: form({ decision: "graded", ...allLevels("3"), feedback: "Baik." }) });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe(`${base}/penilaian`);
    expect(await status()).toEqual({ status: "graded", score: 75 });

    const edit = await s.request(`${base}/ubah`, { cookie: fasilitator });
    const page = await edit.text();
    expect(page).toContain("Rubrik terkunci sejak");
    expect(page).toContain("Hapus nilai dan buka kunci");

    const refused = await s.request(`${base}/ubah`, {
      method: "POST", cookie: fasilitator,
      body: form({ _action: "rubric", "criteria[0].title": "Satu", "criteria[0].weight": "100", "criteria[0].level1": "a", "criteria[0].level2": "b", "criteria[0].level3": "c", "criteria[0].level4": "d" }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Rubrik ini terkunci karena sudah ada nilai.");

    const unconfirmed = await s.request(`${base}/ubah`, { method: "POST", cookie: fasilitator, body: form({ _action: "unlock" }) });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Centang pernyataan di atas untuk membuka kunci rubrik.");
    expect(await grades()).toHaveLength(1);

    const unlocked = await s.request(`${base}/ubah`, { method: "POST", cookie: fasilitator, body: form({ _action: "unlock", confirm: "on" }) });
    expect(unlocked.status).toBe(302);
    expect(await grades()).toEqual([]);
    expect(await status()).toEqual({ status: "submitted", score: null });
  });
});

describe("the criteria editor without JavaScript", () => {
  const rows = (weights: string[]) =>
    Object.fromEntries(weights.flatMap((w, i) => [
      [`criteria[${i}].title`, `Kriteria ${String.fromCharCode(65 + i)}`], [`criteria[${i}].weight`, w],
      [`criteria[${i}].level1`, "Kurang"], [`criteria[${i}].level2`, "Cukup"], [`criteria[${i}].level3`, "Baik"], [`criteria[${i}].level4`, "Sangat baik"],
    ]));

  it("weights that do not add up answer 400 saying the current total, and keep what was typed", async () => {
    const r = await s.request("/rubrik/baru", { method: "POST", cookie: fasilitator, body: form({ title: "Rubrik Teras Berita", ...rows(["50", "40"]) }) });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Jumlah bobot harus tepat 100; sekarang 90.");
    expect(html).toContain('value="Rubrik Teras Berita"');
    expect(await db.selectFrom("rubric").select("id").where("title", "=", "Rubrik Teras Berita").execute()).toEqual([]);
  });

  it("“Tambah kriteria” posts back and comes back with one more row, keeping the rows typed", async () => {
    const r = await s.request("/rubrik/baru", {
      method: "POST", cookie: fasilitator,
      body: form({ title: "Rubrik Judul", ...rows(["60"]), __intent__: JSON.stringify({ type: "insert", payload: { name: "criteria" } }) }),
    });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('name="criteria[1].title"');
    expect(html).toContain('value="Kriteria A"');
  });

  it("a rubric whose weights add up to 100 is saved in the library", async () => {
    const r = await s.request("/rubrik/baru", { method: "POST", cookie: fasilitator, body: form({ title: "Rubrik Teras Berita", workKind: "release", ...rows(["60", "40"]) }) });
    expect(r.status).toBe(302);
    const saved = await db.selectFrom("rubric").select(["id", "scope"]).where("title", "=", "Rubrik Teras Berita").executeTakeFirstOrThrow();
    expect(saved.scope).toBe("library");
    expect(r.headers.get("location")).toBe(`/rubrik/${saved.id}`);
  });
});

describe("extensions", () => {
  it("a fasilitator gives Rina a later due date and she is told", async () => {
    const rinaId = (await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow()).id;
    const r = await s.request(`${base}/perpanjangan`, {
      method: "POST", cookie: fasilitator,
      body: form({ userId: rinaId, timeZone: "Asia/Jakarta", dueDate: "2030-01-10", dueTime: "23:59", lateDate: "2030-01-12", lateTime: "23:59", reason: "Tugas dinas luar kota" }),
    });
    expect(r.status).toBe(302);
    const x = await db.selectFrom("assignment_extension").select(["due_at", "reason"]).where("user_id", "=", rinaId).executeTakeFirstOrThrow();
    expect(x).toEqual({ due_at: "2030-01-10T16:59:00.000Z", reason: "Tugas dinas luar kota" });
    const n = await db.selectFrom("notification").select("kind").where("user_id", "=", rinaId).where("kind", "=", "extensionGranted").execute();
    expect(n).toHaveLength(1);
  });

  it("late-until before the new due date is refused with a message", async () => {
    const rinaId = (await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow()).id;
    const r = await s.request(`${base}/perpanjangan`, {
      method: "POST", cookie: fasilitator,
      body: form({ userId: rinaId, timeZone: "Asia/Jakarta", dueDate: "2030-02-10", dueTime: "23:59", lateDate: "2030-02-01", lateTime: "23:59" }),
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Batas terlambat tidak boleh sebelum tenggat.");
  });
});
