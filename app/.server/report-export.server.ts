// The participation report's CSV and XLSX downloads (issue 6): which query they answer, and their
// sheets. The agency table is REPORT_COLUMNS in the page's sort order with the model's numbers
// (rates as fractions shown as percentages, the index as a decimal), so a download holds exactly the
// figures the dashboard or scorecard shows; headers are in the viewer's language. A query the page
// would answer with a message and a default (bad period, unknown filter) is refused here with a
// 400 and the message, never a file with other figures than asked for.
import type { DB } from "#db/connection";
import { readReportQuery, type ReportQuery } from "~/.server/report-query.server";
import type { ExportColumn, ExportSheet } from "~/.server/table-export.server";
import { isMessageKey, makeT, type Locale, type MessageKey, type T } from "~/i18n";
import { formatCalendarMonth, formatCalendarRange, formatDateTime, formatTime } from "~/i18n/format";
import { PARTICIPATION_COMPONENTS } from "~/lib/participation";
import type { Period } from "~/lib/period";
import { REPORT_COLUMNS, sortAgencies, type ReportColumn } from "~/lib/report-columns";
import { utcToZoned } from "~/lib/zoned-time";
import { invitationRows, officerRows, type InvitationRow, type OfficerRow } from "~/models/participation-export.server";
import type {
  AgencyScorecard, CriterionMean, NetworkReport, OfficerFigures, RankedAgency, TrendPoint,
} from "~/models/participation.server";
import type { SessionUser } from "~/models/session.server";

export const NETWORK_TABLES = ["instansi", "kriteria"] as const;
export const SCORECARD_TABLES = ["ringkasan", "petugas", "kriteria", "tren"] as const;

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

/** A 400 with a message in the viewer's language, to throw from a loader. */
function refusal(message: string): Response {
  return new Response(message, { status: 400, headers: PLAIN });
}

/**
 * The report query of an export. The dashboard's exports answer every part of it (period, filters,
 * sort); a scorecard's only the period (it has no filters), so other parameters are ignored there.
 * Throws a 400 Response when a part the export answers is wrong.
 */
export async function exportQuery(db: DB, request: Request, user: SessionUser, now: Date, scope: "network" | "agency"): Promise<ReportQuery> {
  const q = await readReportQuery(db, new URL(request.url), user.timeZone, now);
  if (q.error && (scope === "network" || q.error.startsWith("report.period."))) {
    const own = `report-export.error.${q.error.slice("report.".length)}`;
    throw refusal(makeT(user.locale)(isMessageKey(own) ? own : q.error));
  }
  return q;
}

/** `?tabel=` of a CSV: the default when absent, a 400 naming the tables when unknown. */
export function exportTable<K extends string>(request: Request, user: SessionUser, tables: readonly K[]): K {
  const raw = (new URL(request.url).searchParams.get("tabel") ?? "").trim();
  if (!raw) return tables[0];
  if ((tables as readonly string[]).includes(raw)) return raw as K;
  throw refusal(makeT(user.locale)("report-export.error.table", { table: raw.slice(0, 40), tables: tables.join(", ") }));
}

/** "laporan-partisipasi-2026-Q4", "kartu-partisipasi-dinkes-petugas-2026-Q4". */
export function exportFileName(p: Period, parts: string[]): string {
  const slug = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return [...parts.map(slug), p.key].filter(Boolean).join("-");
}

/** For CSV: one table, the header on the first line (a title line would break imports). */
export const withoutTitle = <R>(sheet: ExportSheet<R>): ExportSheet<R> => ({ ...sheet, title: undefined });

// ---------------------------------------------------------------------------------------------
// Shared pieces

interface Ctx {
  t: T;
  locale: Locale;
  tz: string;
  title: string;
}

function context(user: Pick<SessionUser, "locale" | "timeZone">, period: Period, generatedAt: string, titleKey: MessageKey, agency?: string): Ctx {
  const t = makeT(user.locale);
  const generated = formatDateTime(generatedAt, user.timeZone, user.locale);
  return { t, locale: user.locale, tz: user.timeZone, title: t(titleKey, { period: periodText(t, period, user.locale), generated, agency: agency ?? "" }) };
}

function periodText(t: T, p: Period, locale: Locale): string {
  const range = formatCalendarRange(p.from, p.to, locale);
  return t(p.kind === "custom" ? "report-export.period.custom" : "report-export.period.named", { key: p.key, range });
}

