// The evidence pack (bukti dukung) of an officer's year as one PDF: the record's summary, then each
// valid certificate of the year exactly as its own download draws it. Same access as the record.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { certificatePdf } from "~/.server/certificate-pdf.server";
import { db } from "~/.server/db.server";
import { evidencePackPdf } from "~/.server/evidence-pack.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { fileSlug, loadOfficerRecord } from "~/.server/officer-record-access.server";
import { findCertificateByCode } from "~/models/certificate.server";
import { getNetwork } from "~/models/network.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { record, now } = await loadOfficerRecord(user, request, params.userId);
  const network = await getNetwork(db);
  const certificates: Uint8Array[] = [];
  for (const c of record.certificates) {
    if (c.revoked) continue;
    const certificate = await findCertificateByCode(db, c.code);
    if (!certificate || certificate.revokedAt || certificate.userId !== record.officer.id) continue;
    certificates.push(await certificatePdf({ certificate, verifyUrl: absoluteUrl(request, `/verifikasi/${c.code}`) }));
  }
  const pdf = await evidencePackPdf({
    record,
    networkName: network?.name ?? "Sinergi",
    verifyUrl: absoluteUrl(request, "/verifikasi"),
    certificates,
    now,
  });
  const filename = `bukti-dukung-${fileSlug(record.officer.name)}-${record.year}.pdf`;
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
