// Assessment as the fasilitator does it, on the demo module "Menulis Siaran Pers Pemerintah yang
// Layak Muat": add a release assignment with a copy of the library's Siaran Pers rubric (the weights'
// total updates live while editing), then grade a waiting release from the queue on the rubric.
import { expect, test } from "./fixtures";
import { login } from "./helpers";

const MODULE = "Menulis Siaran Pers Pemerintah yang Layak Muat";

test("the fasilitator adds a release assignment with the library rubric and grades a release from the queue", async ({ page }) => {
  await login(page, "fasilitator@sinergi.test");
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: MODULE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: MODULE })).toBeVisible();
  const moduleUrl = page.url();

  // A new release assignment, rubric picked from the library
  await page.getByRole("link", { name: "Tambah tugas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tugas baru" })).toBeVisible();
  await page.getByLabel("Judul tugas").fill("Siaran pers: Hari Jadi Kabupaten Sukamaju");
  await page.getByLabel("Rubrik", { exact: true }).selectOption({ label: "Siaran Pers" });
  await page.getByRole("button", { name: "Simpan tugas" }).click();
  await expect(page.getByText("Tugas dibuat.")).toBeVisible();
  await expect(page).toHaveURL(/\/tugas\/[^/]+\/ubah/);

  // The assignment's own copy: eight criteria, weights adding up to 100, a live total while editing
  const firstTitle = page.locator('input[name="criteria[0].title"]');
  await expect(firstTitle).toHaveValue("Judul");
  await expect(page.locator('input[name="criteria[7].title"]')).toHaveValue("Kelengkapan administratif");
  const total = page.getByTestId("weight-total");
  await expect(total).toHaveText(/Jumlah bobot: 100 dari 100/);
  await page.locator('input[name="criteria[0].weight"]').fill("15");
  await expect(total).toHaveText(/Jumlah bobot: 105 dari 100/);
  await page.getByRole("button", { name: "Simpan rubrik" }).click();
  await expect(page.getByText("Jumlah bobot harus tepat 100; sekarang 105.")).toBeVisible();

  // Grade the oldest waiting release of the Posyandu Digital assignment
  await page.goto(moduleUrl);
  await page.getByRole("link", { name: "Penilaian", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Antrean penilaian" })).toBeVisible();
  const waiting = page.getByRole("link", { name: /^Nilai karya / });
  const before = await waiting.count();
  expect(before).toBeGreaterThan(0);
  const name = ((await waiting.first().getAttribute("aria-label")) ?? "").replace("Nilai karya ", "");
  await waiting.first().click();

  await expect(page.getByTestId("submission-version")).toBeVisible();
  const radios = page.locator('input[type="radio"][value="3"]');
  const n = await radios.count();
  expect(n).toBe(8);
  for (let i = 0; i < n; i++) await radios.nth(i).check();
  await expect(page.getByTestId("score-preview")).toHaveText("Skor sementara: 75 dari 100");
  await page.getByLabel("Umpan balik keseluruhan").fill("Struktur sudah piramida terbalik. Perkuat teras dengan pelaku di depan.");
  await page.getByRole("button", { name: "Simpan nilai" }).click();

  await expect(page.getByText("Nilai disimpan: 75.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Antrean penilaian" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Nilai karya ${name}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Nilai karya / })).toHaveCount(before - 1);

  // The graded work shows under "Dinilai" with its score
  await page.getByRole("link", { name: /Sudah dinilai/ }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("75");
});
