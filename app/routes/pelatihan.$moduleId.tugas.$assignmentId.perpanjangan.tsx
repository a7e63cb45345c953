import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf } from "~/.server/meeting-access.server";
import { notFound } from "~/.server/permissions.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/card";
import { Cell, ResponsiveTable, Th } from "~/components/ui/table";
import { formatDateTime, formatTimeForViewer, formatDate } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { ASSIGNMENT_ZONES, extensionSchema, zonedFields } from "~/lib/assignment";
import { zonedToUtc } from "~/lib/zoned-time";
import { grantExtension, listEnrolledPeople, listExtensions, removeExtension } from "~/models/assignment.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Perpanjangan tenggat — Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  return { user, m, a };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a } = await load(request, params);
  const [people, extensions] = await Promise.all([listEnrolledPeople(db, m.module.id), listExtensions(db, a.id)]);
  // Suggest three more days than everyone else has.
  const later = (iso: string) => new Date(Date.parse(iso) + 3 * 86_400_000).toISOString();
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title, dueAt: a.due_at, lateUntil: a.late_until, timeZone: a.time_zone },
    people: people.map((p) => ({ value: p.id, label: p.agency ? `${p.name} — ${p.agency}` : p.name })),
    extensions,
    defaults: { timeZone: a.time_zone, ...zonedFields("due", later(a.due_at), a.time_zone), ...zonedFields("late", later(a.late_until), a.time_zone) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a } = await load(request, params);
  const formData = await request.formData();
  const back = `/pelatihan/${m.module.id}/tugas/${a.id}/perpanjangan`;
  if (formData.get("_action") === "remove") {
    const removed = await removeExtension(db, a, String(formData.get("userId") ?? ""), { actorId: user.id, ip: context.ip ?? null });
    if (!removed) notFound();
    return redirectWithFlash(back, { tone: "success", key: "extension.flash.removed" });
  }
  const submission = parseWithZod(formData, { schema: extensionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const dueAt = zonedToUtc(v.dueDate, v.dueTime, v.timeZone)!.toISOString();
  const lateUntil = zonedToUtc(v.lateDate, v.lateTime, v.timeZone)!.toISOString();
  const r = await grantExtension(db, a, { userId: v.userId, dueAt, lateUntil, reason: v.reason || null }, { actorId: user.id, ip: context.ip ?? null, baseUrl: baseUrlOf(request) });
  if (!r.ok) return data(submission.reply(r.field ? { fieldErrors: { [r.field]: [r.error] } } : { formErrors: [r.error] }), { status: 400 });
  return redirectWithFlash(back, { tone: "success", key: "extension.flash.granted" });
}

export default function Extensions() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  const when = (iso: string) => `${formatDate(iso, d.assignment.timeZone, locale)} ${formatTimeForViewer(iso, d.assignment.timeZone, tz, locale)}`;
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="ext-list">
          <h2 id="ext-list" className="mb-1 text-xl font-bold">{t("extension.title")}</h2>
          <p className="mb-1 text-muted">{t("extension.description")}</p>
          <p className="mb-4 text-sm">{t("extension.assignmentDue", { due: when(d.assignment.dueAt) })}</p>
          <h3 className="mb-2 font-semibold">{t("extension.list")}</h3>
          {d.extensions.length === 0 ? (
            <EmptyState>{t("extension.empty")}</EmptyState>
          ) : (
            <ResponsiveTable
              caption={t("extension.list")}
              head={
                <>
                  <Th>{t("extension.col.person")}</Th>
                  <Th>{t("extension.col.due")}</Th>
                  <Th>{t("extension.col.late")}</Th>
                  <Th>{t("extension.col.reason")}</Th>
                  <Th><span className="sr-only">{t("extension.remove")}</span></Th>
                </>
              }
            >
              {d.extensions.map((x) => (
                <tr key={x.user_id}>
                  <Cell>
                    <span className="font-semibold">{x.name}</span>
                    {x.agency ? <span className="block text-sm text-muted">{x.agency}</span> : null}
                  </Cell>
                  <Cell label={t("extension.col.due")}>{when(x.due_at)}</Cell>
                  <Cell label={t("extension.col.late")}>{when(x.late_until)}</Cell>
                  <Cell label={t("extension.col.reason")}>
                    {x.reason ?? "—"}
                    {x.granted_by_name ? <span className="block text-sm text-muted">{t("extension.col.grantedBy")}: {x.granted_by_name}, {formatDateTime(x.created_at, tz, locale)}</span> : null}
                  </Cell>
                  <Cell>
                    <Form method="post">
                      <input type="hidden" name="_action" value="remove" />
                      <input type="hidden" name="userId" value={x.user_id} />
                      <Button variant="ghost" className="text-danger-700" aria-label={t("extension.removeLabel", { name: x.name })} disabled={navigation.state === "submitting"}>
                        {t("extension.remove")}
                      </Button>
                    </Form>
                  </Cell>
                </tr>
              ))}
            </ResponsiveTable>
          )}
        </section>
        <Card aria-labelledby="ext-form">
          <h2 id="ext-form" className="mb-3 text-xl font-bold">{t("extension.formTitle")}</h2>
          {d.people.length === 0 ? <EmptyState>{t("extension.noPeople")}</EmptyState> : <ExtensionForm />}
        </Card>
      </div>
    </div>
  );
}

function ExtensionForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { userId: "", reason: "", ...d.defaults },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extensionSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField label={t("extension.field.person")} field={fields.userId} placeholder={t("extension.field.personPlaceholder")} options={d.people} />
      <SelectField label={t("assignment.field.timeZone")} field={fields.timeZone} options={ASSIGNMENT_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
      <fieldset className="mb-2 min-w-0">
        <legend className="mb-1 font-semibold">{t("extension.field.due")}</legend>
        <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-x-3">
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.date")}</span>} field={fields.dueDate} type="date" />
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.time")}</span>} field={fields.dueTime} type="time" />
        </div>
      </fieldset>
      <fieldset className="mb-2 min-w-0">
        <legend className="mb-1 font-semibold">{t("extension.field.late")}</legend>
        <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-x-3">
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.date")}</span>} field={fields.lateDate} type="date" />
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.time")}</span>} field={fields.lateTime} type="time" />
        </div>
      </fieldset>
      <TextareaField label={t("extension.field.reason")} field={fields.reason} optional textareaProps={{ rows: 2 }} />
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>{t("extension.submit")}</Button>
    </Form>
  );
}
