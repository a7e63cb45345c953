// The audit log (coordinator only): who did what, to what, when. Filters: action (a group such as
// "agency." or one action), agency, and a date range whose days are the viewer's own days. Bad
// filter values are reported on the page and ignored, never a server error.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { Table, Td, Th } from "~/components/ui/table";
import { isMessageKey, makeT, parseLocale, type T } from "~/i18n";
import { formatDateTime, zoneAbbr } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { isDateString, zonedToUtc } from "~/lib/zoned-time";
import { listAgencyOptions } from "~/models/agency.server";
import { listAudit } from "~/models/audit.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("audit.title")} — Sinergi` }];
};

/** The actions the filter offers, by group. Entries of other kinds still show in the unfiltered log. */
const ACTION_GROUPS: Record<string, string[]> = {
  "network.": ["network.update"],
  "agency.": ["agency.create", "agency.update", "agency.deactivate", "agency.activate"],
  "invitation.": ["invitation.create", "invitation.revoke", "invitation.accept"],
  "role.": ["role.grant", "role.revoke"],
  "member.": ["member.approve", "member.reject", "member.deactivate", "member.activate"],
  "admin.": ["admin.handover"],
  "user.": ["user.remove", "user.export"],
};
const ACTION_VALUES = new Set(Object.entries(ACTION_GROUPS).flatMap(([g, list]) => [g, ...list]));
const PAGE_SIZE = 30;

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "audit.read");
  const url = new URL(request.url);
  const tz = user.timeZone;
  const raw = {
    action: url.searchParams.get("action") ?? "",
    agency: url.searchParams.get("agency") ?? "",
    from: (url.searchParams.get("from") ?? "").trim(),
    to: (url.searchParams.get("to") ?? "").trim(),
  };
  const agencies = await listAgencyOptions(db, { activeOnly: false });
  const problems: string[] = [];
  const action = raw.action && ACTION_VALUES.has(raw.action) ? raw.action : undefined;
  if (raw.action && !action) problems.push("audit.filter.badAction");
  const agencyId = raw.agency && agencies.some((a) => a.id === raw.agency) ? raw.agency : undefined;
  if (raw.agency && !agencyId) problems.push("audit.filter.badAgency");
  let from = raw.from && isDateString(raw.from) ? zonedToUtc(raw.from, "00:00", tz) : null;
  let to = raw.to && isDateString(raw.to) ? zonedToUtc(nextDay(raw.to), "00:00", tz) : null;
  if ((raw.from && !from) || (raw.to && !to)) problems.push("audit.filter.badDate");
  if (from && to && from >= to) {
    problems.push("audit.filter.badRange");
    from = null;
    to = null;
  }
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const log = await listAudit(db, {
    action, agencyId, from: from?.toISOString(), to: to?.toISOString(), page, pageSize: PAGE_SIZE,
  });
  return {
    rows: log.rows.map((r) => ({ ...r, detail: parseDetail(r.detail) })),
    total: log.total,
    page: log.page,
    pages: Math.max(1, Math.ceil(log.total / PAGE_SIZE)),
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, active: a.active })),
    filters: raw,
    problems,
    filtered: Object.values(raw).some(Boolean),
  };
}

function parseDetail(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

const actionLabel = (t: T, action: string) => (isMessageKey(`audit.action.${action}`) ? t(`audit.action.${action}`) : action);
const targetLabel = (t: T, type: string) => (isMessageKey(`audit.target.${type}`) ? t(`audit.target.${type}`) : type);

/** Field names in "changes" shown with the form's own labels where there is one. */
const FIELD_LABELS: Record<string, string> = {
  name: "agency.field.name", short_name: "agency.field.shortName", type: "agency.field.type", region: "agency.field.region",
  time_zone: "agency.field.timeZone", contact_name: "agency.field.contactName", contact_email: "agency.field.contactEmail",
  contact_phone: "agency.field.contactPhone", email_domain: "agency.field.emailDomain", logo: "agency.field.logo",
  level: "network.field.level", timeZone: "network.field.timeZone", coordinatingAgencyId: "network.field.coordinatingAgency",
  email: "audit.detail.email", role: "audit.detail.role", networkRole: "audit.detail.role", agencyRole: "audit.detail.role",
};
const fieldLabel = (t: T, k: string) => (FIELD_LABELS[k] ? t(FIELD_LABELS[k]) : k);
const show = (t: T, v: unknown) => (v === null || v === undefined || v === "" ? t("state.none") : typeof v === "object" ? JSON.stringify(v) : String(v));

function describe(t: T, detail: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const changes = detail.changes;
  if (changes && typeof changes === "object") {
    for (const [k, c] of Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)) {
      lines.push(`${fieldLabel(t, k)}: ${show(t, c?.from)} → ${show(t, c?.to)}`);
    }
  }
  for (const [k, v] of Object.entries(detail)) {
    // "agency" repeats the agency column; "values" is the full record kept for the file, not the page.
    if (k === "changes" || k === "values" || k === "name" || k === "agency" || v === null || v === undefined) continue;
    const value = k === "role" || k === "networkRole" ? (isMessageKey(`role.${v}`) ? t(`role.${v}`) : String(v))
      : k === "agencyRole" ? (v === "admin" ? t("role.agencyAdmin") : t("role.member")) : show(t, v);
    lines.push(`${fieldLabel(t, k)}: ${value}`);
  }
  return lines;
}

