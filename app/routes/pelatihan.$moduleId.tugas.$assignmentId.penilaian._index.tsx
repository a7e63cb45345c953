import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { useClientNavigation } from "~/components/client-nav";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Pagination } from "~/components/ui/pagination";
import { Button } from "~/components/ui/button";
import { badgeClass, EmptyState, PageHeader } from "~/components/ui/card";
import { ResponsiveTable, Th } from "~/components/ui/table";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { QUEUE_FILTERS, type QueueFilter } from "~/lib/assignment";
import { listQueue, queueCounts } from "~/models/grading.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Antrean penilaian — Sinergi" }];

const isFilter = (v: string | null): v is QueueFilter => !!v && (QUEUE_FILTERS as readonly string[]).includes(v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "submission.grade");
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const filter: QueueFilter = isFilter(status) ? status : "submitted";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const counts = await queueCounts(db, m.module.id, a.id);
  const queue = await listQueue(db, a.id, { filter, q, page }, counts);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    filter, q, counts,
    // Only what a row shows: the loader's data is serialised into the page.
    queue: {
      ...queue,
      rows: queue.rows.map((r) => ({ id: r.id, name: r.name, agency: r.agency, version_count: r.version_count, submitted_at: r.submitted_at, late: r.late, status: r.status, score: r.score })),
    },
  };
}

const STATUS_TONE = { submitted: "brand", graded: "success", returned: "warning" } as const;

export default function GradingQueue() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const onNavigate = useClientNavigation();
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/penilaian`;
  // Said once, not once per row.
  const label = { version: t("grading.col.version"), submittedAt: t("grading.col.submittedAt"), status: t("grading.col.status"), score: t("grading.col.score") };
  const late = <span className={`ml-2 ${badgeClass("warning")}`}>{t("grading.late")}</span>;
  const noScore = t("grading.noScore");
  const open = t("grading.open");
  const statusBadge = (status: string) => ({ text: t(`grading.status.${status}`), className: badgeClass(STATUS_TONE[status as keyof typeof STATUS_TONE] ?? "neutral") });
  const statuses: Record<string, ReturnType<typeof statusBadge>> = {};
  const tiles = [
    { key: "submitted", n: d.counts.submitted, to: `${base}?status=submitted` },
    { key: "graded", n: d.counts.graded, to: `${base}?status=graded` },
    { key: "returned", n: d.counts.returned, to: `${base}?status=returned` },
    { key: "late", n: d.counts.late, to: `${base}?status=late` },
    { key: "notSubmitted", n: d.counts.notSubmitted, to: null },
  ] as const;
  return (
    // Its links (tabs, tiles, pages, rows) are plain anchors the router follows through this one handler (see client-nav.tsx).
    <div onClick={onNavigate}>
      <PageHeader
        eyebrow={<a href={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</a>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <h2 className="mb-1 text-xl font-bold">{t("grading.queue.title")}</h2>
      <p className="mb-4 text-muted">{t("grading.queue.description")}</p>
      <section aria-label={t("grading.counts")} className="mb-6">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          {tiles.map((tile) => {
            const body = (
              <>
                <span className="block text-2xl font-bold text-ink">{formatNumber(tile.n, locale)}</span>
                <span className="block text-sm text-muted">{t(`grading.count.${tile.key}`)}</span>
              </>
            );
            const active = tile.key === d.filter;
            return (
              <li key={tile.key}>
                {tile.to ? (
                  <a
                    href={tile.to}
                    aria-current={active ? "true" : undefined}
                    className={`block min-h-11 rounded-card border bg-white p-3 no-underline hover:border-brand-500 ${active ? "border-brand-600 ring-2 ring-brand-600/30" : "border-line"}`}
                  >
                    {body}
                  </a>
                ) : (
                  <div className="rounded-card border border-dashed border-line bg-surface p-3">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <Form method="get" aria-label={t("grading.filter.label")} className="mb-4 flex flex-col gap-3 rounded-card border border-line bg-white p-3 sm:flex-row sm:items-end">
        <div className="sm:w-56">
          <label htmlFor="status" className="mb-1 block text-sm font-semibold">{t("grading.filter.status")}</label>
          <select id="status" name="status" defaultValue={d.filter} className="input">
            {QUEUE_FILTERS.map((f) => <option key={f} value={f}>{t(`grading.status.${f}`)}</option>)}
          </select>
        </div>
        <div className="sm:w-72">
          <label htmlFor="q" className="mb-1 block text-sm font-semibold">{t("grading.filter.search")}</label>
          <input id="q" name="q" type="search" defaultValue={d.q} placeholder={t("grading.filter.searchHint")} className="input" />
        </div>
        <Button variant="secondary">{t("grading.filter.apply")}</Button>
      </Form>
      {d.queue.rows.length === 0 ? (
        <EmptyState>{t("grading.empty")}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("grading.queue.title")}
          head={
            <>
              <Th>{t("grading.col.person")}</Th>
              <Th>{t("grading.col.version")}</Th>
              <Th>{t("grading.col.submittedAt")}</Th>
              <Th>{t("grading.col.status")}</Th>
              <Th>{t("grading.col.score")}</Th>
              <Th><span className="sr-only">{t("grading.open")}</span></Th>
            </>
          }
        >
          {/* Cells as ResponsiveTable's <Cell> renders them (a td with its column's name in data-label), and plain badges: 25 rows. */}
          {d.queue.rows.map((r) => {
            const status = (statuses[r.status] ??= statusBadge(r.status));
            return (
              <tr key={r.id}>
                <td>
                  <span className="font-semibold">{r.name}</span>
                  {r.agency ? <span className="sub">{r.agency}</span> : null}
                </td>
                <td data-label={label.version}>{t("grading.versionN", { n: r.version_count })}</td>
                <td data-label={label.submittedAt}>
                  {r.submitted_at ? formatDateTime(r.submitted_at, tz, locale) : "—"}
                  {r.late ? late : null}
                </td>
                <td data-label={label.status}><span className={status.className}>{status.text}</span></td>
                <td data-label={label.score}>{r.score === null ? noScore : formatNumber(r.score, locale, 2)}</td>
                <td className="md:text-right">
                  <a href={`${base}/${r.id}`} aria-label={t("grading.openLabel", { name: r.name })} className="row-open">
                    {open}
                  </a>
                </td>
              </tr>
            );
          })}
        </ResponsiveTable>
      )}
      <Pagination page={d.queue.page} pages={d.queue.pages} total={d.queue.total} />
    </div>
  );
}
