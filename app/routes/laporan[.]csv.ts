// One table of the participation dashboard as CSV, for the same query as the page (period, filters,
// sort): `?tabel=instansi` (default; every agency, not only the visible page) or `?tabel=kriteria`
// (the network's criterion means, weakest first). A bad query or table: 400 with the message.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requirePermission } from "~/.server/permissions.server";
import { exportFileName, exportQuery, exportTable, NETWORK_TABLES, networkSheets, withoutTitle } from "~/.server/report-export.server";
import { csvResponse } from "~/.server/table-export.server";
import { networkReport } from "~/models/participation.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "report.network");
  const table = exportTable(request, user, NETWORK_TABLES);
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "network");
  const report = await networkReport(db, q.period, q.filters, now);
  const sheets = networkSheets(db, report, q, user, now);
  const filename = `${exportFileName(q.period, ["laporan-partisipasi", table])}.csv`;
  return table === "kriteria" ? csvResponse(filename, withoutTitle(sheets.kriteria)) : csvResponse(filename, withoutTitle(sheets.instansi));
}
