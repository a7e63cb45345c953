// The criteria editor shared by library rubrics and an assignment's own rubric. It works without
// JavaScript: the form offers a few rows (blank ones are ignored), and "Tambah kriteria" / "Hapus"
// are conform intent buttons that post back and come back with one row more or less. With
// JavaScript the same buttons work in place and the total of the weights updates as one types.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { Field, TextareaField } from "~/components/form";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { LEVELS, MAX_CRITERIA } from "~/lib/rubric";

type Row = { id?: string; title?: string; weight?: string; level1?: string; level2?: string; level3?: string; level4?: string };

export function CriteriaEditor({ form, field }: { form: FormMetadata<any, string[]>; field: FieldMetadata<Row[] | undefined, any, string[]> }) {
  const t = useT();
  const rows = field.getFieldList();
  const values = (Array.isArray(field.value) ? field.value : []) as (Row | undefined)[];
  const total = values.reduce((s, r) => s + (r?.weight && /^\d+$/.test(r.weight.trim()) ? Number(r.weight.trim()) : 0), 0);
  const listErrors = field.errors?.map((e) => (e === "rubric.weightsNot100" ? t(e, { total }) : t(e)));
  return (
    <fieldset className="mb-4 min-w-0" aria-describedby={`${field.id}-hint`}>
      <legend className="mb-1 text-lg font-bold">{t("rubric.editor.legend")}</legend>
      <p id={`${field.id}-hint`} className="mb-3 text-sm text-muted">{t("rubric.editor.hint")}</p>
      <ol className="space-y-4">
        {rows.map((row, i) => {
          const f = row.getFieldset();
          return (
            <li key={row.key} className="rounded-card border border-line bg-surface/40 p-3 sm:p-4">
              <div className="mb-2 flex items-center justify-between gap-2">
                <h3 className="font-semibold">{t("rubric.editor.criterion", { n: i + 1 })}</h3>
                <Button
                  variant="ghost"
                  className="text-danger-700"
                  aria-label={t("rubric.editor.removeLabel", { n: i + 1 })}
                  {...form.remove.getButtonProps({ name: field.name, index: i })}
                >
                  {t("rubric.editor.remove")}
                </Button>
              </div>
              <input type="hidden" name={f.id.name} value={(f.id.value as string | undefined) ?? ""} />
              <div className="grid gap-x-3 sm:grid-cols-[1fr_8rem]">
                <Field label={t("rubric.field.criterionTitle")} field={f.title} inputProps={{ autoComplete: "off" }} />
                <Field label={t("rubric.field.weight")} field={f.weight} type="text" inputProps={{ inputMode: "numeric", pattern: "[0-9]*", autoComplete: "off" }} />
              </div>
              <div className="grid gap-x-3 md:grid-cols-2">
                {LEVELS.map((level) => (
                  <TextareaField
                    key={level}
                    label={t(`rubric.field.level${level}`)}
                    field={f[`level${level}` as "level4"]}
                    textareaProps={{ rows: 2 }}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {/* Kept in view while scrolling a long rubric, so the total is always visible. */}
      <div className="sticky bottom-0 z-10 mt-3 flex flex-col gap-2 border-t border-line bg-white/95 py-2 sm:flex-row sm:items-center sm:justify-between">
        <p className={`font-semibold ${total === 100 ? "text-success-700" : "text-ink"}`} aria-live="polite" data-testid="weight-total">
          {t("rubric.editor.total", { total })}
          {total === 100 ? <span className="sr-only"> — {t("rubric.editor.totalOk")}</span> : null}
        </p>
        {rows.length < MAX_CRITERIA ? (
          <Button variant="secondary" {...form.insert.getButtonProps({ name: field.name })}>
            {t("rubric.editor.add")}
          </Button>
        ) : null}
      </div>
      {listErrors?.length ? (
        <div role="alert" id={field.errorId} className="mt-2 rounded-control border border-danger-600/30 bg-danger-50 px-3 py-2 font-medium text-danger-700">
          {listErrors.map((e) => <p key={e}>{e}</p>)}
        </div>
      ) : null}
    </fieldset>
  );
}
