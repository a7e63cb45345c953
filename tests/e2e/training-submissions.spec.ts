// Rina writes a press release, loses the connection mid-way, keeps typing, comes back online and
// submits: the submitted version holds all of it. Then she uploads an infographic and sees its
// thumbnail. Runs against the demo data (the demo modules' release and infographic assignments).
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { login } from "./helpers";

async function openAssignment(page: Page, moduleTitle: string, assignmentTitle: string) {
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: moduleTitle }).first().click();
  await page.getByRole("link", { name: assignmentTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: assignmentTitle })).toBeVisible();
}

test("a release written partly offline is submitted whole", async ({ page, context }) => {
  await login(page, "rina@sinergi.test");
  await openAssignment(page, "Menulis Siaran Pers Pemerintah yang Layak Muat", "Siaran pers: Peluncuran Layanan Posyandu Digital");
  const editor = page.locator("#release-body[contenteditable]");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("Dinkes Sukamaju Luncurkan Posyandu Digital di 212 Posyandu");
  await page.keyboard.press("Enter");
  await page.keyboard.type("SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju meluncurkan Posyandu Digital, Senin (17/11/2026).");
  await expect(page.getByTestId("autosave-status")).toContainText("Tersimpan", { timeout: 15_000 });

  await context.setOffline(true);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Kalimat yang ditulis tanpa sinyal tetap tersimpan di perangkat.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Narahubung: Rina Lestari, Pranata Humas, 0812-3456-7890");
  await expect(page.getByTestId("autosave-status")).toContainText("Offline — tersimpan di perangkat ini");
  const local = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("sinergi.draft."))?.[1] ?? "");
  expect(local).toContain("tanpa sinyal");
  // the pre-checks follow the text as it is typed
  await expect(page.getByTestId("release-checks")).toContainText("Narahubung");

  await context.setOffline(false);
  await expect(page.getByTestId("autosave-status")).toContainText("Tersimpan", { timeout: 15_000 });
  await page.getByRole("button", { name: /^Kirim/ }).click();
  await expect(page.getByText(/Versi \d+ terkirim/)).toBeVisible();
  const version = page.getByTestId("submission-version");
  await expect(version).toContainText("Dinkes Sukamaju Luncurkan Posyandu Digital di 212 Posyandu");
  await expect(version).toContainText("Kalimat yang ditulis tanpa sinyal tetap tersimpan di perangkat.");
  await expect(version).toContainText("Narahubung: Rina Lestari, Pranata Humas, 0812-3456-7890");

  for (const [w, h] of [[360, 800], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/.tmp/shots/submission-version-${w}.png`, fullPage: true });
  }
});

test("word-processor paste comes out as clean paragraphs", async ({ page }) => {
  await login(page, "rina@sinergi.test");
  await openAssignment(page, "Menulis Siaran Pers Pemerintah yang Layak Muat", "Siaran pers: Peluncuran Layanan Posyandu Digital");
  const editor = page.locator("#release-body[contenteditable]");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await editor.evaluate((el) => {
    const html = `<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
      <p class="MsoNormal" style="margin:0cm;font-size:12pt"><span style="font-family:'Times New Roman';color:#1F3864"><font face="Arial">Judul dari Word</font></span></p>
      <p class="MsoNormal"><span lang="IN" style="mso-ansi-language:IN;background:yellow">Teras <b>tebal</b> dengan <span style="font-size:20pt">huruf besar</span>.</span></p>
      <table><tr><td>sel tabel</td></tr></table></body></html>`;
    const dt = new DataTransfer();
    dt.setData("text/html", html);
    dt.setData("text/plain", "Judul dari Word\nTeras tebal dengan huruf besar.");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  const json = await page.locator('input[type=hidden][name=body]').inputValue();
  expect(json).toContain("Judul dari Word");
  expect(json).not.toMatch(/font|style|color|Mso|span|Calibri/i);
  const doc = JSON.parse(json) as { content: { type: string }[] };
  expect(doc.content.every((n) => ["paragraph", "heading", "bulletList", "orderedList", "blockquote"].includes(n.type))).toBe(true);
  for (const [w, h] of [[360, 800], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/.tmp/shots/release-editor-${w}.png`, fullPage: true });
  }
});

test("an infographic upload shows its thumbnail", async ({ page }) => {
  await login(page, "rina@sinergi.test");
  await page.goto("/pelatihan");
  await page.getByRole("link", { name: "Infografis Berbasis Data untuk Media Sosial" }).first().click();
  // self-enrolment is open on this module
  const enrol = page.getByRole("button", { name: /Daftar|Ikuti/ });
  if (await enrol.count()) await enrol.first().click();
  await page.getByRole("link", { name: /^Infografis:/ }).first().click();
  const png = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: "#0b5394" } })
    .composite([{ input: Buffer.from('<svg width="1080" height="300"><rect width="1080" height="300" fill="#f1c232"/></svg>'), top: 0, left: 0 }])
    .png().toBuffer();
  await page.locator("input[type=file][name=main]").setInputFiles({ name: "infografis.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Terunggah")).toBeVisible({ timeout: 20_000 });
  const thumb = page.getByTestId("thumb-main");
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole("button", { name: /^Kirim/ }).click();
  await expect(page.getByText(/Versi \d+ terkirim/)).toBeVisible();
  await expect(page.getByTestId("submission-version").locator("img")).toBeVisible();
});

test("the photo form offers a main photo and three supporting photos, each with a caption, without sideways scrolling on a phone", async ({ page }) => {
  await login(page, "rina@sinergi.test");
  await openAssignment(page, "Foto Jurnalistik dan Keterangan Foto", "Foto berita: Kegiatan pelayanan publik di instansi Anda");
  await expect(page.getByLabel("Foto utama")).toBeVisible();
  for (const n of [1, 2, 3]) await expect(page.getByLabel(`Foto pendukung ${n}`)).toBeVisible();
  await expect(page.getByLabel("Foto pendukung 4")).toHaveCount(0);
  await expect(page.getByLabel("Keterangan foto")).toHaveCount(4);
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
