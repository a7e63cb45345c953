// The create / edit form of a meeting. One zod schema (~/lib/meeting) checks it in the browser and
// on the server; times are typed in the meeting's own zone.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField, ErrorList, Field, FormErrors, SelectField } from "~/components/form";
import { RichTextEditor } from "~/components/rich-text/editor";
import { Button, ButtonLink } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { ATTACHMENT_ACCEPT_CLIENT, MEETING_KINDS, MEETING_MODES, MEETING_ZONES, REMINDER_LEADS, meetingSchema } from "~/lib/meeting";

export interface MeetingFormDefaults {
  title?: string;
  kind?: string;
  mode?: string;
  venue?: string | null;
  joinUrl?: string | null;
  date?: string;
  endDate?: string;
  startTime?: string;
  endTime?: string;
  timeZone?: string;
  description?: string | null;
  letterNumber?: string | null;
  reminderLeadMinutes?: number;
  inviteAll?: "on" | undefined;
}

export function MeetingForm({ lastResult, defaultValue, keepStart, withAttachments, withInviteAll, cancelTo, submitLabel }: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue: MeetingFormDefaults;
  keepStart?: string | null;
  withAttachments?: boolean;
  withInviteAll?: boolean;
  cancelTo: string;
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...defaultValue, reminderLeadMinutes: defaultValue.reminderLeadMinutes != null ? String(defaultValue.reminderLeadMinutes) : undefined },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema({ keepStart }) }),
  });
  const attachmentErrors = (lastResult?.error?.attachments ?? null) as string[] | null;
  return (
    <Form method="post" {...getFormProps(form)} encType={withAttachments ? "multipart/form-data" : undefined} className="space-y-2">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("meeting.field.title")} field={fields.title} inputProps={{ autoComplete: "off" }} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField label={t("meeting.field.kind")} field={fields.kind} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} />
        <SelectField label={t("meeting.field.mode")} field={fields.mode} options={MEETING_MODES.map((m) => ({ value: m, label: t(`meeting.mode.${m}`) }))} />
      </div>
      <Field label={t("meeting.field.venue")} field={fields.venue} hint={t("meeting.field.venueHint")} />
      <Field label={t("meeting.field.joinUrl")} field={fields.joinUrl} type="url" hint={t("meeting.field.joinUrlHint")} inputProps={{ inputMode: "url", placeholder: "https://" }} />
      <fieldset className="mb-2 rounded-card border border-line p-4">
        <legend className="px-1 font-semibold">{t("meeting.field.when")}</legend>
        <SelectField label={t("meeting.field.timeZone")} field={fields.timeZone} hint={t("meeting.field.timeZoneHint")} options={MEETING_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
        <div className="grid gap-x-4 sm:grid-cols-3">
          <Field label={t("meeting.field.date")} field={fields.date} type="date" />
          <Field label={t("meeting.field.startTime")} field={fields.startTime} type="time" />
          <Field label={t("meeting.field.endTime")} field={fields.endTime} type="time" />
        </div>
        <Field label={t("meeting.field.endDate")} field={fields.endDate} type="date" optional hint={t("meeting.field.endDateHint")} className="sm:max-w-xs" />
      </fieldset>
      <RichTextEditor
        key={fields.description.key}
        name={fields.description.name}
        id={fields.description.id}
        label={t("meeting.field.description")}
        optional
        defaultValue={(fields.description.initialValue as string | undefined) ?? defaultValue.description ?? ""}
        errors={fields.description.errors}
        errorId={fields.description.errorId}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label={t("meeting.field.letterNumber")} field={fields.letterNumber} optional hint={t("meeting.field.letterNumberHint")} />
        <SelectField
          label={t("meeting.field.reminderLead")}
          field={fields.reminderLeadMinutes}
          hint={t("meeting.field.reminderLeadHint")}
          options={REMINDER_LEADS.map((m) => ({ value: String(m), label: t(`meeting.lead.${m}`) }))}
        />
      </div>
      {withAttachments ? (
        <div className="mb-4">
          <label htmlFor="attachments" className="mb-1 block font-semibold text-ink">
            {t("meeting.field.attachments")} <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span>
          </label>
          <p id="attachments-hint" className="mb-1 text-sm text-muted">{t("attachment.hint")}</p>
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept={ATTACHMENT_ACCEPT_CLIENT}
            aria-describedby="attachments-hint"
            aria-invalid={attachmentErrors?.length ? true : undefined}
            className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base file:mr-3 file:rounded-control file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-800"
          />
          <ErrorList id="attachments-error" errors={attachmentErrors} />
        </div>
      ) : null}
      {withInviteAll ? <CheckboxField label={t("meeting.field.inviteAll")} field={fields.inviteAll} hint={t("meeting.field.inviteAllHint")} /> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <ButtonLink to={cancelTo} variant="secondary">{t("action.cancel")}</ButtonLink>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
