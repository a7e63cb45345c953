// The officer record's tables as one XLSX workbook: a summary sheet, then modules, meetings,
// assignments and reviews. Same access and year as the record page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { fileSlug, loadOfficerRecord } from "~/.server/officer-record-access.server";
import { recordSheets } from "~/.server/officer-record-export.server";
import { xlsxResponse } from "~/.server/table-export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { record, now } = await loadOfficerRecord(user, request, params.userId);
  const { summary, tables } = recordSheets(record, user.locale, now);
  return xlsxResponse(`rekam-jejak-${fileSlug(record.officer.name)}-${record.year}.xlsx`, [summary, tables.modul, tables.rapat, tables.tugas, tables.ulasan]);
}
