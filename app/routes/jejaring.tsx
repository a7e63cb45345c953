// The network profile (/jejaring): name, level, coordinating agency, default time zone. The
// coordinator edits it; pimpinan reads it. Changes are audited as network.update with what changed.
// The roles are on /jejaring/peran (jejaring_.peran.tsx), a sibling page under the same tabs.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { can, notFound, requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/form";
import { Button } from "~/components/ui/button";
import { NetworkHeader } from "~/components/network-tabs";
import { Card } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { AGENCY_TIME_ZONES } from "~/lib/agency";
import { NETWORK_LEVELS, networkSchema } from "~/lib/network";
import { listAgencyOptions } from "~/models/agency.server";
import { audit } from "~/models/audit.server";
import { getNetwork, updateNetwork } from "~/models/network.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("network.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.readAll");
  const [network, agencies] = await Promise.all([getNetwork(db), listAgencyOptions(db, { activeOnly: true })]);
  if (!network) notFound();
  return {
    network: {
      name: network.name,
      level: network.level,
      coordinatingAgencyId: network.coordinating_agency_id ?? "",
      coordinatingAgencyName: network.coordinating_agency_name,
      timeZone: network.time_zone,
    },
    agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
    canEdit: can(user, "network.manage"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: networkSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const [current, agencies] = await Promise.all([getNetwork(db), listAgencyOptions(db, { activeOnly: true })]);
  if (!current) notFound();
  if (v.coordinatingAgencyId && !agencies.some((a) => a.id === v.coordinatingAgencyId)) {
    return data(submission.reply({ fieldErrors: { coordinatingAgencyId: ["form.invalidChoice"] } }), { status: 400 });
  }
  const next = { name: v.name, level: v.level, coordinatingAgencyId: v.coordinatingAgencyId ?? null, timeZone: v.timeZone };
  const before = { name: current.name, level: current.level, coordinatingAgencyId: current.coordinating_agency_id, timeZone: current.time_zone };
  // The log shows agency names, not ids.
  const nameOf = (id: string | null) => (id ? (agencies.find((a) => a.id === id)?.name ?? current.coordinating_agency_name ?? id) : null);
  const changes = Object.fromEntries(
    (Object.keys(next) as (keyof typeof next)[])
      .filter((k) => (before[k] ?? null) !== (next[k] ?? null))
      .map((k) => [k, k === "coordinatingAgencyId"
        ? { from: nameOf(before.coordinatingAgencyId), to: nameOf(next.coordinatingAgencyId) }
        : { from: before[k] ?? null, to: next[k] ?? null }]),
  );
  if (Object.keys(changes).length) {
    await updateNetwork(db, next);
    await audit(db, { actorId: user.id, ip: context.ip, action: "network.update", targetType: "network", targetId: current.id, detail: { name: next.name, changes } });
  }
  return redirectWithFlash("/jejaring", { tone: "success", key: "flash.saved" });
}

export default function NetworkProfile() {
  const { network, agencies, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <NetworkHeader name={network.name} readOnly={!canEdit} />
      {canEdit ? <ProfileForm network={network} agencies={agencies} /> : <ProfileView network={network} />}
    </>
  );
}

function ProfileView({ network }: { network: { name: string; level: string; coordinatingAgencyName: string | null; timeZone: string } }) {
  const t = useT();
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 text-lg font-bold">{t("network.tab.profile")}</h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <Item label={t("network.field.name")}>{network.name}</Item>
        <Item label={t("network.field.level")}>{t(`network.level.${network.level}`)}</Item>
        <Item label={t("network.field.coordinatingAgency")}>{network.coordinatingAgencyName ?? t("state.none")}</Item>
        <Item label={t("network.field.timeZone")}>{t(`tz.${network.timeZone}`)}</Item>
      </dl>
    </Card>
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

function ProfileForm({ network, agencies }: {
  network: { name: string; level: string; coordinatingAgencyId: string; timeZone: string };
  agencies: { value: string; label: string }[];
}) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "network-profile",
    lastResult,
    defaultValue: network,
    shouldValidate: "onSubmit", // see agency-form.tsx: a blur message would move the button under the click
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: networkSchema }),
  });
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-1 text-lg font-bold">{t("network.tab.profile")}</h2>
      <p className="mb-4 text-sm text-muted">{t("network.profile.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("network.field.name")} field={fields.name} hint={t("network.field.nameHint")} />
        <SelectField label={t("network.field.level")} field={fields.level}
          options={NETWORK_LEVELS.map((l) => ({ value: l, label: t(`network.level.${l}`) }))} />
        <SelectField label={t("network.field.timeZone")} field={fields.timeZone} hint={t("network.field.timeZoneHint")}
          options={AGENCY_TIME_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
        <SelectField label={t("network.field.coordinatingAgency")} field={fields.coordinatingAgencyId} optional
          placeholder={t("network.field.noCoordinatingAgency")} hint={t("network.field.coordinatingAgencyHint")} options={agencies} />
        <div className="flex justify-end">
          <Button disabled={navigation.state === "submitting"}>{t("action.save")}</Button>
        </div>
      </Form>
    </Card>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
