// Demo training of "Bakohumas Kabupaten Sukamaju", dated relative to today: a running release-writing
// module (Rina still to write; three colleagues already submitted and waiting for grading), an open
// infographic class, a photo module, a module Rina completed last month with her certificate, a video
// module and a draft crisis-communication module. Inserted directly (no notifications while seeding).
// The four library rubrics come from migration 0005; each assignment gets its own copy.
import { randomInt } from "node:crypto";
import type { DB } from "#db/connection";
import { createId } from "~/.server/crypto.server";
import { plainToDoc, type RichDoc, type RichNode } from "~/lib/rich-text";
import { zonedToUtc, utcToZoned } from "~/lib/zoned-time";
import { qualityChange } from "~/models/participation-quality.server";
import { allocateReviews } from "~/models/peer-allocation.server";

const TZ = "Asia/Jakarta";
const DAY = 86_400_000;
const ORGANISER = "Sekretariat Bakohumas Kabupaten Sukamaju (Diskominfo Kabupaten Sukamaju)";
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32

export const certificateCode = () => Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(32)]).join("");

/** A small rich-text document: "## " starts a heading, "- " lines a bullet list, the rest paragraphs. */
export function doc(text: string): RichDoc {
  const content: RichNode[] = [];
  const blocks = text.split(/\n\s*\n/).flatMap((block) => {
    const b = block.trim();
    if (!b.startsWith("## ")) return [b];
    const [heading, ...rest] = b.split("\n"); // a heading line may be followed directly by its list
    return [heading, rest.join("\n")];
  });
  for (const b of blocks) {
    if (!b) continue;
    if (b.startsWith("## ")) content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: b.slice(3) }] });
    else if (b.startsWith("- ")) {
      content.push({
        type: "bulletList",
        content: b.split("\n").map((l) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: l.replace(/^- /, "") }] }] })),
      });
    } else content.push(...plainToDoc(b).content);
  }
  return { type: "doc", content };
}

const localDate = (d: Date) => utcToZoned(d, TZ).date;
const at = (date: string, time: string) => zonedToUtc(date, time, TZ)!.toISOString();
const days = (now: Date, n: number) => new Date(now.getTime() + n * DAY);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export async function copyLibraryRubric(db: DB, libraryId: string, createdAt: string): Promise<string | null> {
  const rubric = await db.selectFrom("rubric").selectAll().where("id", "=", libraryId).executeTakeFirst();
  if (!rubric) return null;
  const id = createId();
  await db.insertInto("rubric").values({ ...rubric, id, scope: "assignment", locked_at: null, created_at: createdAt, updated_at: createdAt }).execute();
  const criteria = await db.selectFrom("rubric_criterion").selectAll().where("rubric_id", "=", libraryId).orderBy("position").execute();
  for (const c of criteria) await db.insertInto("rubric_criterion").values({ ...c, id: createId(), rubric_id: id }).execute();
  return id;
}

const RELEASES: Record<string, string> = {
  "lestari.pupr@sinergi.test": `Dinkes Sukamaju Luncurkan Posyandu Digital di 212 Posyandu

SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju meluncurkan layanan Posyandu Digital di 212 posyandu pada Senin (17/11/2026) di Balai Desa Sukamaju Kota. Dengan layanan ini, orang tua dapat memantau tumbuh kembang balita melalui ponsel.

Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Hendra Wijaya, M.Kes., mengatakan pencatatan manual selama ini membuat data timbang balita terlambat sampai ke puskesmas hingga dua minggu. "Dengan Posyandu Digital, kader cukup mencatat sekali dan data langsung terbaca petugas gizi," ujarnya.

Kader posyandu mencatat berat dan tinggi badan balita di aplikasi. Orang tua menerima ringkasan hasil penimbangan dan jadwal imunisasi berikutnya melalui pesan singkat. Sebanyak 1.060 kader telah mengikuti pelatihan sejak Oktober 2026.

Layanan ini ditargetkan menjangkau 18.400 balita di 14 kecamatan hingga akhir 2026.

Sukamaju, 17 November 2026

Narahubung:
Dewi Kartika, S.Sos. (Humas Dinas Kesehatan), 0812-3456-0132, humas@dinkes.sukamaju.test`,
  "yohanes@sinergi.test": `Peluncuran Posyandu Digital

Pada hari Senin tanggal 17 November 2026 telah dilaksanakan acara peluncuran Posyandu Digital yang dihadiri oleh Bapak Bupati, Kepala Dinas Kesehatan, para camat, dan para kader posyandu se-Kabupaten Sukamaju dengan penuh semangat dan antusias.

Acara dibuka dengan sambutan Bapak Bupati. Dalam sambutannya beliau menyampaikan terima kasih kepada semua pihak yang telah mendukung terselenggaranya acara ini.

Posyandu Digital adalah aplikasi untuk mencatat data balita.`,
  "nur.pelabuhan@sinergi.test": `Orang Tua di Sukamaju Kini Bisa Pantau Tumbuh Kembang Balita dari Ponsel

SUKAMAJU – Orang tua balita di Kabupaten Sukamaju kini dapat memantau hasil penimbangan dan jadwal imunisasi anaknya melalui ponsel, setelah Dinas Kesehatan meluncurkan layanan Posyandu Digital, Senin (17/11/2026).

Layanan tersebut menggantikan buku catatan kader yang selama ini harus direkap manual setiap bulan. Data yang dicatat kader kini langsung terbaca oleh petugas gizi puskesmas.

"Kami ingin tidak ada lagi balita yang terlambat ditangani karena datanya tertahan," kata Kepala Dinas Kesehatan, dr. Hendra Wijaya, M.Kes.

Sukamaju, 17 November 2026`,
};

