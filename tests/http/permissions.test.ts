// The permission matrix: every page of the app, requested by each role, must answer the expected
// status — and no response may carry another agency's people. Runs against the real production
// server with the demo network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

type Role = "anon" | "peserta" | "adminA" | "adminB" | "fasilitator" | "pimpinan" | "koordinator";
const ROLES: Role[] = ["anon", "peserta", "adminA", "adminB", "fasilitator", "pimpinan", "koordinator"];
const EMAIL: Record<Exclude<Role, "anon">, string> = {
  peserta: "rina@sinergi.test", // Dinas Kesehatan (agency A)
  adminA: "admin.dinkes@sinergi.test", // admin of Dinas Kesehatan (A)
  adminB: "fajar@sinergi.test", // admin of Dinas PUPR (B)
  fasilitator: "fasilitator@sinergi.test",
  pimpinan: "pimpinan@sinergi.test",
  koordinator: "koordinator@sinergi.test",
};

/** People of agency A that agency B must never see, and vice versa. */
const AGENCY_A_PEOPLE = ["rina@sinergi.test", "Rina Lestari", "agus.dinkes@sinergi.test", "199103152019032007"];
const AGENCY_B_PEOPLE = ["lestari.pupr@sinergi.test", "Lestari Handayani"];

const SIGNED_IN = 200;
const LOGIN = 302; // anonymous → redirect to /login
type Expect = Partial<Record<Role, number>> & { default?: number };

interface Ids { dinkes: string; pupr: string; leadModule: string; rina: string; releaseModule: string; releaseLesson: string; draftModule: string; releaseAssignment: string; releaseSubmission: string }
interface RouteCase { path: (ids: Ids) => string; expect: Expect; note?: string }

const everyoneSignedIn: Expect = { anon: LOGIN, default: SIGNED_IN };
const coordinatorOnly: Expect = { anon: LOGIN, koordinator: 200, default: 403 };

