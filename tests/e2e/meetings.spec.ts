// Coordination meetings as people use them, each person in their own browser context:
// the coordinator creates a rakor, builds its agenda, invites Dinas Kesehatan and publishes it; the
// agency's admin answers "hadir" naming Rina; Rina reads her personal check-in code; the
// coordinator checks her in with it; minutes are written in the editor, outcomes recorded, the
// minutes circulated and approved by the pimpinan. A weekly series carries an open action over to
// its next meeting. And the meeting page works for the representative on a 360 px phone.
//
// The server's clock cannot be moved from a browser test, and check-in opens 60 minutes before the
// start while minutes can be circulated (and the meeting marked held) only once it has started. So
// the rakor is scheduled for today, a minute or two ahead: everything that must happen before the
// start happens first, then the test waits (polling the page) until the meeting has begun.
import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { login } from "./helpers";

const TZ = "Asia/Jakarta";
const MINUTE = 60_000;

/** An instant as the meeting's wall clock: { date: "2026-03-18", time: "09:30", label: "09.30 WIB" }. */
function wib(ms: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time, label: `${time.replace(":", ".")} WIB` };
}

/** A calendar date `days` after a "YYYY-MM-DD" date. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  return page;
}

/** A tab of the meeting's section navigation (the main menu has look-alike links). */
const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Bagian rapat" }).getByRole("link", { name, exact: true });

