// Anonymity of peer review (default "both"): every page and endpoint a reviewer can reach — their
// review list, the review page, its draft endpoint, the piece's files and thumbnails (bodies and
// headers), their notifications, /belajar and the assignment page — is searched for the author's
// name, e-mail and agency. Rina (Bappeda) reviews Lestari's release (Dinas PUPR); the review is
// allocated here by hand, as allocation has its own tests.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/connection";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let db: DB;
let rina: string;
let reviewId: string;
let fileId: string;
let assignmentPath: string;
let secrets: string[];

beforeAll(async () => {
  s = await startServer();
  db = createDb(`file:${s.dbFile}`);
  const a = await db.selectFrom("assignment").select(["id", "module_id"])
    .where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
  assignmentPath = `/pelatihan/${a.module_id}/tugas/${a.id}`;
  const author = await db.selectFrom("user as u").leftJoin("agency as g", "g.id", "u.agency_id")
    .select(["u.id", "u.name", "u.email", "g.name as agency", "g.short_name as agencyShort"])
    .where("u.email", "=", "lestari.pupr@sinergi.test").executeTakeFirstOrThrow();
  const reviewer = await db.selectFrom("user").select(["id", "name", "agency_id"]).where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow();
  const sub = await db.selectFrom("submission").select(["id", "current_version_id", "agency_id"]).where("assignment_id", "=", a.id).where("user_id", "=", author.id).executeTakeFirstOrThrow();
  expect(sub.agency_id).not.toBe(reviewer.agency_id);
  // What must never appear: the full name, each part of it longer than 3 letters, the e-mail and the agency.
  // (Words the reviewer's own name shares — Rina's surname is also "Lestari" — are left out: her name is on every page.)
  const own = reviewer.name.toLowerCase();
  secrets = [
    author.name, ...author.name.split(/[\s,]+/).filter((w) => w.length > 3 && !w.includes(".") && !own.includes(w.toLowerCase())), author.email, author.agency ?? "", author.agencyShort ?? "",
  ].filter(Boolean);
  const now = new Date().toISOString();
  reviewId = "review-anon";
  await db.insertInto("peer_review").values({
    id: reviewId, assignment_id: a.id, submission_id: sub.id, version_id: sub.current_version_id!, reviewer_id: reviewer.id, kind: "peer", source: "manual",
    status: "assigned", assigned_at: now, lease_expires_at: new Date(Date.now() + 48 * 3600_000).toISOString(),
  }).execute();
  const port = new URL(s.baseUrl).port;
  const rel = "submissions/anon-test.webp";
  fs.mkdirSync(path.resolve(`tests/.tmp/uploads-${port}/submissions`), { recursive: true });
  fs.writeFileSync(path.resolve(`tests/.tmp/uploads-${port}/${rel}`), Buffer.from("RIFF0000WEBPVP8 "));
  fileId = "file-anon-test";
  await db.insertInto("submission_file").values({
    id: fileId, submission_id: sub.id, version_id: sub.current_version_id!, role: "supporting", position: 1, stored_path: rel, thumb_path: rel,
    mime_type: "image/webp", size_bytes: 16, created_at: now,
  }).execute();
  rina = await s.login("rina@sinergi.test");
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await s?.stop();
});

async function expectAnonymous(pathname: string, init: { method?: string; body?: URLSearchParams } = {}, status?: number) {
  const r = await s.request(pathname, { ...init, cookie: rina });
  if (status) expect(r.status, pathname).toBe(status);
  else expect(r.status, pathname).toBeLessThan(400);
  const headers = [...r.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  const body = Buffer.from(await r.arrayBuffer()).toString("utf8");
  for (const secret of secrets) {
    expect(headers.toLowerCase(), `${pathname} headers`).not.toContain(secret.toLowerCase());
    expect(body.toLowerCase(), `${pathname} body: ${secret}`).not.toContain(secret.toLowerCase());
  }
}

describe("a reviewer never sees who wrote the piece", () => {
  it("on the review list, the review page, the draft endpoint, the files, notifications, /belajar and the assignment page", async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    await expectAnonymous("/silang-baca");
    await expectAnonymous(`/silang-baca/${reviewId}`);
    await expectAnonymous(`/silang-baca/${reviewId}/draf`, { method: "POST", body: new URLSearchParams({ intent: "save", feedback: "Draf" }) });
    await expectAnonymous(`/silang-baca/${reviewId}`, { method: "POST", body: new URLSearchParams({ intent: "comment", criterionId: "x", quote: "tidak ada", body: "Komentar" }) }, 400); // a refused comment re-renders the page
    await expectAnonymous(`/berkas/${fileId}`);
    await expectAnonymous(`/berkas/${fileId}/thumb`);
    await expectAnonymous("/notifikasi");
    await expectAnonymous("/belajar");
    await expectAnonymous(assignmentPath);
  });
});
