// Pieces shared by the participation dashboard and the agency scorecards: the period (and filter)
// picker as a plain GET form, a figure cell that says "no data" to screen readers, small bars, the
// export and print buttons, and the print header and page setup.
import { useEffect, useState, type ReactNode } from "react";
import { buttonClass } from "~/components/ui/button";
import { Badge } from "~/components/ui/card";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import type { Period } from "~/lib/period";
import { periodChoices, periodLabel, periodName } from "~/lib/period-label";
import type { ColumnFormat } from "~/lib/report-columns";

export const control =
  "block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-brand-500 aria-[invalid=true]:border-danger-600";

export interface RawQuery { periode: string; dari: string; sampai: string; jenis?: string; wilayah?: string; zona?: string }
export interface Option { value: string; label: string }

/** Options plus, first, the value the person sent when it is not one of them (so it is kept and seen). */
function withTyped(options: Option[], typed: string | undefined, t: ReturnType<typeof useT>): Option[] {
  if (!typed || options.some((o) => o.value === typed)) return options;
  return [{ value: typed, label: t("report.form.unknown", { value: typed }) }, ...options];
}

function Select({ id, name, label, options = [], groups = [], tail = [], value, invalid }: {
  id: string; name: string; label: string; value: string; invalid?: boolean;
  options?: Option[]; groups?: { label: string; options: Option[] }[]; tail?: Option[];
}) {
  const opt = (o: Option) => <option key={o.value} value={o.value}>{o.label}</option>;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">{label}</label>
      <select id={id} name={name} defaultValue={value} aria-invalid={invalid || undefined} className={control}>
        {options.map(opt)}
        {groups.map((g) => <optgroup key={g.label} label={g.label}>{g.options.map(opt)}</optgroup>)}
        {tail.map(opt)}
      </select>
    </div>
  );
}

/**
 * The period picker (and, on the dashboard, filters and sort) as one GET form: it works before
 * JavaScript loads, and what the person sent stays in it when it was refused. The two date fields
 * show only while "own dates" is chosen (CSS :has; browsers without it always show them).
 */
export function PeriodForm({ today, period, raw, error, filters, sort, resetTo }: {
  today: string;
  period: Period;
  raw: RawQuery;
  error: string | null;
  filters?: { types: Option[]; regions: string[]; zones: Option[] };
  sort?: { value: string; dir: "asc" | "desc"; options: Option[] };
  resetTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const choices = periodChoices(today);
  const opt = (p: Period) => ({ value: p.key, label: periodName(p, t, locale) });
  const groups = [
    { label: t("report.form.quarters"), options: choices.quarters.map(opt) },
    { label: t("report.form.months"), options: choices.months.map(opt) },
    { label: t("report.form.years"), options: choices.years.map(opt) },
  ];
  const periodBad = !!error?.startsWith("report.period.");
  const known = new Set(["kustom", ...groups.flatMap((g) => g.options.map((o) => o.value))]);
  const shown = period.kind === "custom" ? "kustom" : period.key;
  // A period outside the lists (an old year from a link) is offered as it is.
  if (!known.has(shown)) groups.unshift({ label: t("report.form.period"), options: [opt(period)] });
  const typed = raw.periode === "custom" ? "kustom" : raw.periode;
  const selected = periodBad ? typed : shown;
  const dari = raw.dari || (period.kind === "custom" ? period.from : "");
  const sampai = raw.sampai || (period.kind === "custom" ? period.to : "");
  const bad = (key: MessageKey) => error === key;
  return (
    <form method="get" className="group/period grid grid-cols-2 items-end gap-x-3 gap-y-4 lg:grid-cols-4" aria-label={t("report.form.title")}>
      <div className="col-span-2">
        <Select
          id="report-period"
          name="periode"
          label={t("report.form.period")}
          value={selected}
          invalid={periodBad}
          options={withTyped([], periodBad && !known.has(typed) ? typed : undefined, t)}
          groups={groups}
          tail={[{ value: "kustom", label: t("report.form.customOption") }]}
        />
      </div>
      <div className="col-span-2 grid grid-cols-2 gap-x-3 gap-y-4 group-has-[option[value=kustom]:not(:checked)]/period:hidden">
        <div>
          <label htmlFor="report-from" className="mb-1 block font-semibold">{t("report.form.from")}</label>
          <input id="report-from" name="dari" type="date" defaultValue={dari} aria-invalid={periodBad || undefined} aria-describedby="report-custom-hint" className={control} />
        </div>
        <div>
          <label htmlFor="report-to" className="mb-1 block font-semibold">{t("report.form.to")}</label>
          <input id="report-to" name="sampai" type="date" defaultValue={sampai} aria-invalid={periodBad || undefined} aria-describedby="report-custom-hint" className={control} />
        </div>
        <p id="report-custom-hint" className="col-span-2 -mt-2 text-sm text-muted">{t("report.form.customHint")}</p>
      </div>
      {filters ? (
        <>
          <Select
            id="report-type"
            name="jenis"
            label={t("report.form.type")}
            value={raw.jenis ?? ""}
            invalid={bad("report.filter.type")}
            options={withTyped([{ value: "", label: t("report.form.all") }, ...filters.types], raw.jenis, t)}
          />
          <Select
            id="report-region"
            name="wilayah"
            label={t("report.form.region")}
            value={raw.wilayah ?? ""}
            invalid={bad("report.filter.region")}
            options={withTyped([{ value: "", label: t("report.form.all") }, ...filters.regions.map((r) => ({ value: r, label: r }))], raw.wilayah, t)}
          />
          <Select
            id="report-zone"
            name="zona"
            label={t("report.form.zone")}
            value={raw.zona ?? ""}
            invalid={bad("report.filter.zone")}
            options={withTyped([{ value: "", label: t("report.form.all") }, ...filters.zones], raw.zona, t)}
          />
        </>
      ) : null}
      {sort ? (
        <>
          <Select id="report-sort" name="urut" label={t("report.form.sort")} value={sort.value} invalid={bad("report.sort.invalid")} options={sort.options} />
          <Select
            id="report-dir"
            name="arah"
            label={t("report.form.dir")}
            value={sort.dir === "asc" ? "naik" : "turun"}
            options={[{ value: "naik", label: t("report.form.dirAsc") }, { value: "turun", label: t("report.form.dirDesc") }]}
          />
        </>
      ) : null}
      <div className={`col-span-2 flex flex-wrap items-end gap-2 ${filters && sort ? "lg:col-span-1" : ""}`}>
        <button type="submit" className={buttonClass("primary", filters || sort ? "flex-1" : "flex-1 sm:flex-none")}>{t("report.form.submit")}</button>
        <a href={resetTo} className={buttonClass("ghost")}>{t("report.form.reset")}</a>
      </div>
    </form>
  );
}

/** A figure as text: "59,9 %", "1.234", "2,75", or null when there is no data. */
export function formatFigure(format: ColumnFormat, v: number | string | boolean | null, t: ReturnType<typeof useT>, locale: "id" | "en"): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? t("report.flag.absentTwice") : t("report.no");
  if (typeof v === "string") return v;
  switch (format) {
    case "percent":
      return t("report.percent", { value: formatNumber(v * 100, locale) });
    case "decimal":
      return formatNumber(v, locale, 2);
    case "integer":
      return formatNumber(v, locale, 0);
    default:
      return formatNumber(v, locale);
  }
}