/** A rate (fraction) as the percentage the page shows, one decimal: for label/value sheets. */
const percentShown = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
/** As the page rounds it (the index to one decimal, means to two). */
const rounded = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const yesNo = (t: T, v: boolean) => t(v ? "report-export.yes" : "report-export.no");

type Item = [label: string, value: string | number | null];

function itemSheet(ctx: Ctx, name: string, rows: Item[]): ExportSheet<Item> {
  return {
    name,
    title: ctx.title,
    rows,
    columns: [
      { header: ctx.t("report-export.col.item"), value: (r) => r[0], width: 48 },
      { header: ctx.t("report-export.col.value"), value: (r) => r[1], width: 40 },
    ],
  };
}

/** REPORT_COLUMNS as export columns: percent as a fraction, the index as a decimal, flags as Ya/Tidak. */
function agencyColumns(t: T): ExportColumn<RankedAgency>[] {
  return (REPORT_COLUMNS as readonly ReportColumn[]).map((c) => {
    const header = t(c.label);
    switch (c.format) {
      case "flag":
        return { header, value: (a) => yesNo(t, c.value(a) === true) };
      case "text":
        return { header, value: (a) => c.value(a) as string | null, format: "text", width: c.key === "name" ? 44 : 28 };
      case "index":
        return { header, value: (a) => c.value(a) as number | null, format: "decimal" };
      default:
        return { header, value: (a) => c.value(a) as number | null, format: c.format };
    }
  });
}

/** An agency's figures as label/value rows: the columns (rates in %), then the details behind them. */
function figureItems(t: T, a: RankedAgency): Item[] {
  const items: Item[] = [];
  for (const c of REPORT_COLUMNS as readonly ReportColumn[]) {
    if (c.key === "name") continue;
    const v = c.value(a);
    if (c.format === "percent") items.push([`${t(c.label)} (%)`, percentShown(v as number | null)]);
    else if (c.format === "flag") items.push([t(c.label), yesNo(t, v === true)]);
    else if (c.format === "index") items.push([t(c.label), rounded(v as number | null, 1)]);
    else if (c.format === "decimal") items.push([t(c.label), rounded(v as number | null, 2)]);
    else items.push([t(c.label), v as string | number | null]);
  }
  return items;
}

function criteriaSheet(ctx: Ctx, rows: CriterionMean[]): ExportSheet<CriterionMean> {
  const { t } = ctx;
  return {
    name: t("report-export.sheet.criteria"),
    title: ctx.title,
    rows,
    columns: [
      { header: t("report-export.col.criterion"), value: (c) => c.criterion, format: "text", width: 40 },
      { header: t("report-export.col.mean"), value: (c) => c.mean, format: "decimal", width: 18 },
      { header: t("report-export.col.graded"), value: (c) => c.count, format: "integer", width: 18 },
    ],
  };
}

function officerColumns<R>(t: T, of: (r: R) => OfficerFigures): ExportColumn<R>[] {
  return [
    { header: t("report-export.col.name"), value: (r) => of(r).name, format: "text", width: 32 },
    { header: t("report-export.col.position"), value: (r) => of(r).position, format: "text", width: 28 },
    { header: t("report-export.col.status"), value: (r) => t(of(r).active ? "report-export.status.active" : "report-export.status.inactive") },
    { header: t("report-export.col.meetingsNamed"), value: (r) => of(r).meetingsNamed, format: "integer" },
    { header: t("report-export.col.meetingsCheckedIn"), value: (r) => of(r).meetingsCheckedIn, format: "integer" },
    { header: t("report-export.col.enrolled"), value: (r) => yesNo(t, of(r).enrolled) },
    { header: t("report-export.col.modulesCompleted"), value: (r) => of(r).modulesCompleted, format: "integer" },
    { header: t("report-export.col.jpEarned"), value: (r) => of(r).jpEarned, format: "integer" },
    { header: t("report-export.col.due"), value: (r) => of(r).submissions.due, format: "integer" },
    { header: t("report-export.col.onTime"), value: (r) => of(r).submissions.onTime, format: "integer" },
    { header: t("report-export.col.late"), value: (r) => of(r).submissions.late, format: "integer" },
    { header: t("report-export.col.missing"), value: (r) => of(r).submissions.missing, format: "integer" },
    { header: t("report-export.col.notYetDue"), value: (r) => of(r).submissions.notYetDue, format: "integer" },
    { header: t("report-export.col.meanScore"), value: (r) => of(r).meanScore, format: "decimal" },
    { header: t("report-export.col.reviewsAllocated"), value: (r) => of(r).reviews.allocated, format: "integer" },
    { header: t("report-export.col.reviewsDone"), value: (r) => of(r).reviews.done, format: "integer" },
    { header: t("report-export.col.reviewsOwed"), value: (r) => of(r).reviews.open, format: "integer" },
    { header: t("report-export.col.reviewsLapsed"), value: (r) => of(r).reviews.lapsed, format: "integer" },
  ];
}

