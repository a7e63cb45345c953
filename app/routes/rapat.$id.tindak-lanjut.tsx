// Outcomes of a meeting: information, decisions and actions under each agenda item (or the meeting
// in general). A meeting of a series opens with the still-open actions of its earlier meetings
// ("Tindak lanjut rapat sebelumnya"), computed on read. The coordinator records and edits outcomes.
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { CarriedFollowUps, FollowUpMeta, OutcomeTypeBadge } from "~/components/follow-up";
import { MeetingTabs, MeetingWhen } from "~/components/meeting/bits";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { OUTCOME_TYPES, outcomeSchema } from "~/lib/follow-up";
import { listAgencyOptions } from "~/models/agency.server";
import { listAgenda } from "~/models/agenda.server";
import { agencyOfficers, createOutcome, deleteOutcome, listOutcomes, openFollowUpsForMeeting, updateOutcome } from "~/models/follow-up.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Hasil rapat — ${data?.meeting.title ?? "Rapat"} — Sinergi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, manage } = await requireMeeting(user, params.id);
  const canManage = can(user, "outcome.manage") && meeting.status !== "cancelled";
  const [outcomes, carried, agenda] = await Promise.all([listOutcomes(db, meeting.id), openFollowUpsForMeeting(db, meeting.id), listAgenda(db, meeting.id)]);
  let form = null;
  if (canManage) {
    const [agencies, invited] = await Promise.all([
      listAgencyOptions(db),
      db.selectFrom("meeting_invitation").select("agency_id").where("meeting_id", "=", meeting.id).execute(),
    ]);
    const editId = new URL(request.url).searchParams.get("ubah");
    const editing = editId ? outcomes.find((o) => o.id === editId) ?? null : null;
    const officerAgencies = new Set(invited.map((i) => i.agency_id));
    if (editing?.owner_agency_id) officerAgencies.add(editing.owner_agency_id);
    const officers = await agencyOfficers(db, [...officerAgencies]);
    const short = new Map(agencies.map((a) => [a.id, a.short_name]));
    form = {
      agencies: agencies.map((a) => ({ value: a.id, label: a.short_name })),
      officerGroups: [...officerAgencies]
        .map((id) => ({ agency: short.get(id) ?? "—", officers: officers.filter((o) => o.agency_id === id).map((o) => ({ value: o.id, label: o.position ? `${o.name} — ${o.position}` : o.name })) }))
        .filter((g) => g.officers.length)
        .sort((a, b) => a.agency.localeCompare(b.agency)),
      editing: editing && {
        outcomeId: editing.id, type: editing.type, text: editing.text, agendaItemId: editing.agenda_item_id ?? "",
        ownerAgencyId: editing.owner_agency_id ?? "", contactUserId: editing.contact_user_id ?? "", dueDate: editing.due_date ?? "",
      },
    };
  }
  // A contact person's name is shown to their own agency and to the read-all roles only.
  const all = can(user, "network.readAll");
  const redact = <T extends { owner_agency_id: string | null; contact_name: string | null; contact_phone: string | null; contact_email: string | null }>(o: T): T =>
    all || (!!user.agencyId && o.owner_agency_id === user.agencyId) ? o : { ...o, contact_name: null, contact_phone: null, contact_email: null };
  return {
    meeting: { id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone, series_id: meeting.series_id },
    manage,
    canManage,
    agenda: agenda.map((a) => ({ id: a.id, title: a.title, position: a.position })),
    outcomes: outcomes.map(redact),
    carried: carried.map(redact),
    form,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "outcome.manage");
  const formData = await request.formData();
  const actor = { id: user.id, ip: context.ip ?? null };
  const back = `/rapat/${meeting.id}/tindak-lanjut`;
  if (formData.get("intent") === "delete") {
    await deleteOutcome(db, actor, String(formData.get("outcomeId") ?? ""));
    return redirectWithFlash(back, { tone: "brand", key: "outcome.flash.deleted" });
  }
  const submission = parseWithZod(formData, { schema: outcomeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcomeId = String(formData.get("outcomeId") ?? "");
  const r = outcomeId
    ? await updateOutcome(db, actor, outcomeId, submission.value)
    : await createOutcome(db, actor, meeting.id, submission.value);
  if (!r.ok) {
    const field = r.error === "outcome.contactNotOfficer" ? "contactUserId" : r.error === "outcome.agendaItemInvalid" ? "agendaItemId" : r.error === "outcome.ownerInvalid" ? "ownerAgencyId" : null;
    return data(field ? submission.reply({ fieldErrors: { [field]: [r.error] } }) : submission.reply({ formErrors: [r.error] }), { status: 400 });
  }
  return redirectWithFlash(`${back}#outcome-${"id" in r ? r.id : outcomeId}`, { tone: "success", key: outcomeId ? "outcome.flash.updated" : "outcome.flash.created" });
}

export default function OutcomesPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const m = d.meeting;
  const groups = [
    { id: null as string | null, title: t("outcome.general") },
    ...d.agenda.map((a) => ({ id: a.id as string | null, title: `${a.position}. ${a.title}` })),
  ]
    .map((g) => ({ ...g, items: d.outcomes.filter((o) => (o.agenda_item_id ?? null) === g.id) }))
    .filter((g) => g.items.length);
  return (
    <div>
      <PageHeader
        eyebrow={t("meeting.tab.followUps")}
        title={m.title}
        description={<MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} />}
        actions={<ButtonLink to="/tindak-lanjut">{t("followUp.register.open")}</ButtonLink>}
      />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      <div className={d.canManage ? "grid gap-6 lg:grid-cols-[3fr_2fr]" : ""}>
        <div className="min-w-0 space-y-6">
          <CarriedFollowUps items={d.carried} />
          <section aria-labelledby="outcomes-title">
            <h2 id="outcomes-title" className="mb-3 text-xl font-bold">{t("outcome.title")}</h2>
            {groups.length === 0 ? <EmptyState>{t("outcome.none")}</EmptyState> : null}
            <div className="space-y-4">
              {groups.map((g) => (
                <Card key={g.id ?? "general"} as="div">
                  <h3 className="mb-2 font-bold text-brand-900">{g.title}</h3>
                  <ul className="divide-y divide-line">
                    {g.items.map((o) => (
                      <li key={o.id} id={`outcome-${o.id}`} className="py-3">
                        <div className="mb-1 flex flex-wrap items-center gap-2">
                          <OutcomeTypeBadge type={o.type} />
                        </div>
                        <p className="font-medium">
                          {o.type === "action" ? <Link to={`/tindak-lanjut/${o.id}`}>{o.text}</Link> : o.text}
                        </p>
                        {o.type === "action" || o.owner_short_name ? <FollowUpMeta item={o} /> : null}
                        {d.canManage ? (
                          <div className="mt-2 flex flex-wrap gap-2">
                            <ButtonLink to={`?ubah=${o.id}#outcome-form`} variant="ghost">{t("action.edit")}</ButtonLink>
                            <Form method="post">
                              <input type="hidden" name="intent" value="delete" />
                              <input type="hidden" name="outcomeId" value={o.id} />
                              <Button variant="ghost" className="text-danger-700">{t("outcome.delete")}</Button>
                            </Form>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </Card>
              ))}
            </div>
          </section>
        </div>
        {/* A new key once an outcome is recorded: the form is empty again for the next one. */}
        {d.form ? <OutcomeForm key={d.form.editing?.outcomeId ?? `new-${d.outcomes.length}`} /> : null}
      </div>
    </div>
  );
}

function OutcomeForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const f = d.form!;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: f.editing ?? { type: "action" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeSchema }),
  });
  const contactProps = getSelectProps(fields.contactUserId);
  return (
    <Card aria-labelledby="outcome-form" className="h-fit lg:sticky lg:top-4">
      <h2 id="outcome-form" className="mb-3 text-xl font-bold">{f.editing ? t("outcome.form.edit") : t("outcome.form.add")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {f.editing ? <input type="hidden" name="outcomeId" value={f.editing.outcomeId} /> : null}
        <SelectField label={t("outcome.field.type")} field={fields.type} options={OUTCOME_TYPES.map((v) => ({ value: v, label: t(`outcome.type.${v}`) }))} hint={t("outcome.field.typeHint")} />
        <TextareaField label={t("outcome.field.text")} field={fields.text} hint={t("outcome.field.textHint")} textareaProps={{ rows: 3, maxLength: 2000 }} />
        <SelectField
          label={t("outcome.field.agendaItem")}
          field={fields.agendaItemId}
          optional
          placeholder={t("outcome.general")}
          options={d.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
        />
        <SelectField label={t("outcome.field.owner")} field={fields.ownerAgencyId} hint={t("outcome.field.ownerHint")} placeholder={t("outcome.field.ownerNone")} options={f.agencies} />
        <div className="mb-4">
          <label htmlFor={fields.contactUserId.id} className="mb-1 block font-semibold text-ink">
            {t("outcome.field.contact")} <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span>
          </label>
          <p id={`${fields.contactUserId.id}-hint`} className="mb-1 text-sm text-muted">{t("outcome.field.contactHint")}</p>
          <select
            {...contactProps}
            key={contactProps.key}
            aria-describedby={[`${fields.contactUserId.id}-hint`, fields.contactUserId.errors ? fields.contactUserId.errorId : ""].filter(Boolean).join(" ")}
            className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger-600"
          >
            <option value="">{t("outcome.field.contactNone")}</option>
            {f.officerGroups.map((g) => (
              <optgroup key={g.agency} label={g.agency}>
                {g.officers.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </optgroup>
            ))}
          </select>
          <ErrorList id={fields.contactUserId.errorId} errors={fields.contactUserId.errors} />
        </div>
        <Field label={t("outcome.field.due")} field={fields.dueDate} type="date" hint={t("outcome.field.dueHint")} />
        <div className="flex flex-wrap gap-2">
          <Button disabled={navigation.state === "submitting"}>{f.editing ? t("action.save") : t("outcome.form.submit")}</Button>
          {f.editing ? <ButtonLink to=".">{t("action.cancel")}</ButtonLink> : null}
        </div>
      </Form>
    </Card>
  );
}
