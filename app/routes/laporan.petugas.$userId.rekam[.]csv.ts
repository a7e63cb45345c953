// One table of the officer record as CSV: `?tabel=modul|rapat|tugas|ulasan` (anything else: 400 with
// a message saying which tables exist). Same access and year as the record page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { fileSlug, loadOfficerRecord } from "~/.server/officer-record-access.server";
import { isRecordTable, recordSheets } from "~/.server/officer-record-export.server";
import { csvResponse } from "~/.server/table-export.server";
import { makeT } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { record, now } = await loadOfficerRecord(user, request, params.userId);
  const table = new URL(request.url).searchParams.get("tabel");
  if (!isRecordTable(table)) {
    const message = makeT(user.locale)("record.table.unknown", { table: (table ?? "").slice(0, 40) });
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  const { tables } = recordSheets(record, user.locale, now);
  return csvResponse(`rekam-jejak-${table}-${fileSlug(record.officer.name)}-${record.year}.csv`, tables[table]);
}
