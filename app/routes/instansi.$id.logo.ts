// An agency's logo, for signed-in people only. Stored files are WebP re-encoded on upload, so the
// content type is known; server.ts adds X-Content-Type-Options: nosniff to every response, so
// browsers never guess otherwise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { contentTypeOf, readUpload } from "~/.server/upload.server";
import { getAgencyLogoPath } from "~/models/agency.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "agency.view", { agencyId: params.id });
  const rel = await getAgencyLogoPath(db, params.id ?? "");
  if (!rel) notFound();
  const bytes = await readUpload(rel);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentTypeOf(rel),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, max-age=3600",
      "Content-Disposition": "inline",
    },
  });
}
