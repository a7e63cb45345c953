// The library rubric form (title, description, kind of work, criteria) for /rubrik/baru and
// /rubrik/:rubricId. One zod schema (~/lib/rubric) checks it in the browser and on the server.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { Button, ButtonLink } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { rubricSchema, WORK_KINDS } from "~/lib/rubric";
import { CriteriaEditor } from "./rubric-editor";

export interface RubricFormDefaults {
  title?: string;
  description?: string | null;
  workKind?: string | null;
  criteria: Record<string, string | undefined>[];
}

export function RubricForm({ lastResult, defaultValue, submitLabel, cancelTo }: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue: RubricFormDefaults;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...defaultValue, description: defaultValue.description ?? undefined, workKind: defaultValue.workKind ?? undefined },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rubricSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {/* Enter in a field saves: the first submit button is the default one, not a row's "Hapus". */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">{submitLabel}</button>
      <Field label={t("rubric.field.title")} field={fields.title} inputProps={{ autoComplete: "off" }} />
      <TextareaField label={t("rubric.field.description")} field={fields.description} optional textareaProps={{ rows: 2 }} />
      <SelectField
        label={t("rubric.field.workKind")}
        field={fields.workKind}
        hint={t("rubric.field.workKindHint")}
        optional
        placeholder={t("rubric.kind.any")}
        options={WORK_KINDS.map((k) => ({ value: k, label: t(`rubric.kind.${k}`) }))}
      />
      <CriteriaEditor form={form} field={fields.criteria} />
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <ButtonLink to={cancelTo} variant="secondary">{t("action.cancel")}</ButtonLink>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
