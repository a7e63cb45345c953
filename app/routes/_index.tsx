// Home: what the foundation offers each person. Coordinator (and pimpinan): the network in numbers
// and, for the coordinator, the latest audit entries and shortcuts. Agency admin: the join requests
// and invitations waiting in their agency. Everyone else: a welcome with links to profile and agency.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JpMeter } from "~/components/training/learning-bits";
import { ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { isMessageKey, makeT, parseLocale } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { getAgency } from "~/models/agency.server";
import { listAudit } from "~/models/audit.server";
import { agencyInbox, networkOverview } from "~/models/dashboard.server";
import { jpThisYear } from "~/models/learning.server";
import { getNetwork } from "~/models/network.server";
import { countUnread } from "~/models/notification.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("home.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const readsAll = can(user, "network.readAll");
  const manages = can(user, "network.manage");
  const isAdmin = !!user.agencyId && can(user, "agency.members.manage", { agencyId: user.agencyId });
  const [unread, network, agency, overview, recent, inbox, jp] = await Promise.all([
    countUnread(db, user.id),
    getNetwork(db),
    user.agencyId ? getAgency(db, user.agencyId) : Promise.resolve(null),
    readsAll ? networkOverview(db) : Promise.resolve(null),
    can(user, "audit.read") ? listAudit(db, { pageSize: 6 }) : Promise.resolve(null),
    isAdmin && user.agencyId ? agencyInbox(db, user.agencyId) : Promise.resolve(null),
    jpThisYear(db, user.id, user.timeZone),
  ]);
  const roles = [
    ...user.networkRoles.map((r) => `role.${r}`),
    ...(user.agencyRole === "admin" ? ["role.agencyAdmin"] : []),
  ];
  return {
    name: user.name,
    roles: roles.length ? roles : ["role.member"],
    demo: network?.demo_data ?? false,
    unread,
    agency: agency ? { id: agency.id, name: agency.name, active: agency.active } : null,
    overview,
    recent: recent?.rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor_name, at: r.created_at, agency: r.agency_short_name })) ?? null,
    inbox,
    jp,
    manages,
    canSeeMembers: !!user.agencyId && can(user, "agency.members.view", { agencyId: user.agencyId }),
  };
}

export default function Home() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: d.name })}
        description={[d.roles.map((r) => t(r)).join(" · "), d.agency?.name].filter(Boolean).join(" — ")}
      />
      {d.demo ? <Notice tone="brand">{t("home.demo")}</Notice> : null}
      {d.agency && !d.agency.active ? <Notice tone="warning">{t("dashboard.agencyInactive", { name: d.agency.name })}</Notice> : null}

      {d.overview ? (
        <section aria-labelledby="dash-network" className="mb-8">
          <h2 id="dash-network" className="mb-3 text-lg font-bold">{t("dashboard.network")}</h2>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Stat to="/instansi" label={t("dashboard.stat.agencies")} value={d.overview.activeAgencies} />
            <Stat label={t("dashboard.stat.people")} value={d.overview.activePeople} />
            <Stat label={t("dashboard.stat.invitations")} value={d.overview.openInvitations} />
            <Stat to="/notifikasi" label={t("dashboard.stat.unread")} value={d.unread} />
          </div>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        {d.inbox && d.agency ? <AgencyInbox agency={d.agency} inbox={d.inbox} /> : null}
        {d.recent ? <RecentAudit rows={d.recent} /> : null}
        {d.manages ? <CoordinatorShortcuts /> : null}
        {!d.overview && !d.inbox ? <Welcome agency={d.agency} unread={d.unread} canSeeMembers={d.canSeeMembers} /> : null}
        <LearningCard jp={d.jp} />
      </div>
    </>
  );
}

function Stat({ label, value, to }: { label: string; value: number; to?: string }) {
  const locale = useLocale();
  const body = (
    <>
      <span className="block text-3xl font-bold text-brand-800">{formatNumber(value, locale)}</span>
      <span className="block text-sm font-medium text-muted">{label}</span>
    </>
  );
  const cls = "block min-h-24 rounded-card border border-line bg-white p-4 shadow-sm no-underline";
  return to ? <Link to={to} className={`${cls} hover:border-brand-300 hover:bg-brand-50`}>{body}</Link> : <div className={cls}>{body}</div>;
}

