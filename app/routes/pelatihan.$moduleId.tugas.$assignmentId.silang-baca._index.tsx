// The fasilitator's "who owes what" board of an assignment's peer review: the cohort in figures, then
// 20 people a page grouped by agency (each agency with its totals): handed in or not, reviews owed,
// done and received, blocked and why, flags, reviewer and final grades. Filters (flagged, owes
// reviews, waiting for reviews, not handed in), one agency, or a search by name or agency narrow it —
// links and a GET form, so all of it works without JavaScript. Each person opens their own page
// (reviewers, final grade); the settings have their own page. Read every day, so it stays light.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useClientNavigation } from "~/components/client-nav";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { flagText } from "~/components/training/peer-board";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, Notice } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { formatDate, formatNumber, formatTimeForViewer } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { BOARD_FILTERS, type BoardFilter } from "~/lib/peer-board";
import { getAdminSettings, listViolations, peerBoard } from "~/models/peer-admin.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Silang baca — Sinergi" }];

/** URL words for the filters (Indonesian, as people share these links). */
const FILTER_PARAM: Record<BoardFilter, string> = { all: "", flagged: "ditandai", owes: "berutang", waiting: "menunggu", notSubmitted: "belum" };
const filterOf = (v: string | null): BoardFilter => BOARD_FILTERS.find((f) => f !== "all" && FILTER_PARAM[f] === v) ?? "all";

// One line of "blocked" reasons per person, coloured by the most serious: text, not a row of chips,
// because the board renders 20 people on every view.
const SEVERITY = ["inactive", "calibration", "owesReviews", "waitingReviews", "notOpen", "notSubmitted"] as const;
const BLOCK_TEXT: Record<(typeof SEVERITY)[number], string> = {
  inactive: "text-danger-700", calibration: "text-warning-700", owesReviews: "text-warning-700", waitingReviews: "text-brand-800", notOpen: "text-muted", notSubmitted: "text-muted",
};
const worst = (blocked: readonly (typeof SEVERITY)[number][]) => SEVERITY.find((x) => blocked.includes(x)) ?? "notSubmitted";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  const url = new URL(request.url);
  const filter = filterOf(url.searchParams.get("tampil"));
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const agencyId = url.searchParams.get("instansi") || null;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const s = await getAdminSettings(db, a.id);
  const [board, violations] = s?.enabled
    ? await Promise.all([peerBoard(db, a, s, { page, filter, q, agencyId }), listViolations(db, a.id)])
    : [null, []];
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title, timeZone: a.time_zone, dueAt: a.due_at },
    configured: !!s,
    perSubmission: s?.perSubmission ?? 0,
    reviewsDueAt: s?.reviewsDueAt ?? null,
    view: { filter, q, agencyId },
    // What the page shows, no more: the board is serialised into the HTML for hydration.
    board: board && {
      ...board,
      persons: board.persons.map(({ reviews: _r, receiving: _n, submissionId: _s, agencyId: _a, agency: _g, ...p }) => ({ ...p, agencyKey: _a ?? "" })),
    },
    violations,
  };
}

