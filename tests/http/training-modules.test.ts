// Modules, lessons and enrolment through the real server: who may open a lesson and its files, bad
// input keeps what was typed, uploaded videos are served with Range support, watched progress
// through the beacon endpoint, and Mux Data only where and when configured.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";
import { enrolPeople } from "~/models/enrolment.server";

const MUX_KEY = "muxtestenvkey123";
let s: TestServer;
let db: DB;
let fasil: string;
let rina: string;
let rinaId: string;
let moduleId: string;
let videoLessonId: string;
let textLessonId: string;
const base = () => `/pelatihan/${moduleId}`;

/** A tiny "MP4": the container signature is all the server checks; the bytes after it are filler. */
const FAKE_MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, ...new Array(4000).fill(7)]);

const userId = async (email: string) => (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

async function post(path: string, body: URLSearchParams | FormData, cookie: string) {
  return s.request(path, { method: "POST", body, cookie });
}

beforeAll(async () => {
  s = await startServer({ env: { MUX_DATA_ENV_KEY: MUX_KEY } });
  db = createDb(`file:${s.dbFile}`);
  fasil = await s.login("fasilitator@sinergi.test");
  rina = await s.login("rina@sinergi.test");
  rinaId = await userId("rina@sinergi.test");

  let r = await post("/pelatihan/baru", new URLSearchParams({ title: "Uji Modul Video", summary: "Ringkasan", jp: "4", outputCategory: "produksi_konten", status: "draft" }), fasil);
  expect(r.status).toBe(302);
  moduleId = (await db.selectFrom("module").select("id").where("title", "=", "Uji Modul Video").executeTakeFirstOrThrow()).id;

  const fd = new FormData();
  fd.set("title", "Menonton contoh konferensi pers");
  fd.set("content", "Perhatikan urutan penyampaian.");
  fd.set("video", "upload");
  fd.set("videoFile", new File([FAKE_MP4], "konpers.mp4", { type: "video/mp4" }));
  fd.set("attachments", new File(["%PDF-1.4\n%%EOF\n"], "lembar-fakta.pdf", { type: "application/pdf" }));
  r = await post(`${base()}/materi/baru`, fd, fasil);
  expect(r.status).toBe(302);
  videoLessonId = (await db.selectFrom("lesson").select("id").where("module_id", "=", moduleId).where("video_kind", "=", "upload").executeTakeFirstOrThrow()).id;

  r = await post(`${base()}/materi/baru`, new URLSearchParams({ title: "Struktur siaran pers", content: "Judul, teras, tubuh.", video: "none" }), fasil);
  expect(r.status).toBe(302);
  textLessonId = (await db.selectFrom("lesson").select("id").where("module_id", "=", moduleId).where("video_kind", "is", null).executeTakeFirstOrThrow()).id;

  r = await post(`${base()}/ubah`, new URLSearchParams({ title: "Uji Modul Video", jp: "4", outputCategory: "produksi_konten", status: "published" }), fasil);
  expect(r.status).toBe(302);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

describe("who may open lessons", () => {
  it("a trainee who is not enrolled cannot open a lesson, its video or its attachment", async () => {
    expect((await s.request(base(), { cookie: rina })).status).toBe(200);
    expect((await s.request(`${base()}/materi/${videoLessonId}`, { cookie: rina })).status).toBe(403);
    expect((await s.request(`${base()}/materi/${videoLessonId}/video`, { cookie: rina })).status).toBe(403);
    const att = await db.selectFrom("lesson_attachment").select("id").where("lesson_id", "=", videoLessonId).executeTakeFirstOrThrow();
    expect((await s.request(`${base()}/materi/${videoLessonId}/lampiran/${att.id}`, { cookie: rina })).status).toBe(403);
    expect((await s.request(`${base()}/peserta`, { cookie: rina })).status).toBe(403);
  });

  it("a draft module is not found for a trainee", async () => {
    await post("/pelatihan/baru", new URLSearchParams({ title: "Draf Rahasia", jp: "2", outputCategory: "penunjang", status: "draft" }), fasil);
    const id = (await db.selectFrom("module").select("id").where("title", "=", "Draf Rahasia").executeTakeFirstOrThrow()).id;
    expect((await s.request(`/pelatihan/${id}`, { cookie: rina })).status).toBe(404);
    expect(await (await s.request("/pelatihan", { cookie: rina })).text()).not.toContain("Draf Rahasia");
    expect(await (await s.request("/pelatihan", { cookie: fasil })).text()).toContain("Draf Rahasia");
  });
});

describe("bad input keeps what was typed", () => {
  it("refuses a JP out of range and publishing without lessons, with the title kept", async () => {
    let r = await post("/pelatihan/baru", new URLSearchParams({ title: "Teras Berita Ketikan Saya", jp: "300", outputCategory: "produksi_konten", status: "draft" }), fasil);
    expect(r.status).toBe(400);
    let html = await r.text();
    expect(html).toContain("JP harus bilangan bulat 1–200.");
    expect(html).toContain("Teras Berita Ketikan Saya");
    r = await post("/pelatihan/baru", new URLSearchParams({ title: "Langsung Terbit", jp: "3", outputCategory: "produksi_konten", status: "published" }), fasil);
    expect(r.status).toBe(400);
    html = await r.text();
    expect(html).toContain("tambahkan paling sedikit satu materi");
    expect(html).toContain("Langsung Terbit");
  });

  it("refuses a file that is not a video though named .mp4, and a cover that is not an image, keeping the fields", async () => {
    const fd = new FormData();
    fd.set("title", "Materi dengan video palsu");
    fd.set("video", "upload");
    fd.set("videoFile", new File(["bukan video sama sekali"], "palsu.mp4", { type: "video/mp4" }));
    const r = await post(`${base()}/materi/baru`, fd, fasil);
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Berkas bukan video MP4 atau WebM");
    expect(html).toContain("Materi dengan video palsu");
    expect(await db.selectFrom("lesson").select("id").where("title", "=", "Materi dengan video palsu").execute()).toEqual([]);

    const cover = new FormData();
    for (const [k, v] of Object.entries({ title: "Modul Bersampul Palsu", jp: "2", outputCategory: "penunjang", status: "draft" })) cover.set(k, v);
    cover.set("cover", new File(["teks biasa"], "sampul.jpg", { type: "image/jpeg" }));
    const c = await post("/pelatihan/baru", cover, fasil);
    expect(c.status).toBe(400);
    const chtml = await c.text();
    expect(chtml).toContain("bukan gambar");
    expect(chtml).toContain("Modul Bersampul Palsu");
  });

  it("refuses a video link that is not https .mp4/.m3u8", async () => {
    const r = await post(`${base()}/materi/baru`, new URLSearchParams({ title: "Materi tautan", video: "url", videoUrl: "http://contoh.id/video.avi" }), fasil);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("berakhiran .mp4 atau .m3u8");
  });
});

describe("an enrolled trainee", () => {
  beforeAll(async () => {
    const cohortId = (await db.insertInto("cohort").values({
      id: "cohort-uji", module_id: moduleId, name: "Angkatan Uji", starts_on: "2026-01-01", ends_on: "2026-12-31", time_zone: "Asia/Jakarta",
      open_enrolment: 0, created_by: null, created_at: new Date().toISOString(),
    }).returning("id").executeTakeFirstOrThrow()).id;
    const r = await enrolPeople(db, { moduleId, moduleTitle: "Uji Modul Video", cohortId, actor: { id: await userId("fasilitator@sinergi.test") } }, [rinaId]);
    expect(r).toEqual({ ok: true, added: 1, already: 0 });
  });

  it("gets the uploaded video in byte ranges (206)", async () => {
    const r = await s.request(`${base()}/materi/${videoLessonId}/video`, { cookie: rina, headers: { Range: "bytes=0-11" } });
    expect(r.status).toBe(206);
    expect(r.headers.get("content-range")).toBe(`bytes 0-11/${FAKE_MP4.length}`);
    expect(r.headers.get("content-type")).toBe("video/mp4");
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(FAKE_MP4.slice(0, 12));
    const whole = await s.request(`${base()}/materi/${videoLessonId}/video`, { cookie: rina });
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(FAKE_MP4.length);
    const past = await s.request(`${base()}/materi/${videoLessonId}/video`, { cookie: rina, headers: { Range: "bytes=99999-" } });
    expect(past.status).toBe(416);
  });

  it("records watched ranges from a same-origin beacon; a skip to the end does not finish the lesson", async () => {
    const send = (ranges: number[][], headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin" }) =>
      s.request(`${base()}/materi/${videoLessonId}/progres`, { method: "POST", cookie: rina, headers, body: new URLSearchParams({ ranges: JSON.stringify(ranges), duration: "100" }) });
    let r = await send([[0, 10], [95, 100]]);
    expect(await r.json()).toMatchObject({ recorded: true, done: false, percent: 15 });
    r = await send([[10, 90]], { "Sec-Fetch-Site": "cross-site" });
    expect(r.status).toBe(403);
    r = await send([[10, 90]]);
    expect(await r.json()).toMatchObject({ done: true, percent: 95 });
    const page = await (await s.request(base(), { cookie: rina })).text();
    expect(page).toContain("Selesai");
  });

  it("marks a lesson without video done with a plain form post", async () => {
    const r = await post(`${base()}/materi/${textLessonId}`, new URLSearchParams({ intent: "done" }), rina);
    expect(r.status).toBe(302);
    const p = await db.selectFrom("lesson_progress").select("completed_at").where("lesson_id", "=", textLessonId).where("user_id", "=", rinaId).executeTakeFirstOrThrow();
    expect(p.completed_at).not.toBeNull();
  });

  it("sees Mux Data set up on a video lesson with the env key and an opaque viewer id, never a name or e-mail", async () => {
    const r = await s.request(`${base()}/materi/${videoLessonId}`, { cookie: rina });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("https://*.litix.io");
    const html = await r.text();
    const opaque = crypto.createHmac("sha256", `sinergi-mux-viewer:${MUX_KEY}`).update(rinaId).digest("hex").slice(0, 32);
    // The loader data is streamed (turbo-stream): the mux config is the stretch from "envKey" to "videoTitle".
    const start = html.indexOf('\\"envKey\\"');
    const mux = html.slice(start, html.indexOf('\\"videoTitle\\"', start));
    expect(start).toBeGreaterThan(0);
    expect(mux).toContain(MUX_KEY);
    expect(mux).toContain(opaque);
    expect(mux).not.toContain("rina@sinergi.test");
    expect(mux).not.toContain("Rina");
    expect(mux).not.toContain(rinaId);
    expect(html).toContain('preload="metadata"');
  });

  it("gets no Mux on a lesson without video", async () => {
    const html = await (await s.request(`${base()}/materi/${textLessonId}`, { cookie: rina })).text();
    expect(html).not.toContain(MUX_KEY);
    expect(html).not.toContain("envKey");
    expect(html).not.toContain("<video");
  });
});

describe("without MUX_DATA_ENV_KEY", () => {
  let s2: TestServer;
  afterAll(async () => s2?.stop());
  it("nothing of Mux appears, not even in the CSP", async () => {
    s2 = await startServer();
    const cookie = await s2.login("koordinator@sinergi.test");
    const r = await s2.request("/pelatihan", { cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).not.toContain("litix");
    expect(await r.text()).not.toMatch(/litix|env_key/);
  }, 60_000);
});
