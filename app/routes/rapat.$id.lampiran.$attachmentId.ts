// A meeting attachment, only for people who may see the meeting; served with the type we detected
// at upload, a Content-Disposition and nosniff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { attachmentHeaders } from "~/.server/meeting-files.server";
import { notFound } from "~/.server/permissions.server";
import { readUpload } from "~/.server/upload.server";
import { getAttachment } from "~/models/meeting.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  const a = await getAttachment(db, meeting.id, params.attachmentId ?? "");
  if (!a) notFound();
  const bytes = await readUpload(a.file_path);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), { headers: attachmentHeaders({ ...a, size_bytes: bytes.byteLength }) });
}
