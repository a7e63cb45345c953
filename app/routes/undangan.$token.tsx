// The link from an invitation e-mail: shows who invited the person, to which agency and role, and
// lets them choose their name, password and time zone; then signs them in. Someone already signed
// in (as anyone) must sign out first, so one browser never silently switches accounts.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { getOptionalUser, signIn, signOut } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { flashCookie } from "~/.server/flash.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/form";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice } from "~/components/ui/card";
import { makeT, parseLocale, type MessageKey } from "~/i18n";
import { formatDateTime, INDONESIAN_ZONES } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { newPassword, oneOf, requiredText } from "~/lib/validation";
import { audit } from "~/models/audit.server";
import { acceptInvitation, findInvitation, type InvitationState } from "~/models/invitation.server";
import { getNetwork } from "~/models/network.server";

const ZONES = INDONESIAN_ZONES.map((z) => z.tz) as [string, ...string[]];

const schema = z
  .object({
    name: requiredText(120),
    password: newPassword(),
    passwordConfirm: z.string({ required_error: "form.required" }),
    timeZone: oneOf(ZONES).optional(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "account.password.mismatch" });

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("account.invite.title")} — Sinergi` }, { name: "robots", content: "noindex" }];
};

// On a phone each label sits above its value, with air between the pairs; side by side from sm up.
const dtClass = "mt-3 text-sm font-semibold text-muted first:mt-0 sm:mt-0";

function roleKeys(inv: { agency_id: string | null; agency_role: string | null; network_role: string | null }): MessageKey[] {
  const keys: MessageKey[] = [];
  if (inv.network_role === "koordinator" || inv.network_role === "pimpinan" || inv.network_role === "fasilitator") keys.push(`role.${inv.network_role}`);
  if (inv.agency_id) keys.push(inv.agency_role === "admin" ? "role.agencyAdmin" : "role.member");
  return keys;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [{ state, invitation }, viewer, network] = await Promise.all([
    findInvitation(db, params.token ?? ""),
    getOptionalUser(request),
    getNetwork(db),
  ]);
  // Details are shown only for an open invitation: a used link reveals nothing about its account.
  const details =
    state === "open" && invitation
      ? {
          email: invitation.email,
          name: invitation.name,
          agencyName: invitation.agency_name,
          roles: roleKeys(invitation),
          inviterName: invitation.inviter_name,
          expiresAt: invitation.expires_at,
          timeZone: invitation.agency_time_zone ?? network?.time_zone ?? "Asia/Jakarta",
        }
      : null;
  return data(
    { state, details, networkName: network?.name ?? "Sinergi", signedInAs: viewer?.name ?? null },
    { status: state === "unknown" ? 404 : 200 },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "sign-out") return signOut(request, `/undangan/${encodeURIComponent(token)}`);
  // Never switch accounts behind the person's back: the page tells them to sign out first.
  if (await getOptionalUser(request)) return data({ state: null, result: undefined }, { status: 409 });
  const { state, invitation } = await findInvitation(db, token);
  if (state !== "open" || !invitation) return data({ state, result: undefined }, { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data({ state: null, result: submission.reply({ hideFields: ["password", "passwordConfirm"] }) }, { status: 400 });
  }
  const { name, password, timeZone } = submission.value;
  const accepted = await acceptInvitation(db, token, { name, password, timeZone });
  if (!accepted.ok) {
    if (accepted.error === "invitation.emailTaken") {
      return data({ state: null, result: submission.reply({ formErrors: [accepted.error], hideFields: ["password", "passwordConfirm"] }) }, { status: 400 });
    }
    return data({ state: accepted.error.slice("invitation.".length) as InvitationState, result: undefined }, { status: 400 });
  }
  await audit(db, {
    actorId: accepted.userId,
    action: "invitation.accept",
    targetType: "invitation",
    targetId: invitation.id,
    agencyId: invitation.agency_id,
    detail: { email: invitation.email, agencyRole: invitation.agency_role, networkRole: invitation.network_role },
    ip: context.ip ?? null,
  });
  const response = await signIn(accepted.userId, request, context, "/");
  response.headers.append("Set-Cookie", flashCookie({ tone: "success", key: "account.invite.welcome", params: { name } }));
  return response;
}

export default function AcceptInvitation() {
  const { state: loaded, details, networkName, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const state = actionData?.state ?? loaded;
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    defaultValue: { name: details?.name ?? "", timeZone: details?.timeZone },
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

  if (state !== "open" || !details) {
    return (
      <div className="mx-auto max-w-md">
        <Card>
          <h1 className="mb-3 text-2xl font-bold">{t("account.invite.title")}</h1>
          <Notice tone="warning" role="alert">{t(`invitation.${state}`)}</Notice>
          {signedInAs ? null : <ButtonLink to="/login" variant="primary">{t("account.invite.toLogin")}</ButtonLink>}
        </Card>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-1 text-2xl font-bold">{t("account.invite.title")}</h1>
        <p className="mb-4 text-muted">
          {t("account.invite.from", { inviter: details.inviterName ?? t("account.invite.someone"), network: networkName })}
        </p>
        <dl className="mb-6 grid gap-x-4 sm:gap-y-2 rounded-control border border-line bg-surface p-4 sm:grid-cols-[auto_1fr]">
          <dt className={dtClass}>{t("account.invite.email")}</dt>
          <dd className="break-all">{details.email}</dd>
          {details.agencyName ? (
            <>
              <dt className={dtClass}>{t("account.invite.agency")}</dt>
              <dd>{details.agencyName}</dd>
            </>
          ) : null}
          {details.roles.length ? (
            <>
              <dt className={dtClass}>{t("account.invite.role")}</dt>
              <dd>{details.roles.map((k) => t(k)).join(", ")}</dd>
            </>
          ) : null}
          <dt className={dtClass}>{t("account.invite.expires")}</dt>
          <dd>{formatDateTime(details.expiresAt, details.timeZone, locale)}</dd>
        </dl>

        {signedInAs ? (
          <>
            <Notice tone="warning">{t("account.invite.signedIn", { name: signedInAs, email: details.email })}</Notice>
            <Form method="post">
              <input type="hidden" name="intent" value="sign-out" />
              <Button variant="secondary" className="w-full sm:w-auto">{t("account.invite.signOut")}</Button>
            </Form>
          </>
        ) : (
          <>
            <h2 className="mb-3 text-lg font-bold">{t("account.invite.setup")}</h2>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="accept" />
              <FormErrors id={form.errorId} errors={form.errors} />
              <input type="email" name="username" value={details.email} autoComplete="username" readOnly hidden />
              <Field label={t("account.invite.name")} field={fields.name} inputProps={{ autoComplete: "name", autoFocus: !details.name }} />
              <Field
                label={t("account.invite.password")}
                hint={t("account.newPasswordHint")}
                field={fields.password}
                type="password"
                inputProps={{ autoComplete: "new-password", autoFocus: !!details.name }}
              />
              <Field label={t("account.invite.passwordConfirm")} field={fields.passwordConfirm} type="password" inputProps={{ autoComplete: "new-password" }} />
              <SelectField
                label={t("account.invite.timeZone")}
                hint={t("account.invite.timeZoneHint")}
                field={fields.timeZone}
                optional
                options={ZONES.map((tz) => ({ value: tz, label: t(`tz.${tz}`) }))}
              />
              <Button className="w-full" disabled={navigation.state === "submitting"}>{t("account.invite.submit")}</Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
