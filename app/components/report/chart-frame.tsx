// The frame every report chart shares: a <figure> with its caption, the drawing as one image with a
// spoken summary (role="img" + aria-label), and the numbers behind it as a real table — always there
// for screen readers (sr-only), shown to sighted readers by "Lihat angka" (a <details> toggling it by
// CSS, so it works before JavaScript loads). The drawing comes twice, sized for a narrow and a wide
// container; CSS container queries pick one, so text stays ≥ 12 px on a 360 px phone without any
// measuring in the browser.
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";

/** Type size in SVG units; the drawings are sized so this renders at ≥ 12 px (see VARIANTS). */
export const CHART_FONT = 15;

/**
 * narrow: 350 units wide, shown in containers under 32rem (≥ 296 px on a 360 px phone: ≥ 12.7 px text),
 * at most 24rem wide (≤ 16.5 px text); wide: 640 units, from 32rem (512 px: ≥ 12 px text), at most
 * 44rem (≤ 16.5 px): the chart's text stays about the size of the page's.
 */
export const VARIANTS = {
  narrow: { width: 350, className: "block h-auto w-full max-w-sm @lg:hidden" },
  wide: { width: 640, className: "hidden h-auto w-full max-w-[44rem] @lg:block" },
} as const;
export type Variant = keyof typeof VARIANTS;

/** Approximate width of text in the chart font (Noto Sans/Helvetica average), to keep labels inside. */
export const textWidth = (s: string, size = CHART_FONT) => s.length * size * 0.56;

export function ChartFrame({ title, summary, drawing, head, rows }: {
  title: string;
  summary: string;
  /** the SVG markup of one drawing (built by our code from numbers and escaped text, never user HTML) */
  drawing: (variant: Variant) => string;
  /** column headers of the data table; the first column holds row headers. Without them the chart
   *  has no table of its own (charts sharing one, see DataTable). */
  head?: string[];
  rows?: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <figure className="@container min-w-0">
      <figcaption className="font-semibold text-brand-900">{title}</figcaption>
      <div role="img" aria-label={summary} className="mt-2" dangerouslySetInnerHTML={{ __html: drawing("narrow") + drawing("wide") }} />
      {head && rows ? <DataTable caption={title} head={head} rows={rows} /> : null}
    </figure>
  );
}

/** The numbers behind one or more charts: a real table, always there for screen readers (sr-only),
 *  shown to sighted readers by "Lihat angka" (a <details> toggling it by CSS, without JavaScript). */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const t = useT();
  return (
    <>
      <details className="peer no-print">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 hover:underline">
          {t("report-chart.showNumbers")}
        </summary>
      </details>
      {/* sr-only on the wrapper: a <table> ignores the 1px width and would widen the page */}
      <div className="sr-only peer-open:not-sr-only peer-open:mb-2 peer-open:overflow-x-auto">
        <table className="w-full max-w-2xl border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line text-left text-muted">
              {head.map((h, i) => (
                <th key={i} scope="col" className={`py-1.5 pr-3 font-medium ${i > 0 ? "text-right" : ""}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="[&_td]:py-1.5 [&_td]:pr-3 [&_td]:text-right [&_td]:tabular-nums [&_th]:py-1.5 [&_th]:pr-3 [&_th]:text-left [&_th]:font-normal [&_th]:whitespace-nowrap [&_tr]:border-b [&_tr]:border-line/60">
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
