// An agency's page: its profile for every signed-in person (contact details only for its own people
// and those who read everything), a link to the member list for those allowed, and for the
// coordinator: edit, invite the agency's admin, revoke open invitations, deactivate / reactivate.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { can, notFound, requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime, formatShortDate } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { logoUrl } from "~/lib/agency";
import { email, optionalText } from "~/lib/validation";
import {
  getAgency, inviteAgencyAdmin, listAgencyAdmins, listAgencyInvitations, revokeAgencyInvitation, setAgencyActive,
} from "~/models/agency.server";

const inviteSchema = z.object({ intent: z.literal("invite"), email: email(), name: optionalText(200) });

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.agency.name} — Sinergi` : "Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agency = await getAgency(db, params.id ?? "");
  if (!agency) notFound();
  requirePermission(user, "agency.view", { agencyId: agency.id });
  const canManage = can(user, "network.manage");
  const insider = can(user, "agency.members.view", { agencyId: agency.id });
  const [admins, invitations] = await Promise.all([
    listAgencyAdmins(db, agency.id),
    canManage ? listAgencyInvitations(db, agency.id) : Promise.resolve(null),
  ]);
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      shortName: agency.short_name,
      type: agency.type,
      region: agency.region,
      timeZone: agency.time_zone,
      emailDomain: agency.email_domain,
      active: agency.active,
      deactivatedAt: agency.deactivated_at,
      coordinating: agency.coordinating,
      logoUrl: logoUrl(agency.id, agency.logo_path),
      // Contact details are the agency's data: its own people and network-wide readers see them.
      contact: insider ? { name: agency.contact_name, email: agency.contact_email, phone: agency.contact_phone } : null,
    },
    admins,
    invitations,
    canManage,
    canSeeMembers: insider,
    canSeeReport: can(user, "report.agency", { agencyId: agency.id }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const agency = await getAgency(db, params.id ?? "");
  if (!agency) notFound();
  const here = `/instansi/${agency.id}`;
  const actor = { id: user.id, ip: context.ip };
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "deactivate" || intent === "activate") {
    const r = await setAgencyActive(db, agency.id, intent === "activate", actor);
    if (!r.ok) {
      if (r.error === "notFound") notFound();
      return redirectWithFlash(here, { tone: "danger", key: r.error });
    }
    return redirectWithFlash(here, {
      tone: "success",
      key: intent === "activate" ? "agency.flash.activated" : "agency.flash.deactivated",
      params: { name: agency.name },
    });
  }

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const r = await inviteAgencyAdmin(db, agency.id, submission.value, actor, (token) => absoluteUrl(request, `/undangan/${token}`));
    if (!r.ok) return data({ result: submission.reply({ fieldErrors: r.fieldErrors }) }, { status: 400 });
    return redirectWithFlash(here, { tone: "success", key: "agency.flash.invited", params: { email: submission.value.email } });
  }

  if (intent === "revoke-invitation") {
    const id = String(formData.get("invitationId") ?? "");
    const done = await revokeAgencyInvitation(db, agency.id, id, actor);
    return redirectWithFlash(here, done ? { tone: "success", key: "agency.flash.invitationRevoked" } : { tone: "danger", key: "agency.invite.gone" });
  }

  throw new Response("error.400", { status: 400 });
}

export default function AgencyPage() {
  const { agency, admins, invitations, canManage, canSeeMembers, canSeeReport } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <>
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-center">
        {agency.logoUrl ? (
          <img src={agency.logoUrl} alt={t("agency.logo.alt", { name: agency.shortName })} width={80} height={80}
            className="size-20 shrink-0 rounded-card border border-line bg-white object-contain p-1" />
        ) : (
          <span aria-hidden className="grid size-20 shrink-0 place-items-center rounded-card border border-line bg-brand-50 text-2xl font-black text-brand-700">
            {agency.shortName.slice(0, 2).toUpperCase()}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <PageHeader
            eyebrow={agency.shortName}
            title={agency.name}
            description={
              <span className="flex flex-wrap gap-2 pt-1">
                <Badge tone="brand">{t(`agency.type.${agency.type}`)}</Badge>
                {agency.active ? <Badge tone="success">{t("state.active")}</Badge> : <Badge tone="warning">{t("state.inactive")}</Badge>}
                {agency.coordinating ? <Badge tone="neutral">{t("agency.page.coordinating")}</Badge> : null}
              </span>
            }
            actions={
              <>
                {canSeeMembers ? <ButtonLink to={`/instansi/${agency.id}/anggota`} variant="primary">{t("agency.page.members")}</ButtonLink> : null}
                {canSeeReport ? <ButtonLink to={`/laporan/instansi/${agency.id}`}>{t("report.card.link")}</ButtonLink> : null}
                {canManage ? <ButtonLink to={`/instansi/${agency.id}/ubah`}>{t("action.edit")}</ButtonLink> : null}
              </>
            }
          />
        </div>
      </div>

      {agency.active ? null : (
        <Notice tone="warning">
          {agency.deactivatedAt
            ? t("agency.page.inactiveSince", { date: formatShortDate(agency.deactivatedAt, tz, locale) })
            : t("agency.page.inactiveNotice")}
        </Notice>
      )}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-4 text-lg font-bold">{t("agency.page.profile")}</h2>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
              <Item label={t("agency.field.region")}>{agency.region || t("state.none")}</Item>
              <Item label={t("agency.field.timeZone")}>{t(`tz.${agency.timeZone}`)}</Item>
              <Item label={t("agency.field.emailDomain")}>{agency.emailDomain ? <code>@{agency.emailDomain}</code> : t("state.none")}</Item>
              {agency.contact ? (
                <>
                  <Item label={t("agency.field.contactName")}>{agency.contact.name || t("state.none")}</Item>
                  <Item label={t("agency.field.contactEmail")}>
                    {agency.contact.email ? <a href={`mailto:${agency.contact.email}`} className="break-all">{agency.contact.email}</a> : t("state.none")}
                  </Item>
                  <Item label={t("agency.field.contactPhone")}>
                    {agency.contact.phone ? <a href={`tel:${agency.contact.phone.replace(/[^0-9+]/g, "")}`}>{agency.contact.phone}</a> : t("state.none")}
                  </Item>
                </>
              ) : null}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-bold">{t("agency.page.admins")}</h2>
            {admins.length ? (
              <ul className="divide-y divide-line">
                {admins.map((a) => (
                  <li key={a.id} className="py-2">
                    <span className="font-semibold">{a.name}</span>
                    {a.position ? <span className="block text-sm text-muted">{a.position}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-muted">{t("agency.page.noAdmins")}</p>
            )}
          </Card>
        </div>

        {canManage ? (
          <div className="space-y-6">
            {agency.active ? <InviteAdmin /> : null}
            {invitations ? (
              <Card>
                <h2 className="mb-3 text-lg font-bold">{t("agency.invitations.title")}</h2>
                {invitations.length === 0 ? (
                  <EmptyState>{t("agency.invitations.empty")}</EmptyState>
                ) : (
                  <ul className="divide-y divide-line">
                    {invitations.map((inv) => (
                      <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                        <div className="min-w-0">
                          <p className="break-all font-semibold">{inv.email}</p>
                          <p className="text-sm text-muted">
                            {inv.agency_role === "admin" ? t("role.agencyAdmin") : t("role.member")} ·{" "}
                            {inv.expired
                              ? t("agency.invitations.expired")
                              : t("agency.invitations.expires", { date: formatDateTime(inv.expires_at, tz, locale) })}
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
            ) : null}
            <ActiveState active={agency.active} coordinating={agency.coordinating} />
          </div>
        ) : null}
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-sm font-semibold text-muted sm:pt-0.5">{label}</dt>
      <dd className="-mt-2 sm:mt-0">{children}</dd>
    </>
  );
}

function InviteAdmin() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "invite-admin",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit", // see agency-form.tsx: a blur message would move the button under the click
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  return (
    <Card aria-labelledby="invite-admin-title">
      <h2 id="invite-admin-title" className="mb-1 text-lg font-bold">{t("agency.invite.title")}</h2>
      <p className="mb-4 text-sm text-muted">{t("agency.invite.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="invite" />
        <Field label={t("agency.invite.email")} field={fields.email} type="email" inputProps={{ inputMode: "email", autoComplete: "off" }} />
        <Field label={t("agency.invite.name")} field={fields.name} optional inputProps={{ autoComplete: "off" }} />
        <Button className="w-full" disabled={navigation.state === "submitting"}>{t("agency.invite.submit")}</Button>
      </Form>
    </Card>
  );
}

function ActiveState({ active, coordinating }: { active: boolean; coordinating: boolean }) {
  const t = useT();
  if (active) {
    return (
      <Card>
        <h2 className="mb-1 text-lg font-bold">{t("agency.deactivate.title")}</h2>
        {coordinating ? (
          <p className="text-sm text-muted">{t("agency.deactivate.coordinating")}</p>
        ) : (
          <details className="group">
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-danger-700">{t("agency.deactivate.open")}</summary>
            <p className="my-3 text-sm text-muted">{t("agency.deactivate.explain")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <Button variant="danger" className="w-full">{t("agency.deactivate.confirm")}</Button>
            </Form>
          </details>
        )}
      </Card>
    );
  }
  return (
    <Card>
      <h2 className="mb-1 text-lg font-bold">{t("agency.activate.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("agency.activate.explain")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="activate" />
        <Button className="w-full">{t("action.activate")}</Button>
      </Form>
    </Card>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
