import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { parseRichText } from "~/.server/rich-text.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { FormErrors } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { AssignmentForm } from "~/components/training/assessment-assignment-form";
import { CriteriaEditor } from "~/components/training/rubric-editor";
import { RubricTable } from "~/components/training/rubric-table";
import { Button } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { assignmentInstants, assignmentSchema, zonedFields } from "~/lib/assignment";
import { blankRows, criteriaSchema, criteriaToRows, EDITOR_ROWS } from "~/lib/rubric";
import {
  countGrades, saveAssignmentRubric, unlockRubricClearingGrades, updateAssignment, pickLibraryRubric,
} from "~/models/assignment.server";
import { getRubric, listLibraryRubrics } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.assignment.title ?? "Tugas"} — Sinergi` }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  return { user, m, a };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a } = await load(request, params);
  const [rubric, library, grades] = await Promise.all([
    a.rubric_id ? getRubric(db, a.rubric_id) : null,
    listLibraryRubrics(db),
    a.rubric_locked_at ? countGrades(db, a.id) : 0,
  ]);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: {
      id: a.id, title: a.title, kind: a.kind, lockedAt: a.rubric_locked_at,
      defaults: {
        kind: a.kind, title: a.title, instructions: a.instructions_json ?? "", timeZone: a.time_zone, position: String(a.position),
        ...zonedFields("opens", a.opens_at, a.time_zone), ...zonedFields("due", a.due_at, a.time_zone), ...zonedFields("late", a.late_until, a.time_zone),
      },
    },
    rubric: rubric && { updatedAt: rubric.updatedAt, criteria: rubric.criteria },
    library: library.map((r) => ({ id: r.id, title: r.title, workKind: r.workKind })),
    grades,
  };
}

type ActionData =
  | { form: "details" | "rubric"; result: SubmissionResult<string[]> }
  | { form: "pick" | "unlock"; error: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a } = await load(request, params);
  const formData = await request.formData();
  const which = formData.get("_action");
  const back = `/pelatihan/${m.module.id}/tugas/${a.id}/ubah`;

  if (which === "rubric") {
    const submission = parseWithZod(formData, { schema: criteriaSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ form: "rubric", result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
    }
    const r = await saveAssignmentRubric(db, a, submission.value.criteria, user.id);
    if (!r.ok) return data<ActionData>({ form: "rubric", result: submission.reply({ formErrors: [r.error] }) }, { status: 400 });
    return redirectWithFlash(`${back}#rubrik`, { tone: "success", key: "assignment.flash.rubricSaved" });
  }
  if (which === "pick") {
    const r = await pickLibraryRubric(db, a, String(formData.get("libraryRubricId") ?? ""), user.id);
    if (!r.ok) return data<ActionData>({ form: "pick", error: r.error }, { status: 400 });
    return redirectWithFlash(`${back}#rubrik`, { tone: "success", key: "assignment.flash.rubricPicked" });
  }
  if (which === "unlock") {
    if (formData.get("confirm") !== "on") return data<ActionData>({ form: "unlock", error: "assignment.unlock.confirmRequired" }, { status: 400 });
    const r = await unlockRubricClearingGrades(db, a, { actorId: user.id, ip: context.ip ?? null });
    if (!r.ok) return data<ActionData>({ form: "unlock", error: r.error }, { status: 400 });
    return redirectWithFlash(`${back}#rubrik`, { tone: "success", key: "assignment.flash.unlocked", params: { count: r.cleared } });
  }

  const submission = parseWithZod(formData, { schema: assignmentSchema });
  const instructions = submission.status === "success" ? parseRichText(submission.value.instructions) : null;
  if (submission.status !== "success" || (instructions && !instructions.ok)) {
    const fieldErrors: Record<string, string[]> = instructions && !instructions.ok ? { instructions: [instructions.error] } : {};
    return data<ActionData>({ form: "details", result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  const v = submission.value;
  await updateAssignment(db, m.module.id, a.id, {
    kind: v.kind, title: v.title, instructionsJson: instructions?.ok && !instructions.empty ? instructions.json : null,
    ...assignmentInstants(v), timeZone: v.timeZone, position: v.position,
  });
  return redirectWithFlash(back, { tone: "success", key: "assignment.flash.saved" });
}

export default function EditAssignment() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const result = (form: string) => (actionData && actionData.form === form && "result" in actionData ? actionData.result : undefined);
  const error = (form: string) => (actionData && actionData.form === form && "error" in actionData ? actionData.error : null);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <Card className="mb-8" aria-labelledby="details-title">
        <h2 id="details-title" className="mb-3 text-xl font-bold">{t("assignment.edit.detailsTitle")}</h2>
        <AssignmentForm
          lastResult={result("details")}
          defaultValue={d.assignment.defaults}
          cancelTo={`/pelatihan/${d.module.id}`}
          submitLabel={t("assignment.edit.submit")}
        />
      </Card>
      <section id="rubrik" aria-labelledby="rubric-title" className="scroll-mt-20">
        <h2 id="rubric-title" className="mb-1 text-2xl font-bold">{t("assignment.rubric.title")}</h2>
        <p className="mb-4 text-sm text-muted">{t("rubric.scoring")}</p>
        {d.assignment.lockedAt ? <LockedRubric error={error("unlock")} /> : <EditableRubric pickError={error("pick")} lastResult={result("rubric")} />}
      </section>
    </div>
  );
}

