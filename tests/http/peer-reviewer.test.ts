// Reviewing through the real production server with the demo network: Rina reviews Lestari's
// release (a review allocated here by hand; allocation is tested elsewhere). The bad inputs of
// the issue answer a clear message, keep the draft and change nothing else.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let rina: string;
let agus: string;
let reviewId: string;
let submissionId: string;
let versionId: string;
let fileId: string;
let criteria: { id: string }[];
let plain: string;
let authorName: string;
let calibPath: string;
let assignmentId: string;

const form = (entries: Record<string, string>) => new URLSearchParams(entries);
const levels = (level: string) => Object.fromEntries(criteria.map((c) => [`level.${c.id}`, level]));
const comments = (text: string) => Object.fromEntries(criteria.map((c) => [`comment.${c.id}`, text]));

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const a = await db.selectFrom("assignment").select(["id", "module_id", "rubric_id"])
    .where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
  const lestari = await db.selectFrom("user").select(["id", "name"]).where("email", "=", "lestari.pupr@sinergi.test").executeTakeFirstOrThrow();
  const sub = await db.selectFrom("submission").select(["id", "current_version_id"]).where("assignment_id", "=", a.id).where("user_id", "=", lestari.id).executeTakeFirstOrThrow();
  submissionId = sub.id;
  calibPath = `/pelatihan/${a.module_id}/tugas/${a.id}/kalibrasi`;
  assignmentId = a.id;
  authorName = lestari.name;
  versionId = sub.current_version_id!;
  criteria = await db.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", a.rubric_id!).orderBy("position").execute();
  const rinaId = (await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow()).id;
  const now = new Date().toISOString();
  reviewId = "review-rina";
  await db.deleteFrom("peer_review").where("submission_id", "=", submissionId).where("reviewer_id", "=", rinaId).execute();
  await db.insertInto("peer_review").values({
    id: reviewId, assignment_id: a.id, submission_id: submissionId, version_id: versionId, reviewer_id: rinaId, kind: "peer", source: "manual",
    status: "assigned", assigned_at: now, lease_expires_at: new Date(Date.now() + 48 * 3600_000).toISOString(),
  }).execute();
  // an image on the reviewed version, to pin and to fetch
  const port = new URL(s.baseUrl).port;
  const rel = "submissions/peer-test.webp";
  fs.mkdirSync(path.resolve(`tests/.tmp/uploads-${port}/submissions`), { recursive: true });
  fs.writeFileSync(path.resolve(`tests/.tmp/uploads-${port}/${rel}`), Buffer.from("RIFF0000WEBPVP8 "));
  fileId = "file-peer-test";
  await db.insertInto("submission_file").values({
    id: fileId, submission_id: submissionId, version_id: versionId, role: "supporting", position: 1, stored_path: rel, thumb_path: rel,
    mime_type: "image/webp", size_bytes: 16, created_at: now,
  }).execute();
  const { richTextToPlain } = await import("~/.server/rich-text.server");
  const v = await db.selectFrom("submission_version").select("body_json").where("id", "=", versionId).executeTakeFirstOrThrow();
  plain = richTextToPlain(v.body_json);
  rina = await s.login("rina@sinergi.test");
  agus = await s.login("agus.dinkes@sinergi.test");
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const review = () => db.selectFrom("peer_review").select(["status", "feedback", "score", "submitted_at"]).where("id", "=", reviewId).executeTakeFirstOrThrow();
const scores = () => db.selectFrom("peer_review_score").select(["criterion_id", "level", "comment"]).where("review_id", "=", reviewId).orderBy("criterion_id").execute();
const anchored = () => db.selectFrom("peer_review_comment").select(["quote", "start_offset", "end_offset", "anchor"]).where("review_id", "=", reviewId).orderBy("created_at").execute();
const post = (body: Record<string, string>, cookie = rina) => s.request(`/silang-baca/${reviewId}`, { method: "POST", cookie, body: form(body) });

describe("my reviews and the review page", () => {
  it("lists the owed review and opens it without naming the author; someone else gets 404", async () => {
    const list = await (await s.request("/silang-baca", { cookie: rina })).text();
    expect(list).toContain("Ulasan yang harus Anda kerjakan");
    expect(list).toContain(`/silang-baca/${reviewId}`);
    const r = await s.request(`/silang-baca/${reviewId}`, { cookie: rina });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("Kirim ulasan");
    expect(html).toContain("Posyandu Digital");
    expect(html).not.toContain(authorName);
    expect((await review()).status).toBe("started");
    expect((await s.request(`/silang-baca/${reviewId}`, { cookie: agus })).status).toBe(404);
    expect((await post({ intent: "save", ...levels("3") }, agus)).status).toBe(404);
    expect((await s.request(`/berkas/${fileId}`, { cookie: rina })).status).toBe(200);
    expect((await s.request(`/berkas/${fileId}`, { cookie: agus })).status).toBe(404);
  });
});

