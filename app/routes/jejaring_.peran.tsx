// Network roles (/jejaring/peran; the trailing "_" keeps it out of /jejaring's page): who is koordinator, pimpinan or fasilitator; grant a role to an existing person,
// revoke one (never the last active koordinator), or invite a new person with a role. The
// coordinator acts; pimpinan reads.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/form";
import { NetworkHeader } from "~/components/network-tabs";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime, formatShortDate } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { grantRoleSchema, inviteRoleSchema, NETWORK_ROLES, type NetworkRoleName } from "~/lib/network";
import {
  grantRole, inviteWithRole, listNetworkInvitations, listRoleHolders, revokeNetworkInvitation, revokeRole,
} from "~/models/role.server";
import { getNetwork } from "~/models/network.server";

const isRole = (v: unknown): v is NetworkRoleName => typeof v === "string" && (NETWORK_ROLES as readonly string[]).includes(v);

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("network.tab.roles")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.readAll");
  const canEdit = can(user, "network.manage");
  const [holders, invitations, network] = await Promise.all([
    listRoleHolders(db),
    canEdit ? listNetworkInvitations(db) : Promise.resolve([]),
    getNetwork(db),
  ]);
  return { holders, invitations, canEdit, me: user.id, networkName: network?.name ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const actor = { id: user.id, ip: context.ip };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = "/jejaring/peran";

  if (intent === "grant") {
    const submission = parseWithZod(formData, { schema: grantRoleSchema });
    if (submission.status !== "success") return data({ form: "grant" as const, result: submission.reply() }, { status: 400 });
    const r = await grantRole(db, submission.value, actor);
    if (!r.ok) return data({ form: "grant" as const, result: submission.reply({ fieldErrors: { email: [r.error] } }) }, { status: 400 });
    return redirectWithFlash(here, { tone: "success", key: "roles.flash.granted", params: { name: r.name } });
  }

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteRoleSchema });
    if (submission.status !== "success") return data({ form: "invite" as const, result: submission.reply() }, { status: 400 });
    const r = await inviteWithRole(db, submission.value, actor, (token) => absoluteUrl(request, `/undangan/${token}`));
    if (!r.ok) return data({ form: "invite" as const, result: submission.reply({ fieldErrors: { email: [r.error] } }) }, { status: 400 });
    return redirectWithFlash(here, { tone: "success", key: "roles.flash.invited", params: { email: submission.value.email } });
  }

  if (intent === "revoke") {
    const userId = String(formData.get("userId") ?? "");
    const role = formData.get("role");
    if (!isRole(role)) throw new Response("error.400", { status: 400 });
    const r = await revokeRole(db, { userId, role }, actor);
    if (!r.ok) return redirectWithFlash(here, { tone: "danger", key: r.error });
    // Someone who gave up their own koordinator role can no longer see this page.
    const to = userId === user.id && role === "koordinator" ? "/" : here;
    return redirectWithFlash(to, { tone: "success", key: "roles.flash.revoked" });
  }

  if (intent === "revoke-invitation") {
    const done = await revokeNetworkInvitation(db, String(formData.get("invitationId") ?? ""), actor);
    return redirectWithFlash(here, done ? { tone: "success", key: "agency.flash.invitationRevoked" } : { tone: "danger", key: "agency.invite.gone" });
  }

  throw new Response("error.400", { status: 400 });
}

