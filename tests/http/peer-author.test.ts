// The author's side of peer review over HTTP against the production server: the reviews page is
// the author's own (others get 404), says why it is not open yet, shows reviewers only as
// "Peninjau N" with comments in place; a rating of 7 is refused with a message and nothing changed;
// the version comparison is for the author, their reviewers and fasilitators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { addComment, addReview, handIn, peerFixture } from "#tests/helpers/peer-author-fixtures";
import { startServer, type TestServer } from "#tests/helpers/server";
import type { TrainingFixture } from "#tests/helpers/submission-fixtures";

let s: TestServer;
let db: DB;
let f: TrainingFixture;
const cookies: Record<string, string> = {};
const people: Record<string, { id: string; agencyId: string | null; name: string }> = {};
const ids: Record<string, string> = {};
const TEXT = "Dinas Kesehatan membuka posko vaksin di alun-alun kota.\n\nPosko buka setiap hari pukul 08.00.";
const EMAILS = ["rina@sinergi.test", "budi.disdik@sinergi.test", "lestari.pupr@sinergi.test", "wulan.bpbd@sinergi.test", "fasilitator@sinergi.test"];

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  for (const e of EMAILS) {
    const u = await db.selectFrom("user").select(["id", "agency_id", "name"]).where("email", "=", e).executeTakeFirstOrThrow();
    people[e] = { id: u.id, agencyId: u.agency_id, name: u.name };
    cookies[e] = await s.login(e);
  }
  const [rina, budi, lestari] = EMAILS.slice(0, 3).map((e) => people[e]);
  // Reviews close in a week (real clock): only "all reviews in" opens them early.
  f = await peerFixture(db, [rina, budi, lestari], people["fasilitator@sinergi.test"].id, new Date(Date.now() + 7 * 86_400_000).toISOString());
  const rinaPiece = await handIn(db, f, rina, TEXT);
  const budiPiece = await handIn(db, f, budi, "Rilis Dinas Pendidikan tentang beasiswa.");
  ids.rinaSub = rinaPiece.submissionId;
  ids.r1 = await addReview(db, f, rinaPiece, budi.id, { levels: [3, 2], feedback: "Teras belum menjawab kapan." });
  ids.r2 = await addReview(db, f, rinaPiece, lestari.id, { levels: [4, 3] });
  ids.rinaOwes = await addReview(db, f, budiPiece, rina.id, { status: "started" });
  ids.onBudi = await addReview(db, f, budiPiece, lestari.id, { levels: [2, 2] });
  const at = TEXT.indexOf("posko vaksin");
  ids.c1 = await addComment(db, f, ids.r1, rinaPiece.versionId, { quote: "posko vaksin", start: at, end: at + 12, body: "Berapa jumlah posko?" });
  ids.cBudi = await addComment(db, f, ids.onBudi, budiPiece.versionId, { quote: "beasiswa", body: "Siapa penerimanya?" });
  // An image on the reviewed version with a pin a quarter across and halfway down.
  await db.insertInto("submission_file").values({
    id: "pu-image", submission_id: rinaPiece.submissionId, version_id: rinaPiece.versionId, role: "main", position: 0, caption: "Posko vaksin",
    stored_path: "tidak-ada.webp", thumb_path: null, mime_type: "image/webp", width: 800, height: 600, size_bytes: 1, created_at: new Date().toISOString(),
  }).execute();
  await addComment(db, f, ids.r2, rinaPiece.versionId, { fileId: "pu-image", x: 0.25, y: 0.5, body: "Wajah anak perlu disamarkan." });
}, 90_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const base = () => `/pelatihan/${f.moduleId}/tugas/${f.assignmentId}`;
const get = (path: string, email: string) => s.request(path, { cookie: cookies[email] });
const post = (path: string, email: string, body: Record<string, string>) => s.request(path, { method: "POST", body: new URLSearchParams(body), cookie: cookies[email] });

