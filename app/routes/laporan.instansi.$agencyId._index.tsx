// One agency's participation scorecard for a period: its rank and index, every figure of the
// dashboard's columns (plus the details behind them), quality per rubric criterion, the twelve-month
// trend, and the officers behind the figures — with CSV per table, XLSX, PDF and print. Seen by the
// koordinator, pimpinan and the agency's own admin; anyone else (or an unknown id) gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, notFound } from "~/.server/permissions.server";
import { readReportQuery, reportSearch } from "~/.server/report-query.server";
import { Bar, DownloadLink, Figure, NoData, PeriodForm, PrintButton, PrintHeader, PrintSetup } from "~/components/report/report-ui";
import { TrendChart, TrendTable } from "~/components/report/trend-chart";
import { Badge, badgeClass, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Cell, ResponsiveTable, Th } from "~/components/ui/table";
import { makeT, parseLocale, type MessageKey } from "~/i18n";
import { formatNumber, zoneAbbr } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { PARTICIPATION_COMPONENTS, type Component } from "~/lib/participation";
import { periodLabel } from "~/lib/period-label";
import { REPORT_COLUMNS, REPORT_PAGE_SIZE, type ColumnFormat, type ColumnGroup } from "~/lib/report-columns";
import { utcToZoned } from "~/lib/zoned-time";
import type { RootData } from "~/root";
import { getAgency } from "~/models/agency.server";
import { agencyScorecard } from "~/models/participation.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  const t = makeT(parseLocale(root?.locale));
  return [{ title: d ? `${t("report.card.eyebrow")} — ${d.card.figures.name} — Sinergi` : `${t("report.title")} — Sinergi` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agencyId = params.agencyId ?? "";
  // Another agency's scorecard, or one that does not exist, reads the same: not found.
  if (!can(user, "report.agency", { agencyId })) notFound();
  const now = new Date();
  // A scorecard has a period and nothing else: filters and sort of a dashboard link are dropped.
  const url = new URL(request.url);
  const periodOnly = new URL(url.pathname, url);
  for (const k of ["periode", "dari", "sampai"]) {
    const v = url.searchParams.get(k);
    if (v !== null) periodOnly.searchParams.set(k, v);
  }
  const q = await readReportQuery(db, periodOnly, user.timeZone, now);
  const [card, agency] = await Promise.all([agencyScorecard(db, agencyId, q.period, now), getAgency(db, agencyId)]);
  if (!card || !agency) notFound();
  const s = new URLSearchParams(reportSearch({ period: q.period, filters: {}, sort: "rank", dir: "asc" }).slice(1));
  s.delete("arah");
  const search = `?${s.toString()}`;
  const base = `/laporan/instansi/${agencyId}`;
  // The officers are paged (an agency can have 1,500); the CSV and XLSX hold them all.
  const officerPages = Math.max(1, Math.ceil(card.officers.length / REPORT_PAGE_SIZE));
  const rawPage = Number(url.searchParams.get("hal") ?? "1");
  const officerPage = Number.isInteger(rawPage) && rawPage >= 1 ? Math.min(rawPage, officerPages) : 1;
  return {
    card: { ...card, officers: card.officers.slice((officerPage - 1) * REPORT_PAGE_SIZE, officerPage * REPORT_PAGE_SIZE) },
    officerTotal: card.officers.length,
    officerPage,
    officerPages,
    // A page's link is this plus its number (an agency of 1,500 has 60 pages: not 60 links in the data).
    officerPageLink: `${base}${search}&hal=`,
    active: agency.active,
    period: q.period,
    raw: q.raw,
    error: q.error,
    today: utcToZoned(now, user.timeZone).date,
    exports: {
      dashboard: can(user, "report.network") ? `/laporan${search}` : null,
      summary: `${base}/kartu.csv${search}&tabel=ringkasan`,
      officers: `${base}/kartu.csv${search}&tabel=petugas`,
      criteria: `${base}/kartu.csv${search}&tabel=kriteria`,
      trend: `${base}/kartu.csv${search}&tabel=tren`,
      xlsx: `${base}/kartu.xlsx${search}`,
      pdf: `${base}/kartu.pdf${search}`,
    },
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Figures = Data["card"]["figures"];

const GROUPS: Exclude<ColumnGroup, "agency">[] = ["meetings", "followUps", "training", "quality"];

/** The scorecard's extra details, after the dashboard's columns of each group. */
function extras(f: Figures): Record<Exclude<ColumnGroup, "agency">, { key: string; label: MessageKey; format: ColumnFormat; value: number | null }[]> {
  return {
    meetings: [
      { key: "present", label: "report.card.present", format: "integer", value: f.meetings.present },
      { key: "represented", label: "report.card.represented", format: "integer", value: f.meetings.represented },
      { key: "recorded", label: "report.card.recorded", format: "integer", value: f.meetings.recorded },
    ],
    followUps: [
      { key: "fuTotal", label: "report.card.fuTotal", format: "integer", value: f.followUps.total },
      { key: "fuDoneLate", label: "report.card.fuDoneLate", format: "integer", value: f.followUps.doneLate },
      { key: "fuDropped", label: "report.card.fuDropped", format: "integer", value: f.followUps.dropped },
    ],
    training: [
      { key: "notYetDue", label: "report.card.notYetDue", format: "integer", value: f.training.submissions.notYetDue },
      { key: "reviewsLapsed", label: "report.card.reviewsLapsed", format: "integer", value: f.training.reviews.lapsed },
    ],
    quality: [],
  };
}

const COMPONENT_LABEL: Record<Component, MessageKey> = {
  attendance: "report.weights.attendance",
  rsvp: "report.weights.rsvp",
  followUps: "report.weights.followUps",
  submissions: "report.weights.submissions",
  reviews: "report.weights.reviews",
  jp: "report.weights.jp",
};

export default function AgencyScorecardPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const root = useRouteLoaderData<RootData>("root");
  const c = d.card;
  const f = c.figures;
  return (
    <>
      <PrintSetup landscape={false} />
      <PrintHeader title={`${t("report.card.eyebrow")}: ${f.name}`} network={root?.network?.name} period={d.period} generatedAt={c.generatedAt} timeZone={tz} />
      {d.exports.dashboard ? (
        <p className="mb-1 text-sm print:hidden">
          <a href={d.exports.dashboard} className="inline-flex min-h-11 items-center">← {t("report.card.back")}</a>
        </p>
      ) : null}
      <div className="print:hidden">
        <PageHeader
          eyebrow={t("report.card.eyebrow")}
          title={f.name}
          description={<span className="block text-lg font-semibold text-ink" data-testid="report-period">{periodLabel(d.period, t, locale)}</span>}
        />
      </div>
      {d.error ? <Notice tone="warning" role="alert">{t(d.error)}</Notice> : null}
      {d.active ? null : <Notice tone="warning">{t("report.card.inactiveAgency")}</Notice>}

      <Card className="mb-6 print:hidden" aria-labelledby="card-form-title">
        <h2 id="card-form-title" className="sr-only">{t("report.form.title")}</h2>
        <PeriodForm today={d.today} period={d.period} raw={d.raw} error={d.error} resetTo={`/laporan/instansi/${f.agencyId}`} />
      </Card>

      <section aria-labelledby="card-export-title" className="mb-6 print:hidden">
        <h2 id="card-export-title" className="sr-only">{t("report.export.title")}</h2>
        <div className="flex flex-wrap gap-2">
          <DownloadLink href={d.exports.xlsx} primary>{t("report.export.xlsx")}</DownloadLink>
          <DownloadLink href={d.exports.pdf}>{t("report.export.pdf")}</DownloadLink>
          <DownloadLink href={d.exports.summary}>{t("report.card.csvSummary")}</DownloadLink>
          <PrintButton />
        </div>
      </section>

      <Headline d={d} />

      <section aria-labelledby="card-figures" className="mb-8">
        <h2 id="card-figures" className="mb-3 text-xl font-bold">{t("report.card.figures")}</h2>
        <div className="grid items-start gap-4 md:grid-cols-2 print:grid-cols-1 print:gap-2">
          {GROUPS.map((g) => <GroupCard key={g} group={g} f={f} rank={c.rank} />)}
        </div>
      </section>

      <CriteriaTable d={d} />
      <Trend d={d} />
      <Officers d={d} />
    </>
  );
}

function Headline({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const c = d.card;
  const f = c.figures;
  return (
    <div className="mb-8 grid items-start gap-4 lg:grid-cols-[2fr_3fr] print:grid-cols-[2fr_3fr]">
      <Card aria-labelledby="card-index" className="print:shadow-none">
        <h2 id="card-index" className="text-sm font-semibold uppercase tracking-wide text-muted">{t("report.col.index")}</h2>
        <p className="mt-1 text-5xl font-bold tabular-nums text-brand-800" data-testid="card-index">
          {f.index === null ? <NoData /> : formatNumber(f.index, locale)}
        </p>
        {f.index !== null ? <Bar fraction={f.index / 100} className="mt-2 h-2.5" /> : null}
        <p className="mt-3 text-lg font-semibold" data-testid="card-rank">
          {c.rank === null ? t("report.card.noRank") : t("report.card.rank", { rank: formatNumber(c.rank, locale, 0), ranked: formatNumber(c.ranked, locale, 0) })}
        </p>
        <ul className="mt-2 flex flex-wrap gap-2">
          <li><Badge tone="brand">{t(`agency.type.${f.type}`)}</Badge></li>
          <li><Badge>{t("report.card.zone", { zone: zoneAbbr(f.timeZone) })}</Badge></li>
          {f.region ? <li><Badge>{f.region}</Badge></li> : null}
          <li><Badge>{t("report.card.officers", { count: formatNumber(f.officers, locale, 0) })}</Badge></li>
          {f.meetings.absentTwiceInARow ? <li><Badge tone="danger">{t("report.flag.absentTwice")}</Badge></li> : null}
        </ul>
      </Card>
      <Card aria-labelledby="card-components" className="print:shadow-none">
        <h2 id="card-components" className="text-lg font-bold">{t("report.card.components")}</h2>
        <p className="mb-3 text-sm text-muted">{t("report.card.components.intro")}</p>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("report.card.components")}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 font-semibold">{t("report.card.component")}</th>
              <th scope="col" className="w-1/3 py-1 pr-2 font-semibold"><span className="sr-only">{t("report.card.rate")}</span></th>
              <th scope="col" className="py-1 pr-2 text-right font-semibold">{t("report.card.rate")}</th>
              <th scope="col" className="py-1 text-right font-semibold">{t("report.card.weight")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {PARTICIPATION_COMPONENTS.map((k) => {
              const r = f.rates[k];
              return (
                <tr key={k}>
                  <th scope="row" className="py-2 pr-2 font-medium">{t(COMPONENT_LABEL[k])}</th>
                  <td className="py-2 pr-2 align-middle"><Bar fraction={r} /></td>
                  <td className="py-2 pr-2 text-right tabular-nums"><Figure format="percent" value={r} /></td>
                  <td className="py-2 text-right tabular-nums text-muted">{c.weights[k]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

function GroupCard({ group, f, rank }: { group: Exclude<ColumnGroup, "agency">; f: Figures; rank: number | null }) {
  const t = useT();
  const agency = { ...f, rank };
  const items: { key: string; label: MessageKey; format: ColumnFormat; value: number | string | boolean | null }[] = [
    ...REPORT_COLUMNS.filter((c) => c.group === group).map((c) => ({ key: c.key, label: c.label as MessageKey, format: c.format as ColumnFormat, value: c.value(agency) })),
    ...extras(f)[group],
  ];
  return (
    <Card aria-labelledby={`card-group-${group}`} className="print:break-inside-avoid print:p-3 print:shadow-none">
      <h3 id={`card-group-${group}`} className="mb-3 text-lg font-bold print:mb-1 print:text-base">{t(`report.group.${group}`)}</h3>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 print:grid-cols-6 print:gap-1" data-testid={`card-group-${group}`}>
        {items.map((i) => (
          <div key={i.key} className={`rounded-control border border-line bg-surface px-3 py-2 print:px-2 print:py-1 ${i.format === "text" ? "col-span-2 sm:col-span-3" : ""}`}>
            <dt className="text-sm leading-snug text-muted print:text-xs">{t(i.label)}</dt>
            <dd className="mt-0.5 text-xl font-bold tabular-nums first-letter:uppercase print:text-base"><Figure format={i.format} value={i.value} showNo /></dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function Section({ id, title, intro, csv, csvLabel, children }: { id: string; title: string; intro?: string; csv: string; csvLabel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-xl font-bold print:break-after-avoid">{title}</h2>
        <span className="print:hidden"><DownloadLink href={csv}>{csvLabel}</DownloadLink></span>
      </div>
      {intro ? <p className="mb-3 text-sm text-muted">{intro}</p> : null}
      {children}
    </section>
  );
}

function CriteriaTable({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const list = d.card.figures.quality;
  // Said once, not once per criterion (an agency can have two dozen).
  const said = { focus: t("report.criteria.focus"), mean: t("report.criteria.col.mean"), count: t("report.criteria.col.count") };
  return (
    <Section id="card-criteria" title={t("report.card.criteria")} intro={t("report.card.criteria.intro")} csv={d.exports.criteria} csvLabel={t("report.card.csvCriteria")}>
      {list.length === 0 ? (
        <EmptyState>{t("report.criteria.empty")}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("report.card.criteria")}
          head={
            <>
              <Th>{t("report.criteria.col.criterion")}</Th>
              <Th className="w-1/4"><span className="sr-only">{t("report.criteria.col.mean")}</span></Th>
              <Th className="text-right">{t("report.criteria.col.mean")}</Th>
              <Th className="text-right">{t("report.criteria.col.count")}</Th>
            </>
          }
        >
          {list.map((q, i) => {
            const focus = i < 3 && list.length > 3;
            return (
              <tr key={q.criterion} data-testid="card-criterion">
                <td><span className="font-semibold">{q.criterion}</span>{focus ? <span className={`ml-2 ${badgeClass("warning")}`}>{said.focus}</span> : null}</td>
                <td className="md:align-middle"><span aria-hidden className={`my-1 block h-1.5 overflow-hidden rounded-full bg-brand-100 print:border print:border-ink/40 ${focus ? "[&>span]:bg-accent-500" : ""}`}><span className="block h-full rounded-full bg-brand-600 print:bg-ink" style={{ width: `${Math.max(0, Math.min(100, (q.mean / 4) * 100))}%` }} /></span></td>
                <td data-label={said.mean} className="tabular-nums font-bold md:text-right">{formatNumber(q.mean, locale, 2)}</td>
                <td data-label={said.count} className="tabular-nums md:text-right">{formatNumber(q.count, locale, 0)}</td>
              </tr>
            );
          })}
        </ResponsiveTable>
      )}
    </Section>
  );
}

function Trend({ d }: { d: Data }) {
  const t = useT();
  const points = d.card.trend;
  const charts = [
    { metric: "index", title: t("report.card.trend.index") },
    { metric: "attendanceRate", title: t("report.card.trend.attendance") },
    { metric: "jpEarned", title: t("report.card.trend.jp") },
    { metric: "meanLevel", title: t("report.card.trend.meanLevel") },
  ] as const;
  return (
    <Section id="card-trend" title={t("report.card.trend")} intro={t("report.card.trend.intro")} csv={d.exports.trend} csvLabel={t("report.card.csvTrend")}>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        {charts.map((c) => <TrendChart key={c.metric} points={points} metric={c.metric} title={c.title} table={false} />)}
      </div>
      {/* The four charts' numbers in one table, a month a row. */}
      <TrendTable points={points} metrics={[...charts]} caption={t("report.card.trend")} />
    </Section>
  );
}

function Officers({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale, 0);
  const year = d.period.to.slice(0, 4);
  const list = d.card.officers;
  // Column names said once, not once per officer.
  const L = {
    meetings: t("report.officer.meetings"), modules: t("report.officer.modules"), jp: t("report.officer.jp"),
    work: t("report.officer.work"), meanScore: t("report.officer.meanScore"), reviews: t("report.officer.reviews"), inactive: t("report.officer.inactive"),
  };
  return (
    <Section id="card-officers" title={t("report.card.officersTitle")} intro={t("report.card.officersIntro")} csv={d.exports.officers} csvLabel={t("report.card.csvOfficers")}>
      {list.length === 0 ? (
        <EmptyState>{t("report.card.officersEmpty")}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t("report.card.officersTitle")}
          head={
            <>
              <Th className="min-w-[12rem]">{t("report.officer.name")}</Th>
              <Th className="text-right">{t("report.officer.meetings")}</Th>
              <Th className="text-right">{t("report.officer.modules")}</Th>
              <Th className="text-right">{t("report.officer.jp")}</Th>
              <Th className="text-right">{t("report.officer.work")}</Th>
              <Th className="text-right">{t("report.officer.meanScore")}</Th>
              <Th className="text-right">{t("report.officer.reviews")}</Th>
            </>
          }
        >
          {list.map((o) => (
            <tr key={o.userId} data-testid="card-officer" className={o.active ? "" : "bg-surface"}>
              <Cell>
                <a href={`/laporan/petugas/${o.userId}?tahun=${year}`} className="font-semibold">{o.name}</a>
                {o.active ? null : <span className="ml-2"><Badge tone="warning">{L.inactive}</Badge></span>}
                {o.position ? <span className="block text-sm text-muted">{o.position}</span> : null}
              </Cell>
              <Cell label={L.meetings} className="tabular-nums max-md:min-h-10 md:text-right">{t("report.officer.pair", { a: n(o.meetingsNamed), b: n(o.meetingsCheckedIn) })}</Cell>
              <Cell label={L.modules} className="tabular-nums md:text-right">{n(o.modulesCompleted)}</Cell>
              <Cell label={L.jp} className="tabular-nums md:text-right">{n(o.jpEarned)}</Cell>
              <Cell label={L.work} className="tabular-nums max-md:min-h-16 md:text-right">
                {t("report.officer.triple", { a: n(o.submissions.onTime), b: n(o.submissions.late), c: n(o.submissions.missing) })}
              </Cell>
              <Cell label={L.meanScore} className="tabular-nums md:text-right">
                {o.meanScore === null ? <NoData /> : formatNumber(o.meanScore, locale)}
              </Cell>
              <Cell label={L.reviews} className="tabular-nums max-md:min-h-10 md:text-right">{t("report.officer.pair", { a: n(o.reviews.done), b: n(o.reviews.open) })}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      <OfficerPages d={d} />
    </Section>
  );
}

function OfficerPages({ d }: { d: Data }) {
  const t = useT();
  if (d.officerPages <= 1) return null;
  const show = [...new Set([1, d.officerPages, d.officerPage - 1, d.officerPage, d.officerPage + 1])].filter((p) => p >= 1 && p <= d.officerPages).sort((a, b) => a - b);
  const item = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-control border px-3 font-semibold no-underline";
  return (
    <nav aria-label={t("report.pages.officers")} className="mt-4 flex flex-wrap items-center gap-2 print:hidden">
      <span className="mr-2 text-muted">{t("report.pages.status", { page: d.officerPage, pages: d.officerPages })}</span>
      {show.map((p, i) => (
        <span key={p} className="contents">
          {i > 0 && p - show[i - 1] > 1 ? <span aria-hidden className="px-1 text-muted">…</span> : null}
          <a
            href={`${d.officerPageLink}${p}#card-officers`}
            aria-current={p === d.officerPage ? "page" : undefined}
            aria-label={t("report.pages.page", { page: p })}
            className={`${item} ${p === d.officerPage ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white"}`}
          >
            {p}
          </a>
        </span>
      ))}
    </nav>
  );
}
