// The foundation as people use it: the coordinator adds an agency and invites its admin; the
// invitee opens the link from the outbox, sets a password and is signed in; the new admin invites
// an officer, who accepts. Each person uses their own browser context (their own cookies).
import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { latestMailLink, login } from "./helpers";

async function asCoordinator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, "koordinator@sinergi.test");
  return page;
}

async function acceptInvitation(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Terima undangan" })).toBeVisible();
  await page.getByLabel("Nama lengkap (dengan gelar)").fill(name);
  await page.getByLabel("Kata sandi", { exact: true }).fill("sandi-baru-yang-panjang");
  await page.getByLabel("Ulangi kata sandi").fill("sandi-baru-yang-panjang");
  await page.getByRole("button", { name: "Buat akun dan masuk" }).click();
  await expect(page.getByText(`Selamat datang di Sinergi, ${name}!`)).toBeVisible();
  return page;
}

test("coordinator adds an agency and invites its admin, who invites an officer", async ({ browser }) => {
  const coord = await asCoordinator(browser);

  // 1. A new member agency.
  await coord.goto("/instansi/baru");
  await coord.getByLabel("Nama lengkap instansi").fill("Dinas Sosial Kabupaten Sukamaju");
  await coord.getByLabel("Nama singkat").fill("Dinsos");
  await coord.getByLabel("Jenis instansi").selectOption("opd");
  await coord.getByLabel("Wilayah").fill("Kabupaten Sukamaju");
  await coord.getByRole("button", { name: "Simpan instansi" }).click();
  await expect(coord).toHaveURL(/\/instansi\/[a-z0-9]+$/);
  await expect(coord.getByRole("heading", { name: "Dinas Sosial Kabupaten Sukamaju" })).toBeVisible();
  const agencyPath = new URL(coord.url()).pathname;

  // 2. Its admin is invited by e-mail (kept in the outbox: no SMTP in tests).
  await coord.getByLabel("E-mail calon admin").fill("admin.dinsos@sinergi.test");
  await coord.getByLabel("Nama calon admin").fill("Hadi Prasetyo");
  await coord.getByRole("button", { name: "Kirim undangan" }).click();
  await expect(coord.getByRole("status").first()).toContainText("admin.dinsos@sinergi.test");
  const adminLink = await latestMailLink(coord, "admin.dinsos@sinergi.test");
  expect(adminLink).toMatch(/^\/undangan\//);

  // 3. The invitee accepts and is signed in as the agency's admin.
  const admin = await acceptInvitation(browser, adminLink, "Hadi Prasetyo, S.Sos.");
  await admin.goto(`${agencyPath}/anggota`);
  await expect(admin.getByRole("heading", { name: "Undang petugas" })).toBeVisible();

  // 4. The new admin invites an officer of the agency.
  await admin.getByLabel("E-mail petugas").fill("petugas.dinsos@sinergi.test");
  await admin.getByLabel(/^Nama/).fill("Maya Sari");
  await admin.getByRole("button", { name: "Kirim undangan" }).click();
  await expect(admin.getByText("Undangan terkirim ke petugas.dinsos@sinergi.test.")).toBeVisible();

  // 5. The officer accepts the link from the outbox and lands in the agency.
  const officerLink = await latestMailLink(coord, "petugas.dinsos@sinergi.test");
  const officer = await acceptInvitation(browser, officerLink, "Maya Sari");
  await officer.goto("/profil");
  await expect(officer.getByText("Dinas Sosial Kabupaten Sukamaju").first()).toBeVisible();

  // The admin now sees the officer among the agency's active members.
  await admin.goto(`${agencyPath}/anggota`);
  await expect(admin.getByText("Maya Sari").filter({ visible: true }).first()).toBeVisible();

  // A used invitation link cannot be used twice.
  const again = await (await browser.newContext()).newPage();
  await again.goto(officerLink);
  await expect(again.getByText("sudah pernah dipakai")).toBeVisible();
});

test("the member page of an agency is usable at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await login(page, "admin.dinkes@sinergi.test");
  await page.getByRole("link", { name: "Menu" }).or(page.locator("summary", { hasText: "Menu" })).first().click();
  await page.getByRole("link", { name: "Instansi Saya" }).click();
  await page.getByRole("link", { name: "Anggota" }).first().click();
  await expect(page.getByText("Rina Lestari").filter({ visible: true }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