function LockedRubric({ error }: { error: string | null }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  return (
    <>
      <Notice tone="warning">{t("assignment.rubric.locked", { date: formatDateTime(d.assignment.lockedAt!, tz, locale) })} {t("rubric.locked")}</Notice>
      {d.rubric ? <RubricTable criteria={d.rubric.criteria} className="mb-6" /> : null}
      <Card aria-labelledby="unlock-title" className="border-danger-600/40">
        <h3 id="unlock-title" className="mb-2 text-lg font-bold text-danger-700">{t("assignment.unlock.title")}</h3>
        <p className="mb-3">{t("assignment.unlock.warning", { count: d.grades })}</p>
        <Form method="post" action="#rubrik">
          <input type="hidden" name="_action" value="unlock" />
          {error ? <FormErrors errors={[error]} /> : null}
          <label className="mb-4 flex min-h-11 items-start gap-3">
            <input type="checkbox" name="confirm" className="mt-1 size-5 shrink-0 accent-danger-600" aria-invalid={error ? true : undefined} />
            <span className="font-medium">{t("assignment.unlock.confirm")}</span>
          </label>
          <Button variant="danger" disabled={navigation.state === "submitting"}>{t("assignment.unlock.submit")}</Button>
        </Form>
      </Card>
    </>
  );
}

function EditableRubric({ pickError, lastResult }: { pickError: string | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const preferred = d.library.find((r) => r.workKind === d.assignment.kind)?.id;
  return (
    <>
      {!d.rubric ? <Notice tone="warning">{t("assignment.rubric.none")}</Notice> : null}
      <Card className="mb-6" aria-labelledby="pick-title">
        <h3 id="pick-title" className="mb-1 text-lg font-bold">{t("assignment.rubric.pickTitle")}</h3>
        <p className="mb-3 text-sm text-muted">{t("assignment.rubric.pickHint")}</p>
        <Form method="post" action="#rubrik" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <input type="hidden" name="_action" value="pick" />
          <div className="sm:flex-1">
            <label htmlFor="libraryRubricId" className="mb-1 block font-semibold">{t("assignment.field.rubric")}</label>
            <select
              id="libraryRubricId"
              name="libraryRubricId"
              defaultValue={preferred}
              aria-invalid={pickError ? true : undefined}
              className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base"
            >
              {d.library.map((r) => (
                <option key={r.id} value={r.id}>{r.title}</option>
              ))}
            </select>
          </div>
          <Button variant="secondary" disabled={navigation.state === "submitting"}>{t("assignment.rubric.pickSubmit")}</Button>
        </Form>
        {pickError ? <p role="alert" className="mt-2 font-medium text-danger-700">{t(pickError)}</p> : null}
      </Card>
      <Card>
        <CriteriaForm key={d.rubric?.updatedAt ?? "none"} lastResult={lastResult} />
      </Card>
    </>
  );
}

function CriteriaForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "assignment-rubric",
    lastResult,
    defaultValue: { criteria: d.rubric ? criteriaToRows(d.rubric.criteria) : blankRows(EDITOR_ROWS) },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: criteriaSchema }),
  });
  return (
    <Form method="post" action="#rubrik" {...getFormProps(form)}>
      <input type="hidden" name="_action" value="rubric" />
      {/* Enter in a field saves: the first submit button is the default one, not a row's "Hapus". */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">{t("assignment.rubric.save")}</button>
      <FormErrors id={form.errorId} errors={form.errors} />
      <CriteriaEditor form={form} field={fields.criteria} />
      <div className="flex justify-end">
        <Button disabled={navigation.state === "submitting"}>{t("assignment.rubric.save")}</Button>
      </div>
    </Form>
  );
}
