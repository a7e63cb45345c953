// Modules as people use them, each in their own browser: the fasilitator creates a module with a
// lesson, publishes it, creates a cohort and enrols the agency Dinas Kesehatan; Rina (Dinkes) finds
// the module, opens the lesson and marks it done.
import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { login } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  return page;
}

test("a fasilitator builds and publishes a module, enrols Dinas Kesehatan, and Rina completes a lesson", async ({ browser }) => {
  const title = `Menulis Keterangan Foto ${Date.now().toString(36)}`;
  const fasil = await signedIn(browser, "fasilitator@sinergi.test");
  await fasil.goto("/pelatihan");
  await fasil.getByRole("link", { name: "Buat modul" }).click();
  await fasil.getByLabel("Judul modul").fill(title);
  await fasil.getByLabel("Ringkasan").fill("Latihan menulis keterangan foto berita yang lengkap.");
  await fasil.getByLabel("Jam pelajaran (JP)").fill("2");
  await fasil.getByLabel("Kategori keluaran").selectOption("produksi_konten");
  await fasil.getByRole("button", { name: "Buat" }).click();
  await expect(fasil.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await fasil.getByRole("link", { name: "Tambah materi" }).click();
  await fasil.getByLabel("Judul materi").fill("Lima unsur keterangan foto");
  await fasil.locator("[contenteditable=true], textarea[name=content]").first().click();
  await fasil.keyboard.type("Keterangan foto menjawab siapa, apa, kapan, di mana, dan mengapa.");
  await fasil.getByRole("button", { name: "Buat" }).click();
  await expect(fasil.getByRole("heading", { level: 1, name: "Lima unsur keterangan foto" })).toBeVisible();
  await expect(fasil.getByText("Keterangan foto menjawab siapa")).toBeVisible();

  await fasil.getByRole("link", { name: title }).click();
  await fasil.getByRole("link", { name: "Ubah modul" }).click();
  await fasil.getByLabel("Status").selectOption("published");
  await fasil.getByRole("button", { name: "Simpan" }).click();
  await expect(fasil.getByText("Modul disimpan.")).toBeVisible();

  await fasil.getByRole("link", { name: "Peserta" }).first().click();
  await fasil.getByLabel("Nama angkatan").fill("Angkatan Uji E2E");
  await fasil.getByLabel("Tanggal mulai").fill("2026-01-05");
  await fasil.getByLabel("Tanggal selesai").fill("2026-12-20");
  await fasil.getByRole("button", { name: "Buat angkatan" }).click();
  await expect(fasil.getByText("Angkatan dibuat.")).toBeVisible();
  await fasil.getByRole("group", { name: "Daftarkan instansi" }).getByLabel(/^Dinas Kesehatan/).check();
  await fasil.getByRole("button", { name: "Daftarkan instansi terpilih" }).click();
  await expect(fasil.getByText(/peserta ditambahkan, 0 sudah terdaftar sebelumnya/)).toBeVisible();
  await expect(fasil.getByRole("heading", { level: 3, name: /Dinas Kesehatan/ })).toBeVisible();
  await expect(fasil.getByText("Rina Lestari, S.I.Kom.")).toBeVisible();

  const rina = await signedIn(browser, "rina@sinergi.test");
  await rina.goto("/pelatihan");
  await rina.getByRole("link", { name: title }).click();
  await expect(rina.getByText("0 dari 1 materi selesai")).toBeVisible();
  await rina.getByRole("link", { name: "Lima unsur keterangan foto" }).click();
  await rina.getByRole("button", { name: "Tandai selesai" }).click();
  await expect(rina.getByText("Materi ditandai selesai.")).toBeVisible();
  await expect(rina.getByText("1 dari 1 materi selesai")).toBeVisible();
  await expect(rina.getByRole("listitem").filter({ hasText: "Lima unsur keterangan foto" }).getByText("Selesai")).toBeVisible();
});
