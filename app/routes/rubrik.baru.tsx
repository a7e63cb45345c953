import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requirePermission } from "~/.server/permissions.server";
import { RubricForm } from "~/components/training/rubric-form";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { blankRows, EDITOR_ROWS, rubricSchema } from "~/lib/rubric";
import { createRubric } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Rubrik baru — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  const submission = parseWithZod(await request.formData(), { schema: rubricSchema });
  // "Tambah kriteria" / "Hapus" post back without JavaScript: answer with the changed rows.
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const v = submission.value;
  const r = await createRubric(db, { title: v.title, description: v.description || null, workKind: v.workKind ?? null, scope: "library", criteria: v.criteria }, user.id);
  if (!r.ok) return data(submission.reply({ formErrors: [r.error] }), { status: 400 });
  return redirectWithFlash(`/rubrik/${r.id}`, { tone: "success", key: "rubric.flash.created" });
}

export default function NewRubric() {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader eyebrow={t("rubric.library.title")} title={t("rubric.new.title")} description={t("rubric.new.description")} />
      <Card>
        <RubricForm lastResult={lastResult} defaultValue={{ criteria: blankRows(EDITOR_ROWS) }} submitLabel={t("rubric.new.submit")} cancelTo="/rubrik" />
      </Card>
    </div>
  );
}
