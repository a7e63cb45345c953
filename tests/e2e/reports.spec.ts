// Issue 6, the browser journey: the coordinator opens the participation dashboard, filters it to a
// quarter, opens an agency's scorecard from the table and downloads its XLSX — which opens and holds
// the same figures as the page. And an agency admin sees her own scorecard, not another agency's.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { readXlsx, type XlsxCell } from "../helpers/xlsx";
import { login } from "./helpers";

const DINKES = "Dinas Kesehatan Kabupaten Sukamaju";
const ROMAN = ["I", "II", "III", "IV"];

/** "66,8" → 66.8, "100 %" → 100, "4" → 4; "–" (no data) → null. */
function shownNumber(text: string): number | null {
  const s = text.replace(/\u00a0/g, " ").replace(/tidak ada data/i, "").replace("%", "").trim();
  if (s === "–" || s === "") return null;
  return Number(s.replace(/\./g, "").replace(",", "."));
}

/** The figure the scorecard shows under a label in one of its groups ("Rapat", "Pelatihan", …). */
async function figure(page: Page, group: "meetings" | "followUps" | "training" | "quality", label: string): Promise<number | null> {
  const item = page.getByTestId(`card-group-${group}`).locator("div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
  return shownNumber(await item.locator("dd").innerText());
}

test("the coordinator filters to a quarter, opens Dinkes's scorecard and downloads an XLSX holding the page's figures", async ({ page }) => {
  const now = new Date(Date.now() + 7 * 3_600_000); // the coordinator's zone, WIB
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const quarter = `${year}-Q${q}`;

  await login(page, "koordinator@sinergi.test");
  await page.getByRole("link", { name: "Laporan", exact: true }).first().click();
  await expect(page).toHaveURL(/\/laporan$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Partisipasi");
  await expect(page.getByTestId("report-table")).toBeVisible();

  // The period form: a quarter from the list, then "Tampilkan" (a plain GET form).
  await page.getByLabel("Periode", { exact: true }).selectOption(quarter);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`periode=${quarter}`));
  await expect(page.getByTestId("report-period")).toContainText(`Triwulan ${ROMAN[q - 1]} ${year}`);

  // Dinkes's row in the table leads to its scorecard for the same quarter.
  const row = page.getByTestId("report-row").filter({ hasText: DINKES });
  const rankInTable = shownNumber(await row.locator("td, th").first().innerText());
  await row.getByRole("link", { name: DINKES }).click();
  await expect(page).toHaveURL(new RegExp(`/laporan/instansi/[^/?]+\\?.*periode=${quarter}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DINKES);
  await expect(page.getByTestId("report-period")).toContainText(`Triwulan ${ROMAN[q - 1]} ${year}`);

  const shown = {
    index: shownNumber(await page.getByTestId("card-index").innerText()),
    rank: rankInTable,
    invited: await figure(page, "meetings", "Diundang"),
    attendanceRate: await figure(page, "meetings", "Tingkat kehadiran"),
    jp: await figure(page, "training", "JP diperoleh"),
    onTime: await figure(page, "training", "Tugas tepat waktu"),
    overdue: await figure(page, "followUps", "RTL lewat tenggat"),
  };
  await expect(page.getByTestId("card-rank")).toContainText(`Peringkat ${shown.rank} dari`);
  // The demo quarter has something to show: Rina earned 4 JP and the agency was invited to rakor.
  expect(shown.jp).toBeGreaterThan(0);
  expect(shown.invited).toBeGreaterThan(0);
  const officers = await page.getByTestId("card-officer").locator("a").allInnerTexts();
  expect(officers).toContain("Rina Lestari, S.I.Kom.");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX (lengkap)" }).click()]);
  expect(download.suggestedFilename()).toBe(`kartu-partisipasi-dinkes-${quarter}.xlsx`);
  const book = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(Object.keys(book)).toEqual(["Ringkasan", "Petugas", "Kriteria", "Tren"]);
  const value = (label: string): XlsxCell | undefined => book.Ringkasan.find((r) => r[0] === label)?.[1];
  expect(value("Instansi")).toBe(DINKES);
  expect(String(value("Periode"))).toContain(quarter);
  expect({
    index: value("Indeks partisipasi"),
    rank: value("Peringkat"),
    invited: value("Diundang"),
    attendanceRate: value("Tingkat kehadiran (%)"),
    jp: value("JP diperoleh"),
    onTime: value("Tugas tepat waktu"),
    overdue: value("RTL lewat tenggat"),
  }).toEqual(shown);
  expect(book.Petugas.slice(2).map((r) => r[0])).toEqual(officers);
  expect(book.Tren.slice(2)).toHaveLength(12);
});

test("the agency admin sees her own scorecard and a not-found page for another agency's", async ({ page }) => {
  await login(page, "admin.dinkes@sinergi.test");
  await page.getByRole("link", { name: "Laporan", exact: true }).first().click();
  await expect(page).toHaveURL(/\/laporan\/instansi\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DINKES);
  await expect(page.getByTestId("card-index")).toBeVisible();

  // Another agency's id, from the open directory.
  await page.goto("/instansi");
  const href = await page.getByRole("link", { name: /Dinas Pekerjaan Umum/ }).first().getAttribute("href");
  const puprId = href!.split("/").pop();
  const response = await page.goto(`/laporan/instansi/${puprId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Halaman atau data yang Anda cari tidak ditemukan.")).toBeVisible();
  await expect(page.getByText("Dinas Pekerjaan Umum dan Penataan Ruang")).toHaveCount(0);
  // The dashboard is not hers either.
  expect((await page.goto("/laporan"))?.status()).toBe(403);
});
