// The fasilitator's peer-review pages in a browser, on the demo data (the release has peer review on,
// opens on submit, two per piece; the three demo releases review each other): the board shows who
// owes what and narrows to those who owe reviews; a wrong weight split is refused on the settings
// page with the typed values kept; a good save allocates and returns to the board; on a person's page
// a reviewer is added by hand and removed again, and the final grade is overridden with a reason.
import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("the fasilitator runs peer review from the assignment's Silang baca tab", async ({ page }) => {
  await login(page, "fasilitator@sinergi.test");
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: /Menulis Siaran Pers/i }).first().click();
  await page.getByRole("link", { name: "Siaran pers: Peluncuran Layanan Posyandu Digital" }).first().click();
  await page.getByRole("link", { name: "Penilaian" }).first().click();
  await page.getByRole("link", { name: "Silang baca", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Siapa berutang apa" })).toBeVisible();
  await expect(page.getByTestId("board-summary")).toHaveText("8 peserta · 3 mengumpulkan · 0 ulasan selesai · 6 belum · 0 ditandai");

  const lestari = page.getByTestId("board-person").filter({ hasText: "Lestari Handayani, S.Sos." });
  await expect(lestari.getByTestId("figures")).toContainText("Diterima: 0 dari 2");
  await expect(lestari).toContainText("Belum menyelesaikan ulasan");
  // Only those who still owe reviews: the three who handed in.
  await page.getByRole("link", { name: "Berutang ulasan" }).click();
  await expect(page).toHaveURL(/tampil=berutang/);
  await expect(page.getByTestId("board-person")).toHaveCount(3);

  // Settings: weights that do not add up to 100.
  await page.getByRole("link", { name: "Pengaturan silang baca" }).click();
  await page.getByLabel("Fasilitator (%)").fill("70");
  await page.getByLabel("Median sejawat (%)").fill("40");
  await page.getByRole("button", { name: "Simpan dan bagikan ulasan" }).click();
  await expect(page.getByText("Jumlah bobot fasilitator dan sejawat harus 100.")).toBeVisible();
  await expect(page.getByLabel("Fasilitator (%)")).toHaveValue("70");
  await page.getByLabel("Median sejawat (%)").fill("30");
  await page.getByRole("button", { name: "Simpan dan bagikan ulasan" }).click();
  await expect(page.getByText(/Pengaturan disimpan\. 0 ulasan baru dibagikan\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Siapa berutang apa" })).toBeVisible();

  // Lestari's page: add Rina (an enrolled trainee of another agency) to her piece, then take her off.
  await page.getByTestId("board-person").filter({ hasText: "Lestari Handayani, S.Sos." }).getByRole("link", { name: "Lestari Handayani, S.Sos." }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Lestari Handayani, S.Sos." })).toBeVisible();
  await page.getByLabel("Surel peninjau").fill("lestari.pupr@sinergi.test");
  await page.getByRole("button", { name: "Tambah peninjau" }).click();
  await expect(page.getByText("Penulis tidak dapat mengulas karyanya sendiri.")).toBeVisible();
  await expect(page.getByLabel("Surel peninjau")).toHaveValue("lestari.pupr@sinergi.test");
  await page.getByLabel("Surel peninjau").fill("rina@sinergi.test");
  await page.getByRole("button", { name: "Tambah peninjau" }).click();
  await expect(page.getByText("Peninjau ditambahkan.")).toBeVisible();
  await page.getByRole("button", { name: /Lepas Rina Lestari/ }).click();
  await expect(page.getByText("Peninjau dilepas dan karya dibagikan ulang.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Lepas Rina Lestari/ })).toHaveCount(0);

  // Override the final grade with a reason.
  await page.getByLabel(/Nilai akhir pengganti/).fill("88");
  await page.getByLabel("Alasan").fill("Kutipan narasumber sudah diverifikasi ulang.");
  await page.getByRole("button", { name: "Simpan nilai akhir" }).click();
  await expect(page.getByText("Nilai akhir diganti. Alasannya tercatat.")).toBeVisible();
  await expect(page.getByTestId("final-score")).toHaveText("88");
  await expect(page.getByText("Diganti fasilitator. Alasan: Kutipan narasumber sudah diverifikasi ulang.")).toBeVisible();
  for (const [w, h] of [[360, 800], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/.tmp/shots/peer-person-${w}.png`, fullPage: true });
  }
  await page.getByRole("link", { name: /Kembali ke papan silang baca/ }).click();
  await expect(page.getByTestId("board-person").filter({ hasText: "Lestari Handayani, S.Sos." }).getByTestId("figures")).toContainText("Nilai akhir: 88 (diganti fasilitator)");
  for (const [w, h] of [[360, 800], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/.tmp/shots/peer-board-${w}.png`, fullPage: true });
  }
});
