// Factories shared by the demo seed, the large synthetic seed and the tests. Each takes `db` and
// returns the new row's id; anything not given gets a plausible Indonesian default.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { hashPassword } from "~/.server/password.server";
import { AGENCY_TYPES, type AgencyType } from "~/lib/agency";

export { AGENCY_TYPES, type AgencyType };

let seq = 0;
const next = () => ++seq;

export interface AgencyInput {
  name?: string;
  shortName?: string;
  type?: AgencyType;
  region?: string;
  timeZone?: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  emailDomain?: string | null;
  active?: boolean;
}

export async function makeAgency(db: DB, a: AgencyInput = {}): Promise<string> {
  const id = createId();
  const n = next();
  const now = nowIso();
  await db
    .insertInto("agency")
    .values({
      id,
      name: a.name ?? `Dinas Contoh ${n}`,
      short_name: a.shortName ?? `DC${n}`,
      type: a.type ?? "opd",
      region: a.region ?? "Kabupaten Sukamaju",
      time_zone: a.timeZone ?? "Asia/Jakarta",
      contact_name: a.contactName ?? null,
      contact_email: a.contactEmail ?? null,
      contact_phone: a.contactPhone ?? null,
      email_domain: a.emailDomain ?? null,
      active: a.active === false ? 0 : 1,
      deactivated_at: a.active === false ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function makeNetwork(db: DB, n: { name?: string; level?: string; coordinatingAgencyId?: string | null; timeZone?: string; demo?: boolean } = {}) {
  const now = nowIso();
  const id = createId();
  await db
    .insertInto("network")
    .values({
      id,
      name: n.name ?? "Bakohumas Kabupaten Sukamaju",
      level: n.level ?? "kabupaten",
      coordinating_agency_id: n.coordinatingAgencyId ?? null,
      time_zone: n.timeZone ?? "Asia/Jakarta",
      demo_data: n.demo ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

let cachedHash: Promise<string> | undefined;
/** Hashing is deliberately slow; factories hash the shared test password once. */
export const hashedPassword = (password = "sinergi-demo") =>
  password === "sinergi-demo" ? (cachedHash ??= hashPassword(password)) : hashPassword(password);

export interface PersonInput {
  email?: string;
  name?: string;
  password?: string;
  agencyId?: string | null;
  agencyRole?: "admin" | "member" | null;
  roles?: ("koordinator" | "pimpinan" | "fasilitator")[];
  status?: "pending" | "active" | "deactivated";
  timeZone?: string;
  position?: string | null;
  functionalLevel?: string | null;
  phone?: string | null;
  nip?: string | null;
  locale?: "id" | "en";
}

export async function makePerson(db: DB, p: PersonInput = {}): Promise<string> {
  const id = createId();
  const n = next();
  const now = nowIso();
  await db
    .insertInto("user")
    .values({
      id,
      email: (p.email ?? `orang${n}.${id.slice(0, 6)}@sinergi.test`).toLowerCase(),
      name: p.name ?? `Pegawai Contoh ${n}`,
      password_hash: await hashedPassword(p.password),
      agency_id: p.agencyId ?? null,
      agency_role: p.agencyRole ?? (p.agencyId ? "member" : null),
      status: p.status ?? "active",
      time_zone: p.timeZone ?? "Asia/Jakarta",
      locale: p.locale ?? "id",
      position: p.position ?? null,
      functional_level: p.functionalLevel ?? null,
      phone: p.phone ?? null,
      nip: p.nip ?? null,
      created_at: now,
      updated_at: now,
      deactivated_at: p.status === "deactivated" ? now : null,
    })
    .execute();
  for (const role of p.roles ?? []) {
    await db.insertInto("network_role").values({ user_id: id, role, granted_by: null, granted_at: now }).execute();
  }
  return id;
}
