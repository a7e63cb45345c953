// The author's side of peer review on the demo release assignment: Nur's piece has been reviewed by
// two peers (written straight to the database here, as the reviewers' journey has its own spec) and
// Nur has done her own reviews. She reads the reviews with the comment in place, rates one, answers
// the comment, revises and resubmits with the editor, and compares the versions; a reviewer sees the
// same comparison without Nur's name.
import { expect, test } from "./fixtures";
import { createDb } from "../../db/connection";
import { storedToPlain } from "../../app/lib/rich-text";
import { login } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const QUOTE_WORDS = 4;

test.beforeAll(async () => {
  const db = createDb(`file:tests/.tmp/e2e-${PORT}.db`);
  const nur = await db.selectFrom("user").select("id").where("email", "=", "nur.pelabuhan@sinergi.test").executeTakeFirstOrThrow();
  const a = await db.selectFrom("assignment").select(["id", "rubric_id"]).where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital").executeTakeFirstOrThrow();
  const criteria = await db.selectFrom("rubric_criterion").select("id").where("rubric_id", "=", a.rubric_id!).orderBy("position").execute();
  const sub = await db.selectFrom("submission").select("id").where("assignment_id", "=", a.id).where("user_id", "=", nur.id).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  // Every review of Nur's piece and every review Nur owes: submitted, with levels.
  const reviews = await db.selectFrom("peer_review").select(["id", "submission_id", "version_id", "status"])
    .where((eb) => eb.or([eb("submission_id", "=", sub.id), eb("reviewer_id", "=", nur.id)]))
    .where("status", "in", ["assigned", "started"]).orderBy("assigned_at").execute();
  for (const [k, r] of reviews.entries()) {
    await db.updateTable("peer_review").set({ status: "submitted", started_at: now, submitted_at: now, feedback: k % 2 ? "Tambahkan data cakupan." : "Teras perlu menyebut kapan layanan mulai." }).where("id", "=", r.id).execute();
    for (const c of criteria) await db.insertInto("peer_review_score").values({ review_id: r.id, criterion_id: c.id, level: 3, comment: null }).onConflict((oc) => oc.doNothing()).execute();
  }
  const onNur = reviews.find((r) => r.submission_id === sub.id)!;
  const v = await db.selectFrom("submission_version").select("body_json").where("id", "=", onNur.version_id).executeTakeFirstOrThrow();
  const text = storedToPlain(v.body_json);
  const quote = text.split(/\s+/).slice(0, QUOTE_WORDS).join(" ");
  await db.insertInto("peer_review_comment").values({
    id: "e2e-author-comment", review_id: onNur.id, version_id: onNur.version_id, criterion_id: criteria[0].id, anchor: "text",
    quote, start_offset: text.indexOf(quote), end_offset: text.indexOf(quote) + quote.length, body: "Judul terlalu panjang; pangkas.", created_at: now,
  }).onConflict((oc) => oc.doNothing()).execute();
  await db.destroy();
});

test("the author reads the reviews in place, rates one, answers a comment, revises, and the versions are compared", async ({ page, browser }) => {
  await login(page, "nur.pelabuhan@sinergi.test");
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: "Menulis Siaran Pers Pemerintah yang Layak Muat" }).first().click();
  await page.getByRole("link", { name: "Siaran pers: Peluncuran Layanan Posyandu Digital" }).first().click();
  await expect(page.getByTestId("peer-status")).toContainText("Ulasan sudah dapat dibaca: 2 ulasan masuk.");
  await page.getByRole("link", { name: /Baca ulasan/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Ulasan untuk karya Anda" })).toBeVisible();
  await expect(page.locator("[data-testid=annotated-text] mark").first()).toBeVisible();
  await page.locator("[data-testid=annotated-text]").getByRole("link", { name: "Komentar 1" }).click();
  await expect(page).toHaveURL(/#komentar-1$/);
  const comment = page.locator("#komentar-1");
  await expect(comment).toContainText("Judul terlalu panjang; pangkas.");
  await expect(page.getByRole("heading", { level: 3, name: "Peninjau 2" })).toBeVisible();

  // Rate the first review 4 of 5.
  const review = page.locator("section[aria-labelledby^=ulasan-]", { has: page.getByRole("heading", { level: 3, name: "Peninjau 1" }) });
  await review.getByRole("radio", { name: "4" }).check();
  await review.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page.getByText("Penilaian ulasan disimpan.")).toBeVisible();
  await expect(page.getByTestId("rated-1")).toHaveText("Penilaian Anda: 4 dari 5");

  // Answer the comment.
  await comment.getByRole("radio", { name: "Sudah" }).check();
  await comment.getByLabel(/Tanggapan singkat/).fill("Judul saya pangkas menjadi delapan kata.");
  await comment.getByRole("button", { name: "Simpan tanggapan" }).click();
  await expect(page.getByText("Tanggapan disimpan.")).toBeVisible();
  await expect(page.locator("#komentar-1")).toContainText("Sudah ditindaklanjuti");

  // Revise with the editor and resubmit.
  await page.getByRole("link", { name: "Perbaiki dan kirim ulang" }).click();
  const editor = page.locator("#release-body[contenteditable]");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Layanan gratis bagi semua warga.");
  await page.getByRole("button", { name: "Kirim revisi" }).click();
  await expect(page.getByText("Versi 2 terkirim.")).toBeVisible();

  // The comments stay on version 1; the comparison shows what changed.
  await page.goto(page.url().replace(/\?.*$/, "") + "/ulasan");
  await expect(page.getByRole("heading", { name: "Karya yang ditinjau (versi 1)" })).toBeVisible();
  await page.getByRole("link", { name: "Bandingkan versi 1 dan 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Perbandingan versi" })).toBeVisible();
  await expect(page.locator("[data-testid=diff] ins")).toContainText("Layanan gratis bagi semua warga.");
  const compareUrl = page.url();

  // A reviewer of the piece sees the same comparison, without the author's name.
  const other = await browser.newPage();
  await login(other, "lestari.pupr@sinergi.test");
  await other.goto(compareUrl);
  await expect(other.locator("[data-testid=diff] ins")).toContainText("Layanan gratis bagi semua warga.");
  await expect(other.locator("body")).not.toContainText("Nurhayati");
  for (const [w, h] of [[360, 800], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/.tmp/shots/peer-compare-${w}.png`, fullPage: true });
  }
  await other.close();
});