const ROUTES: RouteCase[] = [
  { path: () => "/", expect: everyoneSignedIn },
  { path: () => "/tentang", expect: { default: 200 } },
  { path: () => "/login", expect: { anon: 200, default: 302 } },
  { path: () => "/healthz", expect: { default: 200 } },
  { path: () => "/instansi", expect: everyoneSignedIn },
  { path: () => "/instansi/baru", expect: coordinatorOnly },
  { path: (i) => `/instansi/${i.dinkes}`, expect: everyoneSignedIn },
  { path: () => "/instansi/tidak-ada", expect: { anon: LOGIN, default: 404 } },
  { path: (i) => `/instansi/${i.dinkes}/ubah`, expect: coordinatorOnly },
  {
    path: (i) => `/instansi/${i.dinkes}/anggota`,
    expect: { anon: LOGIN, peserta: 200, adminA: 200, adminB: 403, fasilitator: 403, pimpinan: 200, koordinator: 200 },
  },
  {
    path: (i) => `/instansi/${i.pupr}/anggota`,
    expect: { anon: LOGIN, peserta: 403, adminA: 403, adminB: 200, fasilitator: 403, pimpinan: 200, koordinator: 200 },
  },
  { path: () => "/jejaring", expect: { anon: LOGIN, pimpinan: 200, koordinator: 200, default: 403 } },
  { path: () => "/audit", expect: coordinatorOnly },
  { path: () => "/kotak-keluar", expect: coordinatorOnly },
  { path: () => "/notifikasi", expect: everyoneSignedIn },
  { path: () => "/profil", expect: everyoneSignedIn },
  { path: () => "/profil/keamanan", expect: everyoneSignedIn },
  { path: () => "/profil/data.json", expect: everyoneSignedIn },
  { path: () => "/profil/hapus", expect: everyoneSignedIn },
  { path: () => "/daftar", expect: { anon: 200, default: 302 } },
  { path: () => "/lupa-sandi", expect: { default: 200 } },
  // An unknown token answers 404 with a message in the page, for everyone.
  { path: () => "/undangan/token-palsu", expect: { default: 404 } },
  { path: () => "/atur-ulang-sandi/token-palsu", expect: { default: 404 } },
  // Learning and certificates. Rina holds the demo certificate of "Teras Berita dan Judul Aktif";
  // Fajar (adminB) is enrolled in it without one. Others' certificates answer 404, never 403.
  // (/verifikasi/<valid code> is public and shows the holder's name by design: see training-learning.test.ts.)
  { path: () => "/belajar", expect: everyoneSignedIn },
  { path: (i) => `/pelatihan/${i.leadModule}/sertifikat`, expect: { anon: LOGIN, peserta: 200, default: 404 } },
  { path: (i) => `/pelatihan/${i.leadModule}/sertifikat?user=${i.rina}`, expect: { anon: LOGIN, peserta: 200, pimpinan: 200, koordinator: 200, default: 404 } },
  { path: () => "/pelatihan/tidak-ada/sertifikat", expect: { anon: LOGIN, default: 404 } },
  { path: () => "/verifikasi", expect: { default: 200 } },
  { path: () => "/verifikasi/ZZZZ-ZZZZ-ZZZZ", expect: { default: 404 } },
  // Modules. Rina is enrolled in "Menulis Siaran Pers…" (published), which the fasilitator facilitates;
  // "Komunikasi Krisis" is a draft: not found for anyone who neither manages it nor reads all.
  { path: () => "/pelatihan", expect: everyoneSignedIn },
  { path: () => "/pelatihan/baru", expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}`, expect: everyoneSignedIn },
  { path: (i) => `/pelatihan/${i.releaseModule}/ubah`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/peserta`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/materi/baru`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/materi/${i.releaseLesson}`, expect: { anon: LOGIN, peserta: 200, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/materi/${i.releaseLesson}/ubah`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/materi/tidak-ada`, expect: { anon: LOGIN, peserta: 404, fasilitator: 404, koordinator: 404, default: 403 } },
  { path: (i) => `/pelatihan/${i.draftModule}`, expect: { anon: LOGIN, fasilitator: 200, pimpinan: 200, koordinator: 200, default: 404 } },
  // Rubrics and grading: authors (fasilitator, koordinator) and the module's graders only; a trainee
  // enrolled in the module (peserta) may not open the queue or another trainee's work.
  { path: () => "/rubrik", expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: () => "/rubrik/baru", expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: () => "/rubrik/rubric-siaran-pers", expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: () => "/rubrik/tidak-ada", expect: { anon: LOGIN, fasilitator: 404, koordinator: 404, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/baru`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/ubah`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/perpanjangan`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/penilaian`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/silang-baca`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/silang-baca/kalibrasi`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/silang-baca/pengaturan`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/silang-baca/${i.rina}`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/penilaian/${i.releaseSubmission}`, expect: { anon: LOGIN, fasilitator: 200, koordinator: 200, default: 403 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/penilaian/tidak-ada`, expect: { anon: LOGIN, fasilitator: 404, koordinator: 404, default: 403 } },
  // Peer review, the author's side: the reviews page is the enrolled trainee's own (Rina: not yet
  // handed in, so it says so); anyone not enrolled gets 404. The comparison needs two versions of a
  // piece (the demo pieces have one) and is never shown to people outside the piece.
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/ulasan`, expect: { anon: LOGIN, peserta: 200, default: 404 } },
  // Peer review, the reviewer's side: everyone has a (possibly empty) list; a review page is its reviewer's only.
  { path: () => "/silang-baca", expect: everyoneSignedIn },
  { path: () => "/silang-baca/tidak-ada", expect: { anon: LOGIN, default: 404 } },
  { path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/bandingkan?kiriman=${i.releaseSubmission}&dari=1&ke=2`, expect: { anon: LOGIN, default: 404 } },
];

