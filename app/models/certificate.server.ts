// Certificates: issued once per completed enrolment, with what they say frozen at issue time, and a
// public verification code (12 Crockford base32 characters, shown as XXXX-XXXX-XXXX, stored without
// dashes). The code is the only thing a visitor needs to check a certificate at /verifikasi/<code>.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { CODE_ALPHABET, CODE_LENGTH, formatCertificateCode, normaliseCertificateCode } from "~/lib/certificate-code";
import { utcToZoned } from "~/lib/zoned-time";

export { CODE_ALPHABET, CODE_LENGTH, formatCertificateCode, normaliseCertificateCode };

/** 12 random characters, 60 bits: unguessable with lookups rate-limited. 256 % 32 = 0, so unbiased. */
export function generateCertificateCode(): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += CODE_ALPHABET[b & 31];
  return out;
}

export interface CertificateRecord {
  id: string;
  code: string;
  enrolmentId: string;
  userId: string;
  moduleId: string;
  holderName: string;
  agencyName: string | null;
  moduleTitle: string;
  jp: number;
  startsOn: string;
  completedOn: string;
  organiser: string;
  issuedAt: string;
  revokedAt: string | null;
}

type Row = {
  id: string; code: string; enrolment_id: string; user_id: string; module_id: string; holder_name: string;
  agency_name: string | null; module_title: string; jp: number; starts_on: string; completed_on: string;
  organiser: string; issued_at: string; revoked_at: string | null;
};

const toRecord = (r: Row): CertificateRecord => ({
  id: r.id, code: r.code, enrolmentId: r.enrolment_id, userId: r.user_id, moduleId: r.module_id,
  holderName: r.holder_name, agencyName: r.agency_name, moduleTitle: r.module_title, jp: r.jp,
  startsOn: r.starts_on, completedOn: r.completed_on, organiser: r.organiser, issuedAt: r.issued_at,
  revokedAt: r.revoked_at,
});

/**
 * Issue the certificate for a completed enrolment, freezing the holder's name, agency, the module's
 * title, JP and organiser, the cohort's start date and the completion date in the cohort's zone.
 * Idempotent: a second call (or a person who already holds a valid certificate for the module from
 * another run) returns the existing one with `created: false`. Null when the enrolment does not exist.
 */
export async function issueCertificate(
  db: DB,
  enrolmentId: string,
  completedAt: string,
  clock: () => Date = () => new Date(),
): Promise<{ certificate: CertificateRecord; created: boolean } | null> {
  const existing = await db.selectFrom("certificate").selectAll().where("enrolment_id", "=", enrolmentId).executeTakeFirst();
  if (existing) return { certificate: toRecord(existing), created: false };

  const e = await db
    .selectFrom("enrolment")
    .innerJoin("cohort", "cohort.id", "enrolment.cohort_id")
    .innerJoin("module", "module.id", "enrolment.module_id")
    .innerJoin("user", "user.id", "enrolment.user_id")
    .leftJoin("agency as ea", "ea.id", "enrolment.agency_id")
    .leftJoin("agency as ua", "ua.id", "user.agency_id")
    .select([
      "enrolment.id", "enrolment.user_id", "enrolment.module_id", "cohort.starts_on", "cohort.time_zone",
      "module.title", "module.jp", "module.organiser", "user.name", "ea.name as enrolment_agency", "ua.name as user_agency",
    ])
    .where("enrolment.id", "=", enrolmentId)
    .executeTakeFirst();
  if (!e) return null;

  const held = await db
    .selectFrom("certificate")
    .selectAll()
    .where("user_id", "=", e.user_id)
    .where("module_id", "=", e.module_id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (held) return { certificate: toRecord(held), created: false };

  for (let attempt = 0; attempt < 5; attempt++) {
    const row: Row = {
      id: createId(),
      code: generateCertificateCode(),
      enrolment_id: e.id,
      user_id: e.user_id,
      module_id: e.module_id,
      holder_name: e.name,
      agency_name: e.enrolment_agency ?? e.user_agency ?? null,
      module_title: e.title,
      jp: e.jp,
      starts_on: e.starts_on,
      completed_on: utcToZoned(completedAt, e.time_zone).date,
      organiser: e.organiser,
      issued_at: nowIso(clock),
      revoked_at: null,
    };
    // Any unique clash (the enrolment already has one, or — once in 2^60 — the code) inserts nothing.
    const res = await db.insertInto("certificate").values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) return { certificate: toRecord(row), created: true };
    const now = await db.selectFrom("certificate").selectAll().where("enrolment_id", "=", enrolmentId).executeTakeFirst();
    if (now) return { certificate: toRecord(now), created: false };
  }
  throw new Error("could not allocate a certificate code");
}

/** The certificate behind a typed code (tolerant of dashes, case, O/I/L), or null. */
export async function findCertificateByCode(db: DB, input: string): Promise<CertificateRecord | null> {
  const code = normaliseCertificateCode(input);
  if (!code) return null;
  const row = await db.selectFrom("certificate").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The person's certificate for a module: the valid one, else the latest revoked one, else null. */
export async function certificateFor(db: DB, moduleId: string, userId: string): Promise<CertificateRecord | null> {
  const rows = await db
    .selectFrom("certificate")
    .selectAll()
    .where("user_id", "=", userId)
    .where("module_id", "=", moduleId)
    .orderBy("issued_at", "desc")
    .execute();
  const row = rows.find((r) => !r.revoked_at) ?? rows[0];
  return row ? toRecord(row) : null;
}
