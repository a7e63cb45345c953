// The link from the "forgot password" e-mail: choose a new password. An expired, used or unknown
// link shows why and offers a new one, never the form.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { newPassword } from "~/lib/validation";
import { findPasswordReset, resetPassword } from "~/models/password-reset.server";

const schema = z
  .object({ password: newPassword(), passwordConfirm: z.string({ required_error: "form.required" }) })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "account.password.mismatch" });

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("account.reset.title")} — Sinergi` }, { name: "robots", content: "noindex" }];
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { state, reset } = await findPasswordReset(db, params.token ?? "");
  return data({ state, email: state === "open" ? (reset?.email ?? null) : null }, { status: state === "unknown" ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const { state, reset } = await findPasswordReset(db, token);
  if (state !== "open" || !reset) return data({ state, result: undefined }, { status: 400 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ state, result: submission.reply({ hideFields: ["password", "passwordConfirm"] }) }, { status: 400 });
  }
  const result = await resetPassword(db, token, submission.value.password);
  if (!result.ok) return data({ state: result.error.slice("account.reset.".length), result: undefined }, { status: 400 });
  return redirectWithFlash("/login", { tone: "success", key: "account.reset.done" });
}

export default function ResetPassword() {
  const { state: loaded, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const state = actionData?.state ?? loaded;
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // A refused form comes back without passwords; clear what the browser still shows too.
  useEffect(() => {
    if (actionData?.result?.status !== "error") return;
    for (const id of [fields.password.id, fields.passwordConfirm.id]) {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.value = "";
    }
  }, [actionData, fields.password.id, fields.passwordConfirm.id]);
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-3 text-2xl font-bold">{t("account.reset.title")}</h1>
        {state === "open" ? (
          <>
            <p className="mb-5 text-muted">{t("account.reset.intro", { email: email ?? "" })}</p>
            <Form method="post" {...getFormProps(form)}>
              <FormErrors id={form.errorId} errors={form.errors} />
              {/* Lets password managers save the new password under the right account. */}
              <input type="email" name="username" value={email ?? ""} autoComplete="username" readOnly hidden />
              <Field
                label={t("account.newPassword")}
                hint={t("account.newPasswordHint")}
                field={fields.password}
                type="password"
                inputProps={{ autoComplete: "new-password", autoFocus: true }}
              />
              <Field label={t("account.newPasswordConfirm")} field={fields.passwordConfirm} type="password" inputProps={{ autoComplete: "new-password" }} />
              <Button className="w-full" disabled={navigation.state === "submitting"}>{t("account.reset.submit")}</Button>
            </Form>
          </>
        ) : (
          <>
            <Notice tone="warning" role="alert">{t(`account.reset.${state}`)}</Notice>
            <div className="flex flex-col gap-2 sm:flex-row">
              <ButtonLink to="/lupa-sandi" variant="primary">{t("account.reset.requestNew")}</ButtonLink>
              <ButtonLink to="/login">{t("account.forgot.backToLogin")}</ButtonLink>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
