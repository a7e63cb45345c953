// The image of a calibration example: for the module's fasilitators and its trainees (who score the
// examples before reviewing). Stored as re-encoded WebP under a random name; no original file name.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { contentTypeOf, readUpload } from "~/.server/upload.server";
import { calibrationImagePath } from "~/models/peer-calibration-admin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId);
  if (!m.manage && !m.learn) notFound();
  const rel = await calibrationImagePath(db, params.assignmentId ?? "", params.exampleId ?? "");
  if (!rel) notFound();
  const a = await db.selectFrom("assignment").select("id").where("id", "=", params.assignmentId ?? "").where("module_id", "=", m.module.id).executeTakeFirst();
  if (!a) notFound();
  const bytes = await readUpload(rel);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": contentTypeOf(rel), "Content-Length": String(bytes.length), "Cache-Control": "private, max-age=3600", "Content-Disposition": "inline" },
  });
}
