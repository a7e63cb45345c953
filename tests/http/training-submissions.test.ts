// Submissions over HTTP against the real production server: files only for those allowed, a
// renamed text file refused with the captions kept, nothing accepted after late-until, and a stale
// autosave refused.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";
import { makeTrainingFixture, type TrainingFixture } from "#tests/helpers/submission-fixtures";

let s: TestServer;
let db: DB;
let photo: TrainingFixture;
let closed: TrainingFixture;
let release: TrainingFixture;
const cookies: Record<string, string> = {};
const DAY = 86_400_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

async function userByEmail(email: string) {
  return db.selectFrom("user").select(["id", "agency_id"]).where("email", "=", email).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const rina = await userByEmail("rina@sinergi.test");
  const agus = await userByEmail("agus.dinkes@sinergi.test");
  const fas = await userByEmail("fasilitator@sinergi.test");
  const trainees = [{ id: rina.id, agencyId: rina.agency_id }, { id: agus.id, agencyId: agus.agency_id }];
  photo = await makeTrainingFixture(db, { kind: "photo", facilitatorId: fas.id, trainees, opensAt: iso(-DAY), dueAt: iso(7 * DAY), lateUntil: iso(8 * DAY) });
  closed = await makeTrainingFixture(db, { kind: "release", facilitatorId: fas.id, trainees, opensAt: iso(-10 * DAY), dueAt: iso(-3 * DAY), lateUntil: iso(-DAY) });
  release = await makeTrainingFixture(db, { kind: "release", facilitatorId: fas.id, trainees, opensAt: iso(-DAY), dueAt: iso(7 * DAY), lateUntil: iso(8 * DAY) });
  for (const e of ["rina@sinergi.test", "agus.dinkes@sinergi.test", "fasilitator@sinergi.test", "koordinator@sinergi.test", "fajar@sinergi.test"]) cookies[e] = await s.login(e);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const page = (f: TrainingFixture) => `/pelatihan/${f.moduleId}/tugas/${f.assignmentId}`;

describe("photo uploads", () => {
  it("a text file named .jpg is refused with a message, and the captions typed are kept", async () => {
    const form = new FormData();
    form.append("intent", "save");
    form.append("caption-0", "Kader menimbang balita di Posyandu Melati. Foto: Rina/Dinkes");
    form.append("caption-1", "Warga antre di meja pendaftaran.");
    form.append("main", new Blob(["ini teks biasa, bukan foto"], { type: "image/jpeg" }), "foto-kegiatan.jpg");
    const r = await s.request(page(photo), { method: "POST", body: form, cookie: cookies["rina@sinergi.test"] });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Berkas ini bukan gambar");
    expect(html).toContain("Kader menimbang balita di Posyandu Melati. Foto: Rina/Dinkes");
    expect(html).toContain("Warga antre di meja pendaftaran.");
    expect(html).not.toContain("foto-kegiatan.jpg");
    const files = await db.selectFrom("submission_file as f").innerJoin("submission as s", "s.id", "f.submission_id").select("f.id").where("s.assignment_id", "=", photo.assignmentId).execute();
    expect(files).toEqual([]);
  });

  it("a real photo is stored; only the author, the module's fasilitator and the coordinator may fetch it", async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#2a6" } }).jpeg().toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "IMG_2026_rahasia.jpg");
    const up = await s.request(`${page(photo)}/unggah?slot=main`, { method: "POST", body: form, cookie: cookies["rina@sinergi.test"] });
    expect(up.status).toBe(200);
    const out = (await up.json()) as { ok: boolean; file: { id: string; url: string; thumbUrl: string } };
    expect(out.ok).toBe(true);

    const own = await s.request(out.file.url, { cookie: cookies["rina@sinergi.test"] });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/webp");
    expect(own.headers.get("cache-control")).toMatch(/^private/);
    expect(own.headers.get("content-disposition") ?? "").not.toContain("rahasia");
    expect((await s.request(out.file.thumbUrl, { cookie: cookies["rina@sinergi.test"] })).status).toBe(200);
    expect((await s.request(out.file.url, { cookie: cookies["fasilitator@sinergi.test"] })).status).toBe(200);
    expect((await s.request(out.file.url, { cookie: cookies["koordinator@sinergi.test"] })).status).toBe(200);
    // another trainee of the same module and agency, and someone from another agency: 404
    expect((await s.request(out.file.url, { cookie: cookies["agus.dinkes@sinergi.test"] })).status).toBe(404);
    expect((await s.request(out.file.thumbUrl, { cookie: cookies["agus.dinkes@sinergi.test"] })).status).toBe(404);
    expect((await s.request(out.file.url, { cookie: cookies["fajar@sinergi.test"] })).status).toBe(404);
    expect((await s.request(out.file.url)).status).toBe(302);
  });
});