export default function PeerBoardPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/silang-baca`;
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-prose">
          <h2 className="mb-1 text-xl font-bold">{t("review.admin.title")}</h2>
          <p className="text-muted">{t("review.admin.description")}</p>
        </div>
        <ButtonLink to={`${base}/pengaturan`} variant={d.board ? "secondary" : "primary"}>{t("review.admin.settingsLink")}</ButtonLink>
      </div>
      {d.board ? <Board /> : <EmptyState>{d.configured ? t("review.admin.board.off") : t("review.admin.board.notSet")}</EmptyState>}
    </div>
  );
}

function Board() {
  const d = useLoaderData<typeof loader>();
  const b = d.board!;
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const location = useLocation();
  const onNavigate = useClientNavigation();
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/silang-baca`;
  const when = (iso: string) => `${formatDate(iso, d.assignment.timeZone, locale)} ${formatTimeForViewer(iso, d.assignment.timeZone, tz, locale)}`;
  const n = (x: number) => formatNumber(x, locale);
  const grade = (x: number | null) => (x == null ? "—" : formatNumber(x, locale));
  // One line of figures per person: 25 of them render as text, not as 25 small tables.
  const overridden = t("review.admin.board.overridden");
  const figures = (p: (typeof b.persons)[number]) =>
    t(p.submitted ? "review.admin.board.figures" : "review.admin.board.figuresNotSubmitted", {
      done: n(p.done), owed: n(p.owed), received: n(p.received), of: n(d.perSubmission),
      grade: grade(p.reviewerGrade), final: p.overridden ? `${grade(p.finalScore)} (${overridden})` : grade(p.finalScore),
    });
  const hrefWith = (change: Record<string, string | null>) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    for (const [k, v] of Object.entries(change)) if (v) params.set(k, v); else params.delete(k);
    const qs = params.toString();
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  };
  const agencyFilterName = d.view.agencyId ? (b.agencies.find((x) => (x.agencyId ?? "none") === d.view.agencyId)?.agency ?? (d.view.agencyId === "none" ? t("review.admin.board.noAgency") : null)) : null;
  // Plain anchors through one client-navigation handler: a router <Link> per row costs more to render.
  return (
    <section aria-labelledby="peer-board" onClick={onNavigate}>
      <h3 id="peer-board" className="mb-1 text-lg font-bold">{t("review.admin.board.title")}</h3>
      <p className="mb-3 text-sm text-muted">
        {b.open ? t("review.admin.board.open", { deadline: when(d.reviewsDueAt!) }) : t("review.admin.board.notOpen", { due: when(d.assignment.dueAt) })}
      </p>
      <p className="mb-4 rounded-card border border-line bg-white px-4 py-3 font-semibold" data-testid="board-summary">
        {t("review.admin.summary", { people: n(b.summary.people), submitted: n(b.summary.submitted), done: n(b.summary.done), owed: n(b.summary.owed), flagged: n(b.summary.flagged) })}
      </p>

      {d.violations.length > 0 ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("review.admin.violations.title", { count: d.violations.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {d.violations.map((v) => <li key={v.id}>{t("review.admin.violations.pair", { reviewer: v.reviewer, author: v.author, agency: v.agency ?? "—" })}</li>)}
          </ul>
        </Notice>
      ) : null}
      {b.backstop.length > 0 ? (
        <Notice tone="danger" role="status">
          <p className="font-semibold">{t("review.admin.backstop.title", { count: b.backstop.length })}</p>
          <p className="text-sm">{t("review.admin.backstop.hint")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {b.backstop.map((x) => <li key={x.submissionId}>{t("review.admin.backstop.item", { author: x.author, agency: x.agency ?? "—", missing: x.missing })}</li>)}
          </ul>
        </Notice>
      ) : null}

      <nav aria-label={t("review.admin.filter.label")} className="mb-3 mt-4 flex flex-wrap gap-2">
        {BOARD_FILTERS.map((f) => (
          <a
            key={f}
            href={hrefWith({ tampil: FILTER_PARAM[f] || null })}
            aria-current={d.view.filter === f ? "page" : undefined}
            className="chip"
          >
            {t(`review.admin.filter.${f}`)}
          </a>
        ))}
      </nav>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        {d.view.filter !== "all" ? <input type="hidden" name="tampil" value={FILTER_PARAM[d.view.filter]} /> : null}
        {d.view.agencyId ? <input type="hidden" name="instansi" value={d.view.agencyId} /> : null}
        <div className="min-w-0 grow sm:max-w-sm">
          <label htmlFor="board-q" className="mb-1 block text-sm font-semibold">{t("review.admin.search.label")}</label>
          <input id="board-q" name="q" type="search" defaultValue={d.view.q} className="input" />
        </div>
        <Button type="submit" variant="secondary">{t("review.admin.search.submit")}</Button>
        {d.view.q ? <a href={hrefWith({ q: null })} className="inline-flex min-h-11 items-center text-sm">{t("review.admin.search.clear")}</a> : null}
      </Form>
      {d.view.agencyId ? (
        <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone="brand">{t("review.admin.agencyFilter", { agency: agencyFilterName ?? "—" })}</Badge>
          <a href={hrefWith({ instansi: null })} className="inline-flex min-h-11 items-center">{t("review.admin.agencyFilter.clear")}</a>
        </p>
      ) : null}

      {b.persons.length === 0 ? <EmptyState>{t("review.admin.board.empty")}</EmptyState> : (
        <div className="space-y-3">
          {b.agencies.map((ag) => {
            const key = ag.agencyId ?? "";
            const people = b.persons.filter((p) => p.agencyKey === key);
            if (!people.length) return null;
            return (
              <section key={key || "none"} aria-label={ag.agency ?? t("review.admin.board.noAgency")} className="rounded-card border border-line bg-white">
                <div className="pb-head">
                  <a href={hrefWith({ instansi: ag.agencyId ?? "none" })} className="font-semibold" aria-label={t("review.admin.board.agencyOnly", { agency: ag.agency ?? t("review.admin.board.noAgency") })}>
                    {ag.agency ?? t("review.admin.board.noAgency")}
                  </a>
                  <span className="text-sm text-muted">
                    {t("review.admin.board.agencyTotals", { people: ag.people, submitted: ag.submitted, done: ag.done, owed: ag.owed })}
                  </span>
                </div>
                <ul className="divide-y divide-line">
                  {people.map((p) => (
                    <li key={p.userId} className="px-4 py-3" data-testid="board-person">
                      <a href={`${base}/${p.userId}`} className="font-semibold">{p.name}</a>
                      <p className="text-sm" data-testid="figures">{figures(p)}</p>
                      {p.blocked.length > 0 ? (
                        <p className={`text-sm font-medium ${BLOCK_TEXT[worst(p.blocked)]}`}>{t("review.admin.board.blockedLine", { reasons: p.blocked.map((x) => t(`review.admin.blocked.${x}`)).join(" · ") })}</p>
                      ) : null}
                      {p.flagged.map((f) => (
                        <p key={f.id} className="text-sm">
                          <span className="font-semibold text-danger-700">{flagText(t, f.flags)}</span> <a href={`/silang-baca/${f.id}`}>{t("review.admin.board.openReview")}</a>
                        </p>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      <Pagination page={b.page} pages={b.pages} total={b.total} />
    </section>
  );
}
