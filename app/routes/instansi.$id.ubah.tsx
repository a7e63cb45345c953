// Edit an agency (coordinator only): the shared agency form, prefilled; a new logo replaces the old
// one, "remove logo" clears it. Every change is audited with what changed.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { readAgencyForm } from "~/.server/agency-form.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { removeUpload } from "~/.server/upload.server";
import { AgencyForm } from "~/components/agency-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { logoUrl } from "~/lib/agency";
import { agencyConflicts, getAgency, updateAgency } from "~/models/agency.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("agency.edit.title")} — Sinergi` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const agency = await getAgency(db, params.id ?? "");
  if (!agency) notFound();
  return {
    agency: { id: agency.id, name: agency.name, active: agency.active, logoUrl: logoUrl(agency.id, agency.logo_path) },
    defaultValue: {
      name: agency.name,
      shortName: agency.short_name,
      type: agency.type,
      region: agency.region,
      timeZone: agency.time_zone,
      contactName: agency.contact_name ?? "",
      contactEmail: agency.contact_email ?? "",
      contactPhone: agency.contact_phone ?? "",
      emailDomain: agency.email_domain ?? "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const id = params.id ?? "";
  const agency = await getAgency(db, id);
  if (!agency) notFound();
  const form = await readAgencyForm(request);
  if (!form.ok) {
    const clash = form.value ? await agencyConflicts(db, form.value, id) : null;
    return data(form.reply({ fieldErrors: clash ?? {} }), { status: 400 });
  }
  const { value, logoPath } = form;
  const nextLogo = logoPath ?? (value.removeLogo ? null : undefined);
  const result = await updateAgency(db, id, { ...value, logoPath: nextLogo }, { id: user.id, ip: context.ip });
  if (!result.ok) {
    await removeUpload(logoPath);
    if ("notFound" in result) notFound();
    return data(form.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  await removeUpload(result.previousLogoPath);
  return redirectWithFlash(`/instansi/${id}`, {
    tone: "success",
    key: result.changed.length ? "agency.flash.updated" : "agency.flash.unchanged",
    params: { name: value.name },
  });
}

export default function EditAgency() {
  const { agency, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={agency.name} title={t("agency.edit.title")} />
      {agency.active ? null : <Notice tone="warning">{t("agency.page.inactiveNotice")}</Notice>}
      <AgencyForm
        id={`agency-edit-${agency.id}`}
        lastResult={lastResult}
        defaultValue={defaultValue}
        logoUrl={agency.logoUrl}
        submitLabel={t("action.save")}
        cancelTo={`/instansi/${agency.id}`}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
