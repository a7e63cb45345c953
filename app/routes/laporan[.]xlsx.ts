// The whole participation dashboard as one workbook, for the same query as the page: a summary
// (period, filters, generated-at, weights, totals), every agency's figures in the page's order, the
// criterion means, every invitation of the period and every officer's figures — the last two
// streamed from the database while the file is written. A bad query: 400 with the message.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requirePermission } from "~/.server/permissions.server";
import { exportFileName, exportQuery, networkSheets } from "~/.server/report-export.server";
import { xlsxResponse } from "~/.server/table-export.server";
import { networkReport } from "~/models/participation.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "report.network");
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "network");
  const report = await networkReport(db, q.period, q.filters, now);
  const s = networkSheets(db, report, q, user, now);
  return xlsxResponse(`${exportFileName(q.period, ["laporan-partisipasi"])}.xlsx`, [s.summary, s.instansi, s.kriteria, s.attendance, s.officers]);
}
