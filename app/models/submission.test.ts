import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { makeTrainingFixture } from "#tests/helpers/submission-fixtures";
import { formatDateTime } from "~/i18n/format";
import { zonedToUtc } from "~/lib/zoned-time";
import {
  deadlineFor, draftFiles, getVersion, listVersions, putDraftFile, removeDraftFile, saveCaptions,
  saveDraft, slotFor, submitWork, windowOf, type AssignmentRow, type Learner,
} from "./submission.server";
import { latestGrade } from "./grading.server";
import { getAssignment } from "./assignment.server";

const release = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
// 18 March 2026, 23.59 in Jayapura (WIT, UTC+9) = 14.59 UTC = 21.59 WIB
const DUE_WIT = zonedToUtc("2026-03-18", "23:59", "Asia/Jayapura")!.toISOString();
const LATE_UNTIL = zonedToUtc("2026-03-20", "23:59", "Asia/Jayapura")!.toISOString();
const OPENS = "2026-03-01T00:00:00.000Z";
const file = (p: string) => ({ stored_path: `submissions/${p}.webp`, thumb_path: `submissions/${p}-t.webp`, mime_type: "image/webp", width: 800, height: 600, size_bytes: 1234 });

let db: DB;
let learner: Learner;
let otherId: string;
let a: AssignmentRow;

async function setup(kind: "release" | "infographic" | "photo" | "video") {
  const f = await makeTrainingFixture(db, { kind, trainees: [learner], opensAt: OPENS, dueAt: DUE_WIT, lateUntil: LATE_UNTIL, timeZone: "Asia/Jayapura" });
  a = (await getAssignment(db, f.moduleId, f.assignmentId))!;
  return f;
}

beforeEach(async () => {
  db = await testDb();
  const agencyId = await makeAgency(db);
  learner = { id: await makePerson(db, { agencyId, timeZone: "Asia/Jakarta" }), agencyId };
  otherId = await makePerson(db, { agencyId });
});

describe("deadlines across zones", () => {
  it("a 23.59 WIT deadline reads 21.59 WIB for a viewer in Jakarta, and work after it is late", async () => {
    await setup("release");
    expect(formatDateTime(a.due_at, "Asia/Jakarta")).toBe("Rabu, 18 Maret 2026 21.59 WIB");
    expect(formatDateTime(a.due_at, "Asia/Jayapura")).toBe("Rabu, 18 Maret 2026 23.59 WIT");
    await saveDraft(db, a, learner, { json: release("Judul rilis"), baseRevision: null });

    // 21.30 WIB on the 18th: still on time
    const clock = fakeClock("2026-03-18T14:30:00.000Z");
    const onTime = await submitWork(db, a, learner, {}, clock);
    expect(onTime).toMatchObject({ ok: true, versionNumber: 1, late: false });

    // 22.00 WIB on the same calendar day in Jakarta — but past 23.59 WIT: late
    clock.set("2026-03-18T15:00:00.000Z");
    expect(windowOf(await deadlineFor(db, a, learner.id), clock)).toBe("late");
    const late = await submitWork(db, a, learner, { json: release("Judul rilis yang direvisi") }, clock);
    expect(late).toMatchObject({ ok: true, versionNumber: 2, late: true });
  });

  it("an extension moves this person's due and late-until dates only", async () => {
    await setup("release");
    await db.insertInto("assignment_extension").values({
      assignment_id: a.id, user_id: learner.id, due_at: "2026-03-25T14:59:00.000Z", late_until: "2026-03-26T14:59:00.000Z", created_at: OPENS,
    }).execute();
    const clock = fakeClock("2026-03-22T03:00:00.000Z"); // after the class's late-until, before the extension's due date
    const r = await submitWork(db, a, learner, { json: release("Rilis dengan perpanjangan") }, clock);
    expect(r).toMatchObject({ ok: true, late: false });
    expect((await deadlineFor(db, a, otherId)).extended).toBe(false);
    const other = await submitWork(db, a, { id: otherId, agencyId: null }, { json: release("Terlambat sekali") }, clock);
    expect(other).toEqual({ ok: false, error: "submission.closed" });
  });

  it("after late-until the submission is refused and the text stays in the draft", async () => {
    await setup("release");
    const clock = fakeClock("2026-03-21T00:00:00.000Z");
    const r = await submitWork(db, a, learner, { json: release("Teks yang tidak boleh hilang") }, clock);
    expect(r).toEqual({ ok: false, error: "submission.closed" });
    const sub = await db.selectFrom("submission").selectAll().where("user_id", "=", learner.id).executeTakeFirstOrThrow();
    expect(sub.draft_json).toContain("Teks yang tidak boleh hilang");
    expect(sub.version_count).toBe(0);
    expect(sub.status).toBe("draft");
  });

  it("before the opening date nothing can be submitted", async () => {
    await setup("release");
    expect(await submitWork(db, a, learner, { json: release("Terlalu awal") }, fakeClock("2026-02-20T00:00:00.000Z"))).toEqual({ ok: false, error: "submission.notOpen" });
  });
});

