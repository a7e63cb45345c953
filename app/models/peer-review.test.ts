// The reviewer's side of peer review with a controllable clock: my reviews, opening (starts it;
// taken back → message, never the piece), drafts, submitting with the rubric's rules, agreement and
// flags of the piece's reviews, the final grade, and comments anchored to that version's text or images.
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { handIn, makeAssessmentFixture, type AssessmentFixture } from "#tests/helpers/assessment-fixtures";
import { fakeClock, testDb } from "#tests/helpers/db";
import { createId } from "~/.server/crypto.server";
import { listCriteria } from "./rubric.server";
import {
  addPinComment, addTextComment, attemptCalibration, calibrationFor, deleteComment, listMyReviews, pendingCalibrations, openReview, reviewsSubmission, saveReviewDraft, submitReview,
} from "./peer-review.server";

let db: DB;
let f: AssessmentFixture;
let piece: { submissionId: string; versionId: string };
let crit: string[];
const NOW = "2026-03-19T03:00:00.000Z";
const PLAIN = "Sukamaju — Dinas Kesehatan meluncurkan Posyandu Digital.";

async function allocate(reviewerId: string, opts: { status?: string; lease?: string } = {}) {
  const id = createId();
  await db.insertInto("peer_review").values({
    id, assignment_id: f.assignment.id, submission_id: piece.submissionId, version_id: piece.versionId, reviewer_id: reviewerId,
    kind: "peer", source: "auto", status: opts.status ?? "assigned", assigned_at: "2026-03-19T00:00:00.000Z",
    lease_expires_at: opts.lease ?? "2026-03-21T00:00:00.000Z",
  }).execute();
  return id;
}

const full = (level: number, comment = "Judul belum memuat unsur apa dan siapa secara jelas.") => ({
  level: Object.fromEntries(crit.map((c) => [c, String(level)])),
  comment: Object.fromEntries(crit.map((c) => [c, comment])),
  feedback: "Tambahkan kutipan narasumber dan data jumlah posyandu yang sudah terhubung.",
});

beforeEach(async () => {
  db = await testDb();
  f = await makeAssessmentFixture(db, { trainees: 4 });
  piece = await handIn(db, f.assignment, f.trainees[0], "2026-03-17T03:00:00.000Z");
  crit = (await listCriteria(db, f.assignment.rubric_id!)).map((c) => c.id);
});

