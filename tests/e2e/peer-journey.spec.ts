// Issue 5's journey, end to end through the UI: two trainees from different agencies (Dishub and
// Dispar) write and submit a release; each is given the other's piece and reviews it with a comment
// anchored to a selected passage; Dimas reads the review of his piece, rates its helpfulness and
// revises; the fasilitator sees Ratna's one-line review flagged on the board, grades the revision
// with the versions compared, and sets the final grade with a written reason.
// Setup with its own UI elsewhere (people, module, assignment, peer-review settings) is a fixture;
// each run makes fresh ones, so the spec can repeat against one database.
import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { createDb } from "../../db/connection";
import { makeJourneyFixture, type JourneyFixture } from "../helpers/peer-journey-fixtures";
import { login } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3210);

const RELEASE = {
  dimas: [
    "Festival Kuliner Sukamaju Hadirkan 120 Pelaku UMKM di Alun-Alun",
    "SUKAMAJU – Dinas Perhubungan Kabupaten Sukamaju menyiapkan kantong parkir dan bus gratis selama Festival Kuliner Sukamaju di Alun-Alun Sukamaju pada 5–7 Desember 2026.",
    "Narahubung: Hendra Gunawan, Kepala Subbagian Umum Dinas Perhubungan, 0812-3456-0201.",
  ],
  ratna: [
    "Dispar Sukamaju Gelar Festival Kuliner, Targetkan 30.000 Pengunjung",
    "SUKAMAJU – Dinas Pariwisata Kabupaten Sukamaju menggelar Festival Kuliner Sukamaju pada 5–7 Desember 2026 di Alun-Alun Sukamaju dengan 120 tenant UMKM.",
    "Narahubung: Yuliana Putri, Kepala Bidang Promosi Dinas Pariwisata, 0812-3456-0202.",
  ],
};

async function openAssignment(page: Page, f: JourneyFixture) {
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: f.moduleTitle }).first().click();
  await page.getByRole("link", { name: f.assignmentTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: f.assignmentTitle })).toBeVisible();
}

async function writeAndSubmit(page: Page, paragraphs: string[]) {
  const editor = page.locator("#release-body[contenteditable]");
  await editor.click();
  for (const [i, p] of paragraphs.entries()) {
    if (i) await page.keyboard.press("Enter");
    await page.keyboard.type(p);
  }
  await page.getByRole("button", { name: /^Kirim/ }).click();
  await expect(page.getByText("Versi 1 terkirim.")).toBeVisible();
  await expect(page.getByTestId("submission-version")).toContainText(paragraphs[1]);
}

/** Selects `phrase` in the piece being reviewed, as a mouse would, and lets go of the button. */
async function selectPassage(page: Page, phrase: string) {
  await page.evaluate((phrase) => {
    const root = document.querySelector("[data-testid=submission-version] > div")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + phrase.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`not in the piece: ${phrase}`);
  }, phrase);
}

/** The reviewer's side: open the one piece owed, comment on a passage, score, write feedback, submit. */
async function review(page: Page, r: { authorName: string; phrase: string; comment: string; levels: [string, string]; feedback: string; lowComment?: string }) {
  await page.goto("/silang-baca");
  const owed = page.locator("section, div", { has: page.getByRole("heading", { level: 2, name: "Ulasan yang harus Anda kerjakan" }) }).last();
  await expect(owed.getByRole("link", { name: /^Karya 1/ })).toHaveCount(1);
  await owed.getByRole("link", { name: /^Karya 1/ }).click();
  await expect(page.getByRole("button", { name: "Kirim ulasan" })).toBeVisible();
  // Anonymous both ways: the piece, never its author.
  await expect(page.getByTestId("submission-version")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(r.authorName);

  await selectPassage(page, r.phrase);
  await expect(page.getByLabel("Kutipan")).toHaveValue(r.phrase);
  await page.locator("#quote-criterion").selectOption({ label: "2. Teras" });
  await page.locator("#quote-body").fill(r.comment);
  await page.getByRole("button", { name: "Simpan komentar" }).click();
  await expect(page.getByText("Komentar disimpan.")).toBeVisible();
  const saved = page.locator("#komentar").locator("..");
  await expect(saved.locator("blockquote")).toHaveText(r.phrase);
  await expect(saved).toContainText(r.comment);

  await page.getByRole("group", { name: /^1\. Judul/ }).getByRole("radio", { name: new RegExp(`^Skor ${r.levels[0]}`) }).check();
  await page.getByRole("group", { name: /^2\. Teras/ }).getByRole("radio", { name: new RegExp(`^Skor ${r.levels[1]}`) }).check();
  await page.getByLabel("Umpan balik umum").fill(r.feedback);
  await page.getByRole("button", { name: "Kirim ulasan" }).click();
  if (r.lowComment) {
    // A 2 needs a written suggestion: refused with a clear message, everything typed kept.
    await expect(page.getByText("Kriteria dengan skor 1 atau 2 wajib diberi komentar. Draf Anda sudah disimpan.")).toBeVisible();
    const teras = page.getByRole("group", { name: /^2\. Teras/ });
    await expect(teras.getByText("Tulis komentar untuk kriteria ini.")).toBeVisible();
    await expect(teras.getByRole("radio", { name: /^Skor 2/ })).toBeChecked();
    await expect(page.getByLabel("Umpan balik umum")).toHaveValue(r.feedback);
    await teras.getByLabel(/^Komentar/).fill(r.lowComment);
    await page.getByRole("button", { name: "Kirim ulasan" }).click();
  }
  await expect(page.getByText("Ulasan terkirim. Terima kasih.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ulasan yang sudah dikirim" })).toBeVisible();
  await expect(page.getByText(/Dikirim .* · nilai/)).toBeVisible();
}