function AgencyInbox({ agency, inbox }: {
  agency: { id: string; name: string };
  inbox: { joinRequests: { id: string; name: string; email: string; created_at: string }[]; invitations: { id: string; email: string; expires_at: string }[] };
}) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const members = `/instansi/${agency.id}/anggota`;
  return (
    <Card aria-labelledby="dash-agency">
      <h2 id="dash-agency" className="text-lg font-bold">{t("dashboard.agency.title")}</h2>
      <p className="mb-4 text-sm text-muted">{agency.name}</p>
      <h3 className="font-semibold">{t("dashboard.agency.joinRequests", { count: inbox.joinRequests.length })}</h3>
      {inbox.joinRequests.length ? (
        <ul className="mb-4 mt-1 divide-y divide-line">
          {inbox.joinRequests.slice(0, 5).map((r) => (
            <li key={r.id} className="py-2">
              <span className="font-medium">{r.name}</span>
              <span className="block break-all text-sm text-muted">{r.email} · {formatDateTime(r.created_at, tz, locale)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-muted">{t("dashboard.agency.noJoinRequests")}</p>
      )}
      <h3 className="font-semibold">{t("dashboard.agency.invitations", { count: inbox.invitations.length })}</h3>
      {inbox.invitations.length ? (
        <ul className="mb-4 mt-1 divide-y divide-line">
          {inbox.invitations.slice(0, 5).map((i) => (
            <li key={i.id} className="py-2">
              <span className="break-all font-medium">{i.email}</span>
              <span className="block text-sm text-muted">{t("agency.invitations.expires", { date: formatDateTime(i.expires_at, tz, locale) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-muted">{t("dashboard.agency.noInvitations")}</p>
      )}
      <ButtonLink to={members} variant="primary" className="w-full sm:w-auto">{t("dashboard.agency.manage")}</ButtonLink>
    </Card>
  );
}

function LearningCard({ jp }: { jp: { year: number; earned: number; target: number } }) {
  const t = useT();
  return (
    <Card aria-labelledby="dash-learning" className="lg:col-span-2">
      <div className="grid gap-x-8 gap-y-2 lg:grid-cols-[14rem_1fr] lg:items-center">
        <h2 id="dash-learning" className="text-lg font-bold lg:col-start-1 lg:row-start-1">{t("learning.home.title", { year: jp.year })}</h2>
        <div className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1"><JpMeter {...jp} compact /></div>
        <Link to="/belajar" className="inline-flex min-h-11 items-center font-semibold lg:col-start-1 lg:row-start-2">{t("learning.home.link")}</Link>
      </div>
    </Card>
  );
}

function RecentAudit({ rows }: { rows: { id: string; action: string; actor: string | null; at: string; agency: string | null }[] }) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <Card aria-labelledby="dash-audit">
      <h2 id="dash-audit" className="mb-3 text-lg font-bold">{t("dashboard.recent")}</h2>
      {rows.length ? (
        <ol className="divide-y divide-line">
          {rows.map((r) => (
            <li key={r.id} className="py-2">
              <span className="font-medium">{isMessageKey(`audit.action.${r.action}`) ? t(`audit.action.${r.action}`) : r.action}</span>
              {r.agency ? <span className="text-muted"> · {r.agency}</span> : null}
              <span className="block text-sm text-muted">{r.actor ?? t("audit.system")} · {formatDateTime(r.at, tz, locale)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-muted">{t("audit.empty")}</p>
      )}
      <Link to="/audit" className="mt-3 inline-flex min-h-11 items-center font-semibold">{t("dashboard.recentAll")}</Link>
    </Card>
  );
}

function CoordinatorShortcuts() {
  const t = useT();
  return (
    <Card aria-labelledby="dash-shortcuts">
      <h2 id="dash-shortcuts" className="mb-3 text-lg font-bold">{t("dashboard.shortcuts")}</h2>
      <ul className="grid gap-2">
        <Shortcut to="/instansi/baru">{t("agency.list.add")}</Shortcut>
        <Shortcut to="/jejaring/peran">{t("dashboard.shortcut.roles")}</Shortcut>
        <Shortcut to="/jejaring">{t("dashboard.shortcut.network")}</Shortcut>
        <Shortcut to="/kotak-keluar">{t("nav.outbox")}</Shortcut>
      </ul>
    </Card>
  );
}

function Shortcut({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <Link to={to} className="flex min-h-11 items-center justify-between rounded-control border border-line px-3 font-semibold no-underline hover:bg-brand-50">
        {children}<span aria-hidden>→</span>
      </Link>
    </li>
  );
}

function Welcome({ agency, unread, canSeeMembers }: { agency: { id: string; name: string } | null; unread: number; canSeeMembers: boolean }) {
  const t = useT();
  return (
    <Card aria-labelledby="dash-welcome" className="lg:col-span-2">
      <h2 id="dash-welcome" className="mb-1 text-lg font-bold">{t("dashboard.welcome.title")}</h2>
      <p className="mb-4 text-muted">{t("dashboard.welcome.intro")}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        <Shortcut to="/profil">{t("dashboard.welcome.profile")}</Shortcut>
        {agency ? <Shortcut to={`/instansi/${agency.id}`}>{t("dashboard.welcome.agency", { name: agency.name })}</Shortcut> : null}
        {agency && canSeeMembers ? <Shortcut to={`/instansi/${agency.id}/anggota`}>{t("dashboard.welcome.members")}</Shortcut> : null}
        <Shortcut to="/instansi">{t("dashboard.welcome.directory")}</Shortcut>
        <Shortcut to="/notifikasi">{unread ? t("dashboard.welcome.unread", { count: unread }) : t("nav.notifications")}</Shortcut>
      </ul>
    </Card>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
