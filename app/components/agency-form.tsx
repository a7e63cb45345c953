// The agency form, shared by "new agency" and "edit agency". A multipart form (it carries the
// logo) that works without JavaScript; conform shows the server's field messages and keeps what was
// typed. The logo file is never sent back: after an error the person picks it again.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { CheckboxField, ErrorList, Field, FormErrors, SelectField } from "~/components/form";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { AGENCY_TIME_ZONES, AGENCY_TYPES, agencySchema, type AgencyFormValue } from "~/lib/agency";

export function AgencyForm({ id, lastResult, defaultValue, logoUrl, submitLabel, cancelTo }: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Partial<Record<keyof AgencyFormValue, string>>;
  logoUrl: string | null;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const hintId = useId();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    // Not on blur: a message appearing as the last field loses focus pushes the submit button down
    // between press and release, and the click is lost. After a first submit, fields re-check as typed.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencySchema }),
  });
  const logoErrors = fields.logo.errors;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      {form.status === "error" && !form.errors?.length ? (
        <div role="alert" className="rounded-control border border-danger-600/30 bg-danger-50 px-4 py-3 text-danger-700">
          {t("form.invalid")}
        </div>
      ) : null}
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("agency.form.identity")}</h2>
        <Field label={t("agency.field.name")} field={fields.name} hint={t("agency.field.nameHint")} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label={t("agency.field.shortName")} field={fields.shortName} hint={t("agency.field.shortNameHint")} />
          <SelectField
            label={t("agency.field.type")}
            field={fields.type}
            hint={t("agency.field.typeHint")}
            options={AGENCY_TYPES.map((v) => ({ value: v, label: t(`agency.type.${v}`) }))}
          />
          <Field label={t("agency.field.region")} field={fields.region} optional hint={t("agency.field.regionHint")} />
          <SelectField
            label={t("agency.field.timeZone")}
            field={fields.timeZone}
            hint={t("agency.field.timeZoneHint")}
            options={AGENCY_TIME_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))}
          />
        </div>
        <Field
          label={t("agency.field.emailDomain")}
          field={fields.emailDomain}
          optional
          hint={t("agency.field.emailDomainHint")}
          inputProps={{ inputMode: "url", autoCapitalize: "none", spellCheck: false, placeholder: "dinkes.sukamaju.go.id" }}
        />
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-bold">{t("agency.form.contact")}</h2>
        <p className="mb-4 text-sm text-muted">{t("agency.form.contactHint")}</p>
        <Field label={t("agency.field.contactName")} field={fields.contactName} optional />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label={t("agency.field.contactEmail")} field={fields.contactEmail} type="email" optional inputProps={{ inputMode: "email", autoComplete: "off" }} />
          <Field label={t("agency.field.contactPhone")} field={fields.contactPhone} type="tel" optional inputProps={{ inputMode: "tel", autoComplete: "off" }} />
        </div>
      </Card>

      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("agency.field.logo")}</h2>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          {logoUrl ? (
            <img src={logoUrl} alt={t("agency.logo.current")} width={96} height={96} className="size-24 shrink-0 rounded-control border border-line bg-white object-contain p-1" />
          ) : null}
          <div className="flex-1">
            <label htmlFor={fields.logo.id} className="mb-1 block font-semibold text-ink">
              {logoUrl ? t("agency.logo.replace") : t("agency.logo.choose")}
              <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span>
            </label>
            <p id={hintId} className="mb-1 text-sm text-muted">{t("agency.logo.hint")}</p>
            <input
              id={fields.logo.id}
              name={fields.logo.name}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              aria-invalid={logoErrors?.length ? true : undefined}
              aria-describedby={logoErrors?.length ? `${hintId} ${fields.logo.errorId}` : hintId}
              className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base file:mr-3 file:min-h-9 file:rounded-control file:border-0 file:bg-brand-50 file:px-3 file:font-semibold file:text-brand-800 aria-[invalid=true]:border-danger-600"
            />
            <ErrorList id={fields.logo.errorId} errors={logoErrors} />
            {logoUrl ? <div className="mt-3"><CheckboxField label={t("agency.logo.remove")} field={fields.removeLogo} /></div> : null}
          </div>
        </div>
      </Card>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link to={cancelTo} className={buttonClass("secondary")}>{t("action.cancel")}</Link>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
