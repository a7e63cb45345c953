// The certificate of a module as a PDF download: the viewer's own, or (`?user=<id>`) a trainee's for
// those who read everything (coordinator, pimpinan). Anyone else gets 404, so whether someone holds a
// certificate does not leak. Works whatever became of the module since (archived modules included).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { certificatePdf } from "~/.server/certificate-pdf.server";
import { db } from "~/.server/db.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { can, notFound } from "~/.server/permissions.server";
import { certificateFor, formatCertificateCode } from "~/models/certificate.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ownerId = new URL(request.url).searchParams.get("user") || user.id;
  if (!params.moduleId || !can(user, "certificate.view", { ownerId })) notFound();
  const certificate = await certificateFor(db, params.moduleId, ownerId);
  if (!certificate || certificate.revokedAt) notFound();
  const code = formatCertificateCode(certificate.code);
  const pdf = await certificatePdf({ certificate, verifyUrl: absoluteUrl(request, `/verifikasi/${code}`) });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sertifikat-${code}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
