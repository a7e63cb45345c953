// My learning: JP this year against the 20 JP target, work waiting (by the viewer's own deadline, in
// their own zone), work returned for revision, enrolled modules with progress, and certificates.
import { ReviewsOwed } from "~/components/training/reviews-owed";
import { listMyReviews } from "~/models/peer-review.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { useClientNavigation } from "~/components/client-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JpMeter, ProgressLine } from "~/components/training/learning-bits";
import { buttonClass, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale, type Locale, type T } from "~/i18n";
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

/** What every part of the page formats with, read once (not once per item). */
interface Fmt { t: T; locale: Locale; tz: string }

export default function MyLearningPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const fmt: Fmt = { t, locale: useLocale(), tz: useViewerTimeZone() };
  const onNavigate = useClientNavigation();
  const nothing = d.modules.length === 0 && d.certificates.length === 0;
  return (
    // The page's links are plain anchors the router follows through this one handler (see client-nav.tsx).
    <div onClick={onNavigate}>
      <PageHeader title={t("learning.title")} description={t("learning.lead")} />
      <ReviewsOwed reviews={d.reviewsOwed} className="mb-6" />
      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="learning-jp">
          <h2 id="learning-jp" className="mb-2 text-lg font-bold">{t("learning.jp.title", { year: d.jp.year })}</h2>
          <JpMeter {...d.jp} />
          <p className="mt-2 text-sm text-muted">{t("learning.jp.note")}</p>
          <p className="mt-1 text-sm"><a href="/laporan/saya" className="inline-flex min-h-11 items-center font-semibold">{`${t("record.fromLearning")} →`}</a></p>
        </Card>
        {nothing ? (
          <div className="lg:col-span-2">
            <EmptyState>
              <span className="mb-3 block">{t("learning.empty")}</span>
              <ButtonLink to="/pelatihan" variant="primary">{t("learning.empty.cta")}</ButtonLink>
            </EmptyState>
          </div>
        ) : (
          <DueNext items={d.dueNext} fmt={fmt} />
        )}
      </div>

      {d.returned.length ? (
        <Card className="mb-6 border-warning-700/40" aria-labelledby="learning-returned">
          <h2 id="learning-returned" className="text-lg font-bold">{t("learning.returned.title")}</h2>
          <p className="mb-2 text-sm text-muted">{t("learning.returned.hint")}</p>
          <ul className="divide-y divide-line">
            {d.returned.map((r) => (
              <li key={r.assignmentId} className="py-3">
                <a href={`/pelatihan/${r.moduleId}/tugas/${r.assignmentId}`} className="font-semibold">{r.title}</a>
                <span className="sub">{r.moduleTitle}</span>
                <DueLine item={r} fmt={fmt} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {d.modules.length ? <Modules modules={d.modules} fmt={fmt} /> : null}
      {!nothing ? <Certificates certificates={d.certificates} fmt={fmt} /> : null}
    </div>
  );
}

function DueNext({ items, fmt }: { items: DueItem[]; fmt: Fmt }) {
  const { t } = fmt;
  return (
    <Card className="lg:col-span-2" aria-labelledby="learning-due">
      <h2 id="learning-due" className="mb-2 text-lg font-bold">{t("learning.due.title")}</h2>
      {items.length ? (
        <>
          <ul className="divide-y divide-line">
            {items.slice(0, DUE_SHOWN).map((a) => (
              <li key={a.assignmentId} className="py-3">
                <div className="lrn-head">
                  <a href={`/pelatihan/${a.moduleId}/tugas/${a.assignmentId}`} className="font-semibold">{a.title}</a>
                  <WindowBadge window={a.window} t={t} />
                  {a.extended ? <Badge tone="brand">{t("learning.badge.extended")}</Badge> : null}
                  {a.started ? <Badge>{t("learning.badge.draft")}</Badge> : null}
                </div>
                <span className="sub">{a.moduleTitle}</span>
                <DueLine item={a} fmt={fmt} />
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

function WindowBadge({ window, t }: { window: DueItem["window"]; t: T }) {
  if (window === "late") return <Badge tone="warning">{t("learning.badge.late")}</Badge>;
  if (window === "closed") return <Badge tone="danger">{t("learning.badge.closed")}</Badge>;
  if (window === "notOpen") return <Badge>{t("learning.badge.notOpen")}</Badge>;
  return null;
}

/** The one date that matters now, in the viewer's own zone. */
function DueLine({ item, fmt: { t, locale, tz } }: { item: { window: DueItem["window"]; dueAt: string; lateUntil: string; opensAt?: string }; fmt: Fmt }) {
  const f = (v: string) => formatDateTime(v, tz, locale);
  let text: string;
  let tone = "text-ink";
  if (item.window === "notOpen" && item.opensAt) text = `${t("learning.due.opensAt", { date: f(item.opensAt) })} · ${t("learning.due.dueAt", { date: f(item.dueAt) })}`;
  else if (item.window === "late") { text = t("learning.due.lateUntil", { due: f(item.dueAt), date: f(item.lateUntil) }); tone = "text-warning-700"; }
  else if (item.window === "closed") { text = t("learning.due.closedAt", { date: f(item.lateUntil) }); tone = "text-danger-700"; }
  else text = t("learning.due.dueAt", { date: f(item.dueAt) });
  return <span className={`mt-0.5 block text-sm font-medium ${tone}`}>{text}</span>;
}

type ModuleItem = ReturnType<typeof useLoaderData<typeof loader>>["modules"][number];

/** Running modules as cards with their progress bars; finished ones as a compact list (their
 *  certificates, with the download, are in the certificate list below). */
function Modules({ modules, fmt }: { modules: ModuleItem[]; fmt: Fmt }) {
  const { t } = fmt;
  const running = modules.filter((m) => !m.completedAt);
  const finished = modules.filter((m) => m.completedAt);
  return (
    <section aria-labelledby="learning-modules" className="mb-6">
      <h2 id="learning-modules" className="mb-3 text-lg font-bold">{t("learning.modules.title")}</h2>
      {running.length ? (
        <ul className="mb-4 grid gap-4 md:grid-cols-2">
          {running.map((m) => <RunningModule key={m.moduleId} m={m} fmt={fmt} />)}
        </ul>
      ) : null}
      {finished.length ? (
        <Card aria-labelledby="learning-finished">
          <h3 id="learning-finished" className="mb-1 text-base font-bold">{t("learning.modules.finished")}</h3>
          <ul className="divide-y divide-line">
            {finished.map((m) => <FinishedModule key={m.moduleId} m={m} fmt={fmt} />)}
          </ul>
        </Card>
      ) : null}
    </section>
  );
}

/** "4 JP · Angkatan I · 15 Agustus 2026 – 29 September 2026" */
const moduleLine = (m: ModuleItem, { t, locale }: Fmt) =>
  `${t("learning.jpUnit", { jp: m.jp })} · ${t("learning.modules.cohort", { cohort: m.cohortName, start: formatCalendarDate(m.startsOn, locale), end: formatCalendarDate(m.endsOn, locale) })}`;

function RunningModule({ m, fmt }: { m: ModuleItem; fmt: Fmt }) {
  const { t } = fmt;
  const p = m.progress;
  return (
    <li>
      <Card as="article" className="h-full">
        <div className="lrn-mod-head">
          <h3 className="min-w-0 flex-1 text-base font-bold">
            <a href={`/pelatihan/${m.moduleId}`}>{m.title}</a>
          </h3>
          <Badge tone="brand">{t("learning.status.running")}</Badge>
        </div>
        <p className="text-sm text-muted">{moduleLine(m, fmt)}</p>
        <p className="mt-2 text-sm font-semibold">{t("learning.progress.percent", { percent: p.percent })}</p>
        <div className="mt-2 grid gap-2" aria-label={t("learning.progress.label", { title: m.title })} role="group">
          <ProgressLine label={t("learning.progress.lessons", { done: p.lessonsDone, total: p.lessons })} done={p.lessonsDone} total={p.lessons} />
          {p.assignments ? (
            <ProgressLine label={t("learning.progress.assignments", { done: p.assignmentsSubmitted, total: p.assignments })} done={p.assignmentsSubmitted} total={p.assignments} />
          ) : null}
          {m.passMark != null && p.assignments ? (
            <ProgressLine label={t("learning.progress.passed", { mark: m.passMark, done: p.assignmentsPassed, total: p.assignments })} done={p.assignmentsPassed} total={p.assignments} />
          ) : null}
        </div>
        {m.hasCertificate ? (
          <a href={`/pelatihan/${m.moduleId}/sertifikat`} download className={buttonClass("secondary", "mt-3")}>
            {t("learning.certificates.download")}<span className="sr-only">{`: ${m.title}`}</span>
          </a>
        ) : null}
      </Card>
    </li>
  );
}

/** A finished module on one or two lines: when, how much, and how its work went (as text: its bars would all be full). */
function FinishedModule({ m, fmt }: { m: ModuleItem; fmt: Fmt }) {
  const { t, locale, tz } = fmt;
  const p = m.progress;
  const work = [t("learning.progress.lessons", { done: p.lessonsDone, total: p.lessons })];
  if (p.assignments) work.push(t("learning.progress.assignments", { done: p.assignmentsSubmitted, total: p.assignments }));
  if (m.passMark != null && p.assignments) work.push(t("learning.progress.passed", { mark: m.passMark, done: p.assignmentsPassed, total: p.assignments }));
  return (
    <li>
      <article className="py-3">
        <div className="lrn-head">
          <h4 className="font-semibold"><a href={`/pelatihan/${m.moduleId}`}>{m.title}</a></h4>
          <Badge tone="success">{t("learning.status.done")}</Badge>
        </div>
        <p className="text-sm">
          <span className="font-medium text-success-700">{t("learning.modules.completedOn", { date: formatDate(m.completedAt!, tz, locale) })}</span>
          {` · ${moduleLine(m, fmt)}`}
        </p>
        <p className="text-sm text-muted">{work.join(" · ")}</p>
      </article>
    </li>
  );
}

function Certificates({ certificates, fmt: { t, locale } }: { certificates: ReturnType<typeof useLoaderData<typeof loader>>["certificates"]; fmt: Fmt }) {
  return (
    <Card aria-labelledby="learning-certificates">
      <h2 id="learning-certificates" className="mb-2 text-lg font-bold">{t("learning.certificates.title")}</h2>
      {certificates.length ? (
        <ul className="divide-y divide-line">
          {certificates.map((c) => (
            <li key={c.id} className="lrn-cert" data-testid="certificate">
              <div className="min-w-0">
                <p className="font-semibold">
                  {c.revoked ? <>{`${c.moduleTitle} `}<Badge tone="danger">{t("learning.certificates.revoked")}</Badge></> : `${c.moduleTitle} `}
                </p>
                <p className="sub">
                  {`${t("learning.jpUnit", { jp: c.jp })} · ${t("learning.certificates.completedOn", { date: formatCalendarDate(c.completedOn, locale) })}`}
                </p>
                <p className="text-sm">
                  {`${t("learning.certificates.code")}: `}<span className="lrn-code" data-testid="certificate-code">{c.code}</span>
                  {" · "}
                  <a href={`/verifikasi/${c.code}`}>{t("learning.certificates.verify")}</a>
                </p>
              </div>
              {!c.revoked ? (
                <a href={`/pelatihan/${c.moduleId}/sertifikat`} download className={buttonClass("primary", "shrink-0")}>
                  {t("learning.certificates.download")}<span className="sr-only">{`: ${c.moduleTitle}`}</span>
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
