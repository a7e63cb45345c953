// An agency's scorecard as one workbook (summary, officers, criterion means, twelve-month trend) for
// the period of the page. Readers of all and that agency's admin; anyone else 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, notFound } from "~/.server/permissions.server";
import { exportFileName, exportQuery, scorecardSheets } from "~/.server/report-export.server";
import { xlsxResponse } from "~/.server/table-export.server";
import { agencyScorecard } from "~/models/participation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agencyId = params.agencyId ?? "";
  if (!can(user, "report.agency", { agencyId })) notFound();
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "agency");
  const scorecard = await agencyScorecard(db, agencyId, q.period, now);
  if (!scorecard) notFound();
  const s = scorecardSheets(scorecard, user);
  return xlsxResponse(`${exportFileName(q.period, ["kartu-partisipasi", scorecard.figures.shortName])}.xlsx`, [s.ringkasan, s.petugas, s.kriteria, s.tren]);
}
