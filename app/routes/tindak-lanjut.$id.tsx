// One follow-up action with its progress updates. The owning agency's admin and the coordinator file
// progress (status + note); everyone else may read it, and a POST from them is refused (403).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { can, notFound, requirePermission } from "~/.server/permissions.server";
import { FormErrors, SelectField, TextareaField } from "~/components/form";
import { FollowUpStatusBadge, OutcomeTypeBadge, OverdueBadge, useDueDate } from "~/components/follow-up";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatShortDate } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { FOLLOW_UP_STATUSES, progressSchema } from "~/lib/follow-up";
import { addProgress, getFollowUp } from "~/models/follow-up.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.text.slice(0, 60) ?? "Tindak lanjut"} — Sinergi` }];

async function load(id: string | undefined) {
  if (!id) notFound();
  const f = await getFollowUp(db, id);
  if (!f || f.outcome.type !== "action") notFound();
  return f;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "followUp.view");
  const { outcome: o, updates } = await load(params.id);
  // Other agencies may read the action, but its contact person's details stay with the owner agency.
  const seesContact = can(user, "network.readAll") || (!!user.agencyId && user.agencyId === o.owner_agency_id);
  return {
    item: {
      id: o.id, text: o.text, type: o.type, status: o.status, due_date: o.due_date, overdue: o.overdue, done_at: o.done_at,
      owner: o.owner_name, owner_short: o.owner_short_name,
      contact: seesContact ? o.contact_name : null, contact_phone: seesContact ? o.contact_phone : null, contact_email: seesContact ? o.contact_email : null,
      meeting_id: o.meeting_id, meeting_title: o.meeting_title, meeting_starts_at: o.meeting_starts_at, time_zone: o.time_zone, agenda_title: o.agenda_title,
    },
    // Progress notes are the owner's reports; their authors are shown to the owner and read-all roles.
    updates: updates.map((u) => ({ ...u, author: seesContact ? u.author : null })),
    canUpdate: can(user, "followUp.update", { agencyId: o.owner_agency_id }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { outcome: o } = await load(params.id);
  requirePermission(user, "followUp.update", { agencyId: o.owner_agency_id });
  const submission = parseWithZod(await request.formData(), { schema: progressSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await addProgress(db, { id: user.id, ip: context.ip ?? null }, o.id, submission.value);
  return redirectWithFlash(`/tindak-lanjut/${o.id}`, { tone: "success", key: "followUp.flash.progress" });
}

export default function FollowUpPage() {
  const location = useLocation();
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const due = useDueDate();
  const i = d.item;
  return (
    <div>
      <PageHeader eyebrow={t("followUp.eyebrow")} title={i.text} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-6">
          <Card>
            <div className="mb-3 flex flex-wrap gap-2">
              <OutcomeTypeBadge type={i.type} />
              <FollowUpStatusBadge status={i.status} />
              {i.overdue ? <OverdueBadge /> : null}
            </div>
            <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
              <dt className="font-semibold text-muted">{t("outcome.field.owner")}</dt>
              <dd>{i.owner ?? "—"}</dd>
              <dt className="font-semibold text-muted">{t("outcome.field.contact")}</dt>
              <dd>
                {i.contact ?? "—"}
                {i.contact_phone ? <span className="block text-sm"><a href={`tel:${i.contact_phone.replace(/[^0-9+]/g, "")}`}>{i.contact_phone}</a></span> : null}
                {i.contact_email ? <span className="block break-all text-sm"><a href={`mailto:${i.contact_email}`}>{i.contact_email}</a></span> : null}
              </dd>
              <dt className="font-semibold text-muted">{t("outcome.field.due")}</dt>
              <dd className={i.overdue ? "font-semibold text-danger-700" : ""}>{i.due_date ? due(i.due_date) : "—"}</dd>
              <dt className="font-semibold text-muted">{t("followUp.meeting")}</dt>
              <dd>
                <Link to={`/rapat/${i.meeting_id}/tindak-lanjut`}>{i.meeting_title}</Link>{" "}
                <span className="text-muted">({formatShortDate(i.meeting_starts_at, i.time_zone, locale)})</span>
                {i.agenda_title ? <span className="block text-sm text-muted">{t("outcome.underItem", { item: i.agenda_title })}</span> : null}
              </dd>
            </dl>
          </Card>
          <section aria-labelledby="updates-title">
            <h2 id="updates-title" className="mb-3 text-xl font-bold">{t("followUp.updates.title")}</h2>
            {d.updates.length === 0 ? (
              <p className="rounded-control border border-dashed border-line bg-white p-6 text-center text-muted">{t("followUp.updates.none")}</p>
            ) : (
              <ol className="space-y-3 border-l-2 border-brand-200 pl-4">
                {d.updates.map((u) => (
                  <li key={u.id} className="relative rounded-card border border-line bg-white p-4">
                    <span aria-hidden className="absolute -left-[1.4rem] top-5 size-3 rounded-full bg-brand-500" />
                    <div className="mb-1 flex flex-wrap items-center gap-2">
                      <FollowUpStatusBadge status={u.status} />
                      <span className="text-sm text-muted">{formatDateTime(u.created_at, viewerTz, locale)}</span>
                    </div>
                    <p className="whitespace-pre-line">{u.note}</p>
                    <p className="mt-1 text-sm text-muted">{[u.author, u.author_agency].filter(Boolean).join(" · ")}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div>
          {d.canUpdate ? <ProgressForm key={location.key} /> : <p className="rounded-control bg-surface p-4 text-sm text-muted">{t("followUp.readOnly", { agency: i.owner_short ?? "—" })}</p>}
        </div>
      </div>
    </div>
  );
}

function ProgressForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { status: d.item.status === "open" ? "in_progress" : d.item.status },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: progressSchema }),
  });
  return (
    <Card aria-labelledby="progress-title" className="h-fit lg:sticky lg:top-4">
      <h2 id="progress-title" className="mb-3 text-xl font-bold">{t("followUp.progress.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField label={t("followUp.progress.status")} field={fields.status} options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`followUp.status.${s}`) }))} />
        <TextareaField label={t("followUp.progress.note")} field={fields.note} hint={t("followUp.progress.noteHint")} textareaProps={{ rows: 4, maxLength: 2000 }} />
        <Button className="w-full" disabled={navigation.state === "submitting"}>{t("followUp.progress.submit")}</Button>
      </Form>
    </Card>
  );
}