/** "–" that a screen reader reads as "no data". */
export function NoData() {
  const t = useT();
  return (
    <>
      <span aria-hidden className="text-muted">–</span>
      <span className="sr-only">{t("report.noData")}</span>
    </>
  );
}

/** One figure of a report column; a flag shows as a badge (not colour alone). */
export function Figure({ format, value, showNo }: { format: ColumnFormat; value: number | string | boolean | null; showNo?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (typeof value === "boolean") {
    if (value) return <span className="whitespace-nowrap"><Badge tone="danger">{t("report.flag.absentTwice")}</Badge></span>;
    return <span className={showNo ? "" : "sr-only"}>{t("report.no")}</span>;
  }
  const text = formatFigure(format, value, t, locale);
  return text === null ? <NoData /> : <>{text}</>;
}

/** A small horizontal bar for a share 0..1 (decoration: the number beside it carries the value). */
export function Bar({ fraction, tone = "brand", className = "" }: { fraction: number | null; tone?: "brand" | "warning" | "danger"; className?: string }) {
  const pct = fraction === null ? 0 : Math.max(0, Math.min(100, fraction * 100));
  const fill = tone === "danger" ? "bg-danger-600" : tone === "warning" ? "bg-accent-500" : "bg-brand-600";
  return (
    <span aria-hidden className={`block h-1.5 overflow-hidden rounded-full bg-brand-100 print:border print:border-ink/40 ${className}`}>
      <span className={`block h-full rounded-full ${fill} print:bg-ink`} style={{ width: `${pct}%` }} />
    </span>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** window.print() once JavaScript runs; before that the browser's own print applies the same stylesheet. */
export function PrintButton() {
  const t = useT();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M5 8V3h10v5M5 14H3V8h14v6h-2M6 11h8v6H6z" /></svg>
      {t("report.export.print")}
    </button>
  );
}

export function DownloadLink({ href, children, label, primary }: { href: string; children: ReactNode; label?: string; primary?: boolean }) {
  return (
    <a href={href} download data-reload aria-label={label} className={buttonClass(primary ? "primary" : "secondary")}>
      <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M10 3v10m0 0-4-4m4 4 4-4M4 16h12" /></svg>
      {children}
    </a>
  );
}

/** Paper size and what disappears on paper; the page's own `print:` classes do the rest. */
export function PrintSetup({ landscape }: { landscape: boolean }) {
  const css = `
@page { size: A4 ${landscape ? "landscape" : "portrait"}; margin: 12mm 10mm 14mm; }
@media print {
  html, body { background: #fff !important; }
  footer { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  main > [role="status"] { display: none !important; }
  a { color: inherit !important; text-decoration: none !important; }
  table { page-break-inside: auto; }
  tr, li, dl > div { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
}`;
  // As raw text: React 18 escapes a <style>'s text child (`>` → `&gt;`), which breaks the selectors
  // in the server's HTML and fails hydration. The CSS is ours, a constant.
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

/** The top of a printed report: what it is, for which period and filters, when, in which zone. */
export function PrintHeader({ title, period, filters, generatedAt, timeZone, network }: {
  title: string; period: Period; filters?: string; generatedAt: string; timeZone: string; network?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mb-4 hidden border-b-2 border-ink pb-2 print:block">
      {network ? <p className="text-sm font-semibold uppercase tracking-wide">{network}</p> : null}
      <p className="text-xl font-bold">{title}</p>
      <p>{periodLabel(period, t, locale)}</p>
      {filters !== undefined ? <p className="text-sm">{t("report.printedFilters", { filters })}</p> : null}
      <p className="text-sm">{t("report.generated", { time: formatDateTime(generatedAt, timeZone, locale) })}</p>
    </div>
  );
}
