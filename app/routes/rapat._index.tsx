import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can } from "~/.server/permissions.server";
import { useClientNavigation } from "~/components/client-nav";
import { rsvpTone, statusTone } from "~/components/meeting/bits";
import { ButtonLink, buttonClass } from "~/components/ui/button";
import { badgeClass, EmptyState, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { MEETING_KINDS, meetingDate, meetingTimeRange } from "~/lib/meeting";
import { listMeetings, listSeriesOptions } from "~/models/meeting.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Rapat — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const tab = url.searchParams.get("tab") === "lalu" ? "past" : "upcoming";
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const kind = url.searchParams.get("jenis") ?? "";
  const seriesId = url.searchParams.get("seri") ?? "";
  const page = Number(url.searchParams.get("page") ?? 1) || 1;
  const [list, series] = await Promise.all([
    listMeetings(db, { agencyId: user.agencyId, seeAll: can(user, "meeting.viewAll") }, { tab, q, kind, seriesId, page }),
    listSeriesOptions(db),
  ]);
  return {
    tab,
    filters: { q, kind, seriesId },
    rows: list.rows,
    page: list.page,
    pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    total: list.total,
    series,
    canCreate: can(user, "meeting.manage"),
    hasAgency: !!user.agencyId,
  };
}

export default function Meetings() {
  const { tab, filters, rows, page, pages, total, series, canCreate, hasAgency } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const onNavigate = useClientNavigation();
  const yourAgency = t("meeting.list.yourAgency");
  const tabHref = (v: string) => {
    const p = new URLSearchParams();
    if (v === "past") p.set("tab", "lalu");
    if (filters.q) p.set("q", filters.q);
    if (filters.kind) p.set("jenis", filters.kind);
    if (filters.seriesId) p.set("seri", filters.seriesId);
    const s = p.toString();
    return s ? `/rapat?${s}` : "/rapat";
  };
  return (
    <div>
      <PageHeader
        title={t("meeting.list.title")}
        description={t("meeting.list.description")}
        actions={
          <>
            <ButtonLink to="/kalender" variant="secondary">{t("calendar.link")}</ButtonLink>
            <ButtonLink to="/rapat/seri" variant="secondary">{t("meeting.list.seriesLink")}</ButtonLink>
            {canCreate ? <ButtonLink to="/rapat/baru" variant="primary">{t("meeting.list.new")}</ButtonLink> : null}
          </>
        }
      />
      {/* Tabs and the list's links are plain anchors that navigate client-side (see client-nav.tsx). */}
      <nav aria-label={t("meeting.list.tabs")} className="mb-4 flex gap-2" onClick={onNavigate}>
        {(["upcoming", "past"] as const).map((v) => (
          <a key={v} href={tabHref(v)} aria-current={tab === v ? "page" : undefined} className={buttonClass(tab === v ? "primary" : "secondary", "flex-1 sm:flex-none")}>
            {t(`meeting.list.tab.${v}`)}
          </a>
        ))}
      </nav>
      <Form method="get" className="mb-4 grid gap-3 rounded-card border border-line bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        {tab === "past" ? <input type="hidden" name="tab" value="lalu" /> : null}
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-semibold">{t("meeting.list.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} className="input" />
        </div>
        <div>
          <label htmlFor="jenis" className="mb-1 block text-sm font-semibold">{t("meeting.field.kind")}</label>
          <select id="jenis" name="jenis" defaultValue={filters.kind} className="input">
            <option value="">{t("meeting.list.allKinds")}</option>
            {MEETING_KINDS.map((k) => <option key={k} value={k}>{t(`meeting.kind.${k}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="seri" className="mb-1 block text-sm font-semibold">{t("meeting.list.series")}</label>
          <select id="seri" name="seri" defaultValue={filters.seriesId} className="input">
            <option value="">{t("meeting.list.allSeries")}</option>
            {series.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("action.filter")}</button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState>{!hasAgency && !canCreate ? t("meeting.list.noAgency") : tab === "upcoming" ? t("meeting.list.emptyUpcoming") : t("meeting.list.emptyPast")}</EmptyState>
      ) : (
        <ul className="space-y-3" onClick={onNavigate}>
          {/* 20 cards a page: plain elements with short classes (styles/components.css), labels read once. */}
          {rows.map((m) => (
            <li key={m.id} className="mtg">
              <div className="min-w-0">
                <h2 className="mtg-title"><a href={`/rapat/${m.id}`}>{m.title}</a></h2>
                <p className="sub">{m.venue ? `${t(`meeting.kind.${m.kind}`)} · ${m.venue}` : t(`meeting.kind.${m.kind}`)}</p>
                <p className="mt-1 font-semibold">{meetingDate(m.starts_at, m.time_zone, locale)}</p>
                <p className="text-muted">{meetingTimeRange(m.starts_at, m.ends_at, m.time_zone, viewerTz, locale)}</p>
              </div>
              <div className="mtg-badges">
                <span className={badgeClass(statusTone[m.status as keyof typeof statusTone] ?? "neutral")}>{t(`meeting.status.${m.status}`)}</span>
                <span className={badgeClass()}>{t(`meeting.mode.${m.mode}`)}</span>
                {m.own_rsvp && m.status !== "draft" ? (
                  <span className="inline-flex items-center gap-1 text-sm text-muted">
                    {yourAgency}
                    <span className={badgeClass(rsvpTone[m.own_rsvp as keyof typeof rsvpTone] ?? "neutral")}>{t(`rsvp.state.${m.own_rsvp}`)}</span>
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} total={total} />
    </div>
  );
}
