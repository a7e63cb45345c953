// One trainee's whole way through a module, across roles: Agus (Dinkes) reads the lesson of the open
// infographic class, uploads his infographic and submits it; the fasilitator grades that very piece
// from the queue; Agus sees the score and the feedback, finds the module complete on "Belajar",
// downloads the certificate, and its code verifies for a signed-out visitor.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import type { Browser } from "@playwright/test";
import sharp from "sharp";
import { login } from "./helpers";

const MODULE = "Infografis Berbasis Data untuk Media Sosial";
const TRAINEE = "agus.dinkes@sinergi.test";

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return { page, close: () => context.close() };
}

test("upload → grade → certificate → verification", async ({ browser }) => {
  test.setTimeout(120_000);
  const agus = await as(browser, TRAINEE);
  let p = agus.page;

  // The lesson, marked done.
  await p.goto("/pelatihan");
  await p.getByRole("link", { name: MODULE }).first().click();
  await expect(p.getByRole("heading", { level: 1, name: MODULE })).toBeVisible();
  const moduleUrl = p.url();
  await p.getByRole("link", { name: "Dari tabel ke pesan kunci" }).first().click();
  await p.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(p.getByRole("button", { name: "Tandai selesai" })).toHaveCount(0);
  await p.goto(moduleUrl);

  // The infographic: a 4:5 PNG made here, uploaded with progress, then submitted.
  await p.getByRole("link", { name: /^Infografis: Capaian Imunisasi/ }).first().click();
  const png = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: "#1d4f91" } })
    .composite([{ input: Buffer.from('<svg width="1080" height="420"><rect width="1080" height="420" fill="#f1c232"/></svg>'), top: 0, left: 0 }])
    .png()
    .toBuffer();
  await p.locator("input[type=file][name=main]").setInputFiles({ name: "imunisasi-tw1.png", mimeType: "image/png", buffer: png });
  await expect(p.getByText("Terunggah")).toBeVisible({ timeout: 20_000 });
  await p.getByRole("button", { name: /^Kirim/ }).click();
  await expect(p.getByText(/Versi 1 terkirim/)).toBeVisible();
  const assignmentUrl = p.url();

  // The fasilitator grades exactly this piece.
  const fas = await as(browser, "fasilitator@sinergi.test");
  const f = fas.page;
  await f.goto(moduleUrl);
  await f.getByRole("link", { name: "Penilaian", exact: true }).first().click();
  await expect(f.getByRole("heading", { name: "Antrean penilaian" })).toBeVisible();
  await f.getByRole("link", { name: "Nilai karya Agus Setiawan" }).click();
  await expect(f.getByTestId("submission-version").locator("img").first()).toBeVisible();
  const levels = f.locator('input[type="radio"][value="4"]');
  const n = await levels.count();
  expect(n).toBe(6); // the six criteria of the Infografis rubric
  for (let i = 0; i < n; i++) await levels.nth(i).check();
  await f.getByLabel("Umpan balik keseluruhan").fill("Pesan kunci jelas dan sumber data tercantum. Perbesar angka 90,8% agar terbaca di layar ponsel.");
  await f.getByRole("button", { name: "Simpan nilai" }).click();
  await expect(f.getByText("Nilai disimpan: 100.")).toBeVisible();
  await fas.close();

  // Agus sees the result on his assignment page…
  await p.goto(assignmentUrl);
  await expect(p.getByTestId("score")).toContainText("100");
  await expect(p.getByText("Perbesar angka 90,8%")).toBeVisible();

  // …and the completed module with its certificate on "Belajar".
  await p.goto("/belajar");
  const done = p.getByRole("article").filter({ hasText: MODULE });
  await expect(done.getByText("Selesai", { exact: true })).toBeVisible();
  const cert = p.getByTestId("certificate").filter({ hasText: MODULE });
  const code = (await cert.getByTestId("certificate-code").innerText()).trim();
  const [download] = await Promise.all([p.waitForEvent("download"), cert.getByRole("link", { name: /Unduh sertifikat/ }).click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  await agus.close();

  // Anyone can check the code.
  const visitor = await browser.newContext();
  p = await visitor.newPage();
  await p.goto(`/verifikasi/${code}`);
  await expect(p.getByText("Sertifikat sah")).toBeVisible();
  await expect(p.getByText("Agus Setiawan")).toBeVisible();
  await expect(p.getByText(MODULE)).toBeVisible();
  await visitor.close();
});
