// An attachment of the meeting a guest's secret link opens.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/.server/db.server";
import { attachmentHeaders } from "~/.server/meeting-files.server";
import { notFound } from "~/.server/permissions.server";
import { readUpload } from "~/.server/upload.server";
import { getAttachment, getMeeting } from "~/models/meeting.server";
import { guestByToken } from "~/models/rsvp.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const guest = await guestByToken(db, params.token ?? "");
  if (!guest) notFound();
  const meeting = await getMeeting(db, guest.meeting_id);
  if (!meeting || meeting.status === "draft") notFound();
  const a = await getAttachment(db, meeting.id, params.attachmentId ?? "");
  if (!a) notFound();
  const bytes = await readUpload(a.file_path);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), { headers: attachmentHeaders({ ...a, size_bytes: bytes.byteLength }) });
}