/** State-changing requests a role must not make: 403 (or a redirect to /login when anonymous). */
interface PostCase { path: (ids: Ids) => string; body: Record<string, string>; allowed: Role[]; check: (db: DB, ids: Ids) => Promise<unknown> }
const POSTS: PostCase[] = [
  {
    path: (i) => `/pelatihan/${i.releaseModule}/tugas/${i.releaseAssignment}/penilaian/${i.releaseSubmission}`,
    body: { decision: "returned", feedback: "Dikembalikan oleh penyusup." },
    allowed: ["fasilitator", "koordinator"],
    check: (db, i) => db.selectFrom("grade").select("id").where("submission_id", "=", i.releaseSubmission).execute(),
  },
  {
    path: () => "/rubrik/rubric-siaran-pers",
    body: { title: "Rubrik Dibajak", "criteria[0].title": "Satu", "criteria[0].weight": "100", "criteria[0].level1": "a", "criteria[0].level2": "b", "criteria[0].level3": "c", "criteria[0].level4": "d" },
    allowed: ["fasilitator", "koordinator"],
    check: (db) => db.selectFrom("rubric").select("title").where("id", "=", "rubric-siaran-pers").execute(),
  },
  {
    path: (i) => `/pelatihan/${i.releaseModule}/peserta`,
    body: { intent: "cohort", name: "Angkatan Penyusup", startsOn: "2026-05-01", endsOn: "2026-05-31", timeZone: "Asia/Jakarta" },
    allowed: ["fasilitator", "koordinator"],
    check: (db) => db.selectFrom("cohort").select("name").orderBy("name").execute(),
  },
  {
    path: (i) => `/pelatihan/${i.releaseModule}/ubah`,
    body: { intent: "save", title: "Modul Dibajak", jp: "8", outputCategory: "produksi_konten", status: "archived" },
    allowed: ["fasilitator", "koordinator"],
    check: (db, i) => db.selectFrom("module").select(["title", "status"]).where("id", "=", i.releaseModule).execute(),
  },
  {
    path: () => "/instansi/baru",
    body: { name: "Instansi Penyusup", shortName: "Penyusup", type: "opd", region: "X", timeZone: "Asia/Jakarta" },
    allowed: ["koordinator"],
    check: (db) => db.selectFrom("agency").select("id").where("name", "=", "Instansi Penyusup").execute(),
  },
  {
    path: (i) => `/instansi/${i.dinkes}/ubah`,
    body: { intent: "deactivate" },
    allowed: ["koordinator"],
    check: (db, i) => db.selectFrom("agency").select("active").where("id", "=", i.dinkes).execute(),
  },
  {
    path: (i) => `/instansi/${i.dinkes}/anggota`,
    body: { intent: "invite", email: "penyusup@sinergi.test", name: "Penyusup" },
    allowed: ["adminA", "koordinator"],
    check: (db) => db.selectFrom("invitation").select("id").where("email", "=", "penyusup@sinergi.test").execute(),
  },
  {
    path: () => "/jejaring",
    body: { intent: "network", name: "Jejaring Penyusup", level: "kabupaten", timeZone: "Asia/Jakarta" },
    allowed: ["koordinator"],
    check: (db) => db.selectFrom("network").select("name").execute(),
  },
];

let s: TestServer;
let db: DB;
let ids: Ids;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const agency = (short: string) => db.selectFrom("agency").select("id").where("short_name", "=", short).executeTakeFirstOrThrow();
  ids = {
    dinkes: (await agency("Dinkes")).id,
    pupr: (await agency("Dinas PUPR")).id,
    leadModule: (await db.selectFrom("module").select("id").where("title", "=", "Teras Berita dan Judul Aktif").executeTakeFirstOrThrow()).id,
    rina: (await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow()).id,
    releaseModule: (await db.selectFrom("module").select("id").where("title", "=", "Menulis Siaran Pers Pemerintah yang Layak Muat").executeTakeFirstOrThrow()).id,
    releaseLesson: (await db.selectFrom("lesson").innerJoin("module", "module.id", "lesson.module_id").select("lesson.id").where("module.title", "=", "Menulis Siaran Pers Pemerintah yang Layak Muat").orderBy("lesson.position").executeTakeFirstOrThrow()).id,
    draftModule: (await db.selectFrom("module").select("id").where("status", "=", "draft").where("title", "like", "Komunikasi Krisis%").executeTakeFirstOrThrow()).id,
    ...(await (async () => {
      const a = await db.selectFrom("assignment").select(["id"]).where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
      const sub = await db.selectFrom("submission").select("id").where("assignment_id", "=", a.id).where("status", "=", "submitted").orderBy("submitted_at").executeTakeFirstOrThrow();
      return { releaseAssignment: a.id, releaseSubmission: sub.id };
    })()),
  };
  for (const r of ROLES) if (r !== "anon") cookies.set(r, await s.login(EMAIL[r]));
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const expected = (e: Expect, r: Role) => e[r] ?? e.default ?? 200;