// ---------------------------------------------------------------------------------------------
// The dashboard (/laporan.csv, /laporan.xlsx)

export interface NetworkSheets {
  summary: ExportSheet<Item>;
  instansi: ExportSheet<RankedAgency>;
  kriteria: ExportSheet<CriterionMean>;
  /** streamed from the database while the file is written */
  attendance: ExportSheet<InvitationRow>;
  officers: ExportSheet<OfficerRow>;
}

/** `db` is read while the file is written (the attendance and officer sheets stream from it). */
export function networkSheets(db: DB, report: NetworkReport, q: Pick<ReportQuery, "filters" | "sort" | "dir">, user: Pick<SessionUser, "locale" | "timeZone">, now: Date): NetworkSheets {
  const ctx = context(user, report.period, report.generatedAt, "report-export.title.network");
  const { t, locale } = ctx;
  const f = q.filters;
  const tot = report.totals;
  const summary: Item[] = [
    [t("report-export.row.period"), periodText(t, report.period, locale)],
    [t("report-export.row.filterType"), f.type ? t(`agency.type.${f.type}`) : t("report-export.row.noFilter")],
    [t("report-export.row.filterRegion"), f.region ?? t("report-export.row.noFilter")],
    [t("report-export.row.filterZone"), f.zone ? t(`tz.${f.zone}`) : t("report-export.row.noFilter")],
    [t("report-export.row.generated"), formatDateTime(report.generatedAt, ctx.tz, locale)],
    ...PARTICIPATION_COMPONENTS.map((c): Item => [t("report-export.row.weight", { component: t(`report-export.component.${c}`) }), report.weights[c]]),
    [t("report-export.row.agencies"), tot.agencies],
    [t("report-export.row.engaged"), tot.engaged],
    [t("report-export.row.absentTwice"), tot.absentTwice],
    [t("report.col.invited"), tot.meetings.invited],
    [t("report.col.answered"), tot.meetings.answered],
    [t("report.col.attended"), tot.meetings.attended],
    [t("report.col.excused"), tot.meetings.excused],
    [t("report.col.absent"), tot.meetings.absent],
    [t("report-export.row.attendanceRate"), percentShown(tot.meetings.attendanceRate)],
    [t("report.col.fuOpen"), tot.followUps.open],
    [t("report.col.fuOverdue"), tot.followUps.overdue],
    [t("report.col.fuOnTime"), tot.followUps.doneOnTime],
    [t("report-export.row.fuDoneLate"), tot.followUps.doneLate],
    [t("report-export.row.fuDropped"), tot.followUps.dropped],
    [t("report.col.enrolled"), tot.officersEnrolled],
    [t("report.col.completed"), tot.modulesCompleted],
    [t("report.col.jp"), tot.jpEarned],
    [t("report.col.onTime"), tot.submissions.onTime],
    [t("report.col.late"), tot.submissions.late],
    [t("report.col.missing"), tot.submissions.missing],
    [t("report-export.row.notYetDue"), tot.submissions.notYetDue],
    [t("report.col.reviewsOwed"), tot.reviews.open],
    [t("report.col.reviewsDone"), tot.reviews.done],
    [t("report-export.row.reviewsLapsed"), tot.reviews.lapsed],
  ];

  // A meeting's date and time in each invited agency's zone: a handful of zones per meeting, tens of
  // thousands of rows — formatted once per meeting and zone.
  let whenKey = "";
  let whenOf = new Map<string, { date: string; time: string }>();
  const when = (r: InvitationRow) => {
    if (r.meetingId !== whenKey) {
      whenKey = r.meetingId;
      whenOf = new Map();
    }
    let w = whenOf.get(r.agencyTimeZone);
    if (!w) whenOf.set(r.agencyTimeZone, (w = { date: utcToZoned(r.startsAt, r.agencyTimeZone).date, time: formatTime(r.startsAt, r.agencyTimeZone, locale) }));
    return w;
  };

  return {
    summary: itemSheet(ctx, t("report-export.sheet.summary"), summary),
    instansi: {
      name: t("report-export.sheet.agencies"),
      title: ctx.title,
      rows: sortAgencies(report.agencies, q.sort, q.dir),
      columns: agencyColumns(t),
    },
    kriteria: criteriaSheet(ctx, report.criteria),
    attendance: {
      name: t("report-export.sheet.attendance"),
      title: ctx.title,
      rows: invitationRows(db, report.period, q.filters),
      columns: [
        { header: t("report-export.col.meetingDate"), value: (r) => when(r).date, format: "date", width: 14 },
        { header: t("report-export.col.meetingTime"), value: (r) => when(r).time, width: 12 },
        { header: t("report-export.col.meeting"), value: (r) => r.meetingTitle, format: "text", width: 48 },
        { header: t("report-export.col.agency"), value: (r) => r.agencyName, format: "text", width: 40 },
        { header: t("report-export.col.rsvp"), value: (r) => t(`rsvp.state.${r.rsvp}`) },
        { header: t("report-export.col.attendance"), value: (r) => (r.attendance ? t(`attendance.status.${r.attendance}`) : t("report-export.attendance.none")) },
      ],
    },
    officers: {
      name: t("report-export.sheet.officers"),
      title: ctx.title,
      rows: officerRows(db, report.period, q.filters, now),
      columns: [{ header: t("report-export.col.agency"), value: (r) => r.agencyName, format: "text", width: 40 }, ...officerColumns<OfficerRow>(t, (r) => r.officer)],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A scorecard (/laporan/instansi/:agencyId/kartu.csv, kartu.xlsx)

export interface ScorecardSheets {
  ringkasan: ExportSheet<Item>;
  petugas: ExportSheet<OfficerFigures>;
  kriteria: ExportSheet<CriterionMean>;
  tren: ExportSheet<TrendPoint>;
}

export function scorecardSheets(s: AgencyScorecard, user: Pick<SessionUser, "locale" | "timeZone">): ScorecardSheets {
  const a: RankedAgency = { ...s.figures, rank: s.rank };
  const ctx = context(user, s.period, s.generatedAt, "report-export.title.agency", a.name);
  const { t, locale } = ctx;
  const summary: Item[] = [
    [t("report-export.row.agency"), a.name],
    [t("report-export.row.type"), t(`agency.type.${a.type}`)],
    [t("report-export.row.region"), a.region || null],
    [t("report-export.row.zone"), t(`tz.${a.timeZone}`)],
    [t("report-export.row.period"), periodText(t, s.period, locale)],
    [t("report-export.row.generated"), formatDateTime(s.generatedAt, ctx.tz, locale)],
    [t("report-export.row.ranked"), s.ranked],
    [t("report-export.row.officers"), a.officers],
    ...figureItems(t, a),
    [t("report-export.row.present"), a.meetings.present],
    [t("report-export.row.represented"), a.meetings.represented],
    [t("report-export.row.fuDoneLate"), a.followUps.doneLate],
    [t("report-export.row.fuDropped"), a.followUps.dropped],
    [t("report-export.row.notYetDue"), a.training.submissions.notYetDue],
    [t("report-export.row.reviewsLapsed"), a.training.reviews.lapsed],
    ...PARTICIPATION_COMPONENTS.map((c): Item => [
      t("report-export.row.component", { component: t(`report-export.component.${c}`), weight: s.weights[c] }),
      percentShown(a.rates[c]),
    ]),
  ];
  return {
    ringkasan: itemSheet(ctx, t("report-export.sheet.summary"), summary),
    petugas: { name: t("report-export.sheet.officers"), title: ctx.title, rows: s.officers, columns: officerColumns<OfficerFigures>(t, (o) => o) },
    kriteria: criteriaSheet(ctx, s.figures.quality),
    tren: {
      name: t("report-export.sheet.trend"),
      title: ctx.title,
      rows: s.trend,
      columns: [
        { header: t("report-export.col.month"), value: (p) => formatCalendarMonth(p.period.from, locale), format: "text", width: 16 },
        { header: t("report-export.col.index"), value: (p) => p.index, format: "decimal", width: 12 },
        { header: t("report-export.col.attendanceRate"), value: (p) => p.attendanceRate, format: "percent", width: 12 },
        { header: t("report-export.col.submissionRate"), value: (p) => p.submissionRate, format: "percent", width: 12 },
        { header: t("report-export.col.reviewRate"), value: (p) => p.reviewRate, format: "percent", width: 12 },
        { header: t("report-export.col.jpEarned"), value: (p) => p.jpEarned, format: "integer", width: 10 },
        { header: t("report-export.col.meanLevel"), value: (p) => p.meanLevel, format: "decimal", width: 12 },
      ],
    },
  };
}
