// The coordinator's participation dashboard (koordinator, pimpinan): for a period and filters, the
// network at a glance, the criteria to train next, every agency ranked by the participation index
// (sortable, 50 a page; cards on a phone), the index weights (changed here by the koordinator), how
// each figure is computed, and the exports. Everything works before JavaScript loads.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { readReportQuery, reportSearch, type ReportQuery } from "~/.server/report-query.server";
import { useClientNavigation } from "~/components/client-nav";
import { ErrorList } from "~/components/form";
import {
  Bar, DownloadLink, PeriodForm, PrintButton, PrintHeader, PrintSetup, control, formatFigure, type Option,
} from "~/components/report/report-ui";
import { Button, buttonClass } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale, type MessageKey } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { AGENCY_TIME_ZONES, AGENCY_TYPES } from "~/lib/agency";
import { DEFAULT_WEIGHTS, PARTICIPATION_COMPONENTS, type Component } from "~/lib/participation";
import { periodLabel } from "~/lib/period-label";
import { REPORT_COLUMNS, REPORT_PAGE_SIZE, REPORT_SORT_KEYS, sortAgencies, type ColumnGroup, type ReportSortKey } from "~/lib/report-columns";
import { utcToZoned } from "~/lib/zoned-time";
import type { RootData } from "~/root";
import { audit } from "~/models/audit.server";
import { getWeights, networkReport, reportRegions, saveWeights } from "~/models/participation.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("report.title")} — Sinergi` }];
};

const weight = () =>
  z.number({ required_error: "form.required", invalid_type_error: "report.weights.invalid" })
    .int("report.weights.invalid").min(0, "report.weights.invalid").max(100, "report.weights.invalid");
const weightsSchema = z
  .object({ attendance: weight(), rsvp: weight(), followUps: weight(), submissions: weight(), reviews: weight(), jp: weight() })
  .refine((w) => PARTICIPATION_COMPONENTS.reduce((sum, c) => sum + w[c], 0) === 100, { message: "report.weights.sum" });

const defaultDir = (k: ReportSortKey) => (k === "rank" || k === "name" ? "asc" : "desc");
const ZONE_LABEL: Record<string, MessageKey> = {
  "Asia/Jakarta": "tz.Asia/Jakarta", "Asia/Pontianak": "tz.Asia/Pontianak", "Asia/Makassar": "tz.Asia/Makassar", "Asia/Jayapura": "tz.Asia/Jayapura",
};

