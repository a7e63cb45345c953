// Create a recurring series from a template: title, kind, mode, venue/link, start time, duration,
// zone, the rule (weekly / monthly by date / nth or last weekday), start and until dates, whether to
// invite all agencies. The next three months of occurrences are created at once as drafts.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requirePermission } from "~/.server/permissions.server";
import { parseRichText } from "~/.server/rich-text.server";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/form";
import { RichTextEditor } from "~/components/rich-text/editor";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { formatDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { DEFAULT_REMINDER_LEAD, MEETING_KINDS, MEETING_MODES, MEETING_ZONES, REMINDER_LEADS } from "~/lib/meeting";
import { addDays, occurrences, RECURRENCES, seriesSchema, WEEKDAYS, WEEKS_OF_MONTH, type Recurrence } from "~/lib/series";
import { isDateString } from "~/lib/zoned-time";
import { utcToZoned } from "~/lib/zoned-time";
import { getNetwork } from "~/models/network.server";
import { createSeries } from "~/models/series.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Seri rapat baru — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "series.manage");
  const network = await getNetwork(db);
  const tz = network?.time_zone && (MEETING_ZONES as readonly string[]).includes(network.time_zone) ? network.time_zone : "Asia/Jakarta";
  return { timeZone: tz, today: utcToZoned(new Date(), tz).date };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "series.manage");
  const formData = await request.formData();
  const tz = String(formData.get("timeZone") ?? "Asia/Jakarta");
  const today = (MEETING_ZONES as readonly string[]).includes(tz) ? utcToZoned(new Date(), tz).date : undefined;
  const submission = parseWithZod(formData, { schema: seriesSchema({ today }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { description, ...v } = submission.value;
  const rich = parseRichText(description ?? "");
  if (!rich.ok) return data(submission.reply({ fieldErrors: { description: [rich.error] } }), { status: 400 });
  const { id, created } = await createSeries(db, { id: user.id, ip: context.ip ?? null }, { ...v, descriptionJson: rich.empty ? null : rich.json });
  return redirectWithFlash(`/rapat/seri/${id}`, { tone: "success", key: "series.flash.created", params: { count: created } });
}

function useHydrated() {
  const [h, setH] = useState(false);
  useEffect(() => setH(true), []);
  return h;
}

export default function NewSeries() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      kind: "rapat_redaksi", mode: "daring", timeZone: d.timeZone, recurrence: "monthly_weekday", weekday: "1", weekOfMonth: "1",
      startTime: "10:00", durationMinutes: "90", startsOn: d.today, reminderLeadMinutes: String(DEFAULT_REMINDER_LEAD), inviteAll: "on",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesSchema({ today: d.today }) }),
  });
  const recurrence = (fields.recurrence.value ?? "monthly_weekday") as Recurrence;
  // Before JavaScript every rule field shows (the server ignores those the rule does not use).
  const show = (r: Recurrence[]) => !hydrated || r.includes(recurrence);
  const preview = hydrated ? previewDates(fields, d.today) : [];
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={<Link to="/rapat/seri">{t("series.list.title")}</Link>} title={t("series.new.title")} description={t("series.new.description")} />
      <Card>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label={t("meeting.field.title")} field={fields.title} hint={t("series.field.titleHint")} inputProps={{ autoComplete: "off" }} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <SelectField label={t("meeting.field.kind")} field={fields.kind} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} />
            <SelectField label={t("meeting.field.mode")} field={fields.mode} options={MEETING_MODES.map((m) => ({ value: m, label: t(`meeting.mode.${m}`) }))} />
          </div>
          <Field label={t("meeting.field.venue")} field={fields.venue} hint={t("meeting.field.venueHint")} />
          <Field label={t("meeting.field.joinUrl")} field={fields.joinUrl} type="url" hint={t("meeting.field.joinUrlHint")} inputProps={{ inputMode: "url", placeholder: "https://" }} />

          <fieldset className="mb-4 rounded-card border border-line p-4">
            <legend className="px-1 font-semibold">{t("series.field.rule")}</legend>
            <SelectField label={t("series.field.recurrence")} field={fields.recurrence} options={RECURRENCES.map((r) => ({ value: r, label: t(`series.recurrence.${r}`) }))} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              {show(["monthly_weekday"]) ? (
                <SelectField
                  label={t("series.field.weekOfMonth")}
                  field={fields.weekOfMonth}
                  hint={hydrated ? undefined : t("series.field.weekOfMonthHint")}
                  options={WEEKS_OF_MONTH.map((n) => ({ value: String(n), label: t(`series.nth.${n}`) }))}
                />
              ) : null}
              {show(["weekly", "monthly_weekday"]) ? (
                <SelectField
                  label={t("series.field.weekday")}
                  field={fields.weekday}
                  hint={hydrated ? undefined : t("series.field.weekdayHint")}
                  options={WEEKDAYS.map((n) => ({ value: String(n), label: t(`series.weekday.${n}`) }))}
                />
              ) : null}
              {show(["monthly_date"]) ? (
                <Field
                  label={t("series.field.dayOfMonth")}
                  field={fields.dayOfMonth}
                  type="number"
                  hint={t("series.field.dayOfMonthHint")}
                  inputProps={{ min: 1, max: 31, inputMode: "numeric" }}
                />
              ) : null}
            </div>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <Field label={t("meeting.field.startTime")} field={fields.startTime} type="time" />
              <Field label={t("series.field.duration")} field={fields.durationMinutes} type="number" inputProps={{ min: 15, max: 720, step: 15, inputMode: "numeric" }} />
              <SelectField label={t("meeting.field.timeZone")} field={fields.timeZone} options={MEETING_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
            </div>
            <div className="grid gap-x-4 sm:grid-cols-2">
              <Field label={t("series.field.startsOn")} field={fields.startsOn} type="date" />
              <Field label={t("series.field.untilDate")} field={fields.untilDate} type="date" optional hint={t("series.field.untilHint")} />
            </div>
            {preview.length ? (
              <div className="rounded-control bg-surface p-3 text-sm" aria-live="polite">
                <p className="font-semibold">{t("series.preview")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {preview.map((p) => <li key={p}>{formatDate(`${p}T12:00:00Z`, "UTC", locale)}</li>)}
                </ul>
              </div>
            ) : null}
          </fieldset>

          <RichTextEditor
            key={fields.description.key}
            name={fields.description.name}
            id={fields.description.id}
            label={t("meeting.field.description")}
            optional
            defaultValue={(fields.description.initialValue as string | undefined) ?? ""}
            errors={fields.description.errors}
            errorId={fields.description.errorId}
          />
          <SelectField
            label={t("meeting.field.reminderLead")}
            field={fields.reminderLeadMinutes}
            hint={t("meeting.field.reminderLeadHint")}
            options={REMINDER_LEADS.map((m) => ({ value: String(m), label: t(`meeting.lead.${m}`) }))}
          />
          <CheckboxField label={t("series.field.inviteAll")} field={fields.inviteAll} hint={t("series.field.inviteAllHint")} />
          <p className="mb-4 text-sm text-muted">{t("series.new.draftsHint")}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <ButtonLink to="/rapat/seri" variant="secondary">{t("action.cancel")}</ButtonLink>
            <Button disabled={navigation.state === "submitting"}>{t("series.new.submit")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

function previewDates(fields: ReturnType<typeof useForm<Record<string, unknown>>>[1], today: string): string[] {
  const get = (k: string) => (fields[k]?.value as string | undefined) ?? "";
  const startsOn = get("startsOn");
  if (!isDateString(startsOn)) return [];
  const num = (k: string) => (get(k) === "" ? null : Number(get(k)));
  const from = startsOn > today ? startsOn : today;
  return occurrences(
    {
      recurrence: (get("recurrence") || "monthly_weekday") as Recurrence,
      weekday: num("weekday"),
      weekOfMonth: num("weekOfMonth"),
      dayOfMonth: num("dayOfMonth"),
      startsOn,
      untilDate: isDateString(get("untilDate")) ? get("untilDate") : null,
    },
    from,
    addDays(from, 200),
  ).slice(0, 4);
}
