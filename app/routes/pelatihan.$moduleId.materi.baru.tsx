// A new lesson at the end of the module (its managers).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { saveLessonForm } from "~/.server/lesson-form.server";
import { requireModule } from "~/.server/training-access.server";
import { LessonForm } from "~/components/training/lesson-form";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Materi baru — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  return { moduleId: m.module.id, moduleTitle: m.module.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const r = await saveLessonForm(request, m.module.id, null);
  if (!r.ok) return data({ result: r.result, fileErrors: r.fileErrors }, { status: 400 });
  return redirectWithFlash(`/pelatihan/${m.module.id}/materi/${r.lessonId}`, { tone: "success", key: "module.lesson.flash.created" });
}

export default function NewLesson() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader eyebrow={d.moduleTitle} title={t("module.lesson.new.title")} />
      <Card className="max-w-3xl">
        <LessonForm lastResult={a?.result} fileErrors={a?.fileErrors} cancelTo={`/pelatihan/${d.moduleId}`} submitLabel={t("action.create")} />
      </Card>
    </>
  );
}
