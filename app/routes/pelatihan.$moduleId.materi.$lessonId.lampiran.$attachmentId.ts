// A lesson's PDF attachment, only for those who may learn in (or manage) the module.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { attachmentHeaders } from "~/.server/meeting-files.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { readUpload } from "~/.server/upload.server";
import { getLesson, getLessonAttachment } from "~/models/lesson.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.learn");
  const lesson = await getLesson(db, m.module.id, params.lessonId ?? "");
  if (!lesson) notFound();
  const a = await getLessonAttachment(db, lesson.id, params.attachmentId ?? "");
  if (!a) notFound();
  const bytes = await readUpload(a.stored_path);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), { headers: attachmentHeaders({ ...a, size_bytes: bytes.byteLength }) });
}
