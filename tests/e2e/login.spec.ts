import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("a wrong password keeps the e-mail typed and says why in Indonesian", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("rina@sinergi.test");
  await page.getByLabel("Kata sandi").fill("bukan-sandinya");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("alert")).toContainText("E-mail atau kata sandi salah.");
  await expect(page.getByLabel("E-mail")).toHaveValue("rina@sinergi.test");
  await expect(page.getByLabel("Kata sandi")).toHaveValue("");
});

test("sign-out ends the session", async ({ page, context }) => {
  await login(page, "rina@sinergi.test");
  await expect(page.getByRole("heading", { name: /Rina Lestari/ })).toBeVisible();
  await page.locator("summary").filter({ hasText: "Akun" }).click();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "sinergi_session")).toBeUndefined();
});

test("the login page works at 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/login");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
  const box = await page.getByRole("button", { name: "Masuk" }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
});
