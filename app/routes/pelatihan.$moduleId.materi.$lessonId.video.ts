// A lesson's uploaded video, for those who may learn in the module, with HTTP Range support (206).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { serveVideo } from "~/.server/lesson-files.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { getLesson } from "~/models/lesson.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.learn");
  const lesson = await getLesson(db, m.module.id, params.lessonId ?? "");
  if (!lesson || lesson.video_kind !== "upload" || !lesson.video_path || !lesson.video_mime) notFound();
  const res = await serveVideo(request, lesson.video_path, lesson.video_mime);
  if (!res) notFound();
  return res;
}
