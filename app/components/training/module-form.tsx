// The module's create/edit form (multipart: it may carry a cover image). Works without JavaScript;
// on a refused cover or a field error the server sends back what was typed.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { CheckboxField, ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { MODULE_STATUSES, moduleSchema, OUTPUT_CATEGORIES, SUMMARY_MAX } from "~/lib/module";

export interface ModuleFormDefaults {
  title: string;
  summary: string;
  jp: string;
  outputCategory: string;
  status: string;
  selfEnrol: boolean;
  passMark: string;
  organiser: string;
}

export function ModuleForm({ lastResult, defaults, cancelTo, submitLabel, cover, organiserPlaceholder }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: ModuleFormDefaults;
  cancelTo: string;
  submitLabel: string;
  cover?: { src: string; alt: string } | null;
  organiserPlaceholder: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults ?? { status: "draft", outputCategory: "produksi_konten" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moduleSchema }),
  });
  const coverErrors = (lastResult?.error?.cover as string[] | undefined) ?? null;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="max-w-2xl">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field label={t("module.field.title")} field={fields.title} />
      <TextareaField label={t("module.field.summary")} field={fields.summary} hint={t("module.field.summaryHint")} optional textareaProps={{ rows: 4, maxLength: SUMMARY_MAX }} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label={t("module.field.jp")} field={fields.jp} type="number" hint={t("module.field.jpHint")} inputProps={{ min: 1, max: 200, step: 1, inputMode: "numeric" }} />
        <Field label={t("module.field.passMark")} field={fields.passMark} type="number" optional hint={t("module.field.passMarkHint")} inputProps={{ min: 0, max: 100, step: 1, inputMode: "numeric" }} />
      </div>
      <SelectField
        label={t("module.field.outputCategory")}
        field={fields.outputCategory}
        hint={t("module.field.outputCategoryHint")}
        options={OUTPUT_CATEGORIES.map((c) => ({ value: c, label: t(`module.category.${c}`) }))}
      />
      <div className="mb-4">
        <label htmlFor="module-cover" className="mb-1 block font-semibold">
          {t("module.field.cover")} <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span>
        </label>
        <p id="module-cover-hint" className="mb-1 text-sm text-muted">{t("module.field.coverHint")}</p>
        {cover ? (
          <figure className="mb-2">
            <img src={cover.src} alt={cover.alt} className="aspect-video w-full max-w-xs rounded-control border border-line object-cover" />
            <figcaption className="mt-1 text-sm text-muted">{t("module.field.coverCurrent")}</figcaption>
            <label className="mt-1 flex min-h-11 items-center gap-3">
              <input type="checkbox" name="removeCover" value="on" className="size-5 accent-brand-700" />
              <span>{t("module.field.coverRemove")}</span>
            </label>
          </figure>
        ) : null}
        <input
          id="module-cover"
          name="cover"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="module-cover-hint"
          aria-invalid={coverErrors?.length ? true : undefined}
          className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base"
        />
        <ErrorList errors={coverErrors} />
      </div>
      <SelectField
        label={t("module.field.status")}
        field={fields.status}
        hint={t("module.field.statusHint")}
        options={MODULE_STATUSES.map((s) => ({ value: s, label: t(`module.status.${s}`) }))}
      />
      <CheckboxField label={t("module.field.selfEnrol")} field={fields.selfEnrol} hint={t("module.field.selfEnrolHint")} />
      <Field label={t("module.field.organiser")} field={fields.organiser} optional hint={t("module.field.organiserHint")} inputProps={{ placeholder: organiserPlaceholder }} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link to={cancelTo} className="inline-flex min-h-11 items-center justify-center px-4 font-semibold">{t("action.cancel")}</Link>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