describe("every page answers each role as expected, and never with another agency's people", () => {
  for (const route of ROUTES) {
    it(route.path({ dinkes: ":dinkes", pupr: ":pupr", leadModule: ":lead", rina: ":rina", releaseModule: ":release", releaseLesson: ":lesson", draftModule: ":draft", releaseAssignment: ":assignment", releaseSubmission: ":submission" }), async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const path = route.path(ids);
        const r = await s.request(path, { cookie: cookies.get(role) });
        const want = expected(route.expect, role);
        if (r.status !== want) failures.push(`${role}: ${r.status} ≠ ${want}`);
        const body = await r.text();
        if (r.status >= 500 || /at .+\.(ts|js):\d+/.test(body)) failures.push(`${role}: error or stack trace in response`);
        const leaks =
          role === "adminB" ? AGENCY_A_PEOPLE.filter((x) => body.includes(x)) :
          role === "peserta" || role === "adminA" ? AGENCY_B_PEOPLE.filter((x) => body.includes(x)) : [];
        if (leaks.length) failures.push(`${role}: sees another agency's people: ${leaks.join(", ")}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("state-changing requests by roles that may not make them change nothing", () => {
  for (const p of POSTS) {
    it(`POST ${p.path({ dinkes: ":dinkes", pupr: ":pupr", leadModule: ":lead", rina: ":rina", releaseModule: ":release", releaseLesson: ":lesson", draftModule: ":draft", releaseAssignment: ":assignment", releaseSubmission: ":submission" })}`, async () => {
      const before = JSON.stringify(await p.check(db, ids));
      const failures: string[] = [];
      for (const role of ROLES) {
        if (p.allowed.includes(role)) continue;
        const r = await s.request(p.path(ids), { method: "POST", body: new URLSearchParams(p.body), cookie: cookies.get(role) });
        const want = role === "anon" ? LOGIN : 403;
        if (r.status !== want) failures.push(`${role}: ${r.status} ≠ ${want}`);
      }
      expect(failures).toEqual([]);
      expect(JSON.stringify(await p.check(db, ids))).toBe(before);
    });
  }
});

// submission.view: a trainee's file is served to its author, the module's fasilitators and the
// coordinator — to nobody else (404, so its existence does not leak). Rina uploads a photo to the
// demo photo assignment; Fajar (adminB) is enrolled in the same module but is another trainee.
describe("submission.view: a trainee's uploaded file", () => {
  let page = "";
  let file = { url: "", thumbUrl: "" };
  beforeAll(async () => {
    const a = await db.selectFrom("assignment as a").innerJoin("module as m", "m.id", "a.module_id").select(["a.id", "a.module_id"])
      .where("m.title", "=", "Foto Jurnalistik dan Keterangan Foto").where("a.kind", "=", "photo").executeTakeFirstOrThrow();
    page = `/pelatihan/${a.module_id}/tugas/${a.id}`;
    const { default: sharp } = await import("sharp");
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#468" } }).jpeg().toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "foto.jpg");
    const r = await s.request(`${page}/unggah?slot=main`, { method: "POST", body: form, cookie: cookies.get("peserta") });
    file = ((await r.json()) as { file: typeof file }).file;
  });
  const cases: [string, () => string, Expect][] = [
    ["/berkas/:fileId", () => file.url, { anon: LOGIN, peserta: 200, adminA: 404, adminB: 404, fasilitator: 200, pimpinan: 404, koordinator: 200 }],
    ["/berkas/:fileId/thumb", () => file.thumbUrl, { anon: LOGIN, peserta: 200, adminA: 404, adminB: 404, fasilitator: 200, pimpinan: 404, koordinator: 200 }],
    // the assignment page needs module.learn: enrolled trainees (Rina, Fajar) and the module's managers
    ["/pelatihan/:photoModule/tugas/:photo", () => page, { anon: LOGIN, peserta: 200, adminA: 403, adminB: 200, fasilitator: 200, pimpinan: 403, koordinator: 200 }],
  ];
  for (const [name, path, want] of cases) {
    it(name, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const r = await s.request(path(), { cookie: cookies.get(role) });
        if (r.status !== expected(want, role)) failures.push(`${role}: ${r.status} ≠ ${expected(want, role)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

// review.do: a review page, its draft endpoint and the reviewed piece's files belong to the
// reviewer (Rina, given a review of Lestari's release here); everyone else gets 404, even the
// coordinator (fasilitators follow reviews on their board), and their posts change nothing.
describe("review.do: a peer review and the piece under review", () => {
  let review = "";
  let file = "";
  beforeAll(async () => {
    const a = await db.selectFrom("assignment").select(["id"]).where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
    const sub = await db.selectFrom("submission as s").innerJoin("user as u", "u.id", "s.user_id").select(["s.id", "s.current_version_id"])
      .where("s.assignment_id", "=", a.id).where("u.email", "=", "lestari.pupr@sinergi.test").executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    review = "perm-review";
    await db.deleteFrom("peer_review").where("submission_id", "=", sub.id).where("reviewer_id", "=", ids.rina).execute();
    await db.insertInto("peer_review").values({
      id: review, assignment_id: a.id, submission_id: sub.id, version_id: sub.current_version_id!, reviewer_id: ids.rina, kind: "peer", source: "manual",
      status: "assigned", assigned_at: now, lease_expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    }).execute();
    file = "perm-review-file";
    await db.insertInto("submission_file").values({
      id: file, submission_id: sub.id, version_id: sub.current_version_id!, role: "supporting", position: 1, stored_path: "submissions/tidak-ada.webp",
      thumb_path: null, mime_type: "image/webp", size_bytes: 1, created_at: now,
    }).execute();
  });
  it("/silang-baca/:review", async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const r = await s.request(`/silang-baca/${review}`, { cookie: cookies.get(role) });
      // The reviewer works on it; the module's fasilitators and the coordinator read it (e.g. a
      // flagged review from the board); everyone else gets 404.
      const want = role === "anon" ? LOGIN : role === "peserta" || role === "fasilitator" || role === "koordinator" ? 200 : 404;
      if (r.status !== want) failures.push(`${role}: ${r.status} ≠ ${want}`);
    }
    expect(failures).toEqual([]);
  });
  it("POST /silang-baca/:review and its draft endpoint by anyone but the reviewer change nothing", async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      if (role === "peserta") continue;
      for (const path of [`/silang-baca/${review}`, `/silang-baca/${review}/draf`]) {
        const r = await s.request(path, { method: "POST", cookie: cookies.get(role), body: new URLSearchParams({ intent: "save", feedback: `Disusupi ${role}` }) });
        const want = role === "anon" ? LOGIN : 404;
        if (r.status !== want) failures.push(`${role} ${path}: ${r.status} ≠ ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await db.selectFrom("peer_review").select(["status", "feedback"]).where("id", "=", review).executeTakeFirstOrThrow()).toEqual({ status: "started", feedback: null }); // started by Rina opening it above
  });
  it("/berkas/:file of the piece under review: the reviewer, the module's managers and the coordinator; no one else", async () => {
    const { default: fs } = await import("node:fs");
    const { default: path } = await import("node:path");
    const dir = path.resolve(`tests/.tmp/uploads-${new URL(s.baseUrl).port}/submissions`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "perm-review.webp"), Buffer.from("RIFF0000WEBPVP8 "));
    await db.updateTable("submission_file").set({ stored_path: "submissions/perm-review.webp" }).where("id", "=", file).execute();
    const want: Expect = { anon: LOGIN, peserta: 200, adminA: 404, adminB: 404, fasilitator: 200, pimpinan: 404, koordinator: 200 };
    const failures: string[] = [];
    for (const role of ROLES) {
      const r = await s.request(`/berkas/${file}`, { cookie: cookies.get(role) });
      if (r.status !== expected(want, role)) failures.push(`${role}: ${r.status} ≠ ${expected(want, role)}`);
    }
    expect(failures).toEqual([]);
  });
  it("/pelatihan/:release/tugas/:assignment/kalibrasi answers 404 while calibration is off", async () => {
    const failures: string[] = [];
    for (const role of ["peserta", "adminB"] as Role[]) {
      const r = await s.request(`/pelatihan/${ids.releaseModule}/tugas/${ids.releaseAssignment}/kalibrasi`, { cookie: cookies.get(role) });
      if (r.status !== 404 && r.status !== 403) failures.push(`${role}: ${r.status}`);
    }
    expect(failures).toEqual([]);
  });
});
