// My learning: JP this year against the 20 JP target, work waiting (by the viewer's own deadline, in
// their own zone), work returned for revision, enrolled modules with progress, and certificates.
import { ReviewsOwed } from "~/components/training/reviews-owed";
import { listMyReviews } from "~/models/peer-review.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JpMeter, ProgressLine } from "~/components/training/learning-bits";
import { buttonClass, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatCalendarDate, formatDate, formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { myLearning, type DueItem } from "~/models/learning.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("learning.title")} — Sinergi` }];
};

const DUE_SHOWN = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [learning, reviews] = await Promise.all([
    myLearning(db, { id: user.id, timeZone: user.timeZone }),
    listMyReviews(db, user.id),
  ]);
  return { ...learning, reviewsOwed: reviews.owed };
}

export default function MyLearningPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const nothing = d.modules.length === 0 && d.certificates.length === 0;
  return (
    <>
      <PageHeader title={t("learning.title")} description={t("learning.lead")} />
      <ReviewsOwed reviews={d.reviewsOwed} className="mb-6" />
      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="learning-jp">
          <h2 id="learning-jp" className="mb-2 text-lg font-bold">{t("learning.jp.title", { year: d.jp.year })}</h2>
          <JpMeter {...d.jp} />
          <p className="mt-2 text-sm text-muted">{t("learning.jp.note")}</p>
        </Card>
        {nothing ? (
          <div className="lg:col-span-2">
            <EmptyState>
              <span className="mb-3 block">{t("learning.empty")}</span>
              <ButtonLink to="/pelatihan" variant="primary">{t("learning.empty.cta")}</ButtonLink>
            </EmptyState>
          </div>
        ) : (
          <DueNext items={d.dueNext} />
        )}
      </div>

      {d.returned.length ? (
        <Card className="mb-6 border-warning-700/40" aria-labelledby="learning-returned">
          <h2 id="learning-returned" className="text-lg font-bold">{t("learning.returned.title")}</h2>
          <p className="mb-2 text-sm text-muted">{t("learning.returned.hint")}</p>
          <ul className="divide-y divide-line">
            {d.returned.map((r) => (
              <li key={r.assignmentId} className="py-3">
                <Link to={`/pelatihan/${r.moduleId}/tugas/${r.assignmentId}`} className="font-semibold">{r.title}</Link>
                <span className="block text-sm text-muted">{r.moduleTitle}</span>
                <DueLine item={r} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {d.modules.length ? <Modules modules={d.modules} /> : null}
      {!nothing ? <Certificates certificates={d.certificates} /> : null}
    </>
  );
}

function DueNext({ items }: { items: DueItem[] }) {
  const t = useT();
  return (
    <Card className="lg:col-span-2" aria-labelledby="learning-due">
      <h2 id="learning-due" className="mb-2 text-lg font-bold">{t("learning.due.title")}</h2>
      {items.length ? (
        <>
          <ul className="divide-y divide-line">
            {items.slice(0, DUE_SHOWN).map((a) => (
              <li key={a.assignmentId} className="py-3">
                <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <Link to={`/pelatihan/${a.moduleId}/tugas/${a.assignmentId}`} className="font-semibold">{a.title}</Link>
                  <WindowBadge window={a.window} />
                  {a.extended ? <Badge tone="brand">{t("learning.badge.extended")}</Badge> : null}
                  {a.started ? <Badge>{t("learning.badge.draft")}</Badge> : null}
                </div>
                <span className="block text-sm text-muted">{a.moduleTitle}</span>
                <DueLine item={a} />
              </li>
            ))}
          </ul>
          {items.length > DUE_SHOWN ? <p className="mt-2 text-sm text-muted">{t("learning.due.more", { count: items.length - DUE_SHOWN })}</p> : null}
        </>
      ) : (
        <p className="text-muted">{t("learning.due.empty")}</p>
      )}
    </Card>
  );
}

function WindowBadge({ window }: { window: DueItem["window"] }) {
  const t = useT();
  if (window === "late") return <Badge tone="warning">{t("learning.badge.late")}</Badge>;
  if (window === "closed") return <Badge tone="danger">{t("learning.badge.closed")}</Badge>;
  if (window === "notOpen") return <Badge>{t("learning.badge.notOpen")}</Badge>;
  return null;
}

/** The one date that matters now, in the viewer's own zone. */
function DueLine({ item }: { item: { window: DueItem["window"]; dueAt: string; lateUntil: string; opensAt?: string } }) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const f = (v: string) => formatDateTime(v, tz, locale);
  let text: string;
  let tone = "text-ink";
  if (item.window === "notOpen" && item.opensAt) text = `${t("learning.due.opensAt", { date: f(item.opensAt) })} · ${t("learning.due.dueAt", { date: f(item.dueAt) })}`;
  else if (item.window === "late") { text = t("learning.due.lateUntil", { due: f(item.dueAt), date: f(item.lateUntil) }); tone = "text-warning-700"; }
  else if (item.window === "closed") { text = t("learning.due.closedAt", { date: f(item.lateUntil) }); tone = "text-danger-700"; }
  else text = t("learning.due.dueAt", { date: f(item.dueAt) });
  return <span className={`mt-0.5 block text-sm font-medium ${tone}`}>{text}</span>;
}

function Modules({ modules }: { modules: ReturnType<typeof useLoaderData<typeof loader>>["modules"] }) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <section aria-labelledby="learning-modules" className="mb-6">
      <h2 id="learning-modules" className="mb-3 text-lg font-bold">{t("learning.modules.title")}</h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {modules.map((m) => {
          const p = m.progress;
          return (
            <li key={m.moduleId}>
              <Card as="article" className="h-full">
                <div className="mb-1 flex flex-wrap items-start justify-between gap-2">
                  <h3 className="min-w-0 flex-1 text-base font-bold">
                    <Link to={`/pelatihan/${m.moduleId}`}>{m.title}</Link>
                  </h3>
                  <Badge tone={m.completedAt ? "success" : "brand"}>{t(m.completedAt ? "learning.status.done" : "learning.status.running")}</Badge>
                </div>
                <p className="text-sm text-muted">
                  {t("learning.jpUnit", { jp: m.jp })} · {t("learning.modules.cohort", { cohort: m.cohortName, start: formatCalendarDate(m.startsOn, locale), end: formatCalendarDate(m.endsOn, locale) })}
                </p>
                {m.completedAt ? (
                  <p className="mt-2 text-sm font-medium text-success-700">{t("learning.modules.completedOn", { date: formatDate(m.completedAt, tz, locale) })}</p>
                ) : (
                  <p className="mt-2 text-sm font-semibold">{t("learning.progress.percent", { percent: p.percent })}</p>
                )}
                <div className="mt-2 grid gap-2" aria-label={t("learning.progress.label", { title: m.title })} role="group">
                  <ProgressLine label={t("learning.progress.lessons", { done: p.lessonsDone, total: p.lessons })} done={p.lessonsDone} total={p.lessons} />
                  {p.assignments ? (
                    <ProgressLine label={t("learning.progress.assignments", { done: p.assignmentsSubmitted, total: p.assignments })} done={p.assignmentsSubmitted} total={p.assignments} />
                  ) : null}
                  {m.passMark != null && p.assignments ? (
                    <ProgressLine label={t("learning.progress.passed", { mark: m.passMark, done: p.assignmentsPassed, total: p.assignments })} done={p.assignmentsPassed} total={p.assignments} />
                  ) : null}
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  {m.hasCertificate ? (
                    <a href={`/pelatihan/${m.moduleId}/sertifikat`} download className={buttonClass("secondary")}>
                      {t("learning.certificates.download")}<span className="sr-only">: {m.title}</span>
                    </a>
                  ) : null}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Certificates({ certificates }: { certificates: ReturnType<typeof useLoaderData<typeof loader>>["certificates"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card aria-labelledby="learning-certificates">
      <h2 id="learning-certificates" className="mb-2 text-lg font-bold">{t("learning.certificates.title")}</h2>
      {certificates.length ? (
        <ul className="divide-y divide-line">
          {certificates.map((c) => (
            <li key={c.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="certificate">
              <div className="min-w-0">
                <p className="font-semibold">
                  {c.moduleTitle} {c.revoked ? <Badge tone="danger">{t("learning.certificates.revoked")}</Badge> : null}
                </p>
                <p className="text-sm text-muted">
                  {t("learning.jpUnit", { jp: c.jp })} · {t("learning.certificates.completedOn", { date: formatCalendarDate(c.completedOn, locale) })}
                </p>
                <p className="text-sm">
                  {t("learning.certificates.code")}: <span className="font-mono font-semibold tracking-wider" data-testid="certificate-code">{c.code}</span>
                  {" · "}
                  <Link to={`/verifikasi/${c.code}`}>{t("learning.certificates.verify")}</Link>
                </p>
              </div>
              {!c.revoked ? (
                <a href={`/pelatihan/${c.moduleId}/sertifikat`} download className={buttonClass("primary", "shrink-0")}>
                  {t("learning.certificates.download")}<span className="sr-only">: {c.moduleTitle}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">{t("learning.certificates.empty")}</p>
      )}
    </Card>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
