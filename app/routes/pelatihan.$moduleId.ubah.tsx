// Edit a module (its managers): the form (publishing needs a lesson), the cover, and its fasilitators
// (any active holder of the fasilitator role may be added; one always stays).
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { readModuleForm, removeModuleCover } from "~/.server/module-cover.server";
import { requireModule } from "~/.server/training-access.server";
import { ModuleForm } from "~/components/training/module-form";
import { Button } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { moduleSchema } from "~/lib/module";
import {
  addFacilitator, getModuleForEdit, listFacilitatorCandidates, listFacilitators, removeFacilitator, setModuleCover, updateModule,
} from "~/models/module.server";
import { getNetwork } from "~/models/network.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Ubah modul — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const [row, facilitators, candidates, network] = await Promise.all([
    getModuleForEdit(db, m.module.id), listFacilitators(db, m.module.id), listFacilitatorCandidates(db, m.module.id), getNetwork(db),
  ]);
  if (!row) throw new Response("error.404", { status: 404 });
  return {
    id: row.id,
    title: row.title,
    coverVersion: row.cover_path ? row.cover_path.replace(/\W/g, "").slice(-12) : null,
    defaults: {
      title: row.title, summary: row.summary, jp: String(row.jp), outputCategory: row.output_category, status: row.status,
      selfEnrol: row.self_enrol === 1, passMark: row.pass_mark == null ? "" : String(row.pass_mark), organiser: row.organiser,
    },
    facilitators,
    candidates,
    networkName: network?.name ?? "",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId, "module.manage");
  const actor = { id: user.id, ip: context.ip };
  const back = `/pelatihan/${m.module.id}/ubah`;
  const form = await readModuleForm(request);
  const intent = form.formData.get("intent");
  if (intent === "addFacilitator" || intent === "removeFacilitator") {
    const userId = String(form.formData.get("userId") ?? "");
    const r = intent === "addFacilitator" ? await addFacilitator(db, m.module.id, userId, actor) : await removeFacilitator(db, m.module.id, userId, actor);
    if (!r.ok) return data({ facilitatorError: r.error }, { status: 400 });
    return redirectWithFlash(`${back}#facilitators`, { tone: "success", key: "flash.saved" });
  }
  const submission = parseWithZod(form.formData, { schema: moduleSchema });
  if (submission.status !== "success") {
    return data(submission.reply(form.coverError ? { fieldErrors: { cover: [form.coverError] } } : undefined), { status: 400 });
  }
  const r = await updateModule(db, m.module.id, submission.value, actor);
  if (!r.ok) return data(submission.reply({ fieldErrors: { status: [r.error] } }), { status: 400 });
  const cover = await form.storeCover();
  if (!cover.ok) return data(submission.reply({ fieldErrors: { cover: [cover.error] } }), { status: 400 });
  if (cover.path || form.removeCover) {
    const old = await setModuleCover(db, m.module.id, cover.path);
    await removeModuleCover(old);
  }
  return redirectWithFlash(`/pelatihan/${m.module.id}`, { tone: "success", key: "module.flash.saved" });
}

export default function EditModule() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const formResult = actionData && "status" in actionData ? actionData : undefined;
  const facilitatorError = actionData && "facilitatorError" in actionData ? actionData.facilitatorError : null;
  return (
    <>
      <PageHeader eyebrow={d.title} title={t("module.edit.title")} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <ModuleForm
            lastResult={formResult}
            defaults={d.defaults}
            cancelTo={`/pelatihan/${d.id}`}
            submitLabel={t("action.save")}
            cover={d.coverVersion ? { src: `/pelatihan/${d.id}/sampul?v=${d.coverVersion}&ukuran=kecil`, alt: t("module.coverAlt", { title: d.title }) } : null}
            organiserPlaceholder={d.networkName}
          />
        </Card>
        <Card aria-labelledby="facilitators" className="self-start">
          <h2 id="facilitators" className="mb-3 text-xl font-bold">{t("module.facilitators.title")}</h2>
          {facilitatorError ? <Notice tone="danger">{t(facilitatorError)}</Notice> : null}
          <ul className="mb-4 divide-y divide-line">
            {d.facilitators.map((f) => (
              <li key={f.id} className="flex items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="block font-semibold">{f.name}</span>
                  <span className="block break-all text-sm text-muted">{f.email}</span>
                </span>
                {d.facilitators.length > 1 ? (
                  <Form method="post">
                    <input type="hidden" name="userId" value={f.id} />
                    <Button name="intent" value="removeFacilitator" variant="ghost" className="!px-3 text-danger-700" aria-label={t("module.facilitators.removeLabel", { name: f.name })} disabled={navigation.state !== "idle"}>
                      {t("module.facilitators.remove")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {d.candidates.length ? (
            <Form method="post">
              <label htmlFor="add-facilitator" className="mb-1 block font-semibold">{t("module.facilitators.choose")}</label>
              <select id="add-facilitator" name="userId" required className="mb-3 block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
                {d.candidates.map((c) => (
                  <option key={c.id} value={c.id}>{c.name} ({c.email})</option>
                ))}
              </select>
              <Button name="intent" value="addFacilitator" variant="secondary" className="w-full" disabled={navigation.state !== "idle"}>{t("module.facilitators.add")}</Button>
            </Form>
          ) : (
            <p className="text-sm text-muted">{t("module.facilitators.noCandidates")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