async function openMeetingFromList(page: Page, title: string) {
  await page.goto("/rapat");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("a rakor from invitation to approved minutes", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = "Rakor Percepatan Imunisasi Kabupaten Sukamaju";
  // Today, starting at the first whole minute at least a minute from now (publishing and the
  // answer take some 15 seconds and must come before the start); one hour long.
  const startMs = Math.ceil((Date.now() + MINUTE) / MINUTE) * MINUTE;
  const start = wib(startMs);
  const end = wib(startMs + 60 * MINUTE);
  const secondItem = wib(startMs + 30 * MINUTE);

  // 1. The coordinator creates the meeting as a draft, without inviting everybody at once.
  const coord = await signedIn(browser, "koordinator@sinergi.test");
  await coord.goto("/rapat/baru");
  await coord.getByLabel("Judul rapat").fill(title);
  await coord.getByLabel("Jenis rapat").selectOption({ label: "Rapat koordinasi (rakor)" });
  await coord.getByLabel("Bentuk").selectOption({ label: "Luring" });
  await coord.getByLabel("Tempat").fill("Ruang Rapat Diskominfo Lt. 2");
  await coord.getByLabel("Tanggal", { exact: true }).fill(start.date);
  await coord.getByLabel("Jam mulai").fill(start.time);
  await coord.getByLabel("Jam selesai").fill(end.time);
  if (end.date !== start.date) await coord.getByLabel(/^Tanggal selesai/).fill(end.date);
  await coord.getByLabel("Nomor surat undangan").fill("005/321/Diskominfo/2026");
  await coord.getByLabel("Undang semua instansi aktif").uncheck();
  await coord.getByRole("button", { name: "Simpan draf" }).click();
  await expect(coord).toHaveURL(/\/rapat\/(?!baru$)[a-z0-9]+$/);
  await expect(coord.getByText("Rapat disimpan sebagai draf.", { exact: true })).toBeVisible();
  const meetingPath = new URL(coord.url()).pathname;
  await expect(coord.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coord.getByText("005/321/Diskominfo/2026")).toBeVisible();

  // Two agenda items; the second starts 30 minutes after the meeting.
  await coord.getByRole("link", { name: "Susun agenda" }).click();
  await expect(coord).toHaveURL(`${meetingPath}/agenda`);
  await coord.getByRole("textbox", { name: "Mata acara", exact: true }).fill("Pembukaan dan arahan Kepala Diskominfo");
  await coord.getByLabel("Durasi (menit)").fill("30");
  await coord.getByRole("button", { name: "Tambah", exact: true }).click();
  const agenda = coord.getByRole("list").filter({ has: coord.getByRole("heading", { name: /Pembukaan dan arahan/ }) });
  await expect(agenda.getByText(start.label)).toBeVisible();
  // The form is ready for the next item.
  await expect(coord.getByRole("textbox", { name: "Mata acara", exact: true })).toHaveValue("");
  await coord.getByRole("textbox", { name: "Mata acara", exact: true }).fill("Paparan capaian imunisasi");
  await coord.getByLabel("Instansi penyaji").selectOption({ label: "Dinkes" });
  await coord.getByLabel("Nama penyaji").fill("Dewi Kartika, S.Sos.");
  await coord.getByLabel("Durasi (menit)").fill("30");
  await coord.getByRole("button", { name: "Tambah", exact: true }).click();
  const item2 = coord.getByRole("listitem").filter({ has: coord.getByRole("heading", { name: /Paparan capaian imunisasi/ }) });
  await expect(item2.getByText(secondItem.label)).toBeVisible();
  await expect(item2.getByText("Dewi Kartika, S.Sos. · Dinkes")).toBeVisible();
  await expect(coord.getByText("2 mata acara, total 1 jam.")).toBeVisible();

  // Invite Dinas Kesehatan on the invitations page.
  await tab(coord, "Undangan & RSVP").click();
  await coord.getByRole("checkbox", { name: /Dinas Kesehatan Kabupaten Sukamaju/ }).check();
  await coord.getByRole("button", { name: "Undang instansi terpilih" }).click();
  await expect(coord.getByText("1 instansi diundang.")).toBeVisible();
  await expect(coord.getByTestId("count-invited")).toHaveText("1");
  await expect(coord.getByTestId("count-pending")).toHaveText("1");

  // Publish: the invitation goes out.
  await tab(coord, "Ringkasan").click();
  await coord.getByRole("button", { name: "Terbitkan dan kirim undangan" }).click();
  await expect(coord.getByText("Rapat diterbitkan; undangan terkirim.")).toBeVisible();
  await expect(coord.getByText("Terbit", { exact: true })).toBeVisible();

  // 2. The admin of Dinas Kesehatan answers for the agency, naming Rina.
  const admin = await signedIn(browser, "admin.dinkes@sinergi.test");
  await openMeetingFromList(admin, title);
  await expect(admin.getByRole("heading", { name: "Jawaban Dinkes" })).toBeVisible();
  await admin.getByRole("link", { name: "Jawab undangan" }).click();
  await expect(admin).toHaveURL(`${meetingPath}/jawab`);
  await admin.getByRole("radio", { name: "Hadir", exact: true }).check();
  await admin.getByRole("checkbox", { name: /Rina Lestari/ }).check();
  await admin.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(admin.getByText("Jawaban tersimpan: instansi Anda hadir.")).toBeVisible();
  await expect(admin.getByText("Rina Lestari, S.I.Kom., Pranata Humas Ahli Pertama")).toBeVisible();

  // 3. Rina opens the meeting and reads her personal check-in code.
  const rina = await signedIn(browser, "rina@sinergi.test");
  await openMeetingFromList(rina, title);
  const codeBox = rina.getByTestId("checkin-code");
  await expect(codeBox).toHaveText(/^[A-Z0-9]{4,}$/);
  const code = (await codeBox.innerText()).trim();
  await expect(rina.getByRole("img", { name: `Kode QR untuk kode hadir ${code}` })).toBeVisible();

  // 4. At the door the coordinator types Rina's code; Dinkes is present.
  await coord.goto(`${meetingPath}/hadir`);
  await coord.getByLabel("Kode hadir", { exact: true }).fill(code);
  await coord.getByRole("button", { name: "Catat hadir" }).filter({ visible: true }).click();
  await expect(coord.getByText(/Rina Lestari, S\.I\.Kom\. \(Dinkes\) tercatat hadir pukul \d\d\.\d\d WIB\./)).toBeVisible();
  const dinkes = coord.getByRole("listitem").filter({ has: coord.getByRole("heading", { name: /^Dinkes/ }) });
  await expect(dinkes.getByText("Hadir", { exact: true })).toBeVisible();
  await expect(dinkes.getByText(/^✓ \d\d\.\d\d WIB$/)).toBeVisible();
  // The field is empty again for the next person at the door.
  await expect(coord.getByLabel("Kode hadir", { exact: true })).toHaveValue("");
  // A second scan does not count her twice.
  await coord.getByLabel("Kode hadir", { exact: true }).fill(code.toLowerCase());
  await coord.getByRole("button", { name: "Catat hadir" }).filter({ visible: true }).click();
  await expect(coord.getByText(/sudah tercatat hadir pukul .* Tidak dicatat dua kali\./)).toBeVisible();
  // Rina sees it on her own page.
  await rina.reload();
  await expect(rina.getByText(/^Tercatat hadir /)).toBeVisible();

  // 5. Minutes, typed into the rich-text editor and saved as version 1.
  await tab(coord, "Notulen").click();
  await expect(coord.getByText("Tulis dan simpan notulen terlebih dahulu.")).toBeVisible();
  const editor = coord.locator('#minutes-content[contenteditable="true"]');
  await editor.click();
  await coord.keyboard.type("Rapat dibuka oleh Kepala Diskominfo.");
  await coord.keyboard.press("Enter");
  await coord.keyboard.type("Dinkes memaparkan capaian imunisasi dasar lengkap 87 persen.");
  await coord.getByRole("button", { name: "Simpan notulen" }).click();
  await expect(coord.getByText("Notulen disimpan (versi 1).")).toBeVisible();
  await expect(coord.locator('#minutes-content[contenteditable="true"]')).toContainText("capaian imunisasi dasar lengkap 87 persen");
  // The A4 sheets of the minutes and the attendance list carry what was recorded (and hydrate
  // cleanly: fixtures.ts fails the test on any page error).
  await coord.goto(`${meetingPath}/notulen/cetak`);
  await expect(coord.getByText("Dinkes memaparkan capaian imunisasi dasar lengkap 87 persen.")).toBeVisible();
  await coord.goto(`${meetingPath}/hadir/cetak`);
  await expect(coord.getByText(/Rina Lestari/).first()).toBeVisible();
  await coord.goto(meetingPath);

  // A decision and an action owned by Dinkes under the second agenda item.
  const due = addDays(start.date, 14);
  await tab(coord, "Tindak lanjut").click();
  await coord.getByLabel("Jenis", { exact: true }).selectOption({ label: "Keputusan" });
  await coord.getByLabel("Isi", { exact: true }).fill("Kampanye imunisasi dilaksanakan serentak di seluruh kecamatan.");
  await coord.getByLabel(/^Di bawah agenda/).selectOption({ label: "2. Paparan capaian imunisasi" });
  await coord.getByRole("button", { name: "Simpan hasil" }).click();
  await expect(coord.getByText("Hasil rapat dicatat.")).toBeVisible();
  await expect(coord.getByLabel("Isi", { exact: true })).toHaveValue("");

  await coord.getByLabel("Jenis", { exact: true }).selectOption({ label: "Tindak lanjut" });
  await coord.getByLabel("Isi", { exact: true }).fill("Dinkes menerbitkan rilis capaian imunisasi.");
  await coord.getByLabel(/^Di bawah agenda/).selectOption({ label: "2. Paparan capaian imunisasi" });
  await coord.getByLabel("Instansi penanggung jawab").selectOption({ label: "Dinkes" });
  await coord.getByLabel(/^Narahubung/).selectOption({ label: "Rina Lestari, S.I.Kom. — Pranata Humas Ahli Pertama" });
  await coord.getByLabel("Tenggat").fill(due);
  await coord.getByRole("button", { name: "Simpan hasil" }).click();
  await expect(coord.getByText("Hasil rapat dicatat.")).toBeVisible();
  const outcomes = coord.locator("section", { has: coord.getByRole("heading", { name: "Hasil rapat", exact: true }) });
  await expect(outcomes.getByRole("heading", { name: "2. Paparan capaian imunisasi" })).toBeVisible();
  await expect(outcomes.getByText("Kampanye imunisasi dilaksanakan serentak di seluruh kecamatan.")).toBeVisible();
  const action = outcomes.getByRole("listitem").filter({ hasText: "Dinkes menerbitkan rilis capaian imunisasi." });
  await expect(action.getByText("Belum dikerjakan")).toBeVisible();
  await expect(action.getByText("Dinkes", { exact: true })).toBeVisible();
  await expect(action.getByText(/Tenggat /)).toBeVisible();

  // Once the meeting has started the coordinator marks it held (the button is enabled only then).
  await coord.goto(meetingPath);
  const held = coord.getByRole("button", { name: "Tandai terlaksana" });
  await expect(async () => {
    await coord.reload();
    await expect(held).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: startMs - Date.now() + 60_000, intervals: [5_000] });
  await held.click();
  await expect(coord.getByText("Rapat ditandai terlaksana.")).toBeVisible();
  await expect(coord.getByText("Terlaksana", { exact: true })).toBeVisible();

  // Circulate the minutes for corrections (deadline proposed three days ahead).
  await tab(coord, "Notulen").click();
  await coord.getByRole("button", { name: "Edarkan untuk koreksi" }).click();
  await expect(coord.getByText("Notulen diedarkan untuk koreksi; 1 admin instansi diberi tahu.")).toBeVisible();
  await expect(coord.getByRole("listitem").filter({ hasText: "Diedarkan untuk koreksi" }).first()).toHaveAttribute("aria-current", "step");

  // The attending agency's admin reads the circulated minutes and sends a correction.
  await admin.goto(`${meetingPath}/notulen`);
  await expect(admin.getByText("Dinkes memaparkan capaian imunisasi dasar lengkap 87 persen.")).toBeVisible();
  await admin.getByLabel("Koreksi Anda").fill("Mohon ditulis 87,4 persen sesuai data Dinkes.");
  await admin.getByRole("button", { name: "Kirim koreksi" }).click();
  await expect(admin.getByText("Koreksi Anda terkirim.")).toBeVisible();
  await expect(admin.getByLabel("Koreksi Anda")).toHaveValue("");

  // The pimpinan approves the minutes.
  const boss = await signedIn(browser, "pimpinan@sinergi.test");
  await boss.goto(`${meetingPath}/notulen`);
  await expect(boss.getByText("Mohon ditulis 87,4 persen sesuai data Dinkes.")).toBeVisible();
  await boss.getByRole("button", { name: "Setujui notulen" }).click();
  await expect(boss.getByText("Notulen disetujui.")).toBeVisible();
  await expect(boss.getByText(/^Disetujui oleh Drs\. Bambang Wicaksono, M\.Si\. pada /)).toBeVisible();
  await expect(boss.getByText("Notulen ini sudah disetujui.")).toBeVisible();

  // The attendance, now final: Dinkes present.
  await coord.goto(`${meetingPath}/hadir`);
  await expect(coord.getByRole("listitem").filter({ has: coord.getByRole("heading", { name: /^Dinkes/ }) }).getByText("Hadir", { exact: true })).toBeVisible();
});

