// The fasilitator's peer-review page in a browser, on the demo data (the release has peer review on,
// opens on submit, two per piece; the three demo releases review each other): the board shows who
// owes what; a wrong weight split is refused with the typed values kept; a good save allocates; a
// reviewer is added by hand and removed again; a final grade is overridden with a reason.
import { expect, test, type Locator } from "@playwright/test";
import { login } from "./helpers";

/** Opens a person's "manage" panel (a <details> that may still be open after a client-side redirect). */
const openPanel = (person: Locator) => person.locator("details").first().evaluate((d) => { (d as HTMLDetailsElement).open = true; });

test("the fasilitator runs peer review from the assignment's Silang baca tab", async ({ page }) => {
  await login(page, "fasilitator@sinergi.test");
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: /Menulis Siaran Pers/i }).first().click();
  await page.getByRole("link", { name: "Siaran pers: Peluncuran Layanan Posyandu Digital" }).first().click();
  await page.getByRole("link", { name: "Penilaian" }).first().click();
  await page.getByRole("link", { name: "Silang baca" }).click();
  await expect(page.getByRole("heading", { name: "Siapa berutang apa" })).toBeVisible();

  const lestari = page.locator("li", { has: page.getByText("Lestari Handayani, S.Sos.", { exact: true }) }).first();
  await expect(lestari.getByText("0 dari 2")).toBeVisible();
  await expect(lestari.getByText("Belum menyelesaikan ulasan")).toBeVisible();

  // Weights that do not add up to 100.
  await page.getByLabel("Fasilitator (%)").fill("70");
  await page.getByLabel("Median sejawat (%)").fill("40");
  await page.getByRole("button", { name: "Simpan dan bagikan ulasan" }).click();
  await expect(page.getByText("Jumlah bobot fasilitator dan sejawat harus 100.")).toBeVisible();
  await expect(page.getByLabel("Fasilitator (%)")).toHaveValue("70");
  await page.getByLabel("Median sejawat (%)").fill("30");
  await page.getByRole("button", { name: "Simpan dan bagikan ulasan" }).click();
  await expect(page.getByText(/Pengaturan disimpan\. 0 ulasan baru dibagikan\./)).toBeVisible();

  // Add Rina (an enrolled trainee of another agency) to Lestari's piece, then take her off again.
  await openPanel(lestari);
  await lestari.getByLabel("Surel peninjau").fill("lestari.pupr@sinergi.test");
  await lestari.getByRole("button", { name: "Tambah peninjau" }).click();
  await expect(page.getByText("Penulis tidak dapat mengulas karyanya sendiri.")).toBeVisible();
  const lestari2 = page.locator("li", { has: page.getByText("Lestari Handayani, S.Sos.", { exact: true }) }).first();
  await lestari2.getByLabel("Surel peninjau").fill("rina@sinergi.test");
  await lestari2.getByRole("button", { name: "Tambah peninjau" }).click();
  await expect(page.getByText("Peninjau ditambahkan.")).toBeVisible();
  const lestari3 = page.locator("li", { has: page.getByText("Lestari Handayani, S.Sos.", { exact: true }) }).first();
  await openPanel(lestari3);
  await lestari3.getByRole("button", { name: /Lepas Rina Lestari/ }).click();
  await expect(page.getByText("Peninjau dilepas dan karya dibagikan ulang.")).toBeVisible();

  // Override the final grade with a reason.
  const lestari4 = page.locator("li", { has: page.getByText("Lestari Handayani, S.Sos.", { exact: true }) }).first();
  await openPanel(lestari4);
  await lestari4.getByLabel(/Nilai akhir pengganti/).fill("88");
  await lestari4.getByLabel("Alasan").fill("Kutipan narasumber sudah diverifikasi ulang.");
  await lestari4.getByRole("button", { name: "Simpan nilai akhir" }).click();
  await expect(page.getByText("Nilai akhir diganti. Alasannya tercatat.")).toBeVisible();
  await expect(page.locator("li", { has: page.getByText("Lestari Handayani, S.Sos.", { exact: true }) }).first().getByText("diganti fasilitator")).toBeVisible();
});
