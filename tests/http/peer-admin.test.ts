// The fasilitator's peer-review pages through the real production server and the demo data: the demo
// release has peer review on (opens on submit, 2 per piece) and its three submissions review each
// other. Trainees cannot reach the board, the settings or a person's page; bad input gets an
// Indonesian message with the values kept and nothing saved; good input saves, allocates, adds and
// removes reviewers and overrides a grade (on the person's page); the board filters and searches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let page: string;
let settingsPage: string;
let assignmentId: string;
const personPage = async (email: string) => {
  const u = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return `${page}/${u.id}`;
};
beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const a = await db.selectFrom("assignment").select(["id", "module_id"]).where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
  assignmentId = a.id;
  page = `/pelatihan/${a.module_id}/tugas/${a.id}/silang-baca`;
  settingsPage = `${page}/pengaturan`;
});
afterAll(async () => {
  await db?.destroy();
  s?.stop();
});

const settingsForm = (over: Record<string, string> = {}) =>
  new URLSearchParams({
    _action: "settings", enabled: "on", perSubmission: "2", otherAgencyOnly: "on", anonymity: "both", opens: "on_submit", mustSubmitFirst: "on",
    facilitatorWeight: "60", peerWeight: "40", leaseHours: "48", timeZone: "Asia/Jakarta", reviewsDueDate: "2030-01-31", reviewsDueTime: "23:59",
    backstopHours: "24", ...over,
  });
const active = () => db.selectFrom("peer_review").selectAll().where("assignment_id", "=", assignmentId).where("status", "in", ["assigned", "started", "submitted"]).execute();

describe("who may reach the peer-review page", () => {
  it("anonymous → login; an enrolled trainee and another agency's admin → 403, also for a POST", async () => {
    expect((await s.request(page)).status).toBe(302);
    const rina = await s.login("rina@sinergi.test");
    expect((await s.request(page, { cookie: rina })).status).toBe(403);
    expect((await s.request(settingsPage, { cookie: rina })).status).toBe(403);
    expect((await s.request(settingsPage, { method: "POST", body: settingsForm({ perSubmission: "5" }), cookie: rina })).status).toBe(403);
    expect((await s.request(await personPage("lestari.pupr@sinergi.test"), { cookie: rina })).status).toBe(403);
    expect((await s.request(`${page}?page=2`, { cookie: await s.login("fajar@sinergi.test") })).status).toBe(403);
    const stored = await db.selectFrom("peer_review_setting").select("per_submission").where("assignment_id", "=", assignmentId).executeTakeFirstOrThrow();
    expect(stored.per_submission).toBe(2);
  });

  it("an unknown assignment, or a person not in the module, is 404 for the fasilitator", async () => {
    const f = await s.login("fasilitator@sinergi.test");
    expect((await s.request(page.replace(assignmentId, "tidak-ada"), { cookie: f })).status).toBe(404);
    expect((await s.request(await personPage("pimpinan@sinergi.test"), { cookie: f })).status).toBe(404);
  });
});