/** The period alone (for a scorecard link): the scorecard has no filters or sort. */
function periodSearch(q: Pick<ReportQuery, "period">) {
  const s = new URLSearchParams(reportSearch({ period: q.period, filters: {}, sort: "rank", dir: "asc" }).slice(1));
  s.delete("arah");
  return `?${s.toString()}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "report.network");
  const now = new Date();
  const q = await readReportQuery(db, new URL(request.url), user.timeZone, now);
  const [report, regions] = await Promise.all([networkReport(db, q.period, q.filters, now), reportRegions(db)]);
  const sorted = sortAgencies(report.agencies, q.sort, q.dir);
  const pages = Math.max(1, Math.ceil(sorted.length / REPORT_PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const sortLinks: Record<string, string> = {};
  for (const k of REPORT_SORT_KEYS) {
    sortLinks[k] = reportSearch({ ...q, sort: k, dir: k === q.sort ? (q.dir === "asc" ? "desc" : "asc") : defaultDir(k) });
  }
  return {
    period: q.period,
    raw: q.raw,
    error: q.error,
    filters: q.filters,
    sort: q.sort,
    dir: q.dir,
    page,
    pages,
    today: utcToZoned(now, user.timeZone).date,
    regions,
    generatedAt: report.generatedAt,
    weights: report.weights,
    totals: report.totals,
    criteria: report.criteria,
    // Only what the table shows: each column's value, in REPORT_COLUMNS order.
    rows: sorted.slice((page - 1) * REPORT_PAGE_SIZE, page * REPORT_PAGE_SIZE).map((a) => ({ id: a.agencyId, v: REPORT_COLUMNS.map((c) => c.value(a)) })),
    links: {
      sort: sortLinks,
      pages: Array.from({ length: pages }, (_, i) => reportSearch(q, { hal: i + 1 })),
      absentTwice: reportSearch({ ...q, sort: "absentTwice", dir: "desc" }),
      card: periodSearch(q),
      csv: `/laporan.csv${reportSearch(q, { tabel: "instansi" })}`,
      csvCriteria: `/laporan.csv${reportSearch(q, { tabel: "kriteria" })}`,
      xlsx: `/laporan.xlsx${reportSearch(q)}`,
      pdf: `/laporan.pdf${reportSearch(q)}`,
      editWeights: `/laporan${reportSearch(q, { bobot: "ubah" })}#bobot`,
      weights: `/laporan${reportSearch(q)}#bobot`,
    },
    canEditWeights: can(user, "network.manage"),
    // The weights form is opened by a link (most visits only read the weights).
    editWeights: new URL(request.url).searchParams.get("bobot") === "ubah",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "network.manage");
  const submission = parseWithZod(await request.formData(), { schema: weightsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const before = await getWeights(db);
  await saveWeights(db, submission.value);
  await audit(db, {
    actorId: user.id, ip: context.ip, action: "report.weights.update", targetType: "network", detail: { before, after: submission.value },
  });
  const back = new URL(request.url).searchParams;
  back.delete("index");
  back.delete("bobot");
  const search = back.toString();
  return redirectWithFlash(`/laporan${search ? `?${search}` : ""}`, { tone: "success", key: "report.weights.saved" });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ReportDashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const root = useRouteLoaderData<RootData>("root");
  const filterText = [
    d.filters.type ? t(`agency.type.${d.filters.type}`) : null,
    d.filters.region ?? null,
    d.filters.zone ? t(ZONE_LABEL[d.filters.zone] ?? d.filters.zone) : null,
  ].filter(Boolean).join(" · ");
  const sortOptions: Option[] = REPORT_COLUMNS.filter((c) => c.sortable).map((c) => ({ value: c.key, label: t(c.label) }));
  return (
    <>
      <PrintSetup landscape />
      <PrintHeader
        title={t("report.dashboard.title")}
        network={root?.network?.name}
        period={d.period}
        filters={filterText || t("report.noFilters")}
        generatedAt={d.generatedAt}
        timeZone={tz}
      />
      <div className="print:hidden">
        <PageHeader
          eyebrow={t("report.dashboard.eyebrow")}
          title={t("report.dashboard.title")}
          description={
            <>
              <span className="block text-lg font-semibold text-ink" data-testid="report-period">{periodLabel(d.period, t, locale)}</span>
              {filterText ? <span className="block">{t("report.dashboard.filtered", { filters: filterText })}</span> : null}
            </>
          }
        />
      </div>
      {d.error ? <Notice tone="warning" role="alert">{t(d.error)}</Notice> : null}

      <Card className="mb-6 print:hidden" aria-labelledby="report-form-title">
        <h2 id="report-form-title" className="sr-only">{t("report.form.title")}</h2>
        <PeriodForm
          today={d.today}
          period={d.period}
          raw={d.raw}
          error={d.error}
          filters={{
            types: AGENCY_TYPES.map((v) => ({ value: v, label: t(`agency.type.${v}`) })),
            regions: d.regions,
            zones: AGENCY_TIME_ZONES.map((z) => ({ value: z, label: t(ZONE_LABEL[z]) })),
          }}
          sort={{ value: d.sort, dir: d.dir, options: sortOptions }}
          resetTo="/laporan"
        />
      </Card>

      <Exports d={d} />
      <Glance d={d} />
      <AgencyTable d={d} />
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-2 print:hidden">
        <Weights d={d} />
        <Rules />
      </div>
    </>
  );
}

function Exports({ d }: { d: Data }) {
  const t = useT();
  return (
    <section aria-labelledby="report-export-title" className="mb-6 print:hidden">
      <h2 id="report-export-title" className="sr-only">{t("report.export.title")}</h2>
      <div className="flex flex-wrap gap-2">
        <DownloadLink href={d.links.xlsx} primary>{t("report.export.xlsx")}</DownloadLink>
        <DownloadLink href={d.links.csv}>{t("report.export.csvTable")}</DownloadLink>
        <DownloadLink href={d.links.pdf}>{t("report.export.pdf")}</DownloadLink>
        <PrintButton />
      </div>
      <p className="mt-2 text-sm text-muted">{t("report.export.hint")}</p>
    </section>
  );
}

function Tile({ label, value, note, children, tone }: { label: string; value: ReactNode; note?: ReactNode; children?: ReactNode; tone?: "danger" }) {
  return (
    <div className={`rounded-card border bg-white p-4 shadow-sm print:shadow-none ${tone === "danger" ? "border-danger-600/40" : "border-line"}`}>
      <dt className="text-sm font-semibold text-muted">{label}</dt>
      <dd className={`mt-1 text-2xl font-bold tabular-nums ${tone === "danger" ? "text-danger-700" : "text-ink"}`}>{value}</dd>
      {note ? <dd className="mt-0.5 text-sm text-muted">{note}</dd> : null}
      {children ? <dd className="mt-1 text-sm print:hidden">{children}</dd> : null}
    </div>
  );
}

function Glance({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale, 0);
  const s = d.totals;
  const rate = formatFigure("percent", s.meetings.attendanceRate, t, locale);
  return (
    <section aria-labelledby="report-glance" className="mb-8">
      <h2 id="report-glance" className="mb-3 text-xl font-bold">{t("report.glance.title")}</h2>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6 print:grid-cols-6" data-testid="report-glance">
        <Tile label={t("report.glance.engaged")} value={t("report.glance.engagedValue", { engaged: n(s.engaged), total: n(s.agencies) })} note={t("report.glance.engagedNote")} />
        <Tile label={t("report.glance.absentTwice")} value={n(s.absentTwice)} note={t("report.glance.absentTwiceNote")} tone={s.absentTwice > 0 ? "danger" : undefined}>
          {s.absentTwice > 0 ? <a href={`/laporan${d.links.absentTwice}#peringkat`} className="inline-flex min-h-11 items-center font-semibold">{t("report.glance.absentTwiceLink")}</a> : null}
        </Tile>
        <Tile label={t("report.glance.overdue")} value={n(s.followUps.overdue)} note={t("report.glance.overdueNote", { total: n(s.followUps.total) })} tone={s.followUps.overdue > 0 ? "danger" : undefined} />
        <Tile label={t("report.glance.missing")} value={n(s.submissions.missing)} note={t("report.glance.missingNote", { due: n(s.submissions.due) })} />
        <Tile label={t("report.glance.jp")} value={n(s.jpEarned)} note={t("report.glance.jpNote", { modules: n(s.modulesCompleted) })} />
        <Tile
          label={t("report.glance.attendance")}
          value={rate ?? <NoDataInline />}
          note={t("report.glance.attendanceNote", { attended: n(s.meetings.attended), recorded: n(s.meetings.recorded) })}
        />
      </dl>
      <Criteria d={d} />
    </section>
  );
}

function NoDataInline() {
  const t = useT();
  return <><span aria-hidden>–</span><span className="sr-only">{t("report.noData")}</span></>;
}

const CRITERIA_SHOWN = 8;

function Criteria({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const list = d.criteria;
  // The two or three weakest are the training priority (three once there are enough to compare).
  const focus = list.length >= 6 ? 3 : Math.min(2, list.length);
  const item = (c: (typeof list)[number], i: number) => (
    <li key={c.criterion} className={`rounded-control border px-3 py-2 ${i < focus ? "border-accent-500 bg-accent-50" : "border-line bg-white"}`} data-testid="report-criterion">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="font-semibold">
          {c.criterion}
          {i < focus ? <span className="ml-2 align-middle"><Badge tone="warning">{t("report.criteria.focus")}</Badge></span> : null}
        </span>
        <span className="tabular-nums font-bold">{formatNumber(c.mean, locale, 2)}</span>
      </div>
      <Bar fraction={c.mean / 4} tone={i < focus ? "warning" : "brand"} className="mt-1" />
      <p className="mt-1 text-sm text-muted">{t("report.criteria.count", { count: formatNumber(c.count, locale, 0) })}</p>
    </li>
  );
  return (
    <Card aria-labelledby="report-criteria" className="print:break-inside-avoid">
      <h3 id="report-criteria" className="text-lg font-bold">{t("report.criteria.title")}</h3>
      <p className="mb-3 text-sm text-muted">{t("report.criteria.intro")}</p>
      {list.length === 0 ? (
        <EmptyState>{t("report.criteria.empty")}</EmptyState>
      ) : (
        <>
          <ol className="grid gap-2 md:grid-cols-2">{list.slice(0, CRITERIA_SHOWN).map(item)}</ol>
          {list.length > CRITERIA_SHOWN ? (
            <details className="mt-3">
              <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">
                {t("report.criteria.more", { count: list.length - CRITERIA_SHOWN })}
              </summary>
              <ol start={CRITERIA_SHOWN + 1} className="mt-2 grid gap-2 md:grid-cols-2">{list.slice(CRITERIA_SHOWN).map((c, i) => item(c, i + CRITERIA_SHOWN))}</ol>
            </details>
          ) : null}
          <p className="mt-3 text-sm print:hidden"><DownloadLinkInline href={d.links.csvCriteria}>{t("report.export.csvCriteria")}</DownloadLinkInline></p>
        </>
      )}
    </Card>
  );
}

function DownloadLinkInline({ href, children }: { href: string; children: ReactNode }) {
  return <a href={href} download data-reload className="inline-flex min-h-11 items-center font-semibold">{children}</a>;
}

const GROUPS: ColumnGroup[] = ["agency", "meetings", "followUps", "training", "quality"];
const isNumeric = (format: string) => format !== "text" && format !== "flag";
const NAME = REPORT_COLUMNS.findIndex((c) => c.key === "name");
// Each column's cell class, worked out once (see app/styles/report.css): a number, the first of its
// group, the index, shown on the phone card. The absent-twice flag is on the card only when raised.
const COLUMN_CLASS = REPORT_COLUMNS.map((c, i) => [
  isNumeric(c.format) ? "n" : "",
  i > 0 && REPORT_COLUMNS[i - 1].group !== c.group ? "g" : "",
  c.key === "index" ? "ix" : "",
  "compact" in c && c.compact && c.key !== "rank" && c.key !== "index" && c.key !== "absentTwice" ? "c" : "",
].filter(Boolean).join(" ") || undefined);

/**
 * Every agency of the page, ranked: one markup that is a table from `md` up and a card per agency
 * on a phone (report.css). Cells are plain elements with their text worked out here, a label said
 * once per column: a page holds 50 rows of 22 columns.
 */
function AgencyTable({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const onClick = useClientNavigation();
  const period = periodLabel(d.period, t, locale);
  const labels = REPORT_COLUMNS.map((c) => t(c.label));
  const said = { noData: t("report.noData"), flag: t("report.flag.absentTwice"), no: t("report.no") };
  const noData = <><span aria-hidden className="text-muted">–</span><span className="sr-only">{said.noData}</span></>;
  const flag = <span className="whitespace-nowrap"><Badge tone="danger">{said.flag}</Badge></span>;
  const no = <span className="sr-only">{said.no}</span>;
  return (
    <section aria-labelledby="peringkat" className="scroll-mt-4 print:break-before-page" onClick={onClick}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="peringkat" className="text-xl font-bold">{t("report.table.title")}</h2>
        <p className="text-muted" data-testid="report-count">
          {t("report.table.count", { count: formatNumber(d.totals.agencies, locale, 0) })}
          {d.pages > 1 ? ` · ${t("report.pages.status", { page: d.page, pages: d.pages })}` : null}
        </p>
      </div>
      {d.rows.length === 0 ? (
        <EmptyState>{t("report.table.empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 hidden text-sm text-muted md:block print:hidden">{t("report.table.scrollHint")}</p>
          <div className="relative overflow-x-auto rounded-card border border-line bg-white max-md:overflow-visible max-md:rounded-none max-md:border-0 max-md:bg-transparent print:overflow-visible print:border-0">
            <table className="rtab" data-testid="report-table">
              <caption className="sr-only print:not-sr-only print:mb-1 print:text-left print:font-semibold">{t("report.table.caption", { period })}</caption>
              <thead>
                <tr>
                  {GROUPS.map((g) => (
                    <th key={g} scope="colgroup" colSpan={REPORT_COLUMNS.filter((c) => c.group === g).length} className={g !== "agency" ? "g" : undefined}>
                      {t(`report.group.${g}`)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {REPORT_COLUMNS.map((c, i) => {
                    const active = d.sort === c.key;
                    return (
                      <th
                        key={c.key}
                        scope="col"
                        aria-sort={active ? (d.dir === "asc" ? "ascending" : "descending") : undefined}
                        className={c.key === "name" ? "nm" : COLUMN_CLASS[i]}
                      >
                        {c.sortable ? (
                          <a href={`/laporan${d.links.sort[c.key]}#peringkat`}>
                            <span>{labels[i]}</span>
                            <SortMark active={active} dir={d.dir} />
                          </a>
                        ) : (
                          labels[i]
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((a) => (
                  <tr key={a.id} data-testid="report-row">
                    {REPORT_COLUMNS.map((c, i) => {
                      const v = a.v[i];
                      if (i === NAME) return <th key={c.key} scope="row"><a href={`/laporan/instansi/${a.id}${d.links.card}`}>{v}</a></th>;
                      if (typeof v === "boolean") return <td key={c.key} className={v ? "c" : undefined} data-label={v ? labels[i] : undefined}>{v ? flag : no}</td>;
                      const text = v === null ? null : formatFigure(c.format, v, t, locale);
                      return (
                        <td key={c.key} className={COLUMN_CLASS[i]} data-label={COLUMN_CLASS[i]?.includes("c") || c.key === "index" ? labels[i] : undefined}>
                          {text ?? noData}
                          {c.key === "index" && typeof v === "number" ? <span aria-hidden className="bar"><span style={{ width: `${Math.max(0, Math.min(100, v))}%` }} /></span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pages d={d} />
        </>
      )}
    </section>
  );
}

function SortMark({ active, dir }: { active: boolean; dir: "asc" | "desc" }) {
  const t = useT();
  if (!active) return <svg aria-hidden viewBox="0 0 10 14" className="print:hidden" fill="currentColor"><path d="M5 1 9 5H1zM5 13 1 9h8z" /></svg>;
  return (
    <>
      <svg aria-hidden viewBox="0 0 10 14" fill="currentColor">{dir === "asc" ? <path d="M5 2 9 9H1z" /> : <path d="M5 12 1 5h8z" />}</svg>
      <span className="sr-only">{dir === "asc" ? t("report.table.sortedAsc") : t("report.table.sortedDesc")}</span>
    </>
  );
}

function Pages({ d }: { d: Data }) {
  const t = useT();
  if (d.pages <= 1) return null;
  const show = new Set([1, d.pages, d.page - 2, d.page - 1, d.page, d.page + 1, d.page + 2].filter((p) => p >= 1 && p <= d.pages));
  const list = [...show].sort((a, b) => a - b);
  const href = (p: number) => `/laporan${d.links.pages[p - 1]}#peringkat`;
  const item = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-control border px-3 font-semibold no-underline";
  return (
    <nav aria-label={t("report.pages.label")} className="mt-4 flex flex-wrap items-center gap-2 print:hidden">
      {d.page > 1 ? <a href={href(d.page - 1)} className={`${item} border-line bg-white`} rel="prev">← {t("action.previous")}</a> : null}
      {list.map((p, i) => (
        <span key={p} className="contents">
          {i > 0 && p - list[i - 1] > 1 ? <span aria-hidden className="px-1 text-muted">…</span> : null}
          <a
            href={href(p)}
            aria-current={p === d.page ? "page" : undefined}
            aria-label={t("report.pages.page", { page: p })}
            className={`${item} ${p === d.page ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white"}`}
          >
            {p}
          </a>
        </span>
      ))}
      {d.page < d.pages ? <a href={href(d.page + 1)} className={`${item} border-line bg-white`} rel="next">{t("action.next")} →</a> : null}
    </nav>
  );
}

const WEIGHT_KEYS: Record<Component, { label: MessageKey; help: MessageKey }> = {
  attendance: { label: "report.weights.attendance", help: "report.weights.attendance.help" },
  rsvp: { label: "report.weights.rsvp", help: "report.weights.rsvp.help" },
  followUps: { label: "report.weights.followUps", help: "report.weights.followUps.help" },
  submissions: { label: "report.weights.submissions", help: "report.weights.submissions.help" },
  reviews: { label: "report.weights.reviews", help: "report.weights.reviews.help" },
  jp: { label: "report.weights.jp", help: "report.weights.jp.help" },
};

function Weights({ d }: { d: Data }) {
  const t = useT();
  const failed = useActionData<typeof action>();
  return (
    <Card aria-labelledby="bobot" className="scroll-mt-4">
      <h2 id="bobot" className="text-lg font-bold">{t("report.weights.title")}</h2>
      <p className="mb-4 text-sm text-muted">{t("report.weights.intro")}</p>
      {d.canEditWeights && (d.editWeights || failed) ? (
        <WeightsForm weights={d.weights} cancel={d.links.weights} />
      ) : (
        <>
          <dl className="divide-y divide-line" data-testid="report-weights">
            {PARTICIPATION_COMPONENTS.map((c) => (
              <div key={c} className="flex items-start justify-between gap-4 py-2">
                <div>
                  <dt className="font-semibold">{t(WEIGHT_KEYS[c].label)}</dt>
                  <dd className="text-sm text-muted">{t(WEIGHT_KEYS[c].help)}</dd>
                </div>
                <dd className="text-xl font-bold tabular-nums">{d.weights[c]}</dd>
              </div>
            ))}
          </dl>
          {d.canEditWeights ? (
            <a href={d.links.editWeights} className={buttonClass("secondary", "mt-3 w-full sm:w-auto")}>{t("report.weights.edit")}</a>
          ) : (
            <p className="mt-3 text-sm text-muted">{t("report.weights.readOnly")}</p>
          )}
        </>
      )}
    </Card>
  );
}

function WeightsForm({ weights, cancel }: { weights: Record<Component, number>; cancel: string }) {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "weights",
    lastResult,
    defaultValue: weights,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: weightsSchema }),
  });
  const total = PARTICIPATION_COMPONENTS.reduce((sum, c) => sum + (Number(fields[c].value) || 0), 0);
  const sumError = form.errors?.includes("report.weights.sum");
  const otherErrors = form.errors?.filter((e) => e !== "report.weights.sum");
  return (
    <Form method="post" {...getFormProps(form)} data-testid="report-weights">
      {sumError ? (
        <div id={form.errorId} role="alert" className="mb-4 rounded-control border border-danger-600/30 bg-danger-50 px-4 py-3 font-semibold text-danger-700">
          {t("report.weights.sum", { total })}
        </div>
      ) : (
        <ErrorList id={form.errorId} errors={otherErrors} />
      )}
      <div className="divide-y divide-line">
        {PARTICIPATION_COMPONENTS.map((c) => {
          const f = fields[c];
          const help = `${f.id}-help`;
          return (
            <div key={c} className="grid grid-cols-[1fr_6rem] items-start gap-x-4 py-2">
              <div>
                <label htmlFor={f.id} className="font-semibold">{t(WEIGHT_KEYS[c].label)}</label>
                <p id={help} className="text-sm text-muted">
                  {t(WEIGHT_KEYS[c].help)} {t("report.weights.default", { value: DEFAULT_WEIGHTS[c] })}
                </p>
                <ErrorList id={f.errorId} errors={f.errors} />
              </div>
              <input
                {...getInputProps(f, { type: "number", ariaDescribedBy: help })}
                key={f.key}
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                className={`${control} text-right tabular-nums`}
              />
            </div>
          );
        })}
      </div>
      <p className={`mt-3 text-right font-semibold tabular-nums ${total === 100 ? "text-muted" : "text-danger-700"}`} aria-live="polite">
        {t("report.weights.total", { total })}
      </p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <a href={cancel} className={buttonClass("secondary")}>{t("action.cancel")}</a>
        <Button disabled={navigation.state === "submitting"}>{t("report.weights.save")}</Button>
      </div>
    </Form>
  );
}

const RULES: MessageKey[] = [
  "report.rule.zone", "report.rule.meetings", "report.rule.absentTwice", "report.rule.followUps", "report.rule.training",
  "report.rule.submissions", "report.rule.reviews", "report.rule.quality", "report.rule.index", "report.rule.rank", "report.rule.engaged",
];

function Rules() {
  const t = useT();
  return (
    <Card aria-labelledby="report-rules">
      <details className="group">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 text-lg font-bold text-brand-900 [&::-webkit-details-marker]:hidden" id="report-rules">
          {t("report.rules.title")}
          <svg aria-hidden viewBox="0 0 20 20" className="size-5 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2"><path d="M5.5 7.5 10 12l4.5-4.5" /></svg>
        </summary>
        <ul className="mt-3 list-disc space-y-2 pl-5 text-[0.95rem]">
          {RULES.map((k) => <li key={k}>{t(k)}</li>)}
        </ul>
      </details>
    </Card>
  );
}