test("the next meeting of a series opens with the open actions of the previous one", async ({ browser }) => {
  const coord = await signedIn(browser, "koordinator@sinergi.test");
  const title = "Rapat Redaksi Mingguan Uji Seri";
  // A weekly series on the weekday two days from today.
  const firstDate = addDays(wib(Date.now()).date, 2);
  const weekday = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"][new Date(`${firstDate}T12:00:00Z`).getUTCDay()];

  await coord.goto("/rapat/seri/baru");
  await coord.getByLabel("Judul rapat").fill(title);
  await coord.getByLabel("Bentuk").selectOption({ label: "Daring" });
  await coord.getByLabel(/^Tautan rapat daring/).fill("https://meet.sukamajukab.go.id/redaksi");
  await coord.getByLabel("Diulang").selectOption({ label: "Setiap minggu" });
  await coord.getByLabel("Hari", { exact: true }).selectOption({ label: weekday });
  await coord.getByLabel("Jam mulai").fill("10:00");
  await coord.getByLabel("Durasi (menit)").fill("60");
  await coord.getByLabel("Mulai tanggal").fill(firstDate);
  await coord.getByRole("button", { name: "Buat seri" }).click();
  await expect(coord).toHaveURL(/\/rapat\/seri\/[a-z0-9]+$/);
  await expect(coord.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coord.getByText(`Setiap ${weekday}, 10.00 WIB`)).toBeVisible();
  const seriesPath = new URL(coord.url()).pathname;

  // The first occurrence: an action for Dinkes.
  const occurrences = coord.locator("section", { has: coord.getByRole("heading", { name: "Jadwal mendatang" }) }).getByRole("link");
  await occurrences.nth(0).click();
  await expect(coord.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const firstPath = new URL(coord.url()).pathname;
  await tab(coord, "Tindak lanjut").click();
  await coord.getByLabel("Jenis", { exact: true }).selectOption({ label: "Tindak lanjut" });
  await coord.getByLabel("Isi", { exact: true }).fill("Dinkes menyiapkan bahan siaran pers pekan imunisasi.");
  await coord.getByLabel("Instansi penanggung jawab").selectOption({ label: "Dinkes" });
  await coord.getByLabel("Tenggat").fill(addDays(firstDate, 5));
  await coord.getByRole("button", { name: "Simpan hasil" }).click();
  await expect(coord.getByText("Hasil rapat dicatat.")).toBeVisible();

  // The next occurrence lists it first, under "Tindak lanjut rapat sebelumnya".
  await coord.goto(seriesPath);
  await occurrences.nth(1).click();
  await expect(coord.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(new URL(coord.url()).pathname).not.toBe(firstPath);
  const carried = coord.locator("section", { has: coord.getByRole("heading", { name: "Tindak lanjut rapat sebelumnya", exact: true }) });
  await expect(carried.getByRole("link", { name: "Dinkes menyiapkan bahan siaran pers pekan imunisasi." })).toBeVisible();
  await expect(carried.getByText("Belum dikerjakan")).toBeVisible();
  const carriedTop = (await carried.boundingBox())!.y;
  const agendaTop = (await coord.getByRole("heading", { name: "Agenda", exact: true }).boundingBox())!.y;
  expect(carriedTop).toBeLessThan(agendaTop);
  // …and on its outcomes page, above this meeting's own outcomes.
  await tab(coord, "Tindak lanjut").click();
  await expect(carried.getByRole("link", { name: "Dinkes menyiapkan bahan siaran pers pekan imunisasi." })).toBeVisible();
  const outcomesTop = (await coord.getByRole("heading", { name: "Hasil rapat", exact: true }).boundingBox())!.y;
  expect((await carried.boundingBox())!.y).toBeLessThan(outcomesTop);
});

test("the meeting page fits a 360 px phone for the representative", async ({ browser }) => {
  // Dinkes answers the demo's quarterly rakor naming Rina…
  const admin = await signedIn(browser, "admin.dinkes@sinergi.test");
  const title = "Rapat Koordinasi Bakohumas Kabupaten Sukamaju Triwulan I";
  await openMeetingFromList(admin, title);
  await admin.getByRole("link", { name: /Jawab undangan|Ubah jawaban/ }).click();
  await admin.getByRole("radio", { name: "Hadir", exact: true }).check();
  await admin.getByRole("checkbox", { name: /Rina Lestari/ }).check();
  await admin.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(admin.getByText("Jawaban tersimpan: instansi Anda hadir.")).toBeVisible();

  // …and Rina opens it on her phone.
  const rina = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  await login(rina, "rina@sinergi.test");
  await openMeetingFromList(rina, title);
  await expect(rina.getByTestId("checkin-code")).toBeVisible();
  await expect(rina.getByRole("heading", { name: "Agenda", exact: true })).toBeVisible();
  const overflow = await rina.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
