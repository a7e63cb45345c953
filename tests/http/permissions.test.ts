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

interface Ids { dinkes: string; pupr: string }
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
];

/** State-changing requests a role must not make: 403 (or a redirect to /login when anonymous). */
interface PostCase { path: (ids: Ids) => string; body: Record<string, string>; allowed: Role[]; check: (db: DB, ids: Ids) => Promise<unknown> }
const POSTS: PostCase[] = [
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
  ids = { dinkes: (await agency("Dinkes")).id, pupr: (await agency("Dinas PUPR")).id };
  for (const r of ROLES) if (r !== "anon") cookies.set(r, await s.login(EMAIL[r]));
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

const expected = (e: Expect, r: Role) => e[r] ?? e.default ?? 200;

describe("every page answers each role as expected, and never with another agency's people", () => {
  for (const route of ROUTES) {
    it(route.path({ dinkes: ":dinkes", pupr: ":pupr" }), async () => {
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
    it(`POST ${p.path({ dinkes: ":dinkes", pupr: ":pupr" })}`, async () => {
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
