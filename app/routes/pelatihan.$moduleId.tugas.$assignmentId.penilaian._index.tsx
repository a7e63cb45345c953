import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Pagination } from "~/components/ui/pagination";
import { Button } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { Cell, ResponsiveTable, Th } from "~/components/ui/table";
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
  const [counts, queue] = await Promise.all([
    queueCounts(db, m.module.id, a.id),
    listQueue(db, a.id, { filter, q, page }),
  ]);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    filter, q, counts, queue,
  };
}

const STATUS_TONE = { submitted: "brand", graded: "success", returned: "warning" } as const;

export default function GradingQueue() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/penilaian`;
  const tiles = [
    { key: "submitted", n: d.counts.submitted, to: `${base}?status=submitted` },
    { key: "graded", n: d.counts.graded, to: `${base}?status=graded` },
    { key: "returned", n: d.counts.returned, to: `${base}?status=returned` },
    { key: "late", n: d.counts.late, to: `${base}?status=late` },
    { key: "notSubmitted", n: d.counts.notSubmitted, to: null },
  ] as const;
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
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
                  <Link
                    to={tile.to}
                    aria-current={active ? "true" : undefined}
                    className={`block min-h-11 rounded-card border bg-white p-3 no-underline hover:border-brand-500 ${active ? "border-brand-600 ring-2 ring-brand-600/30" : "border-line"}`}
                  >
                    {body}
                  </Link>
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
          <select id="status" name="status" defaultValue={d.filter} className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base">
            {QUEUE_FILTERS.map((f) => <option key={f} value={f}>{t(`grading.status.${f}`)}</option>)}
          </select>
        </div>
        <div className="sm:w-72">
          <label htmlFor="q" className="mb-1 block text-sm font-semibold">{t("grading.filter.search")}</label>
          <input id="q" name="q" type="search" defaultValue={d.q} placeholder={t("grading.filter.searchHint")} className="block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base" />
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
          {d.queue.rows.map((r) => (
            <tr key={r.id}>
              <Cell>
                <span className="font-semibold">{r.name}</span>
                {r.agency ? <span className="block text-sm text-muted">{r.agency}</span> : null}
              </Cell>
              <Cell label={t("grading.col.version")}>{t("grading.versionN", { n: r.version_count })}</Cell>
              <Cell label={t("grading.col.submittedAt")}>
                {r.submitted_at ? formatDateTime(r.submitted_at, tz, locale) : "—"}
                {r.late ? <span className="ml-2"><Badge tone="warning">{t("grading.late")}</Badge></span> : null}
              </Cell>
              <Cell label={t("grading.col.status")}>
                <Badge tone={STATUS_TONE[r.status as keyof typeof STATUS_TONE] ?? "neutral"}>{t(`grading.status.${r.status}`)}</Badge>
              </Cell>
              <Cell label={t("grading.col.score")}>{r.score === null ? t("grading.noScore") : formatNumber(r.score, locale, 2)}</Cell>
              <Cell className="md:text-right">
                <a href={`${base}/${r.id}`} aria-label={t("grading.openLabel", { name: r.name })} className="inline-flex min-h-11 items-center justify-center rounded-control bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 max-md:mt-2 max-md:w-full">
                  {t("grading.open")}
                </a>
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      <Pagination page={d.queue.page} pages={d.queue.pages} total={d.queue.total} />
    </div>
  );
}
