// The follow-up register (RTL) across meetings. The coordinator and the pimpinan see every agency's
// actions (filter by agency; `?status=terlambat` is the overdue view); an agency's admin and officers
// see their own agency's actions. Paginated.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can } from "~/.server/permissions.server";
import { FollowUpStatusBadge, OverdueBadge, useDueDate } from "~/components/follow-up";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { formatNumber, formatShortDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { parseRegisterFilter, REGISTER_FILTERS } from "~/lib/follow-up";
import { listAgencyOptions } from "~/models/agency.server";
import { followUpCounts, listFollowUps } from "~/models/follow-up.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Tindak lanjut (RTL) — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const status = parseRegisterFilter(url.searchParams.get("status"));
  const all = can(user, "network.readAll");
  // Everyone else sees their own agency's actions only.
  const agencyId = all ? url.searchParams.get("instansi") || null : user.agencyId;
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  if (!all && !agencyId) {
    return { all, status, agencyId: null, agencies: [], counts: null, list: { rows: [], total: 0, page: 1, pages: 1 }, noAgency: true };
  }
  const [list, counts, agencies] = await Promise.all([
    listFollowUps(db, { status, agencyId, page }),
    followUpCounts(db, agencyId),
    all ? listAgencyOptions(db, { activeOnly: false }) : Promise.resolve([]),
  ]);
  return {
    all,
    status,
    agencyId,
    agencies: agencies.map((a) => ({ value: a.id, label: a.short_name })),
    counts,
    list: {
      ...list,
      rows: list.rows.map((r) => ({
        id: r.id, text: r.text, status: r.status, due_date: r.due_date, overdue: r.overdue, owner: r.owner_short_name, contact: r.contact_name,
        meeting_id: r.meeting_id, meeting_title: r.meeting_title, meeting_starts_at: r.meeting_starts_at, time_zone: r.time_zone, last_update_at: r.last_update_at,
      })),
    },
    noAgency: false,
  };
}

export default function FollowUpRegister() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const due = useDueDate();
  const [params] = useSearchParams();
  const hrefFor = (status: string) => {
    const p = new URLSearchParams(params);
    p.set("status", status);
    p.delete("page");
    return `?${p.toString()}`;
  };
  return (
    <div>
      <PageHeader
        title={t("followUp.register.title")}
        description={d.all ? t("followUp.register.descriptionAll") : t("followUp.register.descriptionAgency")}
      />
      {d.noAgency ? <EmptyState>{t("followUp.register.noAgency")}</EmptyState> : (
        <>
          <nav aria-label={t("followUp.register.filter")} className="-mx-4 mb-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
            <ul className="flex min-w-max gap-2">
              {REGISTER_FILTERS.map((s) => (
                <li key={s}>
                  <Link
                    to={hrefFor(s)}
                    aria-current={d.status === s ? "page" : undefined}
                    className={`flex min-h-11 items-center gap-2 rounded-full border px-4 font-semibold no-underline ${
                      d.status === s ? "border-brand-700 bg-brand-700 text-white" : s === "terlambat" ? "border-danger-600/40 bg-white text-danger-700" : "border-line bg-white text-ink hover:bg-brand-50"
                    }`}
                  >
                    {t(`followUp.filter.${s}`)}
                    {d.counts ? <span className="tabular-nums opacity-80">{formatNumber(d.counts[s], locale)}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {d.all ? (
            <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
              <input type="hidden" name="status" value={d.status} />
              <div className="min-w-0 flex-1 basis-56 sm:flex-none">
                <label htmlFor="instansi" className="mb-1 block font-semibold">{t("followUp.register.agency")}</label>
                <select id="instansi" name="instansi" defaultValue={d.agencyId ?? ""} className="block min-h-11 w-full rounded-control border border-line bg-white px-3 sm:w-72">
                  <option value="">{t("followUp.register.allAgencies")}</option>
                  {d.agencies.map((a) => (
                    <option key={a.value} value={a.value}>{a.label}</option>
                  ))}
                </select>
              </div>
              <Button variant="secondary">{t("action.filter")}</Button>
            </Form>
          ) : null}
          {d.list.rows.length === 0 ? (
            <EmptyState>{t(d.status === "terlambat" ? "followUp.register.noneOverdue" : "followUp.register.none")}</EmptyState>
          ) : (
            <ul className="space-y-3">
              {d.list.rows.map((r) => (
                <li key={r.id}>
                  <Card as="article" className="p-4 sm:p-5">
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0">
                        <h2 className="text-base font-semibold text-ink"><Link to={`/tindak-lanjut/${r.id}`}>{r.text}</Link></h2>
                        <p className="mt-1 text-sm text-muted">
                          <span className="font-semibold text-ink">{r.owner ?? "—"}</span>
                          {r.contact ? ` · ${r.contact}` : ""}
                        </p>
                        <p className="text-sm text-muted">
                          {t("followUp.from")} <Link to={`/rapat/${r.meeting_id}/tindak-lanjut`}>{r.meeting_title}</Link> ({formatShortDate(r.meeting_starts_at, r.time_zone, locale)})
                        </p>
                      </div>
                      <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
                        <span className="flex gap-2">
                          <FollowUpStatusBadge status={r.status} />
                          {r.overdue ? <OverdueBadge /> : null}
                        </span>
                        {r.due_date ? <span className={`text-sm ${r.overdue ? "font-semibold text-danger-700" : "text-muted"}`}>{t("followUp.due", { date: due(r.due_date, true) })}</span> : null}
                        {r.last_update_at ? <span className="text-xs text-muted">{t("followUp.lastUpdate", { date: formatShortDate(r.last_update_at, r.time_zone, locale) })}</span> : null}
                      </div>
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={d.list.page} pages={d.list.pages} total={d.list.total} />
        </>
      )}
    </div>
  );
}
