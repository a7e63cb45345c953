// Watched ranges of a lesson's video, posted by the lesson page every ~10 s and on pagehide (a
// sendBeacon form body: a same-origin POST like any form, so the CSRF check applies unchanged).
// Only an enrolled viewer's progress is recorded; managers previewing the lesson are not tracked.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { parseRanges } from "~/lib/watch-progress";
import { recordWatched } from "~/models/lesson.server";

export async function loader() {
  throw new Response("error.405", { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.learn");
  const formData = await request.formData();
  const ranges = parseRanges(formData.get("ranges"));
  const duration = Number(formData.get("duration"));
  if (!m.enrolment) return data({ recorded: false });
  const r = await recordWatched(db, m.module.id, params.lessonId ?? "", user.id, { ranges, duration: Number.isFinite(duration) ? duration : null });
  if (!r) notFound();
  return data({ recorded: true, ...r });
}
