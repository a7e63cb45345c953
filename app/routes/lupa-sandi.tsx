// "Forgot password": asks for an e-mail and always gives the same answer, so the page never tells
// a visitor which addresses have an account. Active accounts get a one-hour, single-use link.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/.server/db.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { hit, LIMITS } from "~/.server/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Card, Notice } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { email } from "~/lib/validation";
import { requestPasswordReset } from "~/models/password-reset.server";

const schema = z.object({ email: email() });

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("account.forgot.title")} — Sinergi` }];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ sent: false, result: submission.reply() }, { status: 400 });
  }
  const address = submission.value.email;
  if (!hit(`reset-ip:${context.ip}`, LIMITS.passwordResetPerIp) || !hit(`reset:${address}`, LIMITS.passwordReset)) {
    return data({ sent: false, result: submission.reply({ formErrors: ["error.429"] }) }, { status: 429 });
  }
  await requestPasswordReset(db, address, (token) => absoluteUrl(request, `/atur-ulang-sandi/${token}`));
  // The same answer whether or not the address has an account.
  return { sent: true, result: submission.reply({ resetForm: true }) };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-1 text-2xl font-bold">{t("account.forgot.title")}</h1>
        {actionData?.sent ? (
          <Notice tone="success">{t("account.forgot.sent")}</Notice>
        ) : (
          <p className="mb-5 text-muted">{t("account.forgot.intro")}</p>
        )}
        {actionData?.sent ? null : (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              label={t("account.forgot.email")}
              field={fields.email}
              type="email"
              inputProps={{ autoComplete: "email", inputMode: "email", autoFocus: true }}
            />
            <Button className="w-full" disabled={navigation.state === "submitting"}>{t("account.forgot.submit")}</Button>
          </Form>
        )}
        <p className="mt-4 text-sm">
          <Link to="/login">{t("account.forgot.backToLogin")}</Link>
        </p>
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
