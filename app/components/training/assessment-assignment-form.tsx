// The assignment details form (kind, title, instructions, dates in a chosen zone, order in the module)
// for /pelatihan/:moduleId/tugas/baru and .../ubah. On a new assignment it also asks which library
// rubric to copy. One zod schema (~/lib/assignment) checks it in the browser and on the server.
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/form";
import { RichTextEditor } from "~/components/rich-text/editor";
import { Button, ButtonLink } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { ASSIGNMENT_ZONES, assignmentSchema } from "~/lib/assignment";
import { WORK_KINDS } from "~/lib/rubric";

export interface AssignmentFormDefaults {
  kind?: string;
  title?: string;
  instructions?: string | null;
  timeZone?: string;
  opensDate?: string;
  opensTime?: string;
  dueDate?: string;
  dueTime?: string;
  lateDate?: string;
  lateTime?: string;
  position?: string;
  libraryRubricId?: string;
}

function DateTimeRow({ legend, date, time, hint }: { legend: string; date: FieldMetadata<string | undefined>; time: FieldMetadata<string | undefined>; hint?: string }) {
  const t = useT();
  return (
    <fieldset className="mb-2 min-w-0">
      <legend className="mb-1 font-semibold text-ink">{legend}</legend>
      {hint ? <p className="mb-1 text-sm text-muted">{hint}</p> : null}
      <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-x-3 sm:max-w-md">
        <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.date")}</span>} field={date} type="date" />
        <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.time")}</span>} field={time} type="time" />
      </div>
    </fieldset>
  );
}

export function AssignmentForm({ lastResult, defaultValue, libraryRubrics, cancelTo, submitLabel }: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue: AssignmentFormDefaults;
  /** only on a new assignment: the library rubrics to copy from */
  libraryRubrics?: { id: string; title: string }[];
  cancelTo: string;
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "assignment-details",
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="_action" value="details" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-x-4 sm:grid-cols-[2fr_1fr]">
        <SelectField label={t("assignment.field.kind")} field={fields.kind} options={WORK_KINDS.map((k) => ({ value: k, label: t(`assignment.kind.${k}`) }))} />
        <Field label={t("assignment.field.position")} field={fields.position} type="number" hint={t("assignment.field.positionHint")} inputProps={{ min: 1, max: 999, inputMode: "numeric" }} />
      </div>
      <Field label={t("assignment.field.title")} field={fields.title} inputProps={{ autoComplete: "off" }} />
      <RichTextEditor
        key={fields.instructions.key}
        name={fields.instructions.name}
        id={fields.instructions.id}
        label={t("assignment.field.instructions")}
        optional
        defaultValue={(fields.instructions.initialValue as string | undefined) ?? defaultValue.instructions ?? ""}
        errors={fields.instructions.errors}
        errorId={fields.instructions.errorId}
      />
      <fieldset className="mb-4 min-w-0 rounded-card border border-line p-3 sm:p-4">
        <legend className="px-1 text-lg font-bold">{t("assignment.field.when")}</legend>
        <SelectField
          label={t("assignment.field.timeZone")}
          field={fields.timeZone}
          hint={t("assignment.field.timeZoneHint")}
          options={ASSIGNMENT_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))}
        />
        <DateTimeRow legend={t("assignment.field.opens")} date={fields.opensDate} time={fields.opensTime} />
        <DateTimeRow legend={t("assignment.field.due")} date={fields.dueDate} time={fields.dueTime} />
        <DateTimeRow legend={t("assignment.field.late")} date={fields.lateDate} time={fields.lateTime} hint={t("assignment.field.lateHint")} />
      </fieldset>
      {libraryRubrics ? (
        <SelectField
          label={t("assignment.field.rubric")}
          field={fields.libraryRubricId}
          hint={t("assignment.field.rubricHint")}
          placeholder={t("assignment.field.ownRubric")}
          options={libraryRubrics.map((r) => ({ value: r.id, label: r.title }))}
        />
      ) : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <ButtonLink to={cancelTo} variant="secondary">{t("action.cancel")}</ButtonLink>
        <Button disabled={navigation.state === "submitting"}>{submitLabel}</Button>
      </div>
    </Form>
  );
}
