// Small pieces of the module screens: cover image, badges for category and state, the done tick and
// the progress bar. Text comes from the catalogue.
import { Badge } from "~/components/ui/card";
import { useT } from "~/i18n/react";

export function ModuleCover({ moduleId, version, title, small, className = "" }: {
  moduleId: string; version: string | null; title: string; small?: boolean; className?: string;
}) {
  const t = useT();
  if (!version) {
    return <div aria-hidden="true" className={`${small ? "h-16" : "h-24 sm:h-32"} w-full bg-gradient-to-br from-brand-100 to-accent-100 ${className}`} />;
  }
  return (
    <img
      src={`/pelatihan/${moduleId}/sampul?v=${version}${small ? "&ukuran=kecil" : ""}`}
      alt={t("module.coverAlt", { title })}
      width={small ? 480 : 1200}
      height={small ? 270 : 675}
      loading={small ? "lazy" : undefined}
      decoding="async"
      className={`aspect-video w-full object-cover ${className}`}
    />
  );
}

export function ModuleStatusBadge({ status }: { status: string }) {
  const t = useT();
  if (status === "published") return <Badge tone="success">{t("module.status.published")}</Badge>;
  if (status === "archived") return <Badge tone="neutral">{t("module.status.archived")}</Badge>;
  return <Badge tone="warning">{t("module.status.draft")}</Badge>;
}

export function DoneTick({ done, percent }: { done: boolean; percent?: number | null }) {
  const t = useT();
  if (done) {
    return (
      <span className="inline-flex items-center gap-1 text-sm font-semibold text-success-700">
        <span aria-hidden="true">✓</span> {t("module.lesson.done")}
      </span>
    );
  }
  if (percent != null && percent > 0) return <span className="text-sm text-muted">{t("module.lesson.watched", { percent })}</span>;
  return <span className="sr-only">{t("module.lesson.notDone")}</span>;
}

export function ProgressBar({ done, total }: { done: number; total: number }) {
  const t = useT();
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm">
        <span className="font-semibold">{t("module.page.progressLabel")}</span>
        <span className="text-muted">{t("module.page.progress", { done, total })}</span>
      </div>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t("module.page.progressLabel")} className="h-3 w-full overflow-hidden rounded-full bg-surface ring-1 ring-line">
        <div className="h-full rounded-full bg-success-700" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
