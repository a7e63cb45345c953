// "Remove my account" (UU PDP): explains what happens, asks for the current password and the typed
// word HAPUS, then anonymises the account, ends every session and signs the person out.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { clearSessionCookie, requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { REMOVAL_WORD } from "~/lib/profile";
import { password, requiredText } from "~/lib/validation";
import { removalBlocker, removeOwnAccount } from "~/models/profile.server";

const schema = z.object({
  password: password(),
  confirm: requiredText(20).refine((v) => v === REMOVAL_WORD, "profile.remove.confirmInvalid"),
});

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("profile.remove.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { blocker: await removalBlocker(db, user.id), agencyId: user.agencyId };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await removeOwnAccount(db, user.id, { password: submission.value.password, ip: context.ip ?? null });
  if (!result.ok) {
    const reply = result.field
      ? submission.reply({ fieldErrors: { [result.field]: [result.error] }, hideFields: ["password"] })
      : submission.reply({ formErrors: [result.error], hideFields: ["password"] });
    return data(reply, { status: 400 });
  }
  return redirectWithFlash("/login", { tone: "success", key: "profile.remove.done" }, { headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function RemoveAccount() {
  const { blocker, agencyId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "remove-account",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  useEffect(() => {
    if (lastResult?.status !== "error") return;
    const input = document.getElementById(fields.password.id);
    if (input instanceof HTMLInputElement) input.value = "";
  }, [lastResult, fields.password.id]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("profile.remove.title")} />
      <Card>
        <p className="mb-2 font-semibold">{t("profile.remove.intro")}</p>
        <ul className="mb-5 list-disc space-y-1 pl-5">
          <li>{t("profile.remove.what1")}</li>
          <li>{t("profile.remove.what2")}</li>
          <li>{t("profile.remove.what3")}</li>
          <li>
            {t("profile.remove.what4")}{" "}
            <a href="/profil/data.json" download="data-saya-sinergi.json">{t("profile.data.download")}</a>
          </li>
        </ul>
        {blocker ? (
          <Notice tone="warning">
            <p>{t(blocker)}</p>
            {blocker === "profile.remove.onlyAdmin" && agencyId ? (
              <p className="mt-2"><Link to={`/instansi/${agencyId}/anggota`}>{t("profile.remove.toMembers")}</Link></p>
            ) : null}
          </Notice>
        ) : null}
        {/* While they must hand over first, the form would only be refused: offer the way back instead. */}
        {blocker ? (
          <ButtonLink to="/profil">{t("action.back")}</ButtonLink>
        ) : (
          <Form method="post" {...getFormProps(form)} className="border-t border-line pt-5">
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label={t("profile.remove.password")} field={fields.password} type="password" inputProps={{ autoComplete: "current-password" }} />
            <Field
              label={t("profile.remove.confirm")}
              field={fields.confirm}
              inputProps={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: false }}
            />
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
              <ButtonLink to="/profil">{t("action.cancel")}</ButtonLink>
              <Button variant="danger" disabled={navigation.state === "submitting"}>{t("profile.remove.submit")}</Button>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
