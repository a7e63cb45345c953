// "Ulasan yang harus Anda kerjakan": the reviews a trainee owes, each with the time it is taken back
// if not started (in the viewer's zone) or the review deadline, linking to the review page. Build
// the data on the server with `listMyReviews(db, user.id)` from ~/models/peer-review.server and
// pass its `owed`. Renders nothing when nothing is owed. Never names the author.
import { Link } from "@remix-run/react";
import { Badge, Card } from "~/components/ui/card";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";

export interface OwedReview {
  id: string;
  status: string;
  moduleTitle: string;
  assignmentTitle: string;
  leaseExpiresAt: string | null;
  reviewsDueAt: string | null;
}

export function ReviewsOwed({ reviews, className = "" }: { reviews: OwedReview[]; className?: string }) {
  const t = useT();
  if (!reviews.length) return null;
  return (
    <Card className={className} aria-labelledby="reviews-owed-title">
      <h2 id="reviews-owed-title" className="mb-2 text-lg font-bold">{t("review.do.owed.title")}</h2>
      <ReviewRows reviews={reviews} />
      <p className="mt-2 text-sm"><Link to="/silang-baca">{t("review.do.owed.all")}</Link></p>
    </Card>
  );
}

export function ReviewRows({ reviews }: { reviews: OwedReview[] }) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <ul className="divide-y divide-line">
      {reviews.map((r, i) => (
        <li key={r.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <Link to={`/silang-baca/${r.id}`} className="font-semibold">
              {t("review.do.owed.item", { n: i + 1, title: r.assignmentTitle })}
            </Link>
            <span className="block text-sm text-muted">{r.moduleTitle}</span>
            {r.status === "assigned" && r.leaseExpiresAt ? (
              <span className="block text-sm">{t("review.do.owed.startBy", { at: formatDateTime(r.leaseExpiresAt, tz, locale) })}</span>
            ) : r.reviewsDueAt ? (
              <span className="block text-sm">{t("review.do.owed.dueBy", { at: formatDateTime(r.reviewsDueAt, tz, locale) })}</span>
            ) : null}
          </div>
          <span className="self-start sm:self-auto">
            <Badge tone={r.status === "started" ? "brand" : "warning"}>{t(`review.do.status.${r.status}`)}</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}