describe("bad input keeps the draft and changes nothing else", () => {
  it("saves a partial draft without JavaScript and via the autosave endpoint", async () => {
    const r = await post({ intent: "save", [`level.${criteria[0].id}`]: "3", feedback: "Draf pertama" });
    expect(r.status).toBe(302);
    expect(await review()).toMatchObject({ status: "started", feedback: "Draf pertama" });
    const j = await s.request(`/silang-baca/${reviewId}/draf`, { method: "POST", cookie: rina, body: form({ intent: "save", [`level.${criteria[0].id}`]: "2", feedback: "Draf kedua" }) });
    expect(j.status).toBe(200);
    expect(await j.json()).toMatchObject({ ok: true });
    expect(await scores()).toEqual([{ criterion_id: criteria[0].id, level: 2, comment: null }]);
  });

  it("a criterion not in the rubric: 400 with a message, the draft unchanged", async () => {
    const r = await post({ intent: "submit", ...levels("3"), "level.bukan-kriteria": "4", feedback: "Umpan balik yang diketik" });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Ada kriteria yang tidak termasuk rubrik tugas ini.");
    expect(html).toContain("Umpan balik yang diketik");
    expect(await scores()).toEqual([{ criterion_id: criteria[0].id, level: 2, comment: null }]);
    expect((await review()).feedback).toBe("Draf kedua");
  });

  it("a score out of range: 400 with a message, the draft unchanged", async () => {
    const r = await post({ intent: "submit", ...levels("3"), [`level.${criteria[1].id}`]: "7", feedback: "x" });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Skor harus 1 sampai 4.");
    expect(await scores()).toEqual([{ criterion_id: criteria[0].id, level: 2, comment: null }]);
    const j = await s.request(`/silang-baca/${reviewId}/draf`, { method: "POST", cookie: rina, body: form({ intent: "save", [`level.${criteria[0].id}`]: "9" }) });
    expect(j.status).toBe(400);
    expect(await j.json()).toEqual({ ok: false, error: "review.do.levelRange" });
  });

  it("missing required comments: 400, the message, what was typed kept as the draft, still not submitted", async () => {
    const r = await post({ intent: "submit", ...levels("3"), [`level.${criteria[0].id}`]: "1", feedback: "Umpan balik umum yang cukup panjang untuk penulis." });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Kriteria dengan skor 1 atau 2 wajib diberi komentar.");
    expect(html).toContain("Tulis komentar untuk kriteria ini.");
    const rv = await review();
    expect(rv.status).toBe("started");
    expect(rv.submitted_at).toBeNull();
    expect((await scores()).find((x) => x.criterion_id === criteria[0].id)?.level).toBe(1);
  });

  it("an anchor not in that version: refused with a message; a real passage is kept with its offsets", async () => {
    const bad = await post({ intent: "comment", criterionId: criteria[0].id, quote: "kalimat yang tidak ada di rilis", body: "Komentar saya" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Kutipan itu tidak ada dalam teks versi yang Anda ulas.");
    expect(html).toContain("Komentar saya");
    const forged = await post({ intent: "comment", criterionId: criteria[0].id, quote: plain.slice(10, 30), start: "0", end: "20", body: "Komentar" });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Kutipan tidak cocok dengan teks versi yang Anda ulas.");
    expect(await anchored()).toEqual([]);
    const quote = plain.slice(10, 30);
    const ok = await post({ intent: "comment", criterionId: criteria[0].id, quote, start: "10", end: "30", body: "Perjelas bagian ini dengan data." });
    expect(ok.status).toBe(302);
    const pin = await post({ intent: "pin", criterionId: criteria[1].id, fileId, x: "0.4", y: "0.6", body: "Gambar kurang tajam." });
    expect(pin.status).toBe(302);
    expect(await anchored()).toEqual([
      { quote, start_offset: 10, end_offset: 30, anchor: "text" },
      { quote: null, start_offset: null, end_offset: null, anchor: "pin" },
    ]);
  });

  it("submits a complete review, then it is closed", async () => {
    const r = await post({ intent: "submit", ...levels("3"), ...comments("Struktur piramida terbalik sudah dipakai dengan baik."), feedback: "Tambahkan kutipan kepala dinas dan data jumlah posyandu." });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/silang-baca");
    expect(await review()).toMatchObject({ status: "submitted", score: 75 });
    const again = await post({ intent: "save", ...levels("1") });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Ulasan ini sudah dikirim");
    expect((await scores()).every((x) => x.level === 3)).toBe(true);
  });

  it("reviewing after being taken off: the message, never the piece; posts refused, nothing changed", async () => {
    await db.updateTable("peer_review").set({ status: "removed", ended_at: new Date().toISOString(), submitted_at: null }).where("id", "=", reviewId).execute();
    const r = await s.request(`/silang-baca/${reviewId}`, { cookie: rina });
    expect(r.status).toBe(410);
    const html = await r.text();
    expect(html).toContain("Ulasan ini sudah dialihkan");
    expect(html).not.toContain("Posyandu Digital di 212");
    const p = await post({ intent: "save", ...levels("4") });
    expect(p.status).toBe(400);
    expect(await p.text()).toContain("Ulasan ini sudah dialihkan");
    expect((await scores()).every((x) => x.level === 3)).toBe(true);
    expect((await s.request(`/berkas/${fileId}`, { cookie: rina })).status).toBe(404);
  });
});

describe("calibration", () => {
  let exampleId: string;
  beforeAll(async () => {
    const now = new Date().toISOString();
    const has = await db.selectFrom("peer_review_setting").select("assignment_id").where("assignment_id", "=", assignmentId).executeTakeFirst();
    if (has) await db.updateTable("peer_review_setting").set({ calibration: 1, enabled: 1 }).where("assignment_id", "=", assignmentId).execute();
    else await db.insertInto("peer_review_setting").values({ assignment_id: assignmentId, calibration: 1, reviews_due_at: new Date(Date.now() + 14 * 86_400_000).toISOString(), created_at: now, updated_at: now }).execute();
    exampleId = "calib-1";
    await db.insertInto("calibration_example").values({ id: exampleId, assignment_id: assignmentId, position: 1, title: "Rilis contoh", body_json: null, created_at: now }).execute();
    await db.insertInto("calibration_reference").values(criteria.map((c, i) => ({ example_id: exampleId, criterion_id: c.id, level: 3, note: i === 0 ? "Judul sudah aktif." : null }))).execute();
  });
  const attempts = () => db.selectFrom("calibration_attempt").select(["within_one"]).where("example_id", "=", "calib-1").execute();

  it("my reviews point to the calibration still to do", async () => {
    const html = await (await s.request("/silang-baca", { cookie: rina })).text();
    expect(html).toContain("Kalibrasi dulu sebelum mengulas");
    expect(html).toContain(`href="${calibPath}"`);
  });

  it("a forged reference answers 400 with a message and records nothing", async () => {
    const r = await s.request(calibPath, { method: "POST", cookie: rina, body: form({ exampleId: "calib-1", ...levels("1"), [`reference.${criteria[0].id}`]: "1", within_one: "1" }) });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Skor acuan hanya berasal dari fasilitator");
    expect(await attempts()).toEqual([]);
  });

  it("an attempt far from the reference is recorded as not within one and shows the difference and the note", async () => {
    const r = await s.request(calibPath, { method: "POST", cookie: rina, body: form({ exampleId: "calib-1", ...levels("1") }) });
    expect(r.status).toBe(302);
    expect(await attempts()).toEqual([{ within_one: 0 }]);
    const html = await (await s.request(calibPath, { cookie: rina })).text();
    expect(html).toContain("Skor Anda 1, acuan 3, selisih -2.");
    expect(html).toContain("Catatan fasilitator: Judul sudah aktif.");
    expect(html).not.toContain("Anda lulus kalibrasi");
  });

  it("within one level everywhere passes", async () => {
    const r = await s.request(calibPath, { method: "POST", cookie: rina, body: form({ exampleId: "calib-1", ...levels("4") }) });
    expect(r.status).toBe(302);
    const html = await (await s.request(calibPath, { cookie: rina })).text();
    expect(html).toContain("Anda lulus kalibrasi");
    expect(await (await s.request("/silang-baca", { cookie: rina })).text()).not.toContain("Kalibrasi dulu sebelum mengulas");
  });
});
