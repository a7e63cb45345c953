// Reviewing as a trainee does it, on the demo release assignment (peer review opens on submit, two
// per piece): Lestari opens a review she owes, selects a passage and comments on it naming a
// criterion, scores every criterion (the draft saves itself), writes feedback and submits.
import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("a trainee reviews a peer's release with an anchored comment and submits", async ({ page }) => {
  await login(page, "lestari.pupr@sinergi.test");
  await page.goto("/silang-baca");
  await expect(page.getByRole("heading", { level: 2, name: "Ulasan yang harus Anda kerjakan" })).toBeVisible();
  await page.getByRole("link", { name: /^Karya 1/ }).first().click();
  await expect(page.getByRole("button", { name: "Kirim ulasan" })).toBeVisible();

  // Select a passage of the release: the comment form fills in with it.
  const quote = await page.evaluate(() => {
    const root = document.querySelector("[data-testid=submission-version] > div")!;
    const node = root.querySelector("p")!.firstChild!;
    const text = node.textContent!;
    const r = document.createRange();
    r.setStart(node, 0);
    r.setEnd(node, Math.min(24, text.length));
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    return sel.toString();
  });
  await expect(page.getByLabel("Kutipan")).toHaveValue(quote.trim());
  await page.locator("#quote-criterion").selectOption({ index: 1 });
  await page.locator("#quote-body").fill("Judul sebaiknya langsung menyebut manfaat bagi warga.");
  await page.getByRole("button", { name: "Simpan komentar" }).click();
  await expect(page.getByText("Komentar disimpan.")).toBeVisible();
  await expect(page.locator("blockquote", { hasText: quote.trim() })).toBeVisible();

  // Score every criterion 3; the draft saves itself.
  const radios = page.locator("input[type=radio][value='3']");
  for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
  await page.getByLabel("Umpan balik umum").fill("Struktur sudah rapi; tambahkan kutipan narasumber dan data jumlah posyandu.");
  await expect(page.getByTestId("draft-status")).toContainText("Draf tersimpan", { timeout: 15_000 });

  await page.getByRole("button", { name: "Kirim ulasan" }).click();
  await expect(page.getByText("Ulasan terkirim. Terima kasih.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ulasan yang sudah dikirim" })).toBeVisible();
  await expect(page.getByText(/Dikirim .* · nilai 75/)).toBeVisible();
});
