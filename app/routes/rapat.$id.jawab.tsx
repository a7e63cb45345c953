import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf, requireMeeting } from "~/.server/meeting-access.server";
import { requirePermission } from "~/.server/permissions.server";
import type { SessionUser } from "~/models/session.server";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/form";
import { MeetingTabs, MeetingWhen, RsvpBadge } from "~/components/meeting/bits";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { rsvpSchema } from "~/lib/meeting";
import { agencyOfficers, answerRsvp, getAgencyInvitation } from "~/models/rsvp.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Jawab undangan rapat — Sinergi" }];

/** The agency answered for: the admin's own; the coordinator may pick one with ?instansi=. */
async function guard(request: Request, user: SessionUser, meetingId: string | undefined) {
  const { meeting, manage } = await requireMeeting(user, meetingId);
  const asked = new URL(request.url).searchParams.get("instansi");
  const agencyId = asked || user.agencyId;
  const invitation = agencyId ? await getAgencyInvitation(db, meeting.id, agencyId) : null;
  requirePermission(user, "meeting.rsvp", { agencyId, invited: !!invitation });
  return { meeting, manage, invitation: invitation! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, manage, invitation } = await guard(request, user, params.id);
  const officers = await agencyOfficers(db, invitation.agency_id);
  const substitute = invitation.representatives.find((r) => !r.user_id);
  return {
    meeting: { id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone, status: meeting.status },
    manage,
    agency: { id: invitation.agency_id, name: invitation.agency_name },
    rsvp: invitation.rsvp,
    open: meeting.status === "published" && new Date(meeting.starts_at) > new Date(),
    officers,
    defaults: {
      answer: invitation.rsvp === "pending" ? undefined : invitation.rsvp,
      officerIds: invitation.representatives.filter((r) => r.user_id).map((r) => r.user_id as string),
      substituteName: substitute?.substitute_name ?? "",
      substitutePosition: substitute?.substitute_position ?? "",
      reason: invitation.decline_reason ?? "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, invitation } = await guard(request, user, params.id);
  const submission = parseWithZod(await request.formData(), { schema: rsvpSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const r = await answerRsvp(
    db,
    { meetingId: meeting.id, agencyId: invitation.agency_id, answer: v.answer, officerIds: v.officerIds, substituteName: v.substituteName, substitutePosition: v.substitutePosition, reason: v.reason },
    { actorId: user.id, baseUrl: baseUrlOf(request), ip: context.ip ?? null },
  );
  if (!r.ok) {
    return data(r.error === "rsvp.unknownOfficer" ? submission.reply({ fieldErrors: { officerIds: [r.error] } }) : submission.reply({ formErrors: [r.error] }), { status: 400 });
  }
  return redirectWithFlash(`/rapat/${meeting.id}`, { tone: "success", key: v.answer === "attending" ? "rsvp.flash.attending" : "rsvp.flash.declined" });
}

export default function AnswerPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: d.defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rsvpSchema }),
  });
  const chosen = new Set((fields.officerIds.value as string[] | string | undefined) ? [fields.officerIds.value].flat() : []);
  const answer = fields.answer.value;
  return (
    <div>
      <PageHeader eyebrow={t("rsvp.form.eyebrow", { agency: d.agency.name })} title={<span className="block text-balance">{d.meeting.title}</span>} />
      <MeetingTabs meetingId={d.meeting.id} manage={d.manage} />
      <div className="mx-auto max-w-2xl">
        <Card>
          <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
            <MeetingWhen startsAt={d.meeting.starts_at} endsAt={d.meeting.ends_at} timeZone={d.meeting.time_zone} />
            <span className="flex items-center gap-2 text-sm">{t("rsvp.form.current")} <RsvpBadge rsvp={d.rsvp} /></span>
          </div>
          {!d.open ? <Notice tone="warning">{d.meeting.status === "published" ? t("rsvp.afterStart") : t("rsvp.notOpen")}</Notice> : null}
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <fieldset className="mb-4" aria-describedby={fields.answer.errorId} disabled={!d.open}>
              <legend className="mb-2 font-semibold">{t("rsvp.form.question")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {(["attending", "declined"] as const).map((v) => (
                  <label key={v} className="flex min-h-14 items-center gap-3 rounded-control border border-line px-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <input {...getInputProps(fields.answer, { type: "radio", value: v })} key={`${fields.answer.key}-${v}`} className="size-5 accent-brand-700" />
                    <span className="font-semibold">{t(`rsvp.form.${v}`)}</span>
                  </label>
                ))}
              </div>
              <ErrorList id={fields.answer.errorId} errors={fields.answer.errors} />
            </fieldset>

            <fieldset className={`mb-4 rounded-card border border-line p-4 ${answer === "declined" ? "opacity-60" : ""}`} disabled={!d.open} aria-describedby={`${fields.officerIds.errorId} officers-hint`}>
              <legend className="px-1 font-semibold">{t("rsvp.representatives")}</legend>
              <p id="officers-hint" className="mb-2 text-sm text-muted">{t("rsvp.form.officersHint")}</p>
              {d.officers.length === 0 ? <p className="text-muted">{t("rsvp.form.noOfficers")}</p> : null}
              <div className="max-h-72 overflow-y-auto">
                {d.officers.map((o) => (
                  <label key={o.id} className="flex min-h-11 items-center gap-3 py-1">
                    <input type="checkbox" name={fields.officerIds.name} value={o.id} defaultChecked={chosen.has(o.id)} key={`${fields.officerIds.key}-${o.id}`} className="size-5 shrink-0 accent-brand-700" />
                    <span><span className="font-medium">{o.name}</span>{o.position ? <span className="block text-sm text-muted">{o.position}</span> : null}</span>
                  </label>
                ))}
              </div>
              <ErrorList id={fields.officerIds.errorId} errors={fields.officerIds.errors} />
              <h3 className="mt-4 font-semibold">{t("rsvp.form.substituteTitle")}</h3>
              <p className="mb-2 text-sm text-muted">{t("rsvp.form.substituteHint")}</p>
              <div className="grid gap-x-4 sm:grid-cols-2">
                <Field label={t("rsvp.form.substituteName")} field={fields.substituteName} optional />
                <Field label={t("rsvp.form.substitutePosition")} field={fields.substitutePosition} optional />
              </div>
            </fieldset>

            <fieldset disabled={!d.open} className={answer === "attending" ? "opacity-60" : ""}>
              <TextareaField label={t("rsvp.form.reason")} field={fields.reason} hint={t("rsvp.form.reasonHint")} textareaProps={{ rows: 3 }} />
            </fieldset>

            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <ButtonLink to={`/rapat/${d.meeting.id}`} variant="secondary">{t("action.back")}</ButtonLink>
              <Button disabled={!d.open || navigation.state === "submitting"}>{t("rsvp.form.submit")}</Button>
            </div>
          </Form>
        </Card>
      </div>
    </div>
  );
}