export async function seedDemoTraining(db: DB, now: Date = new Date()): Promise<void> {
  const users = await db.selectFrom("user").select(["id", "email", "agency_id"]).execute();
  const user = (email: string) => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return u;
  };
  const facilitator = user("fasilitator@sinergi.test").id;
  const created = now.toISOString();
  const today = localDate(now);

  async function module(m: { title: string; summary: string; jp: number; category: string; status: string; selfEnrol?: boolean; passMark?: number | null }) {
    const id = createId();
    await db
      .insertInto("module")
      .values({
        id, title: m.title, summary: m.summary, jp: m.jp, output_category: m.category, cover_path: null, status: m.status,
        self_enrol: m.selfEnrol ? 1 : 0, pass_mark: m.passMark ?? null, organiser: ORGANISER, created_by: facilitator,
        created_at: created, updated_at: created, published_at: m.status === "published" ? created : null,
      })
      .execute();
    await db.insertInto("module_facilitator").values({ module_id: id, user_id: facilitator, created_at: created }).execute();
    return id;
  }

  async function lessons(moduleId: string, list: { title: string; body: string; videoUrl?: string }[]) {
    const ids: string[] = [];
    let position = 0;
    for (const l of list) {
      const id = createId();
      await db
        .insertInto("lesson")
        .values({
          id, module_id: moduleId, position: ++position, title: l.title, content_json: JSON.stringify(doc(l.body)),
          video_kind: l.videoUrl ? "url" : null, video_url: l.videoUrl ?? null, video_path: null, video_mime: null,
          video_seconds: null, created_at: created, updated_at: created,
        })
        .execute();
      ids.push(id);
    }
    return ids;
  }

  async function cohort(moduleId: string, name: string, startsOn: string, endsOn: string, open = false) {
    const id = createId();
    await db
      .insertInto("cohort")
      .values({ id, module_id: moduleId, name, starts_on: startsOn, ends_on: endsOn, time_zone: TZ, open_enrolment: open ? 1 : 0, created_by: facilitator, created_at: created })
      .execute();
    return id;
  }

  async function enrol(cohortId: string, moduleId: string, emails: string[], at = created) {
    const ids: Record<string, string> = {};
    for (const e of emails) {
      const u = user(e);
      const id = createId();
      await db
        .insertInto("enrolment")
        .values({ id, cohort_id: cohortId, module_id: moduleId, user_id: u.id, agency_id: u.agency_id, source: "person", status: "active", enrolled_by: facilitator, enrolled_at: at, completed_at: null })
        .execute();
      ids[e] = id;
    }
    return ids;
  }

  async function assignment(moduleId: string, a: { kind: string; title: string; instructions: string; rubric: string; opensAt: string; dueAt: string; lateUntil: string; position?: number }) {
    const id = createId();
    await db
      .insertInto("assignment")
      .values({
        id, module_id: moduleId, position: a.position ?? 1, kind: a.kind, title: a.title, instructions_json: JSON.stringify(doc(a.instructions)),
        rubric_id: await copyLibraryRubric(db, a.rubric, created), opens_at: a.opensAt, due_at: a.dueAt, late_until: a.lateUntil,
        time_zone: TZ, created_by: facilitator, created_at: created, updated_at: created,
      })
      .execute();
    return id;
  }

  async function submit(assignmentId: string, moduleId: string, email: string, text: string, submittedAt: string, late = false) {
    const u = user(email);
    const id = createId();
    const versionId = createId();
    const body = JSON.stringify(plainToDoc(text));
    await db
      .insertInto("submission")
      .values({
        id, assignment_id: assignmentId, module_id: moduleId, user_id: u.id, agency_id: u.agency_id, status: "submitted",
        draft_json: body, draft_link: null, draft_revision: 1, draft_saved_at: submittedAt, current_version_id: versionId,
        version_count: 1, first_submitted_at: submittedAt, submitted_at: submittedAt, late: late ? 1 : 0, score: null,
        graded_at: null, created_at: submittedAt, updated_at: submittedAt,
      })
      .execute();
    await db
      .insertInto("submission_version")
      .values({ id: versionId, submission_id: id, number: 1, body_json: body, word_count: words(text), link_url: null, late: late ? 1 : 0, submitted_at: submittedAt })
      .execute();
    return { id, versionId };
  }

  async function lessonDone(lessonIds: string[], email: string, at: string) {
    for (const id of lessonIds) {
      await db.insertInto("lesson_progress").values({ lesson_id: id, user_id: user(email).id, watched_json: null, watched_seconds: 0, duration_seconds: null, completed_at: at, updated_at: at }).execute();
    }
  }

  // 1. Release writing: running now; Rina has read the first lesson and still has to write.
  const release = await module({
    title: "Menulis Siaran Pers Pemerintah yang Layak Muat",
    summary: "Menyusun siaran pers yang layak muat: judul aktif, teras 5W+1H, piramida terbalik, data yang terverifikasi, dan narahubung yang lengkap. Praktik langsung dari lembar fakta.",
    jp: 8, category: "produksi_konten", status: "published",
  });
  const releaseLessons = await lessons(release, [
    {
      title: "Anatomi siaran pers: judul, teras, dan tubuh berita",
      body: `Siaran pers yang baik bisa dimuat media hampir tanpa disunting. Wartawan membaca judul dan teras lebih dulu; bila keduanya tidak menjawab pertanyaan pokok, siaran pers berhenti dibaca.

## Bagian-bagian siaran pers
- Judul: kalimat lengkap dan aktif, spesifik, sekitar 12 kata.
- Teras (lead): menjawab siapa, apa, kapan, di mana; pelaku di depan; paling banyak sekitar 35 kata.
- Tubuh: mengapa dan bagaimana di paragraf 2–3, disusun piramida terbalik.
- Penutup: tempat dan tanggal, narahubung (nama, jabatan, telepon atau e-mail).

## Hindari berita seremonial
Tulis manfaatnya bagi warga, bukan daftar pejabat yang hadir.`,
    },
    {
      title: "Teras berita yang menjawab 5W+1H",
      body: `Tonton video singkat ini, lalu bandingkan dua teras berita di bawahnya. Teras pertama dibuka dengan acara; teras kedua dibuka dengan pelaku dan manfaat.

Teras lemah: "Pada hari Senin telah dilaksanakan acara peluncuran Posyandu Digital yang dihadiri Bupati."

Teras kuat: "Dinas Kesehatan Kabupaten Sukamaju meluncurkan Posyandu Digital di 212 posyandu pada Senin (17/11), sehingga orang tua dapat memantau tumbuh kembang balita dari ponsel."`,
      videoUrl: "https://storage.googleapis.com/gtv-videos-bucket/sample/ForBiggerBlazes.mp4",
    },
    {
      title: "Narahubung, tempat-tanggal, dan kelengkapan administratif",
      body: `Setiap siaran pers ditutup dengan tempat dan tanggal serta blok narahubung: nama, jabatan, nomor telepon atau e-mail yang benar-benar dapat dihubungi wartawan.

Lampirkan foto dengan keterangan foto, dan pastikan nama serta jabatan narasumber sudah dicek ke sumber resmi.`,
    },
  ]);
  const releaseCohort = await cohort(release, "Angkatan I 2026", localDate(days(now, -7)), localDate(days(now, 30)));
  const trainees = ["rina@sinergi.test", "agus.dinkes@sinergi.test", "lestari.pupr@sinergi.test", "yohanes@sinergi.test", "nur.pelabuhan@sinergi.test", "budi.disdik@sinergi.test", "sari.rsud@sinergi.test", "andi@sinergi.test"];
  await enrol(releaseCohort, release, trainees, days(now, -7).toISOString());
  const releaseDue = localDate(days(now, 7));
  const releaseTask = await assignment(release, {
    kind: "release",
    title: "Siaran pers: Peluncuran Layanan Posyandu Digital",
    instructions: `Tulis siaran pers dari lembar fakta berikut. Panjang 300–600 kata adalah saran, bukan aturan.

## Lembar fakta
- Kegiatan: peluncuran layanan Posyandu Digital oleh Dinas Kesehatan Kabupaten Sukamaju.
- Waktu dan tempat: Senin, 17 November 2026, pukul 09.00 WIB, Balai Desa Sukamaju Kota.
- Cakupan: 212 posyandu di 14 kecamatan; 1.060 kader sudah dilatih sejak Oktober 2026; sasaran 18.400 balita.
- Manfaat: orang tua menerima hasil penimbangan dan jadwal imunisasi lewat pesan singkat; data langsung terbaca petugas gizi puskesmas.
- Kutipan Kepala Dinas Kesehatan, dr. Hendra Wijaya, M.Kes.: "Kami ingin tidak ada lagi balita yang terlambat ditangani karena datanya tertahan."
- Narahubung: Dewi Kartika, S.Sos., Humas Dinas Kesehatan, 0812-3456-0132.`,
    rubric: "rubric-siaran-pers",
    opensAt: at(localDate(days(now, -3)), "08:00"), dueAt: at(releaseDue, "23:59"), lateUntil: at(localDate(days(now, 9)), "23:59"),
  });
  await lessonDone([releaseLessons[0]], "rina@sinergi.test", days(now, -2).toISOString());
  for (const [email, text] of Object.entries(RELEASES)) {
    await lessonDone(releaseLessons, email, days(now, -2).toISOString());
    await submit(releaseTask, release, email, text, days(now, -1).toISOString());
  }
  // Peer review (issue 5): on for the release, opens on submit, 2 per piece, other agencies only, 14 days to review.
  await db.insertInto("peer_review_setting").values({
    assignment_id: releaseTask, enabled: 1, per_submission: 2, other_agency_only: 1, opens: "on_submit",
    reviews_due_at: at(localDate(days(now, 14)), "23:59"), created_at: now.toISOString(), updated_at: now.toISOString(),
  }).execute();

  // 2. Infographics: an open class anyone may join; Rina and Agus are in.
  const info = await module({
    title: "Infografis Berbasis Data untuk Media Sosial",
    summary: "Mengubah data resmi menjadi infografis yang akurat, jelas sumbernya, dan terbaca di layar ponsel (rasio 4:5).",
    jp: 6, category: "produksi_konten", status: "published", selfEnrol: true,
  });
  await lessons(info, [
    {
      title: "Dari tabel ke pesan kunci",
      body: `Mulailah dari satu pesan kunci. Pilih angka yang paling penting bagi warga, cantumkan sumber resmi dan tanggal data.

## Periksa sebelum mengunggah
- Terbaca di layar 6 inci tanpa diperbesar.
- Rasio 4:5 untuk feed, 9:16 untuk story.
- Logo instansi dan sumber data tercantum.`,
    },
  ]);
  const infoCohort = await cohort(info, "Kelas Terbuka 2026", localDate(days(now, -14)), localDate(days(now, 45)), true);
  await enrol(infoCohort, info, ["rina@sinergi.test", "agus.dinkes@sinergi.test"], days(now, -10).toISOString());
  await assignment(info, {
    kind: "infographic",
    title: "Infografis: Capaian Imunisasi Triwulan I",
    instructions: `Buat satu infografis rasio 4:5 tentang capaian imunisasi dasar lengkap Triwulan I: 4.812 dari 5.300 bayi (90,8%), naik dari 86,1% pada triwulan sebelumnya. Sumber: Dinas Kesehatan Kabupaten Sukamaju, data per 31 Maret. Unggah dalam format JPG atau PNG.`,
    rubric: "rubric-infografis",
    opensAt: at(localDate(days(now, -10)), "08:00"), dueAt: at(localDate(days(now, 14)), "23:59"), lateUntil: at(localDate(days(now, 16)), "23:59"),
  });

  // 3. News photos.
  const photo = await module({
    title: "Foto Jurnalistik dan Keterangan Foto",
    summary: "Memotret momen yang bernilai berita dan menulis keterangan foto 5W+1H dengan kredit yang benar.",
    jp: 6, category: "produksi_konten", status: "published",
  });
  await lessons(photo, [
    { title: "Momen, komposisi, dan etika", body: "Foto berita menangkap momen, bukan pose. Hindari cap waktu di foto, dan jangan menampilkan anak di bawah umur secara tidak patut.\n\nUkuran unggahan ideal di bawah 2 MB dengan rasio 3:4 atau 16:9." },
    { title: "Menulis keterangan foto", body: "Keterangan foto minimal dua kalimat. Kalimat pertama menjelaskan apa yang tampak; kalimat kedua memberi konteks 5W+1H. Akhiri dengan kredit \"Foto: Nama/Instansi\"." },
  ]);
  const photoCohort = await cohort(photo, "Angkatan I 2026", localDate(days(now, -5)), localDate(days(now, 40)));
  await enrol(photoCohort, photo, ["rina@sinergi.test", "fajar@sinergi.test", "wulan.bpbd@sinergi.test"], days(now, -5).toISOString());
  await assignment(photo, {
    kind: "photo",
    title: "Foto berita: Kegiatan pelayanan publik di instansi Anda",
    instructions: "Unggah satu foto utama dan paling banyak tiga foto pendukung dari kegiatan pelayanan publik di instansi Anda minggu ini. Setiap foto diberi keterangan foto yang lengkap.",
    rubric: "rubric-foto-berita",
    opensAt: at(localDate(days(now, -5)), "08:00"), dueAt: at(localDate(days(now, 21)), "23:59"), lateUntil: at(localDate(days(now, 23)), "23:59"),
  });

  // 4. Lead and headline: Rina completed it last month and holds the certificate.
  const lead = await module({
    title: "Teras Berita dan Judul Aktif",
    summary: "Latihan intensif menulis judul berkalimat aktif dan teras berita yang menjawab 5W+1H dalam 35 kata.",
    jp: 4, category: "pengembangan_profesi", status: "published", passMark: 70,
  });
  const leadLessons = await lessons(lead, [
    { title: "Judul aktif dalam 12 kata", body: "Judul yang baik adalah kalimat lengkap dengan pelaku dan kata kerja aktif: \"Dinkes Sukamaju Luncurkan Posyandu Digital\", bukan \"Peluncuran Posyandu Digital\"." },
    { title: "Teras 35 kata", body: "Teras menjawab siapa, apa, kapan, dan di mana. Letakkan pelaku di depan dan simpan mengapa serta bagaimana untuk paragraf berikutnya." },
  ]);
  const leadStart = days(now, -45);
  const leadEnd = days(now, -20);
  const leadCohort = await cohort(lead, "Angkatan Oktober 2026", localDate(leadStart), localDate(leadEnd));
  const leadEnrolments = await enrol(leadCohort, lead, ["rina@sinergi.test", "fajar@sinergi.test"], leadStart.toISOString());
  const leadTask = await assignment(lead, {
    kind: "release",
    title: "Latihan: judul dan teras dari siaran pers Dinas PUPR",
    instructions: "Tulis ulang judul dan teras siaran pers perbaikan Jembatan Cikaret agar aktif, spesifik, dan menjawab 5W+1H.",
    rubric: "rubric-siaran-pers",
    opensAt: leadStart.toISOString(), dueAt: at(localDate(days(now, -25)), "23:59"), lateUntil: at(localDate(days(now, -23)), "23:59"),
  });
  const rinaDone = days(now, -26).toISOString();
  await lessonDone(leadLessons, "rina@sinergi.test", days(now, -40).toISOString());
  const rinaLead = await submit(
    leadTask, lead, "rina@sinergi.test",
    "Dinas PUPR Sukamaju Perbaiki Jembatan Cikaret, Warga Kembali Bisa Melintas Mulai Senin\n\nSUKAMAJU – Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sukamaju menuntaskan perbaikan Jembatan Cikaret di Kecamatan Sukamaju Kota, sehingga mulai Senin (19/10/2026) warga dapat kembali melintas dengan kendaraan roda empat.\n\nSukamaju, 16 Oktober 2026\n\nNarahubung:\nFajar Nugroho (Humas Dinas PUPR), 0812-3456-0201",
    rinaDone,
  );
  const leadRubric = (await db.selectFrom("assignment").select("rubric_id").where("id", "=", leadTask).executeTakeFirstOrThrow()).rubric_id;
  if (leadRubric) {
    const criteria = await db.selectFrom("rubric_criterion").select(["id", "weight", "position"]).where("rubric_id", "=", leadRubric).orderBy("position").execute();
    const levels = [4, 4, 3, 3, 4, 3, 3, 4];
    const score = criteria.reduce((s, c, i) => s + (c.weight * (levels[i] ?? 3)) / 4, 0);
    const gradeId = createId();
    const gradedAt = days(now, -24).toISOString();
    const quality = await qualityChange(db, { submissionId: rinaLead.id }); // the report's rubric means
    await db
      .insertInto("grade")
      .values({ id: gradeId, submission_id: rinaLead.id, version_id: rinaLead.versionId, grader_id: facilitator, decision: "graded", score, feedback: "Judul dan teras sudah aktif dan lengkap. Pada paragraf kedua, tambahkan alasan perbaikan (mengapa) dan sumber angka biaya.", created_at: gradedAt })
      .execute();
    for (const [i, c] of criteria.entries()) {
      await db.insertInto("grade_criterion").values({ grade_id: gradeId, criterion_id: c.id, level: levels[i] ?? 3, comment: null }).execute();
    }
    await db.updateTable("submission").set({ status: "graded", score, graded_at: gradedAt }).where("id", "=", rinaLead.id).execute();
    await quality.settle();
    await db.updateTable("rubric").set({ locked_at: gradedAt }).where("id", "=", leadRubric).execute();
  }
  const completedOn = localDate(days(now, -24));
  await db.updateTable("enrolment").set({ completed_at: days(now, -24).toISOString() }).where("id", "=", leadEnrolments["rina@sinergi.test"]).execute();
  const rina = await db
    .selectFrom("user")
    .leftJoin("agency", "agency.id", "user.agency_id")
    .select(["user.id", "user.name", "agency.name as agency_name"])
    .where("user.email", "=", "rina@sinergi.test")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("certificate")
    .values({
      id: createId(), code: certificateCode(), enrolment_id: leadEnrolments["rina@sinergi.test"], user_id: rina.id, module_id: lead,
      holder_name: rina.name, agency_name: rina.agency_name, module_title: "Teras Berita dan Judul Aktif", jp: 4,
      starts_on: localDate(leadStart), completed_on: completedOn, organiser: ORGANISER, issued_at: days(now, -24).toISOString(), revoked_at: null,
    })
    .execute();

  // 5. Mobile journalism (published, nobody enrolled yet) and 6. crisis communication (draft).
  const mojo = await module({
    title: "Mobile Journalism: Video 60 Detik",
    summary: "Merencanakan, merekam, dan menyunting video berita 60–90 detik dengan ponsel: variasi shot, audio yang jernih, subtitle, dan identitas instansi.",
    jp: 8, category: "produksi_konten", status: "published",
  });
  await lessons(mojo, [{ title: "Merencanakan lima shot", body: "Rencanakan lima shot: wide, medium, close-up, detail, dan wawancara. Rekam masing-masing minimal 10 detik dengan ponsel dalam posisi mendatar." }]);
  await assignment(mojo, {
    kind: "video", title: "Video 60 detik: Layanan publik yang berubah", instructions: "Rekam dan sunting video 60–90 detik tentang satu layanan publik di instansi Anda. Unggah berkas MP4 (maksimum 50 MB) atau tautan.",
    rubric: "rubric-video-pendek",
    opensAt: at(today, "00:00"), dueAt: at(localDate(days(now, 30)), "23:59"), lateUntil: at(localDate(days(now, 32)), "23:59"),
  });
  const crisis = await module({
    title: "Komunikasi Krisis: Holding Statement",
    summary: "Menyusun pernyataan awal (holding statement) dalam satu jam pertama krisis: apa yang diketahui, apa yang dilakukan, kapan informasi berikutnya.",
    jp: 6, category: "kegiatan_kehumasan", status: "draft",
  });
  await lessons(crisis, [{ title: "Satu jam pertama", body: "Holding statement bukan klarifikasi lengkap. Sampaikan fakta yang sudah pasti, langkah yang sedang diambil, dan kapan pembaruan berikutnya akan diberikan." }]);
  // The three demo releases review each other (the seed's last step, so the pool is complete).
  await allocateReviews(db, releaseTask, () => now);
}