describe("the fasilitator's page", () => {
  it("shows the board: the demo releases review each other (two each); the settings have their own page", async () => {
    const rows = await active();
    expect(rows).toHaveLength(6);
    const cookie = await s.login("fasilitator@sinergi.test");
    const html = await (await s.request(page, { cookie })).text();
    expect(html).toContain("Siapa berutang apa");
    expect(html).toMatch(/8 peserta · 3 mengumpulkan · 0 ulasan selesai · 6 belum · 0 ditandai/);
    expect(html).toContain("Lestari Handayani");
    expect(html).toContain("Yohanes Kbarek");
    expect(html).toContain("Belum menyelesaikan ulasan");
    expect(html).toContain("Belum mengumpulkan"); // Rina and others enrolled without a piece
    expect(await (await s.request(settingsPage, { cookie })).text()).toContain("Aktifkan silang baca");
  });

  it("filters, one agency and a search narrow the board, as links and a GET form", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const names = async (qs: string) => {
      const html = await (await s.request(`${page}?${qs}`, { cookie })).text();
      return ["Rina Lestari", "Lestari Handayani", "Yohanes Kbarek", "Nurhayati Said", "Budi Santoso"].filter((n) => html.includes(`>${n}`));
    };
    expect(await names("tampil=belum")).toEqual(["Rina Lestari", "Budi Santoso"]);
    expect(await names("tampil=berutang")).toEqual(["Lestari Handayani", "Yohanes Kbarek", "Nurhayati Said"]);
    expect(await names("q=yohanes")).toEqual(["Yohanes Kbarek"]);
    const pupr = await db.selectFrom("user").select("agency_id").where("email", "=", "lestari.pupr@sinergi.test").executeTakeFirstOrThrow();
    expect(await names(`instansi=${pupr.agency_id}`)).toEqual(["Lestari Handayani"]);
    const none = await (await s.request(`${page}?q=tidak-ada-orang-ini`, { cookie })).text();
    expect(none).toContain("Tidak ada peserta yang cocok.");
  });

  it("weights not adding to 100: a message in Indonesian, the typed values kept, nothing saved", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const r = await s.request(settingsPage, { method: "POST", body: settingsForm({ facilitatorWeight: "70", peerWeight: "45", leaseHours: "12" }), cookie });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Jumlah bobot fasilitator dan sejawat harus 100.");
    expect(html).toContain('value="70"');
    expect(html).toContain('value="45"');
    expect(html).toContain('value="12"');
    const stored = await db.selectFrom("peer_review_setting").selectAll().where("assignment_id", "=", assignmentId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ facilitator_weight: 60, peer_weight: 40, lease_hours: 48 });
  });

  it("a review deadline before the due date is refused when reviewing opens at the due date", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const r = await s.request(settingsPage, { method: "POST", body: settingsForm({ opens: "due", reviewsDueDate: "2020-01-01" }), cookie });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Tenggat ulasan harus setelah tenggat pengumpulan.");
  });

  it("saving good settings stores them and redirects with how many reviews were given", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const r = await s.request(settingsPage, { method: "POST", body: settingsForm({ leaseHours: "24", anonymity: "reviewers_named", calibration: "on" }), cookie });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe(page);
    const stored = await db.selectFrom("peer_review_setting").selectAll().where("assignment_id", "=", assignmentId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ lease_hours: 24, anonymity: "reviewers_named", calibration: 1, reviews_due_at: "2030-01-31T16:59:00.000Z" });
    const next = await s.request(r.headers.get("location")!, { cookie: `${cookie}; ${(r.headers.get("set-cookie") ?? "").split(";")[0]}` });
    expect(await next.text()).toMatch(/Pengaturan disimpan\. 0 ulasan baru dibagikan\./);
    // put it back as the demo had it
    await s.request(settingsPage, { method: "POST", body: settingsForm(), cookie });
  });

  it("adding a reviewer: the author themself and a non-trainee are refused with a message; removing takes a reviewer off", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const lestari = await db.selectFrom("user").select("id").where("email", "=", "lestari.pupr@sinergi.test").executeTakeFirstOrThrow();
    const sub = await db.selectFrom("submission").select("id").where("assignment_id", "=", assignmentId).where("user_id", "=", lestari.id).executeTakeFirstOrThrow();
    const lestariPage = `${page}/${lestari.id}`;
    expect(await (await s.request(lestariPage, { cookie })).text()).toContain("Peninjau karyanya");
    const self = await s.request(lestariPage, { method: "POST", body: new URLSearchParams({ _action: "add", submissionId: sub.id, reviewerEmail: "lestari.pupr@sinergi.test" }), cookie });
    expect(self.status).toBe(400);
    const selfHtml = await self.text();
    expect(selfHtml).toContain("Penulis tidak dapat mengulas karyanya sendiri.");
    expect(selfHtml).toContain('value="lestari.pupr@sinergi.test"');
    const outsider = await s.request(lestariPage, { method: "POST", body: new URLSearchParams({ _action: "add", submissionId: sub.id, reviewerEmail: "pimpinan@sinergi.test" }), cookie });
    expect(await outsider.text()).toContain("Orang itu bukan peserta aktif modul ini.");
    const added = await s.request(lestariPage, { method: "POST", body: new URLSearchParams({ _action: "add", submissionId: sub.id, reviewerEmail: "rina@sinergi.test" }), cookie });
    expect(added.status).toBe(302);
    const rina = await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow();
    const row = (await active()).find((r) => r.submission_id === sub.id && r.reviewer_id === rina.id)!;
    expect(row).toMatchObject({ source: "manual", status: "assigned" });
    const removed = await s.request(lestariPage, { method: "POST", body: new URLSearchParams({ _action: "remove", reviewId: row.id }), cookie });
    expect(removed.status).toBe(302);
    expect((await db.selectFrom("peer_review").select("status").where("id", "=", row.id).executeTakeFirstOrThrow()).status).toBe("removed");
  });

  it("overriding a final grade needs a reason; with one it is stored", async () => {
    const cookie = await s.login("fasilitator@sinergi.test");
    const sub = await db.selectFrom("submission").select(["id", "user_id"]).where("assignment_id", "=", assignmentId).executeTakeFirstOrThrow();
    const author = `${page}/${sub.user_id}`;
    const bad = await s.request(author, { method: "POST", body: new URLSearchParams({ _action: "override", submissionId: sub.id, score: "85", reason: "" }), cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wajib diisi.");
    expect(await db.selectFrom("final_grade").selectAll().where("submission_id", "=", sub.id).executeTakeFirst()).toBeUndefined();
    const ok = await s.request(author, { method: "POST", body: new URLSearchParams({ _action: "override", submissionId: sub.id, score: "85", reason: "Data lapangan dicek ulang." }), cookie });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(author);
    expect(await db.selectFrom("final_grade").selectAll().where("submission_id", "=", sub.id).executeTakeFirstOrThrow()).toMatchObject({ score: 85, override_reason: "Data lapangan dicek ulang." });
  });
});

