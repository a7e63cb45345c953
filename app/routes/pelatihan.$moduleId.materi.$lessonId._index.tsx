// A lesson, for those who may learn in the module (enrolled trainees; managers preview it): its
// content, video, PDF attachments, "Tandai selesai" for a lesson without video (works without
// JavaScript), and previous/next links. Mux Data monitoring is set up only on a lesson with a video
// and only when MUX_DATA_ENV_KEY is configured; the viewer id sent to Mux is an HMAC of the user id.
import crypto from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { env } from "~/.server/env.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { renderRichText } from "~/.server/rich-text.server";
import { requireModule } from "~/.server/training-access.server";
import { RichTextView } from "~/components/rich-text/view";
import { DoneTick } from "~/components/training/module-bits";
import { LessonVideo } from "~/components/training/lesson-video";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { getLesson, getLessonProgress, lessonNeighbours, listLessonAttachments, markLessonDone } from "~/models/lesson.server";
import { percentWatched } from "~/models/module.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.lesson.title ?? "Materi"} — Sinergi` }];

/** Mux sees this instead of anyone's identity: stable per person, not reversible to the user id. */
const opaqueViewerId = (userId: string, key: string) => crypto.createHmac("sha256", `sinergi-mux-viewer:${key}`).update(userId).digest("hex").slice(0, 32);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.learn");
  const lesson = await getLesson(db, m.module.id, params.lessonId ?? "");
  if (!lesson) notFound();
  const [attachments, progress, neighbours] = await Promise.all([
    listLessonAttachments(db, lesson.id), getLessonProgress(db, lesson.id, user.id), lessonNeighbours(db, m.module.id, lesson.position),
  ]);
  const base = `/pelatihan/${m.module.id}/materi/${lesson.id}`;
  const video = lesson.video_kind === "upload" ? { src: `${base}/video`, type: lesson.video_mime }
    : lesson.video_kind === "url" && lesson.video_url ? { src: lesson.video_url, type: lesson.video_url.toLowerCase().split("?")[0].endsWith(".m3u8") ? "application/x-mpegURL" : "video/mp4" }
    : null;
  const envKey = env().MUX_DATA_ENV_KEY;
  return {
    moduleId: m.module.id,
    moduleTitle: m.module.title,
    lesson: { id: lesson.id, title: lesson.title, position: lesson.position, html: renderRichText(lesson.content_json) },
    video,
    mux: video && envKey ? { envKey, viewerId: opaqueViewerId(user.id, envKey), videoId: lesson.id, videoTitle: lesson.title } : null,
    attachments,
    progress: { done: !!progress.completedAt, percent: percentWatched(progress.watchedSeconds, progress.durationSeconds ?? lesson.video_seconds) ?? 0 },
    track: !!m.enrolment,
    manage: m.manage,
    neighbours,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.learn");
  const formData = await request.formData();
  if (formData.get("intent") !== "done" || !m.enrolment) return data({ error: "error.400" }, { status: 400 });
  const r = await markLessonDone(db, m.module.id, params.lessonId ?? "", user.id);
  if (!r.ok) return data({ error: r.error }, { status: r.error === "error.404" ? 404 : 400 });
  const neighbours = await lessonNeighbours(db, m.module.id, (await getLesson(db, m.module.id, params.lessonId ?? ""))?.position ?? 0);
  return redirectWithFlash(
    neighbours.next ? `/pelatihan/${m.module.id}/materi/${neighbours.next.id}` : `/pelatihan/${m.module.id}`,
    { tone: "success", key: "module.lesson.flash.done" },
  );
}

export default function LessonPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const moduleUrl = `/pelatihan/${d.moduleId}`;
  const base = `${moduleUrl}/materi/${d.lesson.id}`;
  return (
    <article className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={<Link to={moduleUrl} className="no-underline">{d.moduleTitle}</Link>}
        title={<span className="block text-balance">{d.lesson.title}</span>}
        description={t("module.lesson.position", { n: d.lesson.position })}
        actions={d.manage ? <ButtonLink to={`${base}/ubah`}>{t("module.lesson.edit")}</ButtonLink> : null}
      />
      {a && "error" in a ? <Notice tone="danger">{t(a.error)}</Notice> : null}
      {d.video ? (
        <div className="mb-6">
          <LessonVideo
            src={d.video.src}
            type={d.video.type}
            progressUrl={`${base}/progres`}
            track={d.track}
            mux={d.mux}
            initialPercent={d.progress.percent}
            initialDone={d.progress.done}
          />
        </div>
      ) : null}
      {d.lesson.html ? (
        <Card className="mb-6">
          <RichTextView html={d.lesson.html} />
        </Card>
      ) : null}
      {d.attachments.length ? (
        <section aria-labelledby="lesson-attachments" className="mb-6">
          <h2 id="lesson-attachments" className="mb-2 text-lg font-bold">{t("module.lesson.attachments")}</h2>
          <ul className="space-y-2">
            {d.attachments.map((f) => (
              <li key={f.id}>
                <a href={`${base}/lampiran/${f.id}`} className="inline-flex min-h-11 items-center gap-2 rounded-control border border-line bg-white px-3 py-2">
                  <span aria-hidden="true">📄</span>
                  <span className="break-all">{f.original_name}</span>
                  <span className="text-sm text-muted">({t("attachment.size", { size: formatNumber(f.size_bytes / 1024 / 1024, locale) })})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.track && !d.video ? (
        <Card className="mb-6">
          {d.progress.done ? (
            <DoneTick done />
          ) : (
            <Form method="post">
              <Button name="intent" value="done" className="w-full sm:w-auto" disabled={navigation.state !== "idle"}>{t("module.lesson.markDone")}</Button>
            </Form>
          )}
        </Card>
      ) : null}
      <nav aria-label={t("module.page.lessons")} className="flex flex-wrap justify-between gap-2 border-t border-line pt-4">
        {d.neighbours.prev ? (
          <ButtonLink to={`${moduleUrl}/materi/${d.neighbours.prev.id}`} variant="ghost">← {t("module.lesson.prev")}</ButtonLink>
        ) : (
          <ButtonLink to={moduleUrl} variant="ghost">← {t("module.lesson.backToModule")}</ButtonLink>
        )}
        {d.neighbours.next ? (
          <ButtonLink to={`${moduleUrl}/materi/${d.neighbours.next.id}`} variant="secondary">{t("module.lesson.next")} →</ButtonLink>
        ) : (
          <ButtonLink to={moduleUrl} variant="secondary">{t("module.lesson.backToModule")}</ButtonLink>
        )}
      </nav>
    </article>
  );
}
