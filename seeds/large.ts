// A large synthetic network for the benchmark (`npm run bench`): by default 500 agencies and
// 20,000 people on top of the demo network, so the demo accounts still sign in. Deterministic
// (seeded pseudo-random), inserted in batches inside one transaction. Later features add their
// own stages (meetings, submissions) through `LARGE_STAGES`.
import type { DB } from "#db/connection";
import type { NewAgency, NewUser } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { AGENCY_TYPES, hashedPassword } from "./factories";

export interface LargeOptions {
  agencies: number;
  people: number;
  /** members of the single largest agency, to stress member lists */
  biggestAgency: number;
}

export const LARGE_DEFAULTS: LargeOptions = { agencies: 500, people: 20_000, biggestAgency: 1_500 };

export function rng(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZONES = ["Asia/Jakarta", "Asia/Jakarta", "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];
const UNITS = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Perhubungan", "Dinas Sosial", "Dinas Pariwisata", "Badan Pendapatan Daerah", "Dinas Lingkungan Hidup", "Dinas Koperasi dan UKM", "Kecamatan", "RSUD", "Perumda", "Bagian Humas Setda"];
const PLACES = ["Sukamaju", "Mekarsari", "Harapan Jaya", "Tanjung Baru", "Karang Indah", "Sumber Makmur", "Pelabuhan Baru", "Teluk Timur", "Bukit Raya", "Sungai Lestari"];
const FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Oktavia", "Putu", "Rina", "Sari", "Taufik", "Wulan", "Yohanes", "Zainal"];
const LAST = ["Saputra", "Lestari", "Nugroho", "Wibowo", "Pertiwi", "Santoso", "Handayani", "Kurniawan", "Siregar", "Simanjuntak", "Kbarek", "Rahman", "Hidayat", "Susanto", "Wijaya"];

async function insertBatches(db: DB, table: "agency", rows: NewAgency[]): Promise<void>;
async function insertBatches(db: DB, table: "user", rows: NewUser[]): Promise<void>;
async function insertBatches(db: DB, table: "agency" | "user", rows: (NewAgency | NewUser)[], size = 400) {
  for (let i = 0; i < rows.length; i += size) {
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

export async function seedLarge(db: DB, opts: Partial<LargeOptions> = {}): Promise<{ agencyIds: string[]; biggestAgencyId: string }> {
  const o = { ...LARGE_DEFAULTS, ...opts };
  const rand = rng();
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = nowIso();
  const passwordHash = await hashedPassword();

  const existing = await db.selectFrom("agency").select("id").execute();
  const existingPeople = await db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const agencyRows: NewAgency[] = [];
  for (let i = existing.length; i < o.agencies; i++) {
    const unit = pick(UNITS);
    const place = pick(PLACES);
    agencyRows.push({
      id: createId(),
      name: `${unit} ${place} ${i + 1}`,
      short_name: `${unit.split(" ").map((w) => w[0]).join("")}-${i + 1}`,
      type: pick(AGENCY_TYPES),
      region: `Kabupaten ${place}`,
      time_zone: pick(ZONES),
      contact_name: null, contact_email: null, contact_phone: null,
      email_domain: `u${i + 1}.sintetis.test`,
      active: rand() < 0.96 ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
  }
  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, "agency", agencyRows);
  });
  const agencyIds = [...existing.map((a) => a.id), ...agencyRows.map((a) => a.id)];
  const biggestAgencyId = agencyRows[0]?.id ?? agencyIds[0];

  const people: NewUser[] = [];
  const total = o.people - Number(existingPeople.n);
  for (let i = 0; i < total; i++) {
    const agencyId = i < o.biggestAgency ? biggestAgencyId : agencyIds[Math.floor(rand() * agencyIds.length)];
    const first = pick(FIRST);
    people.push({
      id: createId(),
      email: `p${i + 1}@sintetis.test`,
      name: `${first} ${pick(LAST)}`,
      position: rand() < 0.5 ? "Pranata Humas Ahli Pertama" : "Staf Humas",
      functional_level: null,
      phone: null,
      nip: null,
      time_zone: pick(ZONES),
      locale: "id",
      agency_id: agencyId,
      // One admin for the biggest agency; elsewhere about one in forty (agencies have one or two).
      agency_role: i === 0 || (i >= o.biggestAgency && i % 40 === 0) ? "admin" : "member",
      status: rand() < 0.95 ? "active" : "deactivated",
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    });
  }
  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, "user", people);
  });
  return { agencyIds, biggestAgencyId };
}