export default function NetworkRoles() {
  const { holders, invitations, canEdit, me, networkName } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <>
      <NetworkHeader name={networkName} readOnly={!canEdit} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          {NETWORK_ROLES.map((role) => {
            const people = holders.filter((h) => h.role === role);
            return (
              <Card key={role} aria-labelledby={`role-${role}`}>
                <h2 id={`role-${role}`} className="text-lg font-bold">{t(`role.${role}`)}</h2>
                <p className="mb-3 text-sm text-muted">{t(`roles.describe.${role}`)}</p>
                {people.length === 0 ? (
                  <EmptyState>{t("roles.nobody")}</EmptyState>
                ) : (
                  <ul className="divide-y divide-line">
                    {people.map((p) => (
                      <li key={p.user_id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                        <div className="min-w-0">
                          <p className="font-semibold">
                            {p.name} {p.user_id === me ? <span className="text-sm font-normal text-muted">({t("roles.you")})</span> : null}
                          </p>
                          <p className="text-sm text-muted">
                            <span className="break-all">{p.email}</span>
                            {p.agency_short_name ? ` · ${p.agency_short_name}` : ""}
                            {" · "}{t("roles.since", { date: formatShortDate(p.granted_at, tz, locale) })}
                          </p>
                          {p.status !== "active" ? <Badge tone="warning">{t("state.inactive")}</Badge> : null}
                        </div>
                        {canEdit ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="userId" value={p.user_id} />
                            <input type="hidden" name="role" value={role} />
                            <Button variant="secondary" aria-label={t("roles.revokeLabel", { role: t(`role.${role}`), name: p.name })}>
                              {t("roles.revoke")}
                            </Button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            );
          })}
        </div>
        {canEdit ? (
          <div className="space-y-6">
            <GrantForm />
            <InviteForm />
            <Card>
              <h2 className="mb-3 text-lg font-bold">{t("roles.invitations")}</h2>
              {invitations.length === 0 ? (
                <EmptyState>{t("agency.invitations.empty")}</EmptyState>
              ) : (
                <ul className="divide-y divide-line">
                  {invitations.map((inv) => (
                    <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                      <div className="min-w-0">
                        <p className="break-all font-semibold">{inv.email}</p>
                        <p className="text-sm text-muted">
                          {isRole(inv.network_role) ? t(`role.${inv.network_role}`) : null} ·{" "}
                          {inv.expired ? t("agency.invitations.expired") : t("agency.invitations.expires", { date: formatDateTime(inv.expires_at, tz, locale) })}
                        </p>
                      </div>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-invitation" />
                        <input type="hidden" name="invitationId" value={inv.id} />
                        <Button variant="secondary" aria-label={t("agency.invitations.revokeLabel", { email: inv.email })}>
                          {t("agency.invitations.revoke")}
                        </Button>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

function useRoleOptions() {
  const t = useT();
  return NETWORK_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

function GrantForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "grant-role",
    lastResult: actionData?.form === "grant" ? actionData.result : undefined,
    shouldValidate: "onSubmit", // see agency-form.tsx: a blur message would move the button under the click
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: grantRoleSchema }),
  });
  return (
    <Card>
      <h2 className="mb-1 text-lg font-bold">{t("roles.grant.title")}</h2>
      <p className="mb-4 text-sm text-muted">{t("roles.grant.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="grant" />
        <Field label={t("roles.field.email")} field={fields.email} type="email" inputProps={{ inputMode: "email", autoComplete: "off" }} />
        <SelectField label={t("roles.field.role")} field={fields.role} placeholder={t("roles.field.choose")} options={useRoleOptions()} />
        <Button className="w-full" disabled={navigation.state === "submitting"}>{t("roles.grant.submit")}</Button>
      </Form>
    </Card>
  );
}

function InviteForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "invite-role",
    lastResult: actionData?.form === "invite" ? actionData.result : undefined,
    shouldValidate: "onSubmit", // see agency-form.tsx: a blur message would move the button under the click
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteRoleSchema }),
  });
  return (
    <Card>
      <h2 className="mb-1 text-lg font-bold">{t("roles.invite.title")}</h2>
      <p className="mb-4 text-sm text-muted">{t("roles.invite.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="invite" />
        <Field label={t("roles.field.email")} field={fields.email} type="email" inputProps={{ inputMode: "email", autoComplete: "off" }} />
        <Field label={t("roles.field.name")} field={fields.name} optional inputProps={{ autoComplete: "off" }} />
        <SelectField label={t("roles.field.role")} field={fields.role} placeholder={t("roles.field.choose")} options={useRoleOptions()} />
        <Button className="w-full" disabled={navigation.state === "submitting"}>{t("roles.invite.submit")}</Button>
      </Form>
    </Card>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