describe("the reviews page", () => {
  it("is 404 for a trainee outside the module", async () => {
    expect((await get(`${base()}/ulasan`, "wulan.bpbd@sinergi.test")).status).toBe(404);
  });

  it("tells the author to finish their own reviews first, then shows the reviews anonymously with comments in place", async () => {
    const before = await get(`${base()}/ulasan`, "rina@sinergi.test");
    expect(before.status).toBe(200);
    const waiting = await before.text();
    expect(waiting).toContain("Selesaikan ulasan Anda dulu");
    expect(waiting).not.toContain("Teras belum menjawab kapan.");
    // The assignment page shows the status and links to the page.
    const assignment = await (await get(base(), "rina@sinergi.test")).text();
    expect(assignment).toContain("Selesaikan ulasan Anda dulu");
    expect(assignment).toContain(`${base()}/ulasan`);

    await db.updateTable("peer_review").set({ status: "submitted", submitted_at: new Date().toISOString() }).where("id", "=", ids.rinaOwes).execute();
    const html = await (await get(`${base()}/ulasan`, "rina@sinergi.test")).text();
    expect(html).toContain("Peninjau 1");
    expect(html).toContain("Peninjau 2");
    expect(html).toContain("Teras belum menjawab kapan.");
    expect(html).toMatch(/<mark[^>]*>posko vaksin<\/mark>/);
    expect(html).toContain('href="#komentar-1"');
    // The pin is drawn on the image, numbered after the passage, linking to its comment.
    expect(html).toMatch(/<a href="#komentar-2"[^>]*style="left:25%;top:50%"[^>]*>2<\/a>/);
    expect(html).toContain("Wajah anak perlu disamarkan.");
    expect(html).not.toContain(people["budi.disdik@sinergi.test"].name);
    expect(html).not.toContain(people["lestari.pupr@sinergi.test"].name);
  });

  it("refuses a rating of 7 with a message and changes nothing; a rating of 4 is saved", async () => {
    const r = await post(`${base()}/ulasan`, "rina@sinergi.test", { intent: "rate", reviewId: ids.r1, helpfulness: "7" });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Pilih nilai 1 sampai 5.");
    const row = () => db.selectFrom("peer_review").select("helpfulness").where("id", "=", ids.r1).executeTakeFirstOrThrow();
    expect((await row()).helpfulness).toBeNull();
    const ok = await post(`${base()}/ulasan`, "rina@sinergi.test", { intent: "rate", reviewId: ids.r1, helpfulness: "4" });
    expect(ok.status).toBe(302);
    expect((await row()).helpfulness).toBe(4);
  });

  it("saves an answer to the author's comment and refuses one on someone else's piece", async () => {
    const ok = await post(`${base()}/ulasan`, "rina@sinergi.test", { intent: "answer", commentId: ids.c1, addressed: "yes", reply: "Sudah saya tambahkan: tiga posko." });
    expect(ok.status).toBe(302);
    const bad = await post(`${base()}/ulasan`, "rina@sinergi.test", { intent: "answer", commentId: ids.cBudi, addressed: "yes", reply: "Bukan komentar untuk saya" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("tidak dapat Anda tanggapi");
    const rows = await db.selectFrom("peer_review_comment").select(["id", "addressed", "reply"]).where("id", "in", [ids.c1, ids.cBudi]).orderBy("created_at").execute();
    expect(Object.fromEntries(rows.map((x) => [x.id, [x.addressed, x.reply]]))).toEqual({ [ids.c1]: [1, "Sudah saya tambahkan: tiga posko."], [ids.cBudi]: [null, null] });
  });
});

describe("comparing versions", () => {
  it("shows the changes to the author, a reviewer (without the author's name) and the fasilitator; refuses everyone else", async () => {
    await handIn(db, f, people["rina@sinergi.test"], TEXT.replace("alun-alun kota", "alun-alun kota Sukamaju"), new Date().toISOString());
    const url = `${base()}/bandingkan?kiriman=${ids.rinaSub}&dari=1&ke=2`;
    for (const who of ["rina@sinergi.test", "budi.disdik@sinergi.test", "fasilitator@sinergi.test"]) {
      const r = await get(url, who);
      expect(r.status, who).toBe(200);
      const html = await r.text();
      expect(html).toMatch(/<ins[^>]*>.*Sukamaju/s);
      expect(html).toMatch(/<del[^>]*>.*kota\./s);
      // Nobody's name on the page (the author's own appears only in her own header).
      if (who !== "rina@sinergi.test") expect(html).not.toContain(people["rina@sinergi.test"].name);
    }
    // Lestari reviewed Rina's piece too; make her an outsider to it, and Wulan is not in the module.
    await db.updateTable("peer_review").set({ status: "removed" }).where("id", "=", ids.r2).execute();
    expect((await get(url, "lestari.pupr@sinergi.test")).status).toBe(404);
    expect((await get(url, "wulan.bpbd@sinergi.test")).status).toBe(404);
    // The grading page links to the comparison now that there are two versions.
    const grading = await (await get(`${base()}/penilaian/${ids.rinaSub}`, "fasilitator@sinergi.test")).text();
    expect(grading).toContain(`bandingkan?kiriman=${ids.rinaSub}&amp;dari=1&amp;ke=2`);
  });
});
