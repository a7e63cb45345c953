// My peer reviews: those I owe (with the time each is taken back if not started, in my zone) and
// those I have done. Never names the authors.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { ReviewRows } from "~/components/training/reviews-owed";
import { Card, EmptyState, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { listMyReviews, pendingCalibrations } from "~/models/peer-review.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("review.do.listTitle")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [mine, calibrations] = await Promise.all([listMyReviews(db, user.id), pendingCalibrations(db, user.id)]);
  return { ...mine, calibrations };
}

export default function MyReviewsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <>
      <PageHeader title={t("review.do.listTitle")} description={t("review.do.listLead")} />
      {d.calibrations.length ? (
        <Card className="mb-6 border-brand-600/40" aria-labelledby="calib-title">
          <h2 id="calib-title" className="mb-1 text-lg font-bold">{t("review.calib.pendingTitle")}</h2>
          <p className="mb-2 text-sm text-muted">{t("review.calib.pendingHint")}</p>
          <ul className="divide-y divide-line">
            {d.calibrations.map((c) => (
              <li key={c.assignmentId} className="py-3">
                <Link to={`/pelatihan/${c.moduleId}/tugas/${c.assignmentId}/kalibrasi`} className="font-semibold">{c.assignmentTitle}</Link>
                <span className="block text-sm text-muted">{c.moduleTitle}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="mb-6" aria-labelledby="owed-title">
        <h2 id="owed-title" className="mb-2 text-lg font-bold">{t("review.do.owed.title")}</h2>
        {d.owed.length ? <ReviewRows reviews={d.owed} /> : <EmptyState>{t("review.do.owed.empty")}</EmptyState>}
      </Card>
      <Card aria-labelledby="done-title">
        <h2 id="done-title" className="mb-2 text-lg font-bold">{t("review.do.done.title")}</h2>
        {d.done.length ? (
          <ul className="divide-y divide-line">
            {d.done.map((r, i) => (
              <li key={r.id} className="py-3">
                <Link to={`/silang-baca/${r.id}`} className="font-semibold">{t("review.do.owed.item", { n: i + 1, title: r.assignmentTitle })}</Link>
                <span className="block text-sm text-muted">{r.moduleTitle}</span>
                <span className="block text-sm">
                  {t("review.do.done.line", { at: r.submittedAt ? formatDateTime(r.submittedAt, tz, locale) : "—", score: r.score == null ? "—" : formatNumber(r.score, locale, 2) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t("review.do.done.empty")}</p>
        )}
      </Card>
    </>
  );
}
