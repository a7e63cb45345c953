// A twelve-month trend of one scorecard figure, drawn as SVG with visx's scales and line generator:
// a line with points for rates, the index and the mean rubric level, bars for JP earned. A month
// without data is a gap (no point, the line broken), never a zero. Sized by viewBox, so it needs no
// JavaScript; the drawing is SVG text made by `trendSvg` (ADR 0019).
import { scaleBand, scaleLinear } from "@visx/scale";
import { line } from "@visx/shape";
import { formatCalendarMonth, formatNumber, formatShortMonth, type Locale } from "~/i18n/format";
import type { T } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import type { TrendPoint } from "~/models/participation.server";
import { CHART_FONT, ChartFrame, DataTable, VARIANTS, textWidth, type Variant } from "./chart-frame";

export type TrendMetric = "index" | "attendanceRate" | "submissionRate" | "reviewRate" | "jpEarned" | "meanLevel";

interface MetricSpec {
  kind: "line" | "bar";
  percent: boolean;
  /** fixed y domain; null: from 0 to a rounded maximum of the data */
  domain: [number, number] | null;
  ticks: Record<Variant, number[]> | null;
}
const PERCENT_TICKS = { narrow: [0, 0.5, 1], wide: [0, 0.25, 0.5, 0.75, 1] };
const METRICS: Record<TrendMetric, MetricSpec> = {
  index: { kind: "line", percent: false, domain: [0, 100], ticks: { narrow: [0, 50, 100], wide: [0, 25, 50, 75, 100] } },
  attendanceRate: { kind: "line", percent: true, domain: [0, 1], ticks: PERCENT_TICKS },
  submissionRate: { kind: "line", percent: true, domain: [0, 1], ticks: PERCENT_TICKS },
  reviewRate: { kind: "line", percent: true, domain: [0, 1], ticks: PERCENT_TICKS },
  meanLevel: { kind: "line", percent: false, domain: [1, 4], ticks: { narrow: [1, 2, 3, 4], wide: [1, 2, 3, 4] } },
  jpEarned: { kind: "bar", percent: false, domain: null, ticks: null },
};

const HEIGHT = 240;
const MARGIN = { top: 30, right: 24, bottom: 48, left: 56 };

interface Datum { month: string; value: number | null }

/** How one value of the metric reads ("59,9 %", "53,5", "12"). */
export function formatMetric(metric: TrendMetric, v: number, locale: Locale, t: T): string {
  return METRICS[metric].percent ? t("report-chart.percent", { value: formatNumber(v * 100, locale) }) : formatNumber(v, locale);
}

/** The spoken summary: "Indeks partisipasi, Des 2025 – Nov 2026: terakhir 53,5; tertinggi 69,8 (Okt 2026)". */
export function trendSummary(points: TrendPoint[], metric: TrendMetric, title: string, locale: Locale, t: T): string {
  const data = toData(points, metric);
  const fmt = (v: number) => formatMetric(metric, v, locale, t);
  const from = data.length ? formatShortMonth(data[0].month, locale, true) : "";
  const to = data.length ? formatShortMonth(data[data.length - 1].month, locale, true) : "";
  const known = data.map((d, i) => ({ ...d, i })).filter((d): d is Datum & { value: number; i: number } => d.value !== null);
  if (!known.length) return t("report-chart.summary", { title, from, to, details: t("report-chart.summary.none") });
  const last = known[known.length - 1];
  const max = known.reduce((a, b) => (b.value > a.value ? b : a));
  const parts = [
    last.i === data.length - 1
      ? t("report-chart.summary.last", { value: fmt(last.value) })
      : t("report-chart.summary.lastAt", { value: fmt(last.value), month: formatShortMonth(last.month, locale, true) }),
    t("report-chart.summary.max", { value: fmt(max.value), month: formatShortMonth(max.month, locale, true) }),
  ];
  const gaps = data.length - known.length;
  if (gaps > 0) parts.push(t("report-chart.summary.gaps", { count: gaps }));
  return t("report-chart.summary", { title, from, to, details: parts.join("; ") });
}

function toData(points: TrendPoint[], metric: TrendMetric): Datum[] {
  return points.map((p) => {
    const v = p[metric];
    return { month: p.period.from, value: typeof v === "number" && Number.isFinite(v) ? v : null };
  });
}