describe("drafts and versions", () => {
  it("a stale autosave is refused and the newer text is handed back", async () => {
    await setup("release");
    const first = await saveDraft(db, a, learner, { json: release("Tab A versi 1"), baseRevision: 0 });
    expect(first).toMatchObject({ ok: true, revision: 1 });
    const tabB = await saveDraft(db, a, learner, { json: release("Tab B lebih baru"), baseRevision: 1 });
    expect(tabB).toMatchObject({ ok: true, revision: 2 });
    const staleA = await saveDraft(db, a, learner, { json: release("Tab A versi lama"), baseRevision: 1 });
    expect(staleA).toMatchObject({ ok: false, error: "submission.stale", revision: 2 });
    if (!staleA.ok) expect(staleA.draftJson).toContain("Tab B lebih baru");
  });

  it("an empty release is refused; every version is kept with its word count", async () => {
    await setup("release");
    const clock = fakeClock("2026-03-10T00:00:00.000Z");
    expect(await submitWork(db, a, learner, { json: release("   ") }, clock)).toEqual({ ok: false, error: "submission.empty" });
    await submitWork(db, a, learner, { json: release("Satu dua tiga") }, clock);
    clock.advance(60_000);
    await submitWork(db, a, learner, { json: release("Satu dua tiga empat lima") }, clock);
    const sub = await db.selectFrom("submission").select(["id", "status", "version_count"]).where("user_id", "=", learner.id).executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ status: "submitted", version_count: 2 });
    const versions = await listVersions(db, sub.id);
    expect(versions.map((v) => [v.number, v.word_count])).toEqual([[2, 5], [1, 3]]);
    expect((await getVersion(db, sub.id, 1))?.body_json).toContain("Satu dua tiga\"");
  });

  it("graded work is final; returned work may be resubmitted and the result is readable", async () => {
    const f = await setup("release");
    const clock = fakeClock("2026-03-10T00:00:00.000Z");
    const r = await submitWork(db, a, learner, { json: release("Rilis pertama") }, clock);
    if (!r.ok) throw new Error(r.error);
    const sub = await db.selectFrom("submission").select(["id", "current_version_id"]).where("id", "=", r.submissionId).executeTakeFirstOrThrow();
    // the fasilitator returns it for revision (written the way the grading model does)
    await db.insertInto("grade").values({ id: "g1", submission_id: sub.id, version_id: sub.current_version_id!, decision: "returned", score: 55, feedback: "Perbaiki teras.", created_at: "2026-03-11T00:00:00.000Z" }).execute();
    await db.insertInto("grade_criterion").values([
      { grade_id: "g1", criterion_id: f.criterionIds[0], level: 3, comment: "Judul sudah aktif." },
      { grade_id: "g1", criterion_id: f.criterionIds[1], level: 2, comment: "Pelaku belum di depan." },
    ]).execute();
    await db.updateTable("submission").set({ status: "returned", score: 55 }).where("id", "=", sub.id).execute();
    const g = await latestGrade(db, sub.id);
    expect(g).toMatchObject({ decision: "returned", score: 55, feedback: "Perbaiki teras.", versionNumber: 1 });
    expect(g?.criteria.map((c) => [c.title, c.level, c.comment])).toEqual([["Judul", 3, "Judul sudah aktif."], ["Teras", 2, "Pelaku belum di depan."]]);

    clock.advance(86_400_000 * 2);
    expect(await submitWork(db, a, learner, { json: release("Rilis revisi") }, clock)).toMatchObject({ ok: true, versionNumber: 2 });
    await db.updateTable("submission").set({ status: "graded" }).where("id", "=", sub.id).execute();
    expect(await submitWork(db, a, learner, { json: release("Revisi lagi") }, clock)).toEqual({ ok: false, error: "submission.graded" });
  });
});

