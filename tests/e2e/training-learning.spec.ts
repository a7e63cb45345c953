// My learning and certificates in the browser, against the demo network: Rina completed "Teras Berita
// dan Judul Aktif" and holds its certificate. She downloads it, signs out, and the code verifies on
// the public page.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("a trainee downloads her certificate and its code verifies for anyone", async ({ page }) => {
  await login(page, "rina@sinergi.test");
  await page.goto("/belajar");
  await expect(page.getByRole("heading", { name: "Belajar saya", level: 1 })).toBeVisible();

  // JP this year: text and an accessible meter against the 20 JP target.
  const meter = page.getByRole("meter", { name: /Jam pelajaran \(JP\) yang diperoleh/ });
  await expect(meter).toHaveAttribute("aria-valuemax", "20");
  await expect(page.getByText(/dari 20 JP/).first()).toBeVisible();

  // The completed module is listed as done, with its certificate.
  const done = page.getByRole("article").filter({ hasText: "Teras Berita dan Judul Aktif" });
  await expect(done.getByText("Selesai", { exact: true })).toBeVisible();
  const cert = page.getByTestId("certificate").filter({ hasText: "Teras Berita dan Judul Aktif" });
  const code = (await cert.getByTestId("certificate-code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    cert.getByRole("link", { name: /Unduh sertifikat/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`sertifikat-${code}.pdf`);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
  expect(bytes.length).toBeGreaterThan(2000);

  // Sign out, then check the code as a visitor would.
  await page.locator("summary").filter({ hasText: "Akun" }).click();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto(`/verifikasi/${code}`);
  await expect(page.getByText("Sertifikat sah")).toBeVisible();
  await expect(page.getByText("Rina Lestari", { exact: false })).toBeVisible();
  await expect(page.getByText("Teras Berita dan Judul Aktif")).toBeVisible();
  await expect(page.getByTestId("verified-code")).toHaveText(code);

  // Typed the careless way into the form: lower case, no dashes.
  await page.goto("/verifikasi");
  await page.getByLabel("Kode verifikasi").fill(code.replace(/-/g, "").toLowerCase());
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page).toHaveURL(new RegExp(`/verifikasi/${code}$`));
  await expect(page.getByText("Sertifikat sah")).toBeVisible();

  // A mistyped code says so, keeps what was typed, and does not crash.
  await page.getByLabel("Kode verifikasi").fill("ZZZZ-ZZZZ-ZZZ1");
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByRole("heading", { name: "Kode tidak dikenal" })).toBeVisible();
  await expect(page.getByLabel("Kode verifikasi")).toHaveValue("ZZZZ-ZZZZ-ZZZ1");
});

test("my learning is usable at 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await login(page, "rina@sinergi.test");
  await page.goto("/belajar");
  await expect(page.getByRole("heading", { name: "Tugas yang menunggu" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
