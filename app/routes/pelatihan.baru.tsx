// A new module (fasilitator, koordinator). It starts as a draft with the author as its fasilitator.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { readModuleForm, removeModuleCover } from "~/.server/module-cover.server";
import { requirePermission } from "~/.server/permissions.server";
import { ModuleForm } from "~/components/training/module-form";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { moduleSchema } from "~/lib/module";
import { createModule, setModuleCover } from "~/models/module.server";
import { getNetwork } from "~/models/network.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Modul baru — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  return { networkName: (await getNetwork(db))?.name ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  const form = await readModuleForm(request);
  const submission = parseWithZod(form.formData, { schema: moduleSchema });
  if (submission.status !== "success") {
    return data(submission.reply(form.coverError ? { fieldErrors: { cover: [form.coverError] } } : undefined), { status: 400 });
  }
  if (submission.value.status === "published") {
    return data(submission.reply({ fieldErrors: { status: ["module.publish.noLessons"] } }), { status: 400 });
  }
  const cover = await form.storeCover();
  if (!cover.ok) return data(submission.reply({ fieldErrors: { cover: [cover.error] } }), { status: 400 });
  const r = await createModule(db, submission.value, { id: user.id, ip: context.ip });
  if (!r.ok) {
    await removeModuleCover(cover.path);
    return data(submission.reply({ fieldErrors: { status: [r.error] } }), { status: 400 });
  }
  if (cover.path) await setModuleCover(db, r.id, cover.path);
  return redirectWithFlash(`/pelatihan/${r.id}`, { tone: "success", key: "module.flash.created" });
}

export default function NewModule() {
  const { networkName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader eyebrow={t("module.catalogue.title")} title={t("module.new.title")} />
      <Card>
        <ModuleForm lastResult={lastResult} cancelTo="/pelatihan" submitLabel={t("action.create")} organiserPlaceholder={networkName} />
      </Card>
    </>
  );
}