describe("my reviews and opening one", () => {
  it("lists owed reviews with the lease end, drops taken-back ones, lists done ones", async () => {
    const clock = fakeClock(NOW);
    const [, r1, r2] = f.trainees;
    const owed = await allocate(r1.id);
    await allocate(r2.id, { status: "expired" });
    const mine = await listMyReviews(db, r1.id, clock);
    expect(mine.owed.map((r) => [r.id, r.leaseExpiresAt, r.assignmentTitle])).toEqual([[owed, "2026-03-21T00:00:00.000Z", f.assignment.title]]);
    expect(mine.done).toEqual([]);
    expect((await listMyReviews(db, r2.id, clock)).owed).toEqual([]);
    clock.set("2026-03-21T00:00:01.000Z"); // lease ran out, job not yet run
    expect((await listMyReviews(db, r1.id, clock)).owed).toEqual([]);
  });

  it("opens only my review, starts it, and answers taken back for an expired or removed one", async () => {
    const clock = fakeClock(NOW);
    const [, r1, r2, r3] = f.trainees;
    const id = await allocate(r1.id);
    expect(await openReview(db, id, r2.id, clock)).toEqual({ ok: false, error: "review.do.notFound" });
    const o = await openReview(db, id, r1.id, clock);
    if (!o.ok) throw new Error(o.error);
    expect(o.data.plain).toBe(PLAIN);
    expect(o.data.criteria.map((c) => c.id)).toEqual(crit);
    const row = await db.selectFrom("peer_review").select(["status", "started_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "started", started_at: NOW });
    expect(await reviewsSubmission(db, piece.submissionId, r1.id, clock)).toBe(true);

    const removed = await allocate(r2.id, { status: "removed" });
    expect(await openReview(db, removed, r2.id, clock)).toEqual({ ok: false, error: "review.do.takenBack" });
    expect(await reviewsSubmission(db, piece.submissionId, r2.id, clock)).toBe(false);
    const lapsed = await allocate(r3.id, { lease: "2026-03-19T02:00:00.000Z" });
    expect(await openReview(db, lapsed, r3.id, clock)).toEqual({ ok: false, error: "review.do.takenBack" });
  });
});

describe("draft and submit", () => {
  it("saves a partial draft; refuses an unknown criterion or a level out of range without touching it", async () => {
    const clock = fakeClock(NOW);
    const r1 = f.trainees[1];
    const id = await allocate(r1.id);
    expect(await saveReviewDraft(db, id, r1.id, { level: { [crit[0]]: "3" }, comment: {}, feedback: "Awal" }, clock)).toEqual({ ok: true, savedAt: NOW });
    expect(await saveReviewDraft(db, id, r1.id, { level: { nope: "3" } }, clock)).toEqual({ ok: false, error: "review.do.unknownCriterion" });
    expect(await saveReviewDraft(db, id, r1.id, { level: { [crit[0]]: "5" } }, clock)).toEqual({ ok: false, error: "review.do.levelRange" });
    expect(await submitReview(db, id, r1.id, { ...full(3), level: { ...full(3).level, [crit[1]]: "0" } }, clock)).toEqual({ ok: false, error: "review.do.levelRange" });
    const o = await openReview(db, id, r1.id, clock);
    if (!o.ok) throw new Error(o.error);
    expect(o.data.levels).toEqual({ [crit[0]]: 3 });
    expect(o.data.review.feedback).toBe("Awal");
    expect(o.data.review.status).toBe("started");
  });

  it("requires every level, a comment on each 1 or 2, and feedback; keeps what was posted as the draft", async () => {
    const clock = fakeClock(NOW);
    const r1 = f.trainees[1];
    const id = await allocate(r1.id);
    const partial = { level: { [crit[0]]: "4" }, feedback: "x" };
    expect(await submitReview(db, id, r1.id, partial, clock)).toMatchObject({ ok: false, error: "review.do.incomplete", criterionIds: crit.slice(1) });
    const low = { ...full(3), level: { ...full(3).level, [crit[1]]: "2" }, comment: { [crit[0]]: "Cukup jelas untuk pembaca umum di daerah." } };
    expect(await submitReview(db, id, r1.id, low, clock)).toMatchObject({ ok: false, error: "review.do.commentRequired", criterionIds: [crit[1]] });
    expect(await submitReview(db, id, r1.id, { ...full(3), feedback: "  " }, clock)).toEqual({ ok: false, error: "review.do.feedbackRequired" });
    const o = await openReview(db, id, r1.id, clock);
    if (!o.ok) throw new Error(o.error);
    expect(o.data.review.status).toBe("started");
    expect(o.data.levels[crit[0]]).toBe(3); // the last posted draft is kept
  });

  it("scores on submit, updates agreement and flags of the piece's reviews and the final grade; then it is closed", async () => {
    const clock = fakeClock(NOW);
    const [, r1, r2] = f.trainees;
    const a = await allocate(r1.id);
    const b = await allocate(r2.id);
    expect(await submitReview(db, a, r1.id, full(4), clock)).toEqual({ ok: true, score: 100 });
    expect(await submitReview(db, b, r2.id, full(1, "bagus"), clock)).toEqual({ ok: true, score: 25 });
    const rows = await db.selectFrom("peer_review").select(["id", "status", "score", "agreement", "flags", "submitted_at"]).orderBy("score", "desc").execute();
    expect(rows).toEqual([
      { id: a, status: "submitted", score: 100, agreement: 0, flags: "disagrees", submitted_at: NOW },
      { id: b, status: "submitted", score: 25, agreement: 0, flags: "disagrees", submitted_at: NOW },
    ]);
    const fg = await db.selectFrom("final_grade").select(["score", "peer_median"]).where("submission_id", "=", piece.submissionId).executeTakeFirst();
    expect(fg?.score).toBe(62.5);
    expect(await saveReviewDraft(db, a, r1.id, full(2), clock)).toEqual({ ok: false, error: "review.do.alreadySubmitted" });
    expect((await listMyReviews(db, r1.id, clock)).done.map((r) => r.id)).toEqual([a]);
  });

  it("refuses a taken-back review, leaving it unchanged", async () => {
    const clock = fakeClock(NOW);
    const r1 = f.trainees[1];
    const id = await allocate(r1.id);
    await saveReviewDraft(db, id, r1.id, { level: { [crit[0]]: "2" } }, clock);
    await db.updateTable("peer_review").set({ status: "removed", ended_at: NOW }).where("id", "=", id).execute();
    expect(await submitReview(db, id, r1.id, full(3), clock)).toEqual({ ok: false, error: "review.do.takenBack" });
    expect(await saveReviewDraft(db, id, r1.id, full(3), clock)).toEqual({ ok: false, error: "review.do.takenBack" });
    const s = await db.selectFrom("peer_review_score").select(["criterion_id", "level"]).where("review_id", "=", id).execute();
    expect(s).toEqual([{ criterion_id: crit[0], level: 2 }]);
  });
});

describe("anchored comments", () => {
  it("keeps a passage only when it is the text at those offsets in that version", async () => {
    const clock = fakeClock(NOW);
    const r1 = f.trainees[1];
    const id = await allocate(r1.id);
    const start = PLAIN.indexOf("Posyandu Digital");
    const ok = await addTextComment(db, id, r1.id, { criterionId: crit[0], quote: "Posyandu Digital", start, end: start + 16, body: "Sebutkan sejak kapan layanan ini berjalan." }, clock);
    expect(ok.ok).toBe(true);
    expect(await addTextComment(db, id, r1.id, { criterionId: crit[0], quote: "Posyandu Digital", start: 0, end: 16, body: "x" }, clock)).toEqual({ ok: false, error: "review.do.anchorMismatch" });
    expect(await addTextComment(db, id, r1.id, { criterionId: crit[0], quote: "tidak ada di teks", body: "x" }, clock)).toEqual({ ok: false, error: "review.do.quoteNotFound" });
    expect(await addTextComment(db, id, r1.id, { criterionId: "nope", quote: "Sukamaju", body: "x" }, clock)).toEqual({ ok: false, error: "review.do.unknownCriterion" });
    // without offsets (no JS): the first occurrence
    const nojs = await addTextComment(db, id, r1.id, { criterionId: crit[1], quote: "Dinas Kesehatan", body: "Nama instansi lengkap." }, clock);
    expect(nojs.ok).toBe(true);
    const rows = await db.selectFrom("peer_review_comment").select(["quote", "start_offset", "end_offset", "version_id"]).orderBy("start_offset").execute();
    expect(rows).toEqual([
      { quote: "Dinas Kesehatan", start_offset: PLAIN.indexOf("Dinas"), end_offset: PLAIN.indexOf("Dinas") + 15, version_id: piece.versionId },
      { quote: "Posyandu Digital", start_offset: start, end_offset: start + 16, version_id: piece.versionId },
    ]);
  });

  it("places a pin only on an image of that version, within 0..1; deletes while a draft", async () => {
    const clock = fakeClock(NOW);
    const r1 = f.trainees[1];
    const id = await allocate(r1.id);
    const fileId = createId();
    await db.insertInto("submission_file").values({
      id: fileId, submission_id: piece.submissionId, version_id: piece.versionId, role: "main", position: 0, stored_path: "x.webp", mime_type: "image/webp", size_bytes: 10, created_at: NOW,
    } as never).execute();
    const pin = await addPinComment(db, id, r1.id, { criterionId: crit[0], fileId, x: 0.25, y: 0.75, body: "Logo terpotong." }, clock);
    if (!pin.ok) throw new Error(pin.error);
    expect(await addPinComment(db, id, r1.id, { criterionId: crit[0], fileId, x: 1.5, y: 0.2, body: "x" }, clock)).toEqual({ ok: false, error: "review.do.badPin" });
    expect(await addPinComment(db, id, r1.id, { criterionId: crit[0], fileId: "other", x: 0.5, y: 0.2, body: "x" }, clock)).toEqual({ ok: false, error: "review.do.badPin" });
    expect(await deleteComment(db, id, r1.id, pin.id, clock)).toEqual({ ok: true });
    expect(await db.selectFrom("peer_review_comment").select("id").execute()).toEqual([]);
  });
});

describe("calibration", () => {
  async function examples(n: number) {
    await db.insertInto("peer_review_setting").values({ assignment_id: f.assignment.id, calibration: 1, reviews_due_at: "2026-03-25T16:59:00.000Z", created_at: NOW, updated_at: NOW }).execute();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = createId();
      await db.insertInto("calibration_example").values({ id, assignment_id: f.assignment.id, position: i + 1, title: `Contoh ${i + 1}`, body_json: null, created_at: NOW }).execute();
      await db.insertInto("calibration_reference").values(crit.map((c, k) => ({ example_id: id, criterion_id: c, level: k === 0 ? 4 : 2, note: k === 0 ? "Judul aktif dan spesifik." : null }))).execute();
      ids.push(id);
    }
    return ids;
  }
  const all = (level: number, over: Record<string, number> = {}) => Object.fromEntries(crit.map((c) => [c, String(over[c] ?? level)]));

  it("passes only within one level on every criterion of every example; shows the reference only after an attempt", async () => {
    const [e1, e2] = await examples(2);
    const me = f.trainees[1].id;
    const before = await calibrationFor(db, f.assignment.id, me);
    expect(before.passed).toBe(false);
    expect(before.examples.map((e) => e.reference)).toEqual([null, null]);
    expect((await pendingCalibrations(db, me)).map((c) => c.assignmentId)).toEqual([f.assignment.id]);
    // criterion 0 reference 4: level 2 is two away
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: all(2), otherFields: [] })).toEqual({ ok: true, withinOne: false, passedAll: false });
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: all(3), otherFields: [] })).toEqual({ ok: true, withinOne: true, passedAll: false });
    expect(await attemptCalibration(db, f.assignment.id, e2, me, { levels: all(3, { [crit[1]]: 1 }), otherFields: [] })).toEqual({ ok: true, withinOne: true, passedAll: true });
    const after = await calibrationFor(db, f.assignment.id, me);
    expect(after.passed).toBe(true);
    expect(await pendingCalibrations(db, me)).toEqual([]);
    expect(after.examples[0].reference?.[crit[0]]).toEqual({ level: 4, note: "Judul aktif dan spesifik." });
    expect(after.examples[0].attempt?.levels[crit[0]]).toBe(3);
  });

  it("refuses a forged reference, an unknown criterion, a level out of range or a missing level, recording nothing", async () => {
    const [e1] = await examples(1);
    const me = f.trainees[1].id;
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: all(1), otherFields: ["reference.x", "within_one"] })).toEqual({ ok: false, error: "review.calib.forged" });
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: { ...all(3), nope: "3" }, otherFields: [] })).toEqual({ ok: false, error: "review.calib.unknownCriterion" });
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: all(5), otherFields: [] })).toEqual({ ok: false, error: "review.calib.levelRange" });
    expect(await attemptCalibration(db, f.assignment.id, e1, me, { levels: { [crit[0]]: "4" }, otherFields: [] })).toEqual({ ok: false, error: "review.calib.incomplete" });
    expect(await attemptCalibration(db, f.assignment.id, "other", me, { levels: all(3), otherFields: [] })).toEqual({ ok: false, error: "review.calib.notFound" });
    expect(await db.selectFrom("calibration_attempt").select("id").execute()).toEqual([]);
  });
});