async function signedIn(browser: Browser, email: string) {
  const page = await browser.newPage();
  await login(page, email);
  return page;
}

test("two trainees review each other, one rates and revises, the fasilitator sees the flag and sets the final grade", async ({ browser }) => {
  test.setTimeout(180_000);
  const db = createDb(`file:tests/.tmp/e2e-${PORT}.db`);
  const f = await makeJourneyFixture(db, `${Date.now().toString(36)}${test.info().repeatEachIndex}`);
  await db.destroy();

  // 1. Both submit. Dimas first: nobody else has handed in yet, so he has nothing to review and
  //    nobody to review him.
  const dimas = await signedIn(browser, f.a.email);
  await openAssignment(dimas, f);
  await writeAndSubmit(dimas, RELEASE.dimas);
  await expect(dimas.getByTestId("peer-status")).toContainText("belum mendapat peninjau");

  const ratna = await signedIn(browser, f.b.email);
  await openAssignment(ratna, f);
  await writeAndSubmit(ratna, RELEASE.ratna);
  // Her submission let the pair form: each now owes the other one review.
  await expect(ratna.getByTestId("peer-status")).toContainText("Selesaikan ulasan Anda dulu: 0 dari 1");

  // 2. Each reviews the other with an anchored comment. Ratna's overall feedback says nothing.
  await review(dimas, {
    authorName: f.b.name, phrase: "dengan 120 tenant UMKM", levels: ["3", "3"],
    comment: "Sebutkan jam buka festival dan manfaatnya bagi pelaku UMKM di kalimat ini.",
    feedback: "Judul sudah aktif; teras perlu menyebut jam buka dan manfaat bagi warga, lalu tambahkan kutipan Kepala Dinas.",
  });
  await review(ratna, {
    authorName: f.a.name, phrase: "menyiapkan kantong parkir dan bus gratis", levels: ["4", "2"],
    comment: "Teras belum menyebut di mana kantong parkir berada; pembaca perlu lokasinya.",
    feedback: "Sudah bagus.", lowComment: "Tambahkan lokasi.",
  });

  // 3. Dimas reads the review of his piece, rates it and revises.
  await openAssignment(dimas, f);
  await expect(dimas.getByTestId("peer-status")).toContainText("Ulasan sudah dapat dibaca: 1 ulasan masuk.");
  await dimas.getByRole("link", { name: /Baca ulasan/ }).click();
  await expect(dimas.getByRole("heading", { level: 1, name: "Ulasan untuk karya Anda" })).toBeVisible();
  await expect(dimas.locator("[data-testid=annotated-text] mark")).toHaveText("menyiapkan kantong parkir dan bus gratis");
  await expect(dimas.locator("#komentar-1")).toContainText("Teras belum menyebut di mana kantong parkir berada");
  await expect(dimas.locator("body")).not.toContainText(f.b.name);
  const theReview = dimas.locator("section[aria-labelledby^=ulasan-]", { has: dimas.getByRole("heading", { level: 3, name: "Peninjau 1" }) });
  await theReview.getByRole("radio", { name: "4" }).check();
  await theReview.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(dimas.getByText("Penilaian ulasan disimpan.")).toBeVisible();
  await expect(dimas.getByTestId("rated-1")).toHaveText("Penilaian Anda: 4 dari 5");

  await dimas.getByRole("link", { name: "Perbaiki dan kirim ulang" }).click();
  const editor = dimas.locator("#release-body[contenteditable]");
  await editor.click();
  await dimas.keyboard.press("ControlOrMeta+End");
  await dimas.keyboard.type(" Kantong parkir berada di Terminal Sukamaju dan Stadion Jaya.");
  await dimas.getByRole("button", { name: "Kirim revisi" }).click();
  await expect(dimas.getByText("Versi 2 terkirim.")).toBeVisible();

  // 4. The fasilitator: the flag on the board, the review behind it, the grade on the revision.
  const fasil = await signedIn(browser, "fasilitator@sinergi.test");
  await openAssignment(fasil, f);
  await fasil.getByRole("link", { name: "Penilaian" }).first().click();
  await fasil.getByRole("link", { name: "Silang baca", exact: true }).click();
  await expect(fasil.getByRole("heading", { name: "Siapa berutang apa" })).toBeVisible();
  await expect(fasil.getByTestId("board-summary")).toHaveText("2 peserta · 2 mengumpulkan · 2 ulasan selesai · 0 belum · 1 ditandai");
  const row = (name: string) => fasil.getByTestId("board-person").filter({ hasText: name });
  await expect(row(f.b.name)).toContainText("Komentar umum atau kosong");
  await expect(row(f.a.name)).not.toContainText("Komentar umum atau kosong");
  await expect(row(f.a.name).getByTestId("figures")).toContainText("Diterima: 1 dari 1");
  // Only the flagged: Ratna.
  await fasil.getByRole("link", { name: "Ulasannya ditandai" }).click();
  await expect(fasil.getByTestId("board-person")).toHaveCount(1);
  await row(f.b.name).getByRole("link", { name: "Buka ulasan" }).click();
  // The flagged review, read-only, with who wrote it and why it was flagged.
  await expect(fasil.getByText(`Ulasan oleh ${f.b.name}`, { exact: true })).toBeVisible();
  await expect(fasil.getByText("Ulasan ini ditandai untuk Anda periksa:")).toBeVisible();
  await expect(fasil.getByText(/umum \(misalnya "sudah bagus"\)/)).toBeVisible();
  await expect(fasil.locator("blockquote")).toHaveText("menyiapkan kantong parkir dan bus gratis");
  await expect(fasil.getByText("Sudah bagus.", { exact: true })).toBeVisible();
  await expect(fasil.getByRole("button", { name: "Kirim ulasan" })).toHaveCount(0);
  for (const [w, h] of [[360, 800], [1280, 800]] as const) {
    await fasil.setViewportSize({ width: w, height: h });
    await fasil.screenshot({ path: `tests/.tmp/shots/peer-flagged-review-${w}.png`, fullPage: true });
  }

  // Grade the revision, with the two versions compared.
  await fasil.getByRole("link", { name: "Kembali ke silang baca" }).click();
  await fasil.getByRole("link", { name: "Penilaian", exact: true }).click();
  await fasil.getByRole("link", { name: `Nilai karya ${f.a.name}` }).click();
  await expect(fasil.getByRole("heading", { level: 2, name: f.a.name })).toBeVisible();
  await expect(fasil.getByTestId("submission-version")).toContainText("Kantong parkir berada di Terminal Sukamaju dan Stadion Jaya.");
  await fasil.getByRole("link", { name: "Bandingkan versi" }).click();
  await expect(fasil.locator("[data-testid=diff] ins")).toContainText("Kantong parkir berada di Terminal Sukamaju dan Stadion Jaya.");
  await fasil.goBack();
  await fasil.getByRole("group", { name: /^1\. Judul/ }).getByRole("radio", { name: /^Skor 4/ }).check();
  await fasil.getByRole("group", { name: /^2\. Teras/ }).getByRole("radio", { name: /^Skor 3/ }).check();
  await expect(fasil.getByTestId("score-preview")).toContainText("85");
  await fasil.getByLabel("Umpan balik keseluruhan").fill("Revisi sudah menyebut lokasi kantong parkir. Tambahkan jam operasional bus gratis.");
  await fasil.getByRole("button", { name: "Simpan nilai" }).click();
  await expect(fasil.getByText("Nilai disimpan: 85.")).toBeVisible();

  // On the board: fasilitator 85 × 60 % + peer median 70 × 40 % = 79; then the final grade with a reason.
  await fasil.getByRole("link", { name: "Silang baca", exact: true }).click();
  await expect(row(f.a.name).getByTestId("figures")).toContainText("Nilai akhir: 79");
  await row(f.a.name).getByRole("link", { name: f.a.name }).click();
  await expect(fasil.getByRole("heading", { level: 2, name: f.a.name })).toBeVisible();
  await expect(fasil.getByTestId("final-score")).toHaveText("79");
  await expect(fasil.getByText("Nilai fasilitator 85 · median sejawat 70")).toBeVisible();
  await fasil.getByLabel(/Nilai akhir pengganti/).fill("85");
  await fasil.getByLabel("Alasan").fill("Satu-satunya ulasan sejawat ditandai terlalu umum; nilai akhir mengikuti penilaian revisi.");
  await fasil.getByRole("button", { name: "Simpan nilai akhir" }).click();
  await expect(fasil.getByText("Nilai akhir diganti. Alasannya tercatat.")).toBeVisible();
  await expect(fasil.getByTestId("final-score")).toHaveText("85");
  await fasil.getByRole("link", { name: /Kembali ke papan silang baca/ }).click();
  await expect(row(f.a.name).getByTestId("figures")).toContainText("Nilai akhir: 85 (diganti fasilitator)");

  await dimas.close();
  await ratna.close();
  await fasil.close();
});
