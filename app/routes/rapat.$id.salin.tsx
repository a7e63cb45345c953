// Copy a meeting: a new draft at a new date and time (in the original's zone) with the chosen parts —
// agenda, invitations to the same agencies, attachments (the files are copied).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { CheckboxField, Field, FormErrors } from "~/components/form";
import { MeetingTabs, MeetingWhen } from "~/components/meeting/bits";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { zoneAbbr } from "~/i18n/format";
import { useT } from "~/i18n/react";
import { addDays, copySchema } from "~/lib/series";
import { utcToZoned } from "~/lib/zoned-time";
import { copyMeeting, copySource } from "~/models/series.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Salin rapat — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, manage } = await requireMeeting(user, params.id);
  requirePermission(user, "series.manage");
  const src = await copySource(db, meeting.id);
  if (!src) notFound();
  const start = utcToZoned(meeting.starts_at, meeting.time_zone);
  const end = utcToZoned(meeting.ends_at, meeting.time_zone);
  const today = utcToZoned(new Date(), meeting.time_zone).date;
  // A week after the original, or a week from today if that has passed.
  const date = addDays(start.date > today ? start.date : today, 7);
  return {
    meeting: { id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone },
    manage,
    counts: src.counts,
    defaults: { title: meeting.title, date, startTime: start.time, endTime: end.date === start.date ? end.time : "23:59" },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "series.manage");
  const submission = parseWithZod(await request.formData(), { schema: copySchema({ timeZone: meeting.time_zone }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await copyMeeting(db, { id: user.id, ip: context.ip ?? null }, meeting.id, submission.value);
  if (!id) return data(submission.reply({ formErrors: ["error.400"] }), { status: 400 });
  return redirectWithFlash(`/rapat/${id}`, { tone: "success", key: "copy.flash.created" });
}

export default function CopyMeeting() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const m = d.meeting;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...d.defaults, copyAgenda: d.counts.agenda ? "on" : undefined, copyInvitations: d.counts.invitations ? "on" : undefined },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: copySchema({ timeZone: m.time_zone }) }),
  });
  return (
    <div>
      <PageHeader eyebrow={t("copy.eyebrow")} title={m.title} description={<MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} />} />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      <Card className="mx-auto max-w-2xl">
        <h2 className="mb-1 text-xl font-bold">{t("copy.title")}</h2>
        <p className="mb-4 text-muted">{t("copy.description")}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label={t("meeting.field.title")} field={fields.title} />
          <fieldset className="mb-4 rounded-card border border-line p-4">
            <legend className="px-1 font-semibold">{t("copy.when", { zone: zoneAbbr(m.time_zone) })}</legend>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <Field label={t("meeting.field.date")} field={fields.date} type="date" />
              <Field label={t("meeting.field.startTime")} field={fields.startTime} type="time" />
              <Field label={t("meeting.field.endTime")} field={fields.endTime} type="time" />
            </div>
          </fieldset>
          <fieldset className="mb-4">
            <legend className="mb-1 font-semibold">{t("copy.parts")}</legend>
            <CheckboxField label={t("copy.part.agenda", { count: d.counts.agenda })} field={fields.copyAgenda} />
            <CheckboxField label={t("copy.part.invitations", { count: d.counts.invitations })} field={fields.copyInvitations} hint={t("copy.part.invitationsHint")} />
            <CheckboxField label={t("copy.part.attachments", { count: d.counts.attachments })} field={fields.copyAttachments} />
          </fieldset>
          <p className="mb-4 text-sm text-muted">{t("copy.draftHint")}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <ButtonLink to={`/rapat/${m.id}`} variant="secondary">{t("action.cancel")}</ButtonLink>
            <Button disabled={navigation.state === "submitting"}>{t("copy.submit")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
