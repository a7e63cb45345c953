// Recurring meeting series: the list (each with its rule and next meeting). Viewing it tops up every
// active series' occurrences, so the next three months always exist as drafts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { useDescribeRule } from "~/components/series";
import { ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { listSeries, topUpAllSeries } from "~/models/series.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Seri rapat — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "meeting.viewAll");
  await topUpAllSeries(db);
  return { series: await listSeries(db), canManage: can(user, "series.manage") };
}

export default function SeriesList() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const describe = useDescribeRule();
  return (
    <div>
      <PageHeader
        eyebrow={<Link to="/rapat">{t("nav.meetings")}</Link>}
        title={t("series.list.title")}
        description={t("series.list.description")}
        actions={d.canManage ? <ButtonLink to="/rapat/seri/baru" variant="primary">{t("series.list.new")}</ButtonLink> : null}
      />
      {d.series.length === 0 ? (
        <EmptyState>{t("series.list.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {d.series.map((s) => (
            <li key={s.id}>
              <Card as="article" className="h-full">
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge tone={s.active ? "success" : "neutral"}>{t(s.active ? "series.active" : "series.ended")}</Badge>
                  <Badge>{t(`meeting.kind.${s.kind}`)}</Badge>
                  <Badge>{t(`meeting.mode.${s.mode}`)}</Badge>
                </div>
                <h2 className="text-lg font-bold"><Link to={`/rapat/seri/${s.id}`}>{s.title}</Link></h2>
                <p className="text-muted">{describe(s)}</p>
                <p className="mt-2 text-sm">
                  {s.next_starts_at ? t("series.list.next", { when: formatDateTime(s.next_starts_at, s.time_zone, locale) }) : t("series.list.noNext")}
                </p>
                <p className="text-sm text-muted">{t("series.list.count", { count: formatNumber(s.meeting_count, locale) })}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
