// The author's side of peer review, shown pieces:
//   PeerResultsCard — on the trainee's assignment page: where the reviews stand and a link to them
//                     (render only when peer review is on; `status` from resultsStatus()).
//   AnnotatedText   — a version's plain text with the commented passages in <mark>, each followed by
//                     its comment number linking to the comment (#komentar-N).
//   PinnedImage     — an image with numbered pins at x/y (0..1), each linking to its comment.
// Dates in the viewer's zone; every string from the catalogue.
import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { Badge, Card } from "~/components/ui/card";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { markSegments, type MarkRange } from "~/lib/text-marks";

export interface PeerStatusView {
  state: "off" | "not_submitted" | "own_pending" | "waiting" | "visible";
  owed: number;
  done: number;
  received: number;
  expected: number;
  reviewsDueAt: string | null;
}

/** The reason the reviews are (not yet) visible, as one sentence. */
export function usePeerStatusText() {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (s: PeerStatusView) =>
    s.state === "not_submitted" ? t("review.result.notSubmitted")
    : s.state === "own_pending" ? t("review.result.ownPending", { done: s.done, owed: s.owed })
    : s.state === "waiting" && s.expected === 0 ? t("review.result.notAllocated")
    : s.state === "waiting" ? t("review.result.waiting", { at: s.reviewsDueAt ? formatDateTime(s.reviewsDueAt, tz, locale) : "", received: s.received, expected: s.expected })
    : s.state === "visible" ? (s.received ? t("review.result.visible", { received: s.received }) : t("review.result.noReviews"))
    : "";
}

export function PeerResultsCard({ status, href }: { status: PeerStatusView; href: string }) {
  const t = useT();
  const text = usePeerStatusText();
  if (status.state === "off") return null;
  return (
    <Card aria-labelledby="peer-title" className="border-brand-200">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="peer-title" className="text-xl font-bold">{t("review.result.section")}</h2>
        {status.state === "visible" ? <Badge tone="success">{t("review.result.open")}</Badge> : null}
      </div>
      <p className="mb-1" data-testid="peer-status">{text(status)}</p>
      {status.state !== "not_submitted" ? (
        <p className="mb-3 text-sm text-muted">{t("review.result.statusLine", { done: status.done, owed: status.owed, received: status.received, expected: status.expected })}</p>
      ) : null}
      <div className="flex flex-wrap gap-x-6">
        {status.state !== "not_submitted" ? (
          <Link to={href} className="inline-flex min-h-11 items-center font-semibold">{t("review.result.open")} →</Link>
        ) : null}
        {status.owed > status.done ? (
          <Link to="/silang-baca" className="inline-flex min-h-11 items-center font-semibold">{t("review.do.owed.all")} →</Link>
        ) : null}
      </div>
    </Card>
  );
}

export function AnnotatedText({ text, ranges }: { text: string; ranges: MarkRange[] }) {
  const t = useT();
  const segments = markSegments(text, ranges);
  return (
    <div className="whitespace-pre-wrap rounded-control border border-line bg-white p-4 leading-relaxed" data-testid="annotated-text">
      {segments.map((s, i) => (
        <Fragment key={i}>
          {s.covering.length ? (
            <mark className={`rounded-sm px-0.5 text-ink ${s.covering.length > 1 ? "bg-accent-500/40" : "bg-accent-100"} underline decoration-accent-700 decoration-2 underline-offset-4`} data-comments={s.covering.join(" ")}>
              {s.text}
            </mark>
          ) : s.text}
          {s.endingHere.map((n) => (
            <a
              key={n}
              href={`#komentar-${n}`}
              id={`tanda-${n}`}
              aria-label={t("review.result.commentN", { n })}
              className="mx-0.5 inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-brand-700 px-1 align-super text-xs font-bold text-white no-underline"
            >
              {n}
            </a>
          ))}
        </Fragment>
      ))}
    </div>
  );
}

export interface PinView { n: number; x: number; y: number }

export function PinnedImage({ src, alt, width, height, pins }: { src: string; alt: string; width: number | null; height: number | null; pins: PinView[] }) {
  const t = useT();
  return (
    <div className="relative mx-auto w-fit max-w-full">
      <img src={src} alt={alt} width={width ?? undefined} height={height ?? undefined} className="block h-auto max-h-[32rem] w-auto max-w-full rounded-control border border-line" />
      {pins.map((p) => (
        <a
          key={p.n}
          href={`#komentar-${p.n}`}
          id={`tanda-${p.n}`}
          aria-label={t("review.result.commentN", { n: p.n })}
          style={{ left: `${Math.min(1, Math.max(0, p.x)) * 100}%`, top: `${Math.min(1, Math.max(0, p.y)) * 100}%` }}
          className="absolute flex h-8 w-8 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-brand-700 text-sm font-bold text-white no-underline shadow-md"
        >
          {p.n}
        </a>
      ))}
    </div>
  );
}
