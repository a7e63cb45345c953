import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { requirePermission } from "~/.server/permissions.server";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { formatMinutes, MeetingTabs, MeetingWhen } from "~/components/meeting/bits";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { computeAgendaTimes } from "~/lib/agenda";
import { AGENDA_MAX_ITEMS, agendaItemSchema } from "~/lib/meeting";
import { addAgendaItem, deleteAgendaItem, listAgenda, moveAgendaItem, reorderAgenda, updateAgendaItem } from "~/models/agenda.server";
import { listAgencyOptions } from "~/models/agency.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Agenda rapat — Sinergi" }];

const EDITABLE = new Set(["draft", "published", "held"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, manage } = await requireMeeting(user, params.id);
  const canEdit = manage && EDITABLE.has(meeting.status);
  const [items, agencies] = await Promise.all([listAgenda(db, meeting.id), canEdit ? listAgencyOptions(db) : Promise.resolve([])]);
  const timed = computeAgendaTimes(meeting.starts_at, meeting.ends_at, items);
  const editId = new URL(request.url).searchParams.get("ubah");
  const editing = canEdit && editId ? items.find((i) => i.id === editId) ?? null : null;
  return {
    meeting: { id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone },
    items: timed.items.map((i) => ({
      id: i.id, title: i.title, presenter_agency: i.presenter_agency, presenter_name: i.presenter_name,
      duration: i.duration_minutes, notes: i.notes, startsAt: i.startsAt, endsAt: i.endsAt,
    })),
    totalMinutes: timed.totalMinutes,
    overrunMinutes: timed.overrunMinutes,
    agendaEndsAt: timed.endsAt,
    canEdit,
    manage,
    agencies: agencies.map((a) => ({ value: a.id, label: a.short_name })),
    editing: editing && {
      itemId: editing.id, title: editing.title, presenterAgencyId: editing.presenter_agency_id ?? "", presenterName: editing.presenter_name ?? "",
      durationMinutes: String(editing.duration_minutes), notes: editing.notes ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "meeting.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/rapat/${meeting.id}/agenda`;
  const itemId = String(formData.get("itemId") ?? "");
  if (intent === "move") {
    const r = await moveAgendaItem(db, meeting.id, itemId, formData.get("direction") === "up" ? "up" : "down");
    if (!r.ok) return data({ formErrors: [r.error] }, { status: 400 });
    return redirect(`${back}#item-${itemId}`);
  }
  if (intent === "reorder") {
    const r = await reorderAgenda(db, meeting.id, String(formData.get("order") ?? "").split(",").filter(Boolean));
    if (!r.ok) return data({ formErrors: [r.error] }, { status: 400 });
    return redirect(back);
  }
  if (intent === "delete") {
    const r = await deleteAgendaItem(db, meeting.id, itemId);
    if (!r.ok) return data({ formErrors: [r.error] }, { status: 400 });
    return redirect(back);
  }
  const submission = parseWithZod(formData, { schema: agendaItemSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const input = { title: v.title, presenterAgencyId: v.presenterAgencyId || null, presenterName: v.presenterName || null, durationMinutes: v.durationMinutes, notes: v.notes || null };
  const r = v.itemId ? await updateAgendaItem(db, meeting.id, v.itemId, input) : await addAgendaItem(db, meeting.id, input);
  if (!r.ok) {
    return data(r.field ? submission.reply({ fieldErrors: { [r.field]: [r.error] } }) : submission.reply({ formErrors: [r.error] }), { status: 400 });
  }
  return redirect(`${back}#item-${r.id}`);
}

export default function AgendaPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  const actionData = useActionData<typeof action>();
  const plainErrors = actionData && "formErrors" in actionData && !("status" in actionData) ? (actionData.formErrors as string[]) : null;
  return (
    <div>
      <PageHeader eyebrow={t("meeting.tab.agenda")} title={<span className="block text-balance">{m.title}</span>} />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="agenda-list">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="agenda-list" className="text-xl font-bold">{t("agenda.title")}</h2>
            <MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} className="text-sm" />
          </div>
          {plainErrors ? <Notice tone="danger">{plainErrors.map((e) => t(e)).join(" ")}</Notice> : null}
          {d.overrunMinutes > 0 ? (
            <Notice tone="warning" role="alert">
              <strong>{t("agenda.overrun", { duration: formatMinutes(t, d.overrunMinutes) })}</strong>{" "}
              {t("agenda.overrunDetail", { end: formatTime(d.agendaEndsAt, m.time_zone, locale), meetingEnd: formatTime(m.ends_at, m.time_zone, locale) })}
            </Notice>
          ) : null}
          {d.items.length === 0 ? <EmptyState>{t("agenda.empty")}</EmptyState> : <AgendaList />}
          {d.items.length ? (
            <p className="mt-3 text-sm text-muted">
              {t("agenda.total", { count: d.items.length, duration: formatMinutes(t, d.totalMinutes) })}
            </p>
          ) : null}
        </section>
        {/* A new key once an item is added (or removed): the form is empty again for the next one. */}
        {d.canEdit ? <AgendaItemForm key={d.editing?.itemId ?? `new-${d.items.length}`} /> : null}
      </div>
    </div>
  );
}

function AgendaList() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const fetcher = useFetcher();
  // Drag to reorder where JavaScript runs; the Up/Down buttons do the same without it.
  const [order, setOrder] = useState(d.items.map((i) => i.id));
  const [dragging, setDragging] = useState<string | null>(null);
  useEffect(() => setOrder(d.items.map((i) => i.id)), [d.items]);
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const items = order.map((id) => byId.get(id)).filter((i): i is (typeof d.items)[number] => !!i);
  const busy = navigation.state !== "idle" || fetcher.state !== "idle";
  const drop = (targetId: string) => {
    if (!dragging || dragging === targetId) return;
    const next = order.filter((id) => id !== dragging);
    next.splice(next.indexOf(targetId) + (order.indexOf(dragging) < order.indexOf(targetId) ? 1 : 0), 0, dragging);
    setOrder(next);
    setDragging(null);
    fetcher.submit({ intent: "reorder", order: next.join(",") }, { method: "post" });
  };
  return (
    <ol className="space-y-3">
      {items.map((i, idx) => (
        <li
          key={i.id}
          id={`item-${i.id}`}
          draggable={d.canEdit}
          onDragStart={() => setDragging(i.id)}
          onDragOver={(e) => d.canEdit && e.preventDefault()}
          onDrop={() => drop(i.id)}
          className={`rounded-card border bg-white p-4 shadow-sm ${dragging === i.id ? "border-brand-500 opacity-60" : "border-line"}`}
        >
          <div className="flex gap-3">
            <div className="w-20 shrink-0">
              <p className="font-bold tabular-nums text-brand-800">{formatTime(i.startsAt, d.meeting.time_zone, locale)}</p>
              <p className="text-sm text-muted">{formatMinutes(t, i.duration)}</p>
            </div>
            <div className="min-w-0 flex-1">
              <h3 className="font-semibold leading-snug">
                <span className="mr-1 text-muted">{idx + 1}.</span>
                {i.title}
              </h3>
              {i.presenter_name || i.presenter_agency ? (
                <p className="text-sm">{t("agenda.presenter")}: {[i.presenter_name, i.presenter_agency].filter(Boolean).join(" · ")}</p>
              ) : null}
              {i.notes ? <p className="mt-1 whitespace-pre-line text-sm text-muted">{i.notes}</p> : null}
            </div>
          </div>
          {d.canEdit ? (
            <div className="mt-3 flex flex-wrap items-center gap-1.5 border-t border-line pt-3">
              <Form method="post" className="flex gap-1.5">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="itemId" value={i.id} />
                <Button name="direction" value="up" variant="secondary" className="!px-3" disabled={idx === 0 || busy} aria-label={t("agenda.moveUpLabel", { title: i.title })}>
                  ↑ {t("agenda.moveUp")}
                </Button>
                <Button name="direction" value="down" variant="secondary" className="!px-3" disabled={idx === items.length - 1 || busy} aria-label={t("agenda.moveDownLabel", { title: i.title })}>
                  ↓ {t("agenda.moveDown")}
                </Button>
              </Form>
              <div className="ml-auto flex gap-1">
                <ButtonLink to={`?ubah=${i.id}#agenda-form`} variant="ghost" className="!px-3">{t("action.edit")}</ButtonLink>
                <Form method="post">
                  <input type="hidden" name="itemId" value={i.id} />
                  <Button name="intent" value="delete" variant="ghost" className="!px-3 text-danger-700" disabled={busy}>{t("agenda.delete")}</Button>
                </Form>
              </div>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function AgendaItemForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const formResult = lastResult && "status" in lastResult ? lastResult : undefined;
  const [form, fields] = useForm({
    lastResult: formResult,
    defaultValue: d.editing ?? undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agendaItemSchema }),
  });
  const full = !d.editing && d.items.length >= AGENDA_MAX_ITEMS;
  return (
    <Card aria-labelledby="agenda-form" className="self-start">
      <h2 id="agenda-form" className="mb-3 text-xl font-bold">{d.editing ? t("agenda.editItem") : t("agenda.addItem")}</h2>
      {full ? <Notice tone="warning">{t("agenda.tooManyItems")}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {d.editing ? <input type="hidden" name="itemId" value={d.editing.itemId} /> : null}
        <Field label={t("agenda.field.title")} field={fields.title} />
        <SelectField label={t("agenda.field.presenterAgency")} field={fields.presenterAgencyId} options={d.agencies} placeholder={t("agenda.field.noAgency")} optional />
        <Field label={t("agenda.field.presenterName")} field={fields.presenterName} optional />
        <Field label={t("agenda.field.duration")} field={fields.durationMinutes} type="number" inputProps={{ min: 1, max: 1440, step: 1, inputMode: "numeric" }} />
        <TextareaField label={t("agenda.field.notes")} field={fields.notes} optional textareaProps={{ rows: 3 }} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {d.editing ? <Link to="." className="inline-flex min-h-11 items-center justify-center px-4 font-semibold">{t("action.cancel")}</Link> : null}
          <Button name="intent" value={d.editing ? "update" : "add"} disabled={navigation.state === "submitting" || full}>
            {d.editing ? t("action.save") : t("agenda.add")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
