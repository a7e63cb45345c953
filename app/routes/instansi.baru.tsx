// New agency (coordinator only): the shared agency form, with an optional logo.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { readAgencyForm } from "~/.server/agency-form.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requirePermission } from "~/.server/permissions.server";
import { removeUpload } from "~/.server/upload.server";
import { AgencyForm } from "~/components/agency-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { agencyConflicts, createAgency } from "~/models/agency.server";
import { getNetwork } from "~/models/network.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("agency.new.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const network = await getNetwork(db);
  return { defaultTimeZone: network?.time_zone ?? "Asia/Jakarta" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const form = await readAgencyForm(request);
  if (!form.ok) {
    const clash = form.value ? await agencyConflicts(db, form.value, null) : null;
    return data(form.reply({ fieldErrors: clash ?? {} }), { status: 400 });
  }
  const { value, logoPath } = form;
  const result = await createAgency(db, { ...value, logoPath: logoPath ?? null }, { id: user.id, ip: context.ip });
  if (!result.ok) {
    await removeUpload(logoPath);
    return data(form.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirectWithFlash(`/instansi/${result.id}`, { tone: "success", key: "agency.flash.created", params: { name: value.name } });
}

export default function NewAgency() {
  const { defaultTimeZone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={t("nav.agencies")} title={t("agency.new.title")} description={t("agency.new.intro")} />
      <AgencyForm
        id="agency-new"
        lastResult={lastResult}
        defaultValue={{ type: "opd", timeZone: defaultTimeZone }}
        logoUrl={null}
        submitLabel={t("agency.new.submit")}
        cancelTo="/instansi"
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