describe("release deadlines and autosave", () => {
  it("a submission after late-until is refused with a message and the text stays in the draft", async () => {
    const body = "Judul rilis yang terlambat\n\nSUKAMAJU – Teks yang tidak boleh hilang.";
    const r = await s.request(page(closed), { method: "POST", body: new URLSearchParams({ intent: "submit", body }), cookie: cookies["rina@sinergi.test"] });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Pengumpulan sudah ditutup");
    const sub = await db.selectFrom("submission").select(["draft_json", "version_count", "status"]).where("assignment_id", "=", closed.assignmentId).executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ version_count: 0, status: "draft" });
    expect(sub.draft_json).toContain("Teks yang tidak boleh hilang.");
  });

  it("a stale autosave is refused with 409 and the newer text handed back", async () => {
    const url = `${page(release)}/draf`;
    const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    const a = await s.request(url, { method: "POST", body: new URLSearchParams({ body: doc("Tab pertama"), revision: "0" }), cookie: cookies["rina@sinergi.test"] });
    expect(await a.json()).toMatchObject({ ok: true, revision: 1 });
    const b = await s.request(url, { method: "POST", body: new URLSearchParams({ body: doc("Tab kedua, lebih baru"), revision: "1" }), cookie: cookies["rina@sinergi.test"] });
    expect(await b.json()).toMatchObject({ ok: true, revision: 2 });
    const stale = await s.request(url, { method: "POST", body: new URLSearchParams({ body: doc("Tab pertama, basi"), revision: "1" }), cookie: cookies["rina@sinergi.test"] });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ ok: false, error: "submission.stale", revision: 2, serverText: "Tab kedua, lebih baru" });
    const sub = await db.selectFrom("submission").select("draft_json").where("assignment_id", "=", release.assignmentId).executeTakeFirstOrThrow();
    expect(sub.draft_json).toContain("Tab kedua, lebih baru");
  });

  it("an empty submission is refused with a message", async () => {
    const r = await s.request(page(release), { method: "POST", body: new URLSearchParams({ intent: "submit", body: "   " }), cookie: cookies["agus.dinkes@sinergi.test"] });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Kiriman kosong");
  });

  it("a no-JS release submission becomes version 1 with clean paragraphs", async () => {
    const r = await s.request(page(release), {
      method: "POST",
      body: new URLSearchParams({ intent: "submit", body: "Dinkes Sukamaju Luncurkan Posyandu Digital\n\nSUKAMAJU – Dinas Kesehatan meluncurkan layanan, Senin (17/11/2026)." }),
      cookie: cookies["agus.dinkes@sinergi.test"],
    });
    expect(r.status).toBe(302);
    const page2 = await s.request(r.headers.get("location")!, { cookie: cookies["agus.dinkes@sinergi.test"] });
    const html = await page2.text();
    expect(html).toContain("<p>Dinkes Sukamaju Luncurkan Posyandu Digital</p>");
    expect(html).toContain("Versi 1");
  });
});