describe("calibration examples", () => {
  it("a trainee gets 403; the fasilitator adds an example with levels and a note, a missing level is refused with the title kept", async () => {
    const kal = `${page}/kalibrasi`;
    expect((await s.request(kal, { cookie: await s.login("rina@sinergi.test") })).status).toBe(403);
    const cookie = await s.login("fasilitator@sinergi.test");
    const html = await (await s.request(kal, { cookie })).text();
    expect(html).toContain("Contoh kalibrasi");
    const a = await db.selectFrom("assignment").select("rubric_id").where("id", "=", assignmentId).executeTakeFirstOrThrow();
    const criteria = await db.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", a.rubric_id!).orderBy("position").execute();
    const form = (levels: boolean) => {
      const f = new FormData();
      f.set("title", "Teras yang terkubur");
      f.set("body", "Pada hari Senin telah dilaksanakan acara peluncuran Posyandu Digital.");
      for (const [i, c] of criteria.entries()) {
        if (levels || i > 0) f.set(`level_${c.id}`, "2");
        f.set(`note_${c.id}`, "Teras tidak menjawab apa dan mengapa.");
      }
      return f;
    };
    const bad = await s.request(kal, { method: "POST", body: form(false), cookie });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Pilih skor 1–4.");
    expect(badHtml).toContain("Teras yang terkubur");
    expect(await db.selectFrom("calibration_example").selectAll().where("assignment_id", "=", assignmentId).execute()).toHaveLength(0);
    const ok = await s.request(kal, { method: "POST", body: form(true), cookie });
    expect(ok.status).toBe(302);
    const ex = await db.selectFrom("calibration_example").selectAll().where("assignment_id", "=", assignmentId).execute();
    expect(ex).toHaveLength(1);
    expect(await db.selectFrom("calibration_reference").selectAll().where("example_id", "=", ex[0].id).execute()).toHaveLength(criteria.length);
    expect(await (await s.request(kal, { cookie })).text()).toContain("Teras tidak menjawab apa dan mengapa.");
    await db.deleteFrom("calibration_example").where("id", "=", ex[0].id).execute();
  });
});
