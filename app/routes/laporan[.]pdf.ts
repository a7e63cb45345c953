// The coordinator dashboard as an A4 landscape PDF: the same query string as /laporan (period,
// filters, order), every agency — not only the page on screen — and the network's criteria. A
// query the page would answer with a fallback is refused (400, plain text), as by the other exports.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requirePermission } from "~/.server/permissions.server";
import { exportFileName, exportQuery } from "~/.server/report-export.server";
import { networkReportPdf, pdfResponse } from "~/.server/report-pdf.server";
import { getNetwork } from "~/models/network.server";
import { networkReport } from "~/models/participation.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "report.network");
  const now = new Date();
  const q = await exportQuery(db, request, user, now, "network");
  const [report, network] = await Promise.all([networkReport(db, q.period, q.filters, now), getNetwork(db)]);
  const pdf = await networkReportPdf({
    report, filters: q.filters, sort: q.sort, dir: q.dir, networkName: network?.name ?? "Sinergi", viewerTz: user.timeZone,
  });
  return pdfResponse(`${exportFileName(q.period, ["laporan-partisipasi"])}.pdf`, pdf);
}
