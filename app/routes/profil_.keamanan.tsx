// Security & sessions: change the password, see where the account is signed in, end other sessions.
// One route, several actions chosen by `intent`. (The trailing underscore keeps this page out of
// the /profil page's layout: it stands on its own whether or not /profil renders an <Outlet>.)
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { getSession, requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { hit, LIMITS } from "~/.server/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale, type T } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { newPassword, password } from "~/lib/validation";
import { changePassword, endOtherSession, endOtherSessions, listAccountSessions, type Device } from "~/models/account.server";

const PAGE = "/profil/keamanan";
const PASSWORD_FIELDS = ["currentPassword", "newPassword", "newPasswordConfirm"];

const passwordSchema = z
  .object({
    currentPassword: password(),
    newPassword: newPassword(),
    newPasswordConfirm: z.string({ required_error: "form.required" }),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "account.password.mismatch" });

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("account.security.title")} — Sinergi` }];
};

async function requireSession(request: Request) {
  const user = await requireUser(request);
  const session = await getSession(request);
  if (!session) throw new Response("not found", { status: 404 });
  return { user, sessionId: session.sessionId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const sessions = await listAccountSessions(db, user.id, sessionId);
  return { email: user.email, sessions };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "change-password") {
    const submission = parseWithZod(formData, { schema: passwordSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }), error: null }, { status: 400 });
    }
    if (!hit(`password-change:${user.id}`, LIMITS.login)) {
      return data({ intent, result: submission.reply({ formErrors: ["error.429"], hideFields: PASSWORD_FIELDS }), error: null }, { status: 429 });
    }
    const changed = await changePassword(db, user.id, { ...submission.value, keepSessionId: sessionId });
    if (!changed.ok) {
      return data(
        { intent, result: submission.reply({ fieldErrors: { currentPassword: [changed.error] }, hideFields: PASSWORD_FIELDS }), error: null },
        { status: 400 },
      );
    }
    return redirectWithFlash(PAGE, { tone: "success", key: "account.password.changed" });
  }

  if (intent === "end-session") {
    const target = formData.get("sessionId");
    const ended = typeof target === "string" && (await endOtherSession(db, user.id, target, sessionId));
    // Someone else's session id, a stale one or the current one: nothing changes.
    if (!ended) return data({ intent, result: undefined, error: "account.sessions.notFound" }, { status: 404 });
    return redirectWithFlash(PAGE, { tone: "success", key: "account.sessions.ended" });
  }

  if (intent === "end-others") {
    await endOtherSessions(db, user.id, sessionId);
    return redirectWithFlash(PAGE, { tone: "success", key: "account.sessions.endedOthers" });
  }

  return data({ intent: null, result: undefined, error: "error.400" }, { status: 400 });
}

function deviceName(t: T, d: Device): string {
  if (d.browser && d.os) return t("account.sessions.device", { browser: d.browser, os: d.os });
  return d.browser ?? d.os ?? t("account.sessions.unknownDevice");
}

export default function Security() {
  const { email, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const passwordResult = actionData?.intent === "change-password" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: passwordResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  // A refused form comes back without passwords; clear what the browser still shows too.
  useEffect(() => {
    if (passwordResult?.status !== "error") return;
    for (const id of [fields.currentPassword.id, fields.newPassword.id, fields.newPasswordConfirm.id]) {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.value = "";
    }
  }, [passwordResult, fields.currentPassword.id, fields.newPassword.id, fields.newPasswordConfirm.id]);
  // After a successful change (a redirect, so no result) or another action replacing this form's
  // result, start the form afresh: no stale message, no passwords left in the fields.
  const submittingPassword = navigation.state !== "idle" && navigation.formData?.get("intent") === "change-password";
  const previous = useRef({ result: passwordResult, submitting: submittingPassword });
  useEffect(() => {
    const before = previous.current;
    const succeeded = before.submitting && !submittingPassword && !passwordResult;
    const replaced = !!before.result && !passwordResult;
    if (succeeded || replaced) {
      const element = document.getElementById(form.id);
      if (element instanceof HTMLFormElement) element.reset();
    }
    previous.current = { result: passwordResult, submitting: submittingPassword };
  }, [passwordResult, submittingPassword, form.id]);
  const busy = navigation.state === "submitting";
  const others = sessions.filter((s) => !s.current);

  return (
    <>
      <PageHeader title={t("account.security.title")} description={t("account.security.intro")} />
      <div className="grid items-start gap-6 lg:grid-cols-[2fr_3fr]">
        <Card aria-labelledby="password-title">
          <h2 id="password-title" className="mb-1 text-xl font-bold">{t("account.password.title")}</h2>
          <p className="mb-4 text-sm text-muted">{t("account.password.note")}</p>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="change-password" />
            <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label={t("account.password.current")} field={fields.currentPassword} type="password" inputProps={{ autoComplete: "current-password" }} />
            <Field
              label={t("account.newPassword")}
              hint={t("account.newPasswordHint")}
              field={fields.newPassword}
              type="password"
              inputProps={{ autoComplete: "new-password" }}
            />
            <Field label={t("account.newPasswordConfirm")} field={fields.newPasswordConfirm} type="password" inputProps={{ autoComplete: "new-password" }} />
            <Button className="w-full sm:w-auto" disabled={busy}>{t("account.password.submit")}</Button>
          </Form>
        </Card>

        <Card aria-labelledby="sessions-title">
          <h2 id="sessions-title" className="mb-1 text-xl font-bold">{t("account.sessions.title")}</h2>
          <p className="mb-4 text-sm text-muted">{t("account.sessions.intro")}</p>
          {actionData?.error ? <Notice tone="danger">{t(actionData.error)}</Notice> : null}
          <ul className="divide-y divide-line border-y border-line">
            {sessions.map((s) => {
              const device = deviceName(t, s.device);
              return (
                <li key={s.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-semibold">
                      <span>{device}</span>
                      {s.current ? <Badge tone="success">{t("account.sessions.current")}</Badge> : null}
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                      <dt className="text-muted">{t("account.sessions.ip")}</dt>
                      <dd className="break-all">{s.ip || t("state.none")}</dd>
                      <dt className="text-muted">{t("account.sessions.created")}</dt>
                      <dd>{formatDateTime(s.createdAt, tz, locale)}</dd>
                      <dt className="text-muted">{t("account.sessions.lastActive")}</dt>
                      <dd>{formatDateTime(s.lastActiveAt, tz, locale)}</dd>
                    </dl>
                  </div>
                  {s.current ? null : (
                    <Form method="post" className="shrink-0">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button variant="secondary" className="w-full sm:w-auto" disabled={busy} aria-label={t("account.sessions.endLabel", { device })}>
                        {t("account.sessions.end")}
                      </Button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
          {others.length ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="end-others" />
              <Button variant="danger" className="w-full sm:w-auto" disabled={busy}>{t("account.sessions.endOthers")}</Button>
            </Form>
          ) : (
            <p className="mt-4 text-sm text-muted">{t("account.sessions.onlyThis")}</p>
          )}
        </Card>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
