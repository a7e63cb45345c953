// One table of an agency's scorecard as CSV: `?tabel=ringkasan` (default) | `petugas` | `kriteria` |
// `tren`, for the period of the page. Readers of all and that agency's admin; anyone else 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, notFound } from "~/.server/permissions.server";
import { exportFileName, exportQuery, exportTable, SCORECARD_TABLES, scorecardSheets, withoutTitle } from "~/.server/report-export.server";
import { csvResponse, type ExportSheet } from "~/.server/table-export.server";
import { agencyScorecard } from "~/models/participation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agencyId = params.agencyId ?? "";
  if (!can(user, "report.agency", { agencyId })) notFound();
  const table = exportTable(request, user, SCORECARD_TABLES);
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "agency");
  const scorecard = await agencyScorecard(db, agencyId, q.period, now);
  if (!scorecard) notFound();
  const sheet: ExportSheet = scorecardSheets(scorecard, user)[table];
  return csvResponse(`${exportFileName(q.period, ["kartu-partisipasi", scorecard.figures.shortName, table])}.csv`, withoutTitle(sheet));
}
