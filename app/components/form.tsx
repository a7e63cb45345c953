// Form pieces for conform + zod. Field errors are catalogue keys (see ~/lib/validation) translated
// here, so one schema serves the browser and the server in either language.
import {
  getInputProps, getSelectProps, getTextareaProps, type FieldMetadata,
} from "@conform-to/react";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useT } from "~/i18n/react";

const control =
  "block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-brand-500 aria-[invalid=true]:border-danger-600";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-danger-700">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

/** Form-level errors, announced to screen readers. */
export function FormErrors({ errors, id }: { errors?: string[] | null; id?: string }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-4 rounded-control border border-danger-600/30 bg-danger-50 px-4 py-3 text-danger-700">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}

function Label({ htmlFor, children, optional }: { htmlFor: string; children: ReactNode; optional?: boolean }) {
  const t = useT();
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-semibold text-ink">
      {children}
      {optional ? <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span> : null}
    </label>
  );
}

type InputType = "text" | "email" | "password" | "tel" | "url" | "date" | "datetime-local" | "number" | "search" | "time";

export function Field({ label, field, type = "text", hint, optional, inputProps = {}, className = "" }: {
  label: ReactNode;
  field: FieldMetadata<any>;
  type?: InputType;
  hint?: ReactNode;
  optional?: boolean;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  className?: string;
}) {
  const hintId = useId();
  const props = getInputProps(field, { type, ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className={`mb-4 ${className}`}>
      <Label htmlFor={field.id} optional={optional}>{label}</Label>
      {hint ? <p id={hintId} className="mb-1 text-sm text-muted">{hint}</p> : null}
      <input {...props} {...inputProps} key={props.key} className={control} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextareaField({ label, field, hint, optional, textareaProps = {} }: {
  label: ReactNode; field: FieldMetadata<any>; hint?: ReactNode; optional?: boolean;
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>;
}) {
  const hintId = useId();
  const props = getTextareaProps(field, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className="mb-4">
      <Label htmlFor={field.id} optional={optional}>{label}</Label>
      {hint ? <p id={hintId} className="mb-1 text-sm text-muted">{hint}</p> : null}
      <textarea {...props} {...textareaProps} key={props.key} className={`${control} min-h-28`} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ label, field, options, hint, optional, placeholder, selectProps = {} }: {
  label: ReactNode; field: FieldMetadata<any>; options: { value: string; label: string }[];
  hint?: ReactNode; optional?: boolean; placeholder?: string; selectProps?: SelectHTMLAttributes<HTMLSelectElement>;
}) {
  const hintId = useId();
  const props = getSelectProps(field, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className="mb-4">
      <Label htmlFor={field.id} optional={optional}>{label}</Label>
      {hint ? <p id={hintId} className="mb-1 text-sm text-muted">{hint}</p> : null}
      <select {...props} {...selectProps} key={props.key} className={control}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CheckboxField({ label, field, hint }: { label: ReactNode; field: FieldMetadata<any>; hint?: ReactNode }) {
  const props = getInputProps(field, { type: "checkbox" });
  return (
    <div className="mb-4">
      <label className="flex min-h-11 items-center gap-3">
        <input {...props} key={props.key} className="size-5 accent-brand-700" />
        <span className="font-medium">{label}</span>
      </label>
      {hint ? <p className="ml-8 text-sm text-muted">{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
