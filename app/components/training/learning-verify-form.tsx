// The certificate-code form, shared by /verifikasi and the result page ("check another code").
// One zod schema for browser and server; posts to /verifikasi, which redirects to /verifikasi/<code>.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n/react";
import { normaliseCertificateCode } from "~/lib/certificate-code";

export const verifySchema = z.object({
  code: z
    .string({ required_error: "form.required", invalid_type_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .max(40, "certificate.verify.invalidCode")
    .refine((v) => normaliseCertificateCode(v) !== null, "certificate.verify.invalidCode"),
});

export function VerifyForm({ lastResult, defaultCode, autoFocus }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultCode?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaultCode ? { code: defaultCode } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verifySchema }),
  });
  return (
    <Form method="post" action="/verifikasi" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        className="max-w-md"
        label={t("certificate.verify.code")}
        hint={t("certificate.verify.codeHint")}
        field={fields.code}
        inputProps={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: false, autoFocus }}
      />
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>{t("certificate.verify.submit")}</Button>
    </Form>
  );
}
