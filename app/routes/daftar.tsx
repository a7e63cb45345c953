// Sign-up with an agency e-mail: a visitor whose address is on an active agency's registered domain
// becomes a pending member and that agency's admins are asked to approve. Any other domain creates
// nothing and points the visitor to an invitation instead.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireAnonymous } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { hit, LIMITS } from "~/.server/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { email, newPassword, password, requiredText } from "~/lib/validation";
import { signUp } from "~/models/member.server";

const schema = z
  .object({ name: requiredText(120), email: email(), password: newPassword(), confirm: password() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "signup.passwordMismatch" });

const SECRET_FIELDS = ["password", "confirm"];

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("signup.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 });
  }
  if (!hit(`signup:${context.ip}`, LIMITS.signup)) {
    return data(submission.reply({ formErrors: ["error.429"], hideFields: SECRET_FIELDS }), { status: 429 });
  }
  const { name, email: address, password: pw } = submission.value;
  const result = await signUp(db, { name, email: address, password: pw }, { baseUrl: absoluteUrl(request, "/") });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: { [result.field]: [result.error] }, hideFields: SECRET_FIELDS }), { status: 400 });
  }
  return redirectWithFlash("/login", { tone: "success", key: "signup.sent", params: { agency: result.agencyName } });
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Passwords are never sent back; clear what the browser still shows after a refused attempt.
  useEffect(() => {
    if (lastResult?.status !== "error") return;
    for (const id of [fields.password.id, fields.confirm.id]) {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.value = "";
    }
  }, [lastResult, fields.password.id, fields.confirm.id]);
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="mb-1 text-2xl font-bold">{t("signup.title")}</h1>
        <p className="mb-5 text-muted">{t("signup.intro")}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label={t("signup.name")} field={fields.name} inputProps={{ autoComplete: "name", autoFocus: true }} />
          <Field
            label={t("signup.email")}
            field={fields.email}
            type="email"
            hint={t("signup.emailHint")}
            inputProps={{ autoComplete: "email", inputMode: "email" }}
          />
          <Field
            label={t("signup.password")}
            field={fields.password}
            type="password"
            hint={t("signup.passwordHint")}
            inputProps={{ autoComplete: "new-password" }}
          />
          <Field label={t("signup.passwordConfirm")} field={fields.confirm} type="password" inputProps={{ autoComplete: "new-password" }} />
          <Button className="w-full" disabled={navigation.state === "submitting"}>{t("signup.submit")}</Button>
        </Form>
        <div className="mt-5 space-y-2 border-t border-line pt-4 text-sm">
          <p className="text-muted">{t("signup.invited")}</p>
          <p><Link to="/login">{t("signup.haveAccount")}</Link></p>
        </div>
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
