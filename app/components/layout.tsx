// The page frame: header with the network's name, navigation by role, the unread count, the
// account menu, and a footer with the language switch. Works without JavaScript (<details> menus).
// Every page carries this frame, so it is made of plain anchors and forms: its links navigate
// client-side through one delegated handler (see client-nav.tsx) rather than a router <Link> each,
// and signing out is a plain whole-page POST (the session ends; nothing client-side to keep).
import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { useClientNavigation } from "./client-nav";
import { Notice } from "./ui/card";

interface ShellUser {
  id: string;
  name: string;
  agencyId: string | null;
  agencyRole: "admin" | "member" | null;
  roles: string[];
  manageNetwork: boolean;
}

interface NavItem { to: string; label: MessageKey; end?: boolean; admin?: boolean }

function navFor(user: ShellUser): NavItem[] {
  const items: NavItem[] = [
    { to: "/", label: "nav.home", end: true },
    { to: "/rapat", label: "nav.meetings" },
    { to: "/tindak-lanjut", label: "nav.followUps" },
    { to: "/belajar", label: "nav.learning" },
    { to: "/pelatihan", label: "nav.training" },
  ];
  const readsAll = user.roles.includes("koordinator") || user.roles.includes("pimpinan");
  if (readsAll) items.push({ to: "/laporan", label: "nav.reports" });
  else if (user.agencyId && user.agencyRole === "admin") items.push({ to: `/laporan/instansi/${user.agencyId}`, label: "nav.reports" });
  // The secretariat reaches its own agency through "Instansi"; one item fewer keeps the bar on one line at 1280 px.
  if (user.agencyId && !readsAll) items.push({ to: `/instansi/${user.agencyId}`, label: "nav.myAgency" });
  items.push({ to: "/instansi", label: "nav.agencies", end: true });
  if (user.manageNetwork) {
    items.push({ to: "/jejaring", label: "nav.network", admin: true });
    items.push({ to: "/audit", label: "nav.audit", admin: true });
    items.push({ to: "/kotak-keluar", label: "nav.outbox", admin: true });
  }
  return items;
}

/** What NavLink would decide: the item's own page, or (unless `end`) a page below it. */
function isActive(pathname: string, item: NavItem) {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return path === item.to || (!item.end && item.to !== "/" && path.startsWith(`${item.to}/`));
}

export function AppShell({ user, network, unread, flash, children }: {
  user: ShellUser | null;
  network: { name: string; demo: boolean } | null;
  unread: number;
  flash: { tone: "success" | "danger" | "brand"; key: string; params?: Record<string, string | number> } | null;
  children: ReactNode;
}) {
  const t = useT();
  const { pathname } = useLocation();
  const onNavigate = useClientNavigation();
  const items = user ? navFor(user) : [];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("nav.skip")}
      </a>
      <header role="banner" className="bg-brand-800 text-white" onClick={onNavigate}>
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
          <a href="/" className="flex min-h-11 min-w-0 items-center gap-2 text-white no-underline xl:min-w-auto">
            <span aria-hidden className="grid size-9 shrink-0 place-items-center rounded-lg bg-accent-500 font-black text-brand-900">S</span>
            <span className="min-w-0 leading-tight xl:min-w-auto">
              <span className="block text-lg font-bold">{t("app.name")}</span>
              {network ? <span className="block max-w-[11rem] truncate text-xs text-brand-100 sm:max-w-xs">{network.name}</span> : null}
            </span>
          </a>
          {user ? (
            <>
              <nav aria-label={t("nav.main")} className="ml-2 hidden flex-1 items-center gap-0.5 xl:flex">
                {items.filter((i) => !i.admin).map((i) => {
                  const active = isActive(pathname, i);
                  return (
                    <a key={i.to} href={i.to} className="nav-link" aria-current={active ? "page" : undefined}>
                      {t(i.label)}
                    </a>
                  );
                })}
                <AdminMenu items={items.filter((i) => i.admin)} />
              </nav>
              <div className="ml-auto flex shrink-0 items-center gap-1 xl:shrink">
                <NotificationBell unread={unread} />
                <AccountMenu user={user} />
                <MobileMenu items={items} />
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {flash ? <Notice tone={flash.tone}>{t(flash.key, flash.params)}</Notice> : null}
        {children}
      </main>
      <Footer />
    </>
  );
}

function AdminMenu({ items }: { items: NavItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <details className="relative">
      <summary className="menu-summary gap-1 whitespace-nowrap px-3 font-semibold text-brand-50">
        {t("nav.secretariat")}
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="2" fill="none" /></svg>
      </summary>
      <div className="menu-panel left-0 w-60">
        {items.map((i) => (
          <MenuLink key={i.to} to={i.to}>{t(i.label)}</MenuLink>
        ))}
      </div>
    </details>
  );
}

function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  const label = unread > 0 ? `${t("nav.notifications")} — ${t("notifications.unread", { count: unread })}` : t("nav.notifications");
  return (
    <a href="/notifikasi" aria-label={label} className="relative grid size-11 place-items-center rounded-control text-white hover:bg-white/10">
      <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span data-testid="unread-count" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-accent-500 px-1 text-center text-xs font-bold text-brand-900">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </a>
  );
}

function AccountMenu({ user }: { user: ShellUser }) {
  const t = useT();
  return (
    <details className="relative">
      <summary className="menu-summary gap-2 px-2">
        <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-100 font-bold text-brand-800">
          {user.name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="hidden max-w-[10rem] truncate sm:inline xl:hidden">{user.name}</span>
        <span className="sr-only">{t("nav.account")}</span>
      </summary>
      <div className="menu-panel right-0 w-60 text-ink">
        <p className="truncate px-3 py-2 text-sm text-muted">{user.name}</p>
        <MenuLink to="/profil">{t("nav.profile")}</MenuLink>
        <MenuLink to="/laporan/saya">{t("nav.myRecord")}</MenuLink>
        <MenuLink to="/profil/keamanan">{t("nav.security")}</MenuLink>
        <form method="post" action="/logout">
          <button type="submit" className="flex min-h-11 w-full items-center rounded-control px-3 text-left font-semibold text-danger-700 hover:bg-danger-50">
            {t("nav.signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}

function MenuLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a href={to} className="menu-link">
      {children}
    </a>
  );
}

function MobileMenu({ items }: { items: NavItem[] }) {
  const t = useT();
  return (
    <details className="relative xl:hidden">
      <summary className="menu-summary gap-1 px-3 font-semibold">
        <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span className="sr-only sm:not-sr-only">{t("nav.menu")}</span>
      </summary>
      <nav aria-label={t("nav.main")} className="menu-panel right-0 w-64">
        {items.map((i) => (
          <MenuLink key={i.to} to={i.to}>{t(i.label)}</MenuLink>
        ))}
      </nav>
    </details>
  );
}

function Footer() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const other = locale === "id" ? "en" : "id";
  return (
    <footer className="mx-auto max-w-6xl px-4 pb-10 pt-4 text-sm text-muted">
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <p>{t("app.tagline")}</p>
        <Form method="post" action="/bahasa" className="flex items-center gap-2">
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <input type="hidden" name="locale" value={other} />
          <span>{t("nav.language")}:</span>
          <button type="submit" className="min-h-11 rounded-control px-2 font-semibold text-brand-700 underline hover:bg-brand-50" lang={other}>
            {t(`locale.${other}`)}
          </button>
        </Form>
      </div>
    </footer>
  );
}
