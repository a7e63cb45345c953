// One agency's scorecard as an A4 portrait PDF, for the period in the query string (as on the
// scorecard page). Readers of all agencies and that agency's admin only; anyone else gets 404, so
// another agency's figures — or whether it exists — never leak.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, notFound } from "~/.server/permissions.server";
import { exportFileName, exportQuery } from "~/.server/report-export.server";
import { pdfResponse, scorecardPdf } from "~/.server/report-pdf.server";
import { getNetwork } from "~/models/network.server";
import { agencyScorecard } from "~/models/participation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agencyId = params.agencyId ?? "";
  if (!can(user, "report.agency", { agencyId })) notFound();
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "agency");
  const card = await agencyScorecard(db, agencyId, q.period, now);
  if (!card) notFound();
  const network = await getNetwork(db);
  const pdf = await scorecardPdf({ card, networkName: network?.name ?? "Sinergi", viewerTz: user.timeZone });
  return pdfResponse(`${exportFileName(q.period, ["kartu-partisipasi", card.figures.shortName || card.figures.name])}.pdf`, pdf);
}
