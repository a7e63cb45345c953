// The pages `npm run bench` measures. Each feature adds its pages here. `baseline` marks the
// route that touches no database; every other page is reported as a ratio to it.
import type { DB } from "#db/connection";

export interface BenchContext {
  db: DB;
  biggestAgencyId: string;
  demoAgencyId: string;
  /** a published meeting, a week ahead, to which all 500 agencies are invited */
  bigMeetingId: string;
  /** training: a module with 5,000 enrolled (Rina among them, the demo fasilitator facilitating) */
  bigModuleId: string;
  /** its first assignment, with ~4,500 of the 200,000 submissions */
  bigAssignmentId: string;
  /** peer review (issue 5): a module with a 2,000-person cohort, the demo fasilitator facilitating… */
  peerModuleId: string;
  /** …and its release assignment, reviewing under way (~1,800 pieces, two reviewers each, flags) */
  peerAssignmentId: string;
}

export interface Target {
  name: string;
  /** who is signed in while measuring (a demo account), or null for anonymous */
  as: string | null;
  path: (ctx: BenchContext) => Promise<string> | string;
  /** the bar, as a fraction of the baseline's throughput */
  minRatio?: number;
  maxP99Ms?: number;
  baseline?: boolean;
}

export const targets: Target[] = [
  { name: "Tanpa basis data: /tentang", as: null, path: () => "/tentang", baseline: true },
  { name: "Direktori instansi /instansi", as: "koordinator@sinergi.test", path: () => "/instansi", minRatio: 0.5 },
  { name: "Cari instansi /instansi?q=Dinas", as: "koordinator@sinergi.test", path: () => "/instansi?q=Dinas", minRatio: 0.5 },
  {
    name: "Daftar anggota instansi terbesar (1.500 orang)",
    as: "koordinator@sinergi.test",
    path: (c) => `/instansi/${c.biggestAgencyId}/anggota`,
    minRatio: 0.5,
  },
  {
    name: "Daftar anggota Dinkes (admin instansi)",
    as: "admin.dinkes@sinergi.test",
    path: (c) => `/instansi/${c.demoAgencyId}/anggota`,
    minRatio: 0.5,
  },
  // Meetings (issue 3): 1,000 meetings, each inviting 100 agencies.
  { name: "Daftar rapat /rapat (koordinator)", as: "koordinator@sinergi.test", path: () => "/rapat", minRatio: 0.5 },
  { name: "Daftar rapat /rapat (admin instansi)", as: "admin.dinkes@sinergi.test", path: () => "/rapat", minRatio: 0.5 },
  { name: "Halaman rapat (500 instansi diundang)", as: "admin.dinkes@sinergi.test", path: (c) => `/rapat/${c.bigMeetingId}`, minRatio: 0.5 },
  { name: "Papan RSVP (500 instansi)", as: "koordinator@sinergi.test", path: (c) => `/rapat/${c.bigMeetingId}/undangan`, minRatio: 0.5 },
  // Training (issue 4): 40 modules, ~46,000 enrolments, 200,000 submissions.
  { name: "Halaman modul (5.000 peserta)", as: "rina@sinergi.test", path: (c) => `/pelatihan/${c.bigModuleId}`, minRatio: 0.5 },
  { name: "Belajar saya /belajar", as: "rina@sinergi.test", path: () => "/belajar", minRatio: 0.5 },
  {
    name: "Antrean penilaian (4.500 kiriman)",
    as: "fasilitator@sinergi.test",
    path: (c) => `/pelatihan/${c.bigModuleId}/tugas/${c.bigAssignmentId}/penilaian`,
    minRatio: 0.5,
  },
  // Peer review (issue 5): the fasilitator's "who owes what" board for a 2,000-person cohort.
  {
    name: "Papan silang baca (2.000 peserta)",
    as: "fasilitator@sinergi.test",
    path: (c) => `/pelatihan/${c.peerModuleId}/tugas/${c.peerAssignmentId}/silang-baca`,
    minRatio: 0.5,
  },
  // Participation reports (issue 6): cached until a table they read is written; run.ts's first
  // request and warm-up compute them, then the cached report is rendered.
  { name: "Dasbor partisipasi /laporan (triwulan berjalan)", as: "koordinator@sinergi.test", path: () => "/laporan", minRatio: 0.25, maxP99Ms: 300 },
  {
    name: "Kartu instansi (terbesar)",
    as: "koordinator@sinergi.test",
    path: (c) => `/laporan/instansi/${c.biggestAgencyId}`,
    minRatio: 0.25,
    maxP99Ms: 300,
  },
];
