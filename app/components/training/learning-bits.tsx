// Pieces of "my learning": the JP-this-year meter (also on the home page) and a labelled progress bar.
import { useLocale, useT } from "~/i18n/react";
import { formatNumber } from "~/i18n/format";

/** JP earned this year against the target, as text and as an accessible meter. */
export function JpMeter({ year, earned, target, compact = false }: { year: number; earned: number; target: number; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const pct = Math.min(100, Math.round((earned / target) * 100));
  const reached = earned >= target;
  const labelId = `jp-meter-${year}`;
  return (
    <div>
      <p id={labelId} className="sr-only">{t("learning.jp.meterLabel", { year })}</p>
      <p className={`${compact ? "text-2xl" : "text-3xl"} font-bold text-brand-800`}>
        {t("learning.jp.value", { earned: formatNumber(earned, locale), target: formatNumber(target, locale) })}
      </p>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(earned, target)}
        aria-valuetext={t("learning.jp.valueText", { earned: formatNumber(earned, locale), target: formatNumber(target, locale) })}
        className="mt-2 h-3 overflow-hidden rounded-full bg-brand-100"
      >
        <div className={`h-full rounded-full ${reached ? "bg-success-700" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-2 text-sm">
        {reached ? t("learning.jp.reached", { target }) : t("learning.jp.remaining", { count: formatNumber(target - earned, locale), target })}
      </p>
    </div>
  );
}

/** A thin bar with its text beside it (the text carries the meaning; the bar only shows it). */
export function ProgressLine({ label, done, total }: { label: string; done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="text-sm">
      <p className="mb-1">{label}</p>
      {/* short classes (styles/components.css): a learner's page draws a few of these per module */}
      <div aria-hidden className="bar">
        <div className={done >= total && total > 0 ? "bar-fill bar-done" : "bar-fill"} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