export default function AuditLog() {
  const { rows, total, page, pages, agencies, filters, problems, filtered } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const target = (r: (typeof rows)[number]) => {
    const name = typeof r.detail.name === "string" ? r.detail.name : typeof r.detail.email === "string" ? r.detail.email : null;
    return `${targetLabel(t, r.target_type)}${name ? `: ${name}` : ""}`;
  };
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.intro", { zone: zoneAbbr(tz) })} />
      <Form method="get" className="mb-6 grid gap-3 rounded-card border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end">
        <div>
          <label htmlFor="audit-action" className="mb-1 block font-semibold">{t("audit.filter.action")}</label>
          <select id="audit-action" name="action" defaultValue={filters.action} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
            <option value="">{t("audit.filter.allActions")}</option>
            {Object.entries(ACTION_GROUPS).map(([group, list]) => (
              <optgroup key={group} label={t(`audit.group.${group.slice(0, -1)}`)}>
                <option value={group}>{t("audit.filter.wholeGroup", { group: t(`audit.group.${group.slice(0, -1)}`) })}</option>
                {list.map((a) => <option key={a} value={a}>{actionLabel(t, a)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-agency" className="mb-1 block font-semibold">{t("audit.filter.agency")}</label>
          <select id="audit-agency" name="agency" defaultValue={filters.agency} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2">
            <option value="">{t("audit.filter.allAgencies")}</option>
            {agencies.map((a) => <option key={a.id} value={a.id}>{a.active ? a.name : `${a.name} (${t("state.inactive")})`}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block font-semibold">{t("audit.filter.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2" />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block font-semibold">{t("audit.filter.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2" />
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
          <Button className="flex-1 lg:flex-none">{t("action.filter")}</Button>
          {filtered ? <ButtonLink to="/audit" variant="ghost">{t("action.reset")}</ButtonLink> : null}
        </div>
      </Form>
      {problems.length ? (
        <Notice tone="warning" role="alert">
          {problems.map((p) => <span key={p} className="block">{t(p)}</span>)}
        </Notice>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("audit.noMatch") : t("audit.empty")}</EmptyState>
      ) : (
        <>
          <ol className="space-y-3 lg:hidden">
            {rows.map((r) => (
              <li key={r.id} className="rounded-card border border-line bg-white p-4">
                <p className="font-semibold">{actionLabel(t, r.action)}</p>
                <p className="text-sm text-muted">{formatDateTime(r.created_at, tz, locale)}</p>
                <p className="mt-1 text-sm">{t("audit.by", { actor: r.actor_name ?? t("audit.system") })}</p>
                <p className="text-sm">{target(r)}{r.agency_short_name ? ` · ${r.agency_short_name}` : ""}</p>
                <Detail lines={describe(t, r.detail)} />
              </li>
            ))}
          </ol>
          <div className="hidden lg:block">
            <Table caption={t("audit.title")} head={<>
              <Th>{t("audit.col.time")}</Th>
              <Th>{t("audit.col.actor")}</Th>
              <Th>{t("audit.col.action")}</Th>
              <Th>{t("audit.col.target")}</Th>
              <Th>{t("audit.col.agency")}</Th>
              <Th>{t("audit.col.detail")}</Th>
            </>}>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap text-sm">{formatDateTime(r.created_at, tz, locale)}</Td>
                  <Td>{r.actor_name ?? t("audit.system")}</Td>
                  <Td className="font-semibold">{actionLabel(t, r.action)}</Td>
                  <Td className="break-words">{target(r)}</Td>
                  <Td>{r.agency_short_name ?? t("state.none")}</Td>
                  <Td><Detail lines={describe(t, r.detail)} /></Td>
                </tr>
              ))}
            </Table>
          </div>
        </>
      )}
      <Pagination page={page} pages={pages} total={total} />
    </>
  );
}

function Detail({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <ul className="mt-1 max-w-md space-y-0.5 text-sm text-muted">
      {lines.map((l, i) => <li key={i} className="break-words">{l}</li>)}
    </ul>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
