// The demo network "Bakohumas Kabupaten Sukamaju" (fictional: no real office's performance implied).
// Loaded on start when the database is empty; the five demo accounts use the password sinergi-demo.
import type { DB } from "#db/connection";
import { seedDemoMinutesAndFollowUps } from "./demo-followups";
import { seedDemoHistory } from "./demo-history";
import { seedDemoMeetings } from "./demo-meetings";
import { seedDemoTraining } from "./demo-training";
import { makeAgency, makeNetwork, makePerson, type AgencyInput } from "./factories";

const agencies: (AgencyInput & { key: string })[] = [
  { key: "diskominfo", name: "Dinas Komunikasi dan Informatika Kabupaten Sukamaju", shortName: "Diskominfo", type: "opd", emailDomain: "diskominfo.sukamaju.test", contactName: "Dra. Siti Aminah", contactPhone: "0271-555-0101", contactEmail: "humas@diskominfo.sukamaju.test" },
  { key: "dinkes", name: "Dinas Kesehatan Kabupaten Sukamaju", shortName: "Dinkes", type: "opd", emailDomain: "dinkes.sukamaju.test", contactName: "Dewi Kartika, S.Sos.", contactPhone: "0271-555-0132", contactEmail: "humas@dinkes.sukamaju.test" },
  { key: "disdikbud", name: "Dinas Pendidikan dan Kebudayaan Kabupaten Sukamaju", shortName: "Disdikbud", type: "opd", emailDomain: "disdikbud.sukamaju.test" },
  { key: "pupr", name: "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sukamaju", shortName: "Dinas PUPR", type: "opd", emailDomain: "pupr.sukamaju.test" },
  { key: "bpbd", name: "Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju", shortName: "BPBD", type: "opd" },
  { key: "prokopim", name: "Bagian Protokol dan Komunikasi Pimpinan Setda Kabupaten Sukamaju", shortName: "Prokopim Setda", type: "opd" },
  { key: "kecamatan", name: "Kecamatan Sukamaju Kota", shortName: "Kec. Sukamaju Kota", type: "kecamatan", region: "Kecamatan Sukamaju Kota" },
  { key: "rsud", name: "RSUD Sukamaju Sehat", shortName: "RSUD", type: "opd" },
  { key: "perumda", name: "Perumda Air Minum Tirta Sukamaju", shortName: "Tirta Sukamaju", type: "bumn_bumd" },
  { key: "polres", name: "Polres Sukamaju (Seksi Humas)", shortName: "Polres", type: "tni_polri" },
  { key: "kodim", name: "Kodim 0999/Sukamaju", shortName: "Kodim 0999", type: "tni_polri" },
  { key: "pelabuhan", name: "Dinas Komunikasi dan Informatika Kota Pelabuhan Baru", shortName: "Diskominfo Pelabuhan Baru", type: "opd", region: "Kota Pelabuhan Baru", timeZone: "Asia/Makassar" },
  { key: "teluk", name: "Dinas Komunikasi dan Informatika Kabupaten Teluk Timur", shortName: "Diskominfo Teluk Timur", type: "opd", region: "Kabupaten Teluk Timur", timeZone: "Asia/Jayapura" },
];

export async function seedDemo(db: DB): Promise<void> {
  const ids: Record<string, string> = {};
  for (const { key, ...a } of agencies) ids[key] = await makeAgency(db, a);
  await makeNetwork(db, { name: "Bakohumas Kabupaten Sukamaju", level: "kabupaten", coordinatingAgencyId: ids.diskominfo, timeZone: "Asia/Jakarta", demo: true });

  const people = [
    { email: "koordinator@sinergi.test", name: "Dra. Siti Aminah", position: "Kepala Bidang Informasi dan Komunikasi Publik", agencyId: ids.diskominfo, agencyRole: "admin", roles: ["koordinator"], phone: "0812-3456-0001" },
    { email: "pimpinan@sinergi.test", name: "Drs. Bambang Wicaksono, M.Si.", position: "Kepala Dinas Komunikasi dan Informatika", agencyId: ids.diskominfo, roles: ["pimpinan"] },
    { email: "fasilitator@sinergi.test", name: "Made Ayu Pertiwi, M.Si.", position: "Widyaiswara Ahli Muda", agencyId: ids.diskominfo, roles: ["fasilitator"] },
    { email: "admin.dinkes@sinergi.test", name: "Dewi Kartika, S.Sos.", position: "Kepala Subbagian Umum dan Kepegawaian", agencyId: ids.dinkes, agencyRole: "admin", phone: "0812-3456-0132" },
    { email: "rina@sinergi.test", name: "Rina Lestari, S.I.Kom.", position: "Pranata Humas Ahli Pertama", functionalLevel: "Pranata Humas Ahli Pertama", agencyId: ids.dinkes, nip: "199103152019032007", phone: "0812-3456-0133" },
    { email: "agus.dinkes@sinergi.test", name: "Agus Setiawan", position: "Staf Humas", agencyId: ids.dinkes },
    { email: "fajar@sinergi.test", name: "Fajar Nugroho", position: "Staf Humas", agencyId: ids.pupr, agencyRole: "admin" },
    { email: "lestari.pupr@sinergi.test", name: "Lestari Handayani, S.Sos.", position: "Pranata Humas Ahli Muda", functionalLevel: "Pranata Humas Ahli Muda", agencyId: ids.pupr },
    { email: "andi@sinergi.test", name: "Bripka Andi Saputra", position: "Bamin Seksi Humas", agencyId: ids.polres, agencyRole: "admin" },
    { email: "yohanes@sinergi.test", name: "Yohanes Kbarek", position: "Pranata Humas Ahli Pertama", functionalLevel: "Pranata Humas Ahli Pertama", agencyId: ids.teluk, agencyRole: "admin", timeZone: "Asia/Jayapura" },
    { email: "nur.pelabuhan@sinergi.test", name: "Nurhayati Said, S.Kom.", position: "Kepala Seksi Kehumasan", agencyId: ids.pelabuhan, agencyRole: "admin", timeZone: "Asia/Makassar" },
    { email: "budi.disdik@sinergi.test", name: "Budi Santoso, S.Pd.", position: "Staf Humas", agencyId: ids.disdikbud, agencyRole: "admin" },
    { email: "wulan.bpbd@sinergi.test", name: "Wulandari, A.Md.", position: "Staf Pusdalops", agencyId: ids.bpbd, agencyRole: "admin" },
    { email: "rizky.prokopim@sinergi.test", name: "Rizky Pratama, S.I.Kom.", position: "Analis Komunikasi Pimpinan", agencyId: ids.prokopim, agencyRole: "admin" },
    { email: "sari.rsud@sinergi.test", name: "Sari Wulandari, S.Kep.", position: "Staf Humas dan Pemasaran", agencyId: ids.rsud, agencyRole: "admin" },
  ] as const;
  for (const p of people) await makePerson(db, { ...p, roles: "roles" in p ? [...p.roles] : [] });
  await seedDemoMeetings(db);
  await seedDemoMinutesAndFollowUps(db);
  await seedDemoTraining(db);
  await seedDemoHistory(db);
}

/** Seeds the demo network if the database holds no network yet. Returns true when it did. */
export async function seedDemoIfEmpty(db: DB): Promise<boolean> {
  const existing = await db.selectFrom("network").select("id").executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute((trx) => seedDemo(trx));
  return true;
}
