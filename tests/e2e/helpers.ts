import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sinergi-demo";

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}


/** The newest e-mail to `to` from the coordinator's outbox page, and the first Sinergi link in it. */
export async function latestMailLink(page: Page, to: string): Promise<string> {
  await page.goto(`/kotak-keluar?to=${encodeURIComponent(to)}`);
  const body = await page.locator("[data-testid=mail-body]").first().innerText();
  const m = /https?:\/\/\S+/.exec(body);
  if (!m) throw new Error(`Tidak ada tautan dalam e-mail ke ${to}`);
  return new URL(m[0]).pathname;
}