/** One metric's chart; `table={false}` when a TrendTable after the charts holds its numbers. */
export function TrendChart({ points, metric, title, table = true }: { points: TrendPoint[]; metric: TrendMetric; title: string; table?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const data = toData(points, metric);
  const fmt = (v: number) => formatMetric(metric, v, locale, t);
  return (
    <ChartFrame
      title={title}
      summary={trendSummary(points, metric, title, locale, t)}
      drawing={(variant) => drawingOf(data, metric, variant, locale, fmt)}
      head={table ? [t("report-chart.col.month"), title] : undefined}
      rows={table ? data.map((d) => ({ key: d.month, cells: [formatCalendarMonth(d.month, locale), d.value === null ? <span className="text-muted">{t("report-chart.noData")}</span> : fmt(d.value)] })) : undefined}
    />
  );
}

/** The numbers of several trend charts of the same months, in one table (a month a row). */
export function TrendTable({ points, metrics, caption }: { points: TrendPoint[]; metrics: { metric: TrendMetric; title: string }[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const columns = metrics.map((m) => toData(points, m.metric));
  const none = <span className="text-muted">{t("report-chart.noData")}</span>;
  return (
    <DataTable
      caption={caption}
      head={[t("report-chart.col.month"), ...metrics.map((m) => m.title)]}
      rows={points.map((p, i) => ({
        key: p.period.from,
        cells: [
          formatCalendarMonth(p.period.from, locale),
          ...columns.map((data, j) => {
            const v = data[i].value;
            return v === null ? none : formatMetric(metrics[j].metric, v, locale, t);
          }),
        ],
      }))}
    />
  );
}

// Drawings already made, by what they are drawn from: a scorecard's charts change only when its
// report does, and every request for it would otherwise draw the same eight again.
const drawings = new Map<string, string>();
const DRAWINGS_MAX = 400;
function drawingOf(data: Datum[], metric: TrendMetric, variant: Variant, locale: Locale, fmt: (v: number) => string): string {
  const key = `${metric}|${variant}|${locale}|${data.map((d) => `${d.month}=${d.value}`).join(",")}`;
  let svg = drawings.get(key);
  if (svg === undefined) {
    svg = trendSvg(data, metric, variant, locale, fmt);
    if (drawings.size >= DRAWINGS_MAX) drawings.delete(drawings.keys().next().value!);
    drawings.set(key, svg);
  }
  return svg;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * One drawing of the chart as SVG markup. Written as a string rather than React elements: it is
 * static (no state, no events), a scorecard draws eight of them (four charts, two sizes) and React
 * spent about a third of the page's render on them. The same function runs on the server and in the
 * browser, so hydration sees the same markup. Every text is escaped; numbers are rounded.
 */
export function trendSvg(data: Datum[], metric: TrendMetric, variant: Variant, locale: Locale, fmt: (v: number) => string): string {
  const spec = METRICS[metric];
  const { width, className } = VARIANTS[variant];
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const known = data.filter((d) => d.value !== null).map((d) => d.value as number);
  const dataMax = known.length ? Math.max(...known) : 0;

  const x = scaleBand<string>({ domain: data.map((d) => d.month), range: [0, innerW], padding: spec.kind === "bar" ? 0.3 : 0 });
  const y = scaleLinear<number>({ domain: spec.domain ?? [0, Math.max(4, dataMax)], range: [innerH, 0], nice: !spec.domain, clamp: true });
  const ticks = spec.ticks?.[variant] ?? y.ticks(variant === "narrow" ? 3 : 4).filter((v) => Number.isInteger(v));
  const cx = (d: Datum) => (x(d.month) ?? 0) + x.bandwidth() / 2;
  const cy = (d: Datum) => y(d.value ?? 0) ?? innerH;

  // Month labels: every month when wide, every other one (always the latest) when narrow; the year
  // under the first label and wherever it changes.
  const step = variant === "narrow" && data.length > 6 ? 2 : 1;
  let prevYear = "";
  const monthLabels = data.map((d, i) => {
    if ((data.length - 1 - i) % step !== 0) return null;
    const year = d.month.slice(0, 4);
    const withYear = year !== prevYear;
    prevYear = year;
    return { month: formatShortMonth(d.month, locale), year: withYear ? year : "" };
  });

  // Value labels: the latest value always (bold); the highest too; on wide bars, every bar.
  const indexed = data.map((d, i) => ({ ...d, i })).filter((d) => d.value !== null);
  const lastI = indexed.length ? indexed[indexed.length - 1].i : -1;
  const maxI = indexed.length ? indexed.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a)).i : -1;
  // The highest is left out when its label would run into the latest one (the table still has it).
  const clash = (i: number, j: number) => {
    if (i < 0 || j < 0 || i === j) return false;
    const [a, b] = [data[i], data[j]];
    const near = Math.abs(cx(a) - cx(b)) < (textWidth(fmt(a.value as number)) + textWidth(fmt(b.value as number))) / 2 + 4;
    return near && Math.abs(cy(a) - cy(b)) < CHART_FONT + 2;
  };
  const higher = maxI >= 0 && lastI >= 0 && (data[maxI].value as number) > (data[lastI].value as number);
  const showValue = (i: number) => i === lastI || (i === maxI && higher && !clash(maxI, lastI)) || (spec.kind === "bar" && variant === "wide");
  // A point's label goes above it, or below when the line arrives from above (it would cross the text).
  const below = (i: number) => {
    if (spec.kind === "bar") return false;
    const y0 = cy(data[i]);
    const fromAbove = [i - 1, i + 1].some((j) => data[j] && data[j].value !== null && cy(data[j]) < y0 - 4);
    return fromAbove && y0 + 12 + CHART_FONT < innerH;
  };

  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${width} ${HEIGHT}" class="${className}" aria-hidden="true" focusable="false" font-family="inherit">`);
  out.push(`<g transform="translate(${MARGIN.left}, ${MARGIN.top})">`);
  // Grid lines, and the value axis: a label per grid line.
  for (const v of ticks) {
    const ty = r1(y(v) ?? 0);
    const dash = v === y.domain()[0] ? "" : ` stroke-dasharray="3 4"`;
    out.push(`<line x1="0" x2="${r1(innerW)}" y1="${ty}" y2="${ty}" class="stroke-line" stroke-width="1"${dash}></line>`);
  }
  for (const v of ticks) {
    out.push(`<text x="-12" y="${r1(y(v) ?? 0)}" dy="0.25em" text-anchor="end" font-size="${CHART_FONT}" class="fill-muted">${esc(fmt(v))}</text>`);
  }
  if (spec.kind === "bar") {
    data.forEach((d, i) => {
      if (d.value === null) return;
      const cls = d.value === 0 ? "fill-line" : i === lastI ? "fill-brand-700" : "fill-brand-400";
      const top = Math.min(cy(d), innerH - 2);
      out.push(`<rect x="${r1(x(d.month) ?? 0)}" y="${r1(top)}" width="${r1(x.bandwidth())}" height="${r1(Math.max(2, innerH - cy(d)))}" rx="1" class="${cls}"></rect>`);
    });
  } else {
    const path = line<Datum>({ x: cx, y: cy, defined: (d) => d.value !== null })(data);
    if (path) {
      out.push(`<path d="${path.replace(/\d+\.\d+/g, (n) => String(r1(Number(n))))}" class="stroke-brand-600" stroke-width="2.5" fill="none" stroke-linejoin="round" stroke-linecap="round"></path>`);
    }
    data.forEach((d, i) => {
      if (d.value === null) return;
      const cls = i === lastI ? "fill-brand-700 stroke-white" : "fill-white stroke-brand-600";
      out.push(`<circle cx="${r1(cx(d))}" cy="${r1(cy(d))}" r="${i === lastI ? 5.5 : 4}" class="${cls}" stroke-width="2"></circle>`);
    });
  }
  data.forEach((d, i) => {
    if (d.value === null || !showValue(i)) return;
    const text = fmt(d.value);
    const half = textWidth(text) / 2;
    const lx = Math.min(Math.max(cx(d), half - MARGIN.left + 2), innerW + MARGIN.right - half - 2);
    const ly = below(i) ? cy(d) + 10 + CHART_FONT : cy(d) - 10;
    const cls = i === lastI ? "fill-brand-900 font-bold" : "fill-ink";
    out.push(`<text x="${r1(lx)}" y="${r1(ly)}" text-anchor="middle" font-size="${CHART_FONT}" class="${cls}">${esc(text)}</text>`);
  });
  // The month axis: the labelled months, the year under the first and wherever it changes.
  monthLabels.forEach((l, i) => {
    if (!l) return;
    const tx = r1(cx(data[i]));
    const year = l.year ? `<tspan x="${tx}" dy="1.15em" class="fill-ink font-semibold">${l.year}</tspan>` : "";
    out.push(`<text x="${tx}" y="${innerH + 18}" text-anchor="middle" font-size="${CHART_FONT}" class="fill-muted"><tspan x="${tx}" dy="0.9em">${esc(l.month)}</tspan>${year}</text>`);
  });
  out.push("</g></svg>");
  return out.join("");
}
