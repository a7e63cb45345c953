import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { RubricForm } from "~/components/training/rubric-form";
import { RubricTable } from "~/components/training/rubric-table";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { criteriaToRows, rubricSchema } from "~/lib/rubric";
import { getRubric, updateRubric } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.rubric.title ?? "Rubrik"} — Sinergi` }];

async function libraryRubric(id: string | undefined) {
  const rubric = id ? await getRubric(db, id) : null;
  // An assignment's own copy is edited on its assignment's page, not here.
  if (!rubric || rubric.scope !== "library") notFound();
  return rubric;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  return { rubric: await libraryRubric(params.rubricId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  const rubric = await libraryRubric(params.rubricId);
  const submission = parseWithZod(await request.formData(), { schema: rubricSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const v = submission.value;
  const r = await updateRubric(db, rubric.id, { title: v.title, description: v.description || null, workKind: v.workKind ?? null, criteria: v.criteria });
  if (!r.ok) return data(submission.reply({ formErrors: [r.error] }), { status: 400 });
  return redirectWithFlash(`/rubrik/${rubric.id}`, { tone: "success", key: "rubric.flash.saved" });
}

export default function EditRubric() {
  const { rubric } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader eyebrow={t("rubric.library.title")} title={rubric.title} description={rubric.description ?? undefined} />
      <section aria-labelledby="rubric-preview" className="mb-8">
        <h2 id="rubric-preview" className="mb-1 text-xl font-bold">{t("rubric.table.caption")}</h2>
        <p className="mb-3 text-sm text-muted">{t("rubric.scoring")}</p>
        <RubricTable criteria={rubric.criteria} />
      </section>
      <Card aria-labelledby="rubric-edit">
        <h2 id="rubric-edit" className="mb-2 text-xl font-bold">{t("rubric.edit.title")}</h2>
        <Notice tone="neutral">{t("rubric.edit.copiesNote")}</Notice>
        <RubricForm
          key={rubric.updatedAt}
          lastResult={lastResult}
          defaultValue={{ title: rubric.title, description: rubric.description, workKind: rubric.workKind, criteria: criteriaToRows(rubric.criteria) }}
          submitLabel={t("rubric.edit.submit")}
          cancelTo="/rubrik"
        />
      </Card>
    </div>
  );
}
