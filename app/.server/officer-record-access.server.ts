// The one way the officer-record routes (page, evidence pack, XLSX, CSV) find the record they show:
// the person must exist and the viewer must hold `report.officer` for them — otherwise 404, so
// whether someone exists does not leak. The year comes from `?tahun=`; a bad one falls back to the
// viewer's current year with a message key instead of failing.
import type { SessionUser } from "~/models/session.server";
import { currentYearIn, findOfficer, MIN_RECORD_YEAR, officerRecord, parseRecordYear, type OfficerRecord, type YearError } from "~/models/officer-record.server";
import { db } from "./db.server";
import { can, notFound } from "./permissions.server";

export interface LoadedRecord {
  record: OfficerRecord;
  yearError: { key: YearError; input: string; min: number; max: number } | null;
  currentYear: number;
  now: Date;
}

export async function loadOfficerRecord(user: SessionUser, request: Request, userId: string | undefined): Promise<LoadedRecord> {
  const officer = userId ? await findOfficer(db, userId) : null;
  if (!officer || !can(user, "report.officer", { ownerId: officer.id, agencyId: officer.agencyId })) notFound();
  const now = new Date();
  const currentYear = currentYearIn(now, user.timeZone);
  const asked = parseRecordYear(new URL(request.url).searchParams.get("tahun"), currentYear);
  const record = await officerRecord(db, officer.id, asked.year, now);
  if (!record) notFound();
  return {
    record,
    yearError: asked.error ? { key: asked.error, input: asked.input, min: MIN_RECORD_YEAR, max: currentYear + 1 } : null,
    currentYear,
    now,
  };
}

/** "Rina Lestari, S.I.Kom." → "rina-lestari-s-i-kom": ASCII only, for file names. */
export function fileSlug(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "petugas";
}
