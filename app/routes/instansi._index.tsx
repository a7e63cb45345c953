// The agency directory, open to every signed-in person: search by name, filter by type and state,
// 25 per page. The coordinator adds agencies from here.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { Cell, ResponsiveTable, Th } from "~/components/ui/table";
import { makeT, parseLocale } from "~/i18n";
import { zoneAbbr } from "~/i18n/format";
import { useT } from "~/i18n/react";
import { AGENCY_TYPES, type AgencyType } from "~/lib/agency";
import { ACTIVE_FILTERS, listAgencies, type ActiveFilter } from "~/models/agency.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("agency.list.title")} — Sinergi` }];
};

const isType = (v: string | null): v is AgencyType => !!v && (AGENCY_TYPES as readonly string[]).includes(v);
const isStatus = (v: string | null): v is ActiveFilter => !!v && (ACTIVE_FILTERS as readonly string[]).includes(v);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const typeParam = url.searchParams.get("type");
  const statusParam = url.searchParams.get("status");
  const type = isType(typeParam) ? typeParam : undefined;
  const status: ActiveFilter = isStatus(statusParam) ? statusParam : "active";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const { rows, total, pages } = await listAgencies(db, { q: q || undefined, type, status, page });
  return {
    rows,
    total,
    page,
    pages,
    filters: { q, type: type ?? "", status },
    canManage: can(user, "network.manage"),
    filtered: !!q || !!type || status !== "active",
  };
}

export default function AgencyDirectory() {
  const { rows, total, page, pages, filters, canManage, filtered } = useLoaderData<typeof loader>();
  const t = useT();
  // With the default filter every row is active: the status column is shown only when it tells something.
  const showStatus = filters.status !== "active";
  const label = { type: t("agency.field.type"), region: t("agency.field.region"), zone: t("agency.list.zone"), status: t("agency.list.status") };
  return (
    <>
      <PageHeader
        title={t("agency.list.title")}
        description={t("agency.list.intro")}
        actions={canManage ? <ButtonLink to="/instansi/baru" variant="primary">{t("agency.list.add")}</ButtonLink> : null}
      />
      <Form method="get" role="search" className="mb-6 grid gap-3 rounded-card border border-line bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="agency-q" className="mb-1 block font-semibold">{t("agency.list.search")}</label>
          <input id="agency-q" name="q" type="search" defaultValue={filters.q} placeholder={t("agency.list.searchPlaceholder")}
            className="block w-full min-h-11 rounded-control border border-line px-3 py-2" />
        </div>
        <div>
          <label htmlFor="agency-type" className="mb-1 block font-semibold">{t("agency.field.type")}</label>
          <select id="agency-type" name="type" defaultValue={filters.type} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
            <option value="">{t("agency.list.allTypes")}</option>
            {AGENCY_TYPES.map((v) => <option key={v} value={v}>{t(`agency.type.${v}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="agency-status" className="mb-1 block font-semibold">{t("agency.list.status")}</label>
          <select id="agency-status" name="status" defaultValue={filters.status} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
            <option value="active">{t("agency.list.status.active")}</option>
            <option value="inactive">{t("agency.list.status.inactive")}</option>
            <option value="all">{t("agency.list.status.all")}</option>
          </select>
        </div>
        <div className="flex gap-2">
          <Button className="flex-1 sm:flex-none">{t("action.search")}</Button>
          {filtered ? <ButtonLink to="/instansi" variant="ghost">{t("action.reset")}</ButtonLink> : null}
        </div>
      </Form>

      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("agency.list.noMatch") : t("agency.list.empty")}</EmptyState>
      ) : (
        <ResponsiveTable caption={t("agency.list.title")} head={<>
          <Th>{t("agency.field.name")}</Th>
          <Th>{label.type}</Th>
          <Th>{label.region}</Th>
          <Th>{label.zone}</Th>
          {showStatus ? <Th>{label.status}</Th> : null}
        </>}>
          {rows.map((a) => (
            <tr key={a.id}>
              <Cell className="max-md:mb-2">
                {/* A plain link: the table makes its click a client-side navigation. */}
                <a href={`/instansi/${a.id}`} className="font-semibold">{a.name}</a>
                <span className="block text-sm text-muted">{a.short_name}</span>
              </Cell>
              <Cell label={label.type}>{t(`agency.type.${a.type}`)}</Cell>
              <Cell label={label.region}>{a.region || t("state.none")}</Cell>
              <Cell label={label.zone}><abbr title={a.time_zone} className="no-underline">{zoneAbbr(a.time_zone)}</abbr></Cell>
              {showStatus ? (
                <Cell label={label.status}>{a.active ? <Badge tone="success">{t("state.active")}</Badge> : <Badge tone="warning">{t("state.inactive")}</Badge>}</Cell>
              ) : null}
            </tr>
          ))}
        </ResponsiveTable>
      )}
      <Pagination page={page} pages={pages} total={total} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