describe("files", () => {
  it("photos: a main photo needs a caption; the version gets copies of the draft's files", async () => {
    await setup("photo");
    const clock = fakeClock("2026-03-10T00:00:00.000Z");
    expect(await submitWork(db, a, learner, {}, clock)).toEqual({ ok: false, error: "submission.noImage" });
    await putDraftFile(db, a, learner, slotFor("photo", "main")!, file("utama"), undefined, clock);
    await putDraftFile(db, a, learner, slotFor("photo", "supporting-2")!, file("pendukung"), "Warga antre di posyandu.", clock);
    expect(slotFor("photo", "supporting-4")).toBeNull();
    expect(await submitWork(db, a, learner, {}, clock)).toEqual({ ok: false, error: "submission.captionMissing" });
    await saveCaptions(db, a, learner, new Map([[0, "Kader menimbang balita di Posyandu Melati, Sukamaju, Selasa (10/3/2026). Foto: Rina/Dinkes"]]));
    const r = await submitWork(db, a, learner, {}, clock);
    if (!r.ok) throw new Error(r.error);
    const v = await getVersion(db, r.submissionId, null);
    expect(v?.files.map((x) => [x.role, x.position, x.caption?.slice(0, 5)])).toEqual([["main", 0, "Kader"], ["supporting", 2, "Warga"]]);

    // replacing the draft's main photo leaves the submitted version's file in place
    const replaced = await putDraftFile(db, a, learner, slotFor("photo", "main")!, file("utama-baru"), undefined, clock);
    expect(replaced.orphaned).toEqual([]); // the old files are still used by version 1
    expect((await getVersion(db, r.submissionId, 1))?.files[0].stored_path).toBe("submissions/utama.webp");
    const drafts = await draftFiles(db, r.submissionId);
    expect(drafts.find((d) => d.role === "main")?.caption).toMatch(/^Kader/); // caption kept on replace
    const removed = await removeDraftFile(db, a, learner, drafts.find((d) => d.role === "main")!.id);
    expect(removed.orphaned.sort()).toEqual(["submissions/utama-baru-t.webp", "submissions/utama-baru.webp"]);
  });

  it("video: a link or a file; uploading a file replaces the link", async () => {
    await setup("video");
    const clock = fakeClock("2026-03-10T00:00:00.000Z");
    expect(await submitWork(db, a, learner, {}, clock)).toEqual({ ok: false, error: "submission.noVideo" });
    await saveDraft(db, a, learner, { link: "https://video.example.id/posyandu", baseRevision: null }, clock);
    const r1 = await submitWork(db, a, learner, {}, clock);
    if (!r1.ok) throw new Error(r1.error);
    expect((await getVersion(db, r1.submissionId, 1))?.link_url).toBe("https://video.example.id/posyandu");
    await putDraftFile(db, a, learner, { role: "video", position: 0 }, { stored_path: "submissions/v.mp4", thumb_path: null, mime_type: "video/mp4", width: null, height: null, size_bytes: 99 }, undefined, clock);
    const r2 = await submitWork(db, a, learner, {}, clock);
    if (!r2.ok) throw new Error(r2.error);
    const v2 = await getVersion(db, r2.submissionId, 2);
    expect(v2?.link_url).toBeNull();
    expect(v2?.files.map((x) => x.mime_type)).toEqual(["video/mp4"]);
  });
});
