// The rubric library: the four rubrics of the training domain (siaran pers, infografis, foto berita,
// video pendek) as `scope = 'library'` templates. A fasilitator picks one for an assignment and gets a
// copy, so later edits here never change work already graded. Weights are a design choice and add up
// to 100 per rubric; level 4 is the "Skor 4 berarti" of the domain notes, levels 3..1 weaker.
// Frozen in time: the data is written out here, never imported from app code.
import type { Kysely } from "kysely";

type Row = [title: string, weight: number, l4: string, l3: string, l2: string, l1: string];
interface LibraryRubric { id: string; title: string; description: string; workKind: string; criteria: [slug: string, ...Row][] }

const AT = "2026-11-22T00:00:00.000Z";

const RUBRICS: LibraryRubric[] = [
  {
    id: "rubric-siaran-pers",
    title: "Siaran Pers",
    description: "Rubrik penilaian siaran pers pemerintah: judul, teras, kelengkapan 5W+1H, piramida terbalik, akurasi, nilai berita, bahasa, dan kelengkapan administratif.",
    workKind: "release",
    criteria: [
      ["judul", "Judul", 10,
        "Kalimat lengkap, aktif, dan spesifik; paling banyak sekitar 12 kata.",
        "Kalimat aktif dan jelas, tetapi kurang spesifik atau sedikit melebihi 12 kata.",
        "Berupa frasa atau kalimat pasif; pokok berita kurang tergambar.",
        "Tidak ada judul, atau judul tidak berhubungan dengan isi (misalnya hanya nama kegiatan)."],
      ["teras", "Teras (lead)", 20,
        "Paragraf pertama menjawab siapa, apa, kapan, dan di mana; pelaku disebut di depan; paling banyak sekitar 35 kata.",
        "Tiga dari empat unsur (siapa, apa, kapan, di mana) terjawab, atau teras sedikit melebihi 35 kata.",
        "Hanya satu atau dua unsur terjawab, atau teras dibuka dengan keterangan waktu dan tempat, bukan pelaku.",
        "Paragraf pertama berisi basa-basi atau latar belakang; pokok berita tidak ada di teras."],
      ["5w1h", "Kelengkapan 5W+1H", 15,
        "Mengapa dan bagaimana terjawab dengan jelas di paragraf 2–3.",
        "Mengapa dan bagaimana terjawab, tetapi baru di paragraf akhir atau kurang rinci.",
        "Hanya salah satu dari mengapa atau bagaimana yang terjawab.",
        "Mengapa dan bagaimana tidak terjawab sama sekali."],
      ["piramida", "Piramida terbalik", 10,
        "Informasi terpenting di atas; paragraf akhir aman dipotong tanpa menghilangkan fakta penting.",
        "Urutan umumnya benar, tetapi satu fakta penting terselip di bagian bawah.",
        "Informasi disusun kronologis atau acak; pembaca harus membaca sampai akhir untuk memahami pokok berita.",
        "Tidak ada struktur; informasi terpenting baru muncul di akhir atau tidak ada."],
      ["akurasi", "Akurasi & verifikasi", 15,
        "Nama, jabatan, angka, dan tanggal cocok dengan sumber.",
        "Ada satu kekeliruan kecil (misalnya salah ketik gelar) yang tidak mengubah makna.",
        "Ada kekeliruan angka, jabatan, atau tanggal yang dapat menyesatkan pembaca.",
        "Banyak data tidak cocok dengan sumber atau tidak dapat diverifikasi."],
      ["nilai-berita", "Nilai berita & angle", 10,
        "Bukan berita seremonial; manfaat bagi publik jelas sejak awal.",
        "Manfaat publik disebut, tetapi tertutup uraian jalannya acara.",
        "Cenderung seremonial; manfaat publik hanya tersirat.",
        "Murni seremonial (siapa hadir, siapa membuka acara) tanpa manfaat publik."],
      ["bahasa", "Bahasa & ejaan", 10,
        "Kalimat efektif dan sesuai EYD Edisi V.",
        "Kalimat umumnya efektif; ada beberapa salah ejaan atau tanda baca kecil.",
        "Banyak kalimat panjang berbelit atau istilah birokratis; salah ejaan sering muncul.",
        "Kalimat sulit dipahami; salah ejaan dan tanda baca ada di hampir setiap paragraf."],
      ["administratif", "Kelengkapan administratif", 10,
        "Tempat dan tanggal, narahubung (nama, jabatan, telepon atau e-mail), serta foto dengan keterangan tersedia.",
        "Satu unsur kurang lengkap, misalnya narahubung tanpa nomor telepon atau foto tanpa keterangan.",
        "Dua dari tiga unsur (tempat dan tanggal, narahubung, foto dengan keterangan) tidak ada.",
        "Tempat dan tanggal, narahubung, dan foto tidak ada."],
    ],
  },
  {
    id: "rubric-infografis",
    title: "Infografis",
    description: "Rubrik penilaian infografis berbasis data untuk media sosial.",
    workKind: "infographic",
    criteria: [
      ["pesan", "Tujuan & pesan kunci", 15,
        "Tujuan jelas dan satu pesan kunci langsung tertangkap dalam beberapa detik.",
        "Pesan kunci ada, tetapi bersaing dengan informasi lain.",
        "Beberapa pesan bercampur; pembaca harus menebak maksud utamanya.",
        "Tidak ada pesan kunci; infografis hanya kumpulan angka atau gambar."],
      ["data", "Akurasi data & sumber", 25,
        "Data akurat; sumber resmi serta tanggal produksi atau periode data dicantumkan.",
        "Data akurat dan sumber dicantumkan, tetapi tanggal atau periode data tidak ada.",
        "Sumber tidak jelas, atau ada angka yang tidak cocok dengan sumber.",
        "Data keliru atau tanpa sumber sama sekali."],
      ["relevansi", "Relevansi", 10,
        "Topik relevan dengan kebutuhan publik dan tugas instansi saat ini.",
        "Topik relevan, tetapi kaitannya dengan kebutuhan publik kurang ditonjolkan.",
        "Kaitan dengan kebutuhan publik atau tugas instansi lemah.",
        "Topik tidak relevan bagi publik sasaran."],
      ["struktur", "Struktur visual & hierarki", 20,
        "Alur baca jelas; judul, angka utama, dan penjelasan tersusun berjenjang; warna dan ikon konsisten.",
        "Alur baca cukup jelas, tetapi ada elemen yang saling bersaing atau kurang konsisten.",
        "Hierarki lemah; teks dan elemen visual berdesakan.",
        "Tidak ada hierarki; pembaca sulit menentukan dari mana mulai membaca."],
      ["ponsel", "Keterbacaan di ponsel", 15,
        "Terbaca nyaman di layar 6 inci tanpa diperbesar; rasio 1:1, 4:5, atau 9:16.",
        "Rasio sesuai, tetapi sebagian teks terlalu kecil dan perlu diperbesar.",
        "Banyak teks terlalu kecil atau kontrasnya rendah; rasio kurang cocok untuk media sosial.",
        "Tidak dapat dibaca di layar ponsel."],
      ["legalitas", "Legalitas aset & identitas", 15,
        "Semua foto, ikon, dan fon berlisensi sah atau milik sendiri; logo dan identitas instansi tepat.",
        "Aset sah, tetapi identitas instansi kurang tepat (misalnya logo terlalu kecil atau versi lama).",
        "Ada aset yang asal-usul lisensinya tidak jelas.",
        "Memakai aset tanpa izin, atau tidak ada identitas instansi."],
    ],
  },
  {
    id: "rubric-foto-berita",
    title: "Foto Berita",
    description: "Rubrik penilaian foto jurnalistik beserta keterangan fotonya.",
    workKind: "photo",
    criteria: [
      ["momen", "Nilai berita & momen", 25,
        "Menangkap momen puncak atau ekspresi yang menceritakan peristiwa tanpa perlu penjelasan.",
        "Momen relevan, tetapi bukan yang paling kuat.",
        "Foto berpose atau seremonial (berjajar, berjabat tangan) dengan sedikit nilai berita.",
        "Tidak ada kaitan yang jelas dengan peristiwa."],
      ["komposisi", "Komposisi & teknis", 25,
        "Subjek jelas, fokus tajam, pencahayaan baik, dan komposisi mengarahkan mata ke pokok foto.",
        "Teknis baik, tetapi komposisi kurang rapi (misalnya latar belakang mengganggu).",
        "Ada masalah teknis yang terlihat: agak kabur, gelap, atau miring.",
        "Kabur, terlalu gelap atau terang, atau subjek terpotong sehingga tidak layak muat."],
      ["keterangan", "Keterangan foto", 30,
        "Minimal dua kalimat yang menjawab 5W+1H; kalimat pertama menerangkan apa yang terlihat; nama ditulis benar; ada tempat, tanggal, dan kredit “Foto: Nama/Instansi”.",
        "Dua kalimat dan 5W+1H hampir lengkap, tetapi satu unsur kurang (misalnya kredit atau tanggal).",
        "Hanya satu kalimat, atau kalimat pertama tidak menerangkan apa yang terlihat; beberapa unsur tidak ada.",
        "Tidak ada keterangan foto, atau keterangan tidak sesuai dengan foto."],
      ["etika", "Etika & teknis", 20,
        "Tanpa cap waktu pada gambar, tidak mengekspos anak secara tidak patut, berkas paling besar 2 MB dengan rasio 3:4 atau 16:9.",
        "Etika terjaga, tetapi satu syarat teknis (ukuran atau rasio) tidak dipenuhi.",
        "Ada cap waktu pada gambar, atau beberapa syarat teknis tidak dipenuhi.",
        "Mengekspos anak atau pihak rentan secara tidak patut."],
    ],
  },
  {
    id: "rubric-video-pendek",
    title: "Video Pendek",
    description: "Rubrik penilaian video pendek 60–90 detik yang direkam dengan ponsel.",
    workKind: "video",
    criteria: [
      ["ide", "Ide & angle", 15,
        "Ide segar dengan sudut pandang yang dekat dengan kepentingan publik.",
        "Ide jelas, tetapi sudut pandangnya umum.",
        "Ide kabur; video lebih mirip dokumentasi acara.",
        "Tidak ada ide atau sudut pandang yang dapat dikenali."],
      ["struktur", "Struktur / 5W+1H", 20,
        "Pembuka menarik, isi menjawab 5W+1H, dan penutup jelas.",
        "Struktur runtut, tetapi satu atau dua unsur 5W+1H kurang.",
        "Struktur lemah; penonton sulit menangkap apa, siapa, dan mengapa.",
        "Tidak ada struktur; potongan gambar tanpa alur."],
      ["shot", "Variasi shot & komposisi", 20,
        "Ada variasi shot lebar, sedang, dan dekat; komposisi rapi dan gambar stabil.",
        "Ada variasi shot, tetapi sebagian gambar goyang atau komposisinya kurang rapi.",
        "Sebagian besar satu jenis shot; banyak gambar goyang.",
        "Satu shot panjang tanpa variasi, atau gambar tidak layak tayang."],
      ["audio", "Audio", 15,
        "Suara narasumber atau narasi jernih; musik dan suara latar seimbang.",
        "Suara jelas, tetapi ada gangguan kecil (angin, gema) atau musik sedikit terlalu keras.",
        "Suara sulit didengar di beberapa bagian.",
        "Suara tidak terdengar atau tertutup bising."],
      ["editing", "Editing & durasi", 15,
        "Potongan rapi dan berirama; durasi 60–90 detik.",
        "Editing rapi, tetapi durasi sedikit di luar 60–90 detik.",
        "Potongan kasar atau ada bagian bertele-tele; durasi jauh dari 60–90 detik.",
        "Tanpa penyuntingan, atau durasi jauh melampaui batas sehingga tidak layak unggah."],
      ["kepatuhan", "Kepatuhan", 15,
        "Musik bebas royalti, ada teks terjemahan (subtitel), dan identitas instansi tampil.",
        "Dua dari tiga unsur (musik bebas royalti, subtitel, identitas instansi) terpenuhi.",
        "Hanya satu dari tiga unsur terpenuhi.",
        "Memakai musik berhak cipta tanpa izin, atau tidak ada satu pun unsur kepatuhan."],
    ],
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const r of RUBRICS) {
    await db
      .insertInto("rubric")
      .values({
        id: r.id, title: r.title, description: r.description, scope: "library", work_kind: r.workKind,
        locked_at: null, created_by: null, created_at: AT, updated_at: AT,
      })
      .execute();
    await db
      .insertInto("rubric_criterion")
      .values(
        r.criteria.map(([slug, title, weight, l4, l3, l2, l1], i) => ({
          id: `${r.id}-${slug}`, rubric_id: r.id, position: i + 1, title, weight,
          level_1: l1, level_2: l2, level_3: l3, level_4: l4,
        })),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const ids = RUBRICS.map((r) => r.id);
  await db.deleteFrom("rubric_criterion").where("rubric_id", "in", ids).execute();
  await db.deleteFrom("rubric").where("id", "in", ids).execute();
}
