// The author's side of peer review with a controllable clock: when the reviews become visible, the
// medians and anonymous labels, comments in place, the helpfulness rating and answers to comments,
// and the comparison of two versions.
import { describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { fakeClock, testDb } from "#tests/helpers/db";
import { addComment, addReview, handIn, peerFixture, REVIEWS_DUE } from "#tests/helpers/peer-author-fixtures";
import { makeAgency, makePerson } from "#seeds/factories";
import { answerComment, compareRole, compareVersions, peerResults, rateReview, resultsStatus } from "./peer-results.server";

const TEXT = "Dinas Kesehatan membuka posko vaksin di alun-alun kota.\n\nPosko buka setiap hari.";

async function setup(db: DB) {
  const people = [];
  for (const name of ["Ani Penulis", "Budi Peninjau", "Citra Peninjau"]) {
    const agencyId = await makeAgency(db, { name: `Instansi ${name}` });
    people.push({ id: await makePerson(db, { name, agencyId }), agencyId });
  }
  const [ani, budi, citra] = people;
  const f = await peerFixture(db, people);
  const aniPiece = await handIn(db, f, ani, TEXT);
  const budiPiece = await handIn(db, f, budi, "Rilis Budi tentang jalan desa.");
  return { f, ani, budi, citra, aniPiece, budiPiece };
}

describe("resultsStatus and peerResults", () => {
  it("opens only after the author's own reviews are done and all reviews are in — or the period is over", async () => {
    const db = await testDb();
    const { f, ani, budi, citra, aniPiece, budiPiece } = await setup(db);
    const clock = fakeClock("2026-11-12T00:00:00.000Z");
    const r1 = await addReview(db, f, aniPiece, budi.id, { levels: [3, 2] });
    const r2 = await addReview(db, f, aniPiece, citra.id, { status: "started" });
    const mine = await addReview(db, f, budiPiece, ani.id, { status: "started" });

    expect((await resultsStatus(db, f.assignmentId, ani.id, clock)).state).toBe("own_pending");
    expect((await peerResults(db, { assignmentId: f.assignmentId, authorId: ani.id, staff: false }, clock)).reviews).toEqual([]);

    await db.updateTable("peer_review").set({ status: "submitted", submitted_at: "2026-11-12T00:00:00.000Z" }).where("id", "=", mine).execute();
    const waiting = await resultsStatus(db, f.assignmentId, ani.id, clock);
    expect(waiting).toMatchObject({ state: "waiting", owed: 1, done: 1, received: 1, expected: 2 });

    // The review period closes: what is in is shown.
    clock.set(REVIEWS_DUE);
    const closed = await peerResults(db, { assignmentId: f.assignmentId, authorId: ani.id, staff: false }, clock);
    expect(closed.status.state).toBe("visible");
    expect(closed.reviews.map((r) => r.id)).toEqual([r1]);

    // Before the deadline, once every active review is in.
    clock.set("2026-11-13T00:00:00.000Z");
    await db.updateTable("peer_review").set({ status: "submitted", submitted_at: "2026-11-12T06:00:00.000Z" }).where("id", "=", r2).execute();
    await db.insertInto("peer_review_score").values([{ review_id: r2, criterion_id: f.criterionIds[0], level: 4, comment: null }, { review_id: r2, criterion_id: f.criterionIds[1], level: 3, comment: null }]).execute();
    expect((await resultsStatus(db, f.assignmentId, ani.id, clock)).state).toBe("visible");
    // A review taken back does not hold the author up.
    expect((await resultsStatus(db, f.assignmentId, citra.id, clock)).state).toBe("not_submitted");
    await db.destroy();
  });

  it("shows medians, anonymous labels (names only when allowed) and comments on the reviewed version", async () => {
    const db = await testDb();
    const { f, ani, budi, citra, aniPiece, budiPiece } = await setup(db);
    const clock = fakeClock("2026-11-13T00:00:00.000Z");
    const r1 = await addReview(db, f, aniPiece, budi.id, { levels: [3, 2], at: "2026-11-11T00:00:00.000Z" });
    await addReview(db, f, aniPiece, citra.id, { levels: [4, 1], at: "2026-11-12T00:00:00.000Z" });
    await addReview(db, f, budiPiece, ani.id, { levels: [3, 3] });
    const start = TEXT.indexOf("posko vaksin");
    const c1 = await addComment(db, f, r1, aniPiece.versionId, { quote: "posko vaksin", start, end: start + 12, body: "Sebutkan jumlah posko.", criterion: 1 });
    // offsets off by a few characters: found by the quote
    await addComment(db, f, r1, aniPiece.versionId, { quote: "setiap hari", start: 0, end: 11, body: "Jam bukanya?" });
    // The author revises: the comments stay on version 1, which is the one shown.
    await handIn(db, f, ani, TEXT + " Gratis.", "2026-11-12T12:00:00.000Z");

    const res = await peerResults(db, { assignmentId: f.assignmentId, authorId: ani.id, staff: false }, clock);
    expect(res.version?.number).toBe(1);
    expect(res.medians).toEqual({ [f.criterionIds[0]]: 3.5, [f.criterionIds[1]]: 1.5 });
    expect(res.reviews.map((r) => [r.label, r.reviewerName])).toEqual([[1, null], [2, null]]);
    expect(JSON.stringify(res)).not.toContain("Budi");
    expect(res.comments.map((c) => [c.n, c.id === c1, res.plainText.slice(c.start!, c.end!), c.criterionTitle])).toEqual([
      [1, true, "posko vaksin", "Teras"],
      [2, false, "setiap hari", "Judul"],
    ]);

    const staff = await peerResults(db, { assignmentId: f.assignmentId, authorId: ani.id, staff: true }, clock);
    expect(staff.reviews.map((r) => r.reviewerName)).toEqual(["Budi Peninjau", "Citra Peninjau"]);
    await db.updateTable("peer_review_setting").set({ anonymity: "reviewers_named" }).where("assignment_id", "=", f.assignmentId).execute();
    const named = await peerResults(db, { assignmentId: f.assignmentId, authorId: ani.id }, clock);
    expect(named.reviews.map((r) => r.reviewerName)).toEqual(["Budi Peninjau", "Citra Peninjau"]);
    await db.destroy();
  });
});

describe("rateReview and answerComment", () => {
  it("rates 1–5 (changeable), refuses out of range and other people's reviews", async () => {
    const db = await testDb();
    const { f, ani, budi, citra, aniPiece, budiPiece } = await setup(db);
    const clock = fakeClock("2026-11-13T00:00:00.000Z");
    const r1 = await addReview(db, f, aniPiece, budi.id, { levels: [3, 3] });
    const onBudi = await addReview(db, f, budiPiece, citra.id, { levels: [3, 3] });
    await addReview(db, f, budiPiece, ani.id, { levels: [3, 3] });
    const helpfulness = async (id: string) => (await db.selectFrom("peer_review").select(["helpfulness", "helpfulness_at"]).where("id", "=", id).executeTakeFirstOrThrow());

    expect(await rateReview(db, { authorId: ani.id, reviewId: r1, helpfulness: 4 }, clock)).toEqual({ ok: true });
    expect(await helpfulness(r1)).toEqual({ helpfulness: 4, helpfulness_at: "2026-11-13T00:00:00.000Z" });
    expect(await rateReview(db, { authorId: ani.id, reviewId: r1, helpfulness: 5 }, clock)).toEqual({ ok: true });
    for (const bad of [0, 6, 7, 2.5, Number.NaN]) {
      expect(await rateReview(db, { authorId: ani.id, reviewId: r1, helpfulness: bad }, clock)).toEqual({ ok: false, error: "review.result.badRating" });
    }
    expect((await helpfulness(r1)).helpfulness).toBe(5);
    // Someone else's review (Ani is not the author of Budi's piece).
    expect(await rateReview(db, { authorId: ani.id, reviewId: onBudi, helpfulness: 1 }, clock)).toEqual({ ok: false, error: "review.result.notYours" });
    expect((await helpfulness(onBudi)).helpfulness).toBeNull();
    await db.destroy();
  });

  it("answers comments on the author's own piece only, with a reply of at most 300 characters", async () => {
    const db = await testDb();
    const { f, ani, budi, citra, aniPiece, budiPiece } = await setup(db);
    const clock = fakeClock("2026-11-13T00:00:00.000Z");
    const r1 = await addReview(db, f, aniPiece, budi.id, { levels: [3, 3] });
    const onBudi = await addReview(db, f, budiPiece, citra.id, { levels: [3, 3] });
    await addReview(db, f, budiPiece, ani.id, { levels: [3, 3] });
    const mine = await addComment(db, f, r1, aniPiece.versionId, { quote: "posko", body: "Berapa?" });
    const theirs = await addComment(db, f, onBudi, budiPiece.versionId, { quote: "jalan", body: "Di mana?" });
    const row = (id: string) => db.selectFrom("peer_review_comment").select(["addressed", "reply"]).where("id", "=", id).executeTakeFirstOrThrow();

    expect(await answerComment(db, { authorId: ani.id, commentId: mine, addressed: true, reply: " Sudah saya tambahkan. " }, clock)).toEqual({ ok: true });
    expect(await row(mine)).toEqual({ addressed: 1, reply: "Sudah saya tambahkan." });
    expect(await answerComment(db, { authorId: ani.id, commentId: mine, addressed: false, reply: "x".repeat(301) }, clock)).toEqual({ ok: false, error: "review.result.replyTooLong" });
    expect(await row(mine)).toEqual({ addressed: 1, reply: "Sudah saya tambahkan." });
    expect(await answerComment(db, { authorId: ani.id, commentId: theirs, addressed: true, reply: "Bukan milik saya" }, clock)).toEqual({ ok: false, error: "review.result.notYours" });
    expect(await row(theirs)).toEqual({ addressed: null, reply: null });
    expect(await answerComment(db, { authorId: budi.id, commentId: mine, addressed: false, reply: "" }, clock)).toEqual({ ok: false, error: "review.result.notYours" });
    await db.destroy();
  });
});

describe("comparing versions", () => {
  it("diffs two versions and knows who may look", async () => {
    const db = await testDb();
    const { f, ani, budi, citra, aniPiece } = await setup(db);
    await addReview(db, f, aniPiece, budi.id, { levels: [3, 3] });
    await handIn(db, f, ani, TEXT.replace("kota", "kota Sukamaju"), "2026-11-12T12:00:00.000Z");
    const c = await compareVersions(db, aniPiece.submissionId, 1, 2);
    expect(c?.versionNumbers).toEqual([1, 2]);
    expect(c?.diff?.parts.filter((p) => p.op !== "equal")).toEqual([{ op: "delete", text: "kota.\n\n" }, { op: "insert", text: "kota Sukamaju.\n\n" }]);
    expect(await compareVersions(db, aniPiece.submissionId, 1, 3)).toBeNull();
    expect(await compareRole(db, aniPiece.submissionId, ani.id)).toBe("author");
    expect(await compareRole(db, aniPiece.submissionId, budi.id)).toBe("reviewer");
    expect(await compareRole(db, aniPiece.submissionId, citra.id)).toBeNull();
    await db.destroy();
  });
});
