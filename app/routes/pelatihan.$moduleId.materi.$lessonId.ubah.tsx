// Edit a lesson (its module's managers): the form, its attachments (each removable) and deleting it.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { saveLessonForm } from "~/.server/lesson-form.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { removeUpload } from "~/.server/upload.server";
import { LessonForm } from "~/components/training/lesson-form";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { deleteLesson, getLesson, listLessonAttachments, removeLessonAttachment } from "~/models/lesson.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Ubah materi — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const lesson = await getLesson(db, m.module.id, params.lessonId ?? "");
  if (!lesson) notFound();
  const attachments = await listLessonAttachments(db, lesson.id);
  return {
    moduleId: m.module.id,
    moduleTitle: m.module.title,
    lessonId: lesson.id,
    hasUpload: lesson.video_kind === "upload",
    defaults: { title: lesson.title, content: lesson.content_json ?? "", video: lesson.video_kind ?? "none", videoUrl: lesson.video_url ?? "" },
    attachments,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const lesson = await getLesson(db, m.module.id, params.lessonId ?? "");
  if (!lesson) notFound();
  const base = `/pelatihan/${m.module.id}`;
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const formData = await request.clone().formData();
    const intent = formData.get("intent");
    if (intent === "removeAttachment") {
      await removeUpload(await removeLessonAttachment(db, lesson.id, String(formData.get("attachmentId") ?? "")));
      return redirectWithFlash(`${base}/materi/${lesson.id}/ubah#attachments`, { tone: "success", key: "attachment.flash.removed" });
    }
    if (intent === "delete") {
      for (const f of await deleteLesson(db, m.module.id, lesson.id)) await removeUpload(f);
      return redirectWithFlash(base, { tone: "success", key: "module.lesson.flash.deleted" });
    }
  }
  const r = await saveLessonForm(request, m.module.id, lesson);
  if (!r.ok) return data({ result: r.result, fileErrors: r.fileErrors }, { status: 400 });
  return redirectWithFlash(`${base}/materi/${lesson.id}`, { tone: "success", key: "module.lesson.flash.saved" });
}

export default function EditLesson() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  return (
    <>
      <PageHeader eyebrow={d.moduleTitle} title={t("module.lesson.edit.title")} />
      <div className="grid max-w-5xl gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <LessonForm
            lastResult={a?.result}
            fileErrors={a?.fileErrors}
            defaults={d.defaults}
            hasUpload={d.hasUpload}
            cancelTo={`/pelatihan/${d.moduleId}/materi/${d.lessonId}`}
            submitLabel={t("action.save")}
          />
        </Card>
        <div className="space-y-4 self-start">
          <Card aria-labelledby="attachments">
            <h2 id="attachments" className="mb-2 text-lg font-bold">{t("module.lesson.attachments")}</h2>
            {d.attachments.length === 0 ? (
              <p className="text-muted">{t("attachment.none")}</p>
            ) : (
              <ul className="divide-y divide-line">
                {d.attachments.map((f) => (
                  <li key={f.id} className="flex items-center justify-between gap-2 py-2">
                    <span className="min-w-0 break-words">
                      <a href={`/pelatihan/${d.moduleId}/materi/${d.lessonId}/lampiran/${f.id}`}>{f.original_name}</a>
                      <span className="block text-sm text-muted">{t("attachment.size", { size: formatNumber(f.size_bytes / 1024 / 1024, locale) })}</span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="attachmentId" value={f.id} />
                      <Button name="intent" value="removeAttachment" variant="ghost" className="!px-3 text-danger-700" aria-label={t("module.lesson.removeAttachmentLabel", { name: f.original_name })} disabled={navigation.state !== "idle"}>
                        {t("module.lesson.removeAttachment")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <p className="mb-3 text-sm text-muted">{t("module.lesson.deleteConfirm")}</p>
            <Form method="post">
              <Button name="intent" value="delete" variant="danger" className="w-full" disabled={navigation.state !== "idle"}>{t("module.lesson.delete")}</Button>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
