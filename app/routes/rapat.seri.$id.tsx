// One series: its rule and its occurrences (each an ordinary meeting, moved or cancelled alone on
// its own page). Viewing it tops up the occurrences; the coordinator can end the series.
import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { can, notFound, requirePermission } from "~/.server/permissions.server";
import { StatusBadge } from "~/components/meeting/bits";
import { useDescribeRule } from "~/components/series";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/card";
import { formatDate, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { utcToZoned } from "~/lib/zoned-time";
import { endSeries, getSeries, topUpSeries } from "~/models/series.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.series.title ?? "Seri rapat"} — Sinergi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "meeting.viewAll");
  if (!params.id) notFound();
  await topUpSeries(db, params.id);
  const s = await getSeries(db, params.id);
  if (!s) notFound();
  const now = Date.now();
  const meetings = s.meetings.map((m) => ({ ...m, moved: !!m.occurrence_date && utcToZoned(m.starts_at, m.time_zone).date !== m.occurrence_date }));
  return {
    series: s.series,
    upcoming: meetings.filter((m) => Date.parse(m.ends_at) >= now),
    past: meetings.filter((m) => Date.parse(m.ends_at) < now).reverse(),
    canManage: can(user, "series.manage"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "series.manage");
  if (!params.id) notFound();
  await endSeries(db, { id: user.id, ip: context.ip ?? null }, params.id);
  return redirectWithFlash(`/rapat/seri/${params.id}`, { tone: "success", key: "series.flash.ended" });
}

export default function SeriesPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const describe = useDescribeRule();
  const navigation = useNavigation();
  const s = d.series;
  const list = (items: typeof d.upcoming) => (
    <ul className="divide-y divide-line rounded-card border border-line bg-white">
      {items.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
          <span className="min-w-0">
            <Link to={`/rapat/${m.id}`} className="font-semibold">{formatDate(m.starts_at, m.time_zone, locale)}</Link>
            <span className="block text-sm text-muted">
              {formatTime(m.starts_at, m.time_zone, locale)}
              {m.moved && m.status !== "cancelled" ? ` · ${t("series.moved")}` : ""}
              {m.title !== s.title ? ` · ${m.title}` : ""}
            </span>
          </span>
          <StatusBadge status={m.status} />
        </li>
      ))}
    </ul>
  );
  return (
    <div>
      <PageHeader eyebrow={<Link to="/rapat/seri">{t("series.list.title")}</Link>} title={s.title} description={describe(s)} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title" className="mb-2 text-xl font-bold">{t("series.upcoming")}</h2>
            <p className="mb-3 text-sm text-muted">{t("series.upcomingHint")}</p>
            {d.upcoming.length ? list(d.upcoming) : <EmptyState>{t("series.noUpcoming")}</EmptyState>}
          </section>
          {d.past.length ? (
            <section aria-labelledby="past-title">
              <h2 id="past-title" className="mb-3 text-xl font-bold">{t("series.past")}</h2>
              {list(d.past)}
            </section>
          ) : null}
        </div>
        <Card aria-labelledby="rule-title" className="h-fit">
          <h2 id="rule-title" className="mb-2 text-lg font-bold">{t("series.rule")}</h2>
          <div className="mb-3 flex flex-wrap gap-2">
            <Badge tone={s.active ? "success" : "neutral"}>{t(s.active ? "series.active" : "series.ended")}</Badge>
            <Badge>{t(`meeting.kind.${s.kind}`)}</Badge>
            <Badge>{t(`meeting.mode.${s.mode}`)}</Badge>
          </div>
          <dl className="space-y-2 text-sm">
            <RuleRow label={t("series.field.startsOn")}>{formatDate(`${s.starts_on}T12:00:00Z`, "UTC", locale)}</RuleRow>
            <RuleRow label={t("series.field.untilDate")}>{s.until_date ? formatDate(`${s.until_date}T12:00:00Z`, "UTC", locale) : t("series.noEnd")}</RuleRow>
            {s.venue ? <RuleRow label={t("meeting.field.venue")}>{s.venue}</RuleRow> : null}
            {s.join_url ? <RuleRow label={t("meeting.field.joinUrl")}><span className="break-all">{s.join_url}</span></RuleRow> : null}
            <RuleRow label={t("series.field.inviteAll")}>{t(s.invite_all_agencies ? "series.yes" : "series.no")}</RuleRow>
          </dl>
          {d.canManage && s.active ? (
            <Form method="post" className="mt-4">
              <p className="mb-2 text-sm text-muted">{t("series.endHint")}</p>
              <Button variant="secondary" className="w-full" disabled={navigation.state === "submitting"}>{t("series.end")}</Button>
            </Form>
          ) : null}
        </Card>
      </div>
    </div>
  );
}

function RuleRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
