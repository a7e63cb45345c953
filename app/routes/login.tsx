import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireAnonymous, signIn } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { hit, LIMITS } from "~/.server/rate-limit.server";
import { Field, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { email, password } from "~/lib/validation";
import { getNetwork } from "~/models/network.server";
import { authenticate } from "~/models/user.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "#seeds/demo-accounts";

const schema = z.object({ email: email(), password: password(), redirectTo: z.string().optional() });

export const meta: MetaFunction = () => [{ title: "Masuk — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const network = await getNetwork(db);
  return { demo: network?.demo_data ? DEMO_ACCOUNTS : null, demoPassword: DEMO_PASSWORD };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email: address, password: pw, redirectTo } = submission.value;
  if (!hit(`login:${context.ip}:${address}`, LIMITS.login) || !hit(`login-ip:${context.ip}`, LIMITS.loginPerIp)) {
    return data(submission.reply({ formErrors: ["error.429"], hideFields: ["password"] }), { status: 429 });
  }
  const result = await authenticate(db, address, pw);
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.error], hideFields: ["password"] }), { status: 400 });
  }
  return signIn(result.userId, request, context, redirectTo ?? "/");
}

export default function Login() {
  const { demo, demoPassword } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // A refused password is cleared, as the server never sends it back; the e-mail stays.
  useEffect(() => {
    if (lastResult?.status !== "error") return;
    const input = document.getElementById(fields.password.id);
    if (input instanceof HTMLInputElement) input.value = "";
  }, [lastResult, fields.password.id]);
  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-[1fr_1fr]">
      <Card>
        <h1 className="mb-1 text-2xl font-bold">{t("login.title")}</h1>
        <p className="mb-5 text-muted">{t("app.tagline")}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <Field label={t("login.email")} field={fields.email} type="email" inputProps={{ autoComplete: "username", inputMode: "email", autoFocus: true }} />
          <Field label={t("login.password")} field={fields.password} type="password" inputProps={{ autoComplete: "current-password" }} />
          <Button className="w-full" disabled={navigation.state === "submitting"}>{t("login.submit")}</Button>
        </Form>
        <div className="mt-4 space-y-2 text-sm">
          <p><Link to="/lupa-sandi">{t("login.forgot")}</Link></p>
          <p><Link to="/daftar">{t("login.signup")}</Link></p>
        </div>
      </Card>
      {demo ? (
        <Card className="bg-accent-50" aria-labelledby="demo-title">
          <h2 id="demo-title" className="text-lg font-bold">{t("login.demoTitle")}</h2>
          <p className="mb-3 text-sm text-muted">{t("login.demoHint", { password: demoPassword })}</p>
          <ul className="space-y-2">
            {demo.map((a) => (
              <li key={a.email} className="rounded-control border border-line bg-white p-3">
                <code className="block break-all font-semibold text-brand-800">{a.email}</code>
                <span className="text-sm text-muted">{t(a.roleKey)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
