import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "~/styles/app.css?url";
import { getSession, currentSessionCookie } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { readFlash } from "~/.server/flash.server";
import { can } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AppShell } from "~/components/layout";
import { parseLocale } from "~/i18n";
import { countUnread } from "~/models/notification.server";
import { getNetwork } from "~/models/network.server";
import { useNonce } from "~/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Sinergi" }];

function langCookie(request: Request) {
  const m = /(?:^|;\s*)sinergi_lang=(id|en)/.exec(request.headers.get("Cookie") ?? "");
  return m?.[1];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const user = session?.user ?? null;
  const [network, unread] = await Promise.all([getNetwork(db), user ? countUnread(db, user.id) : 0]);
  const { flash, clear } = readFlash(request);
  const headers = new Headers();
  if (clear) headers.append("Set-Cookie", clear);
  // Re-send the session cookie so the browser keeps it as long as the server-side session lives.
  const cookie = user ? currentSessionCookie(request) : null;
  if (cookie) headers.append("Set-Cookie", cookie);
  return data(
    {
      user: user && {
        id: user.id,
        name: user.name,
        agencyId: user.agencyId,
        agencyRole: user.agencyRole,
        roles: user.networkRoles,
        manageNetwork: can(user, "network.manage"),
      },
      network: network && { name: network.name, demo: network.demo_data },
      locale: user ? user.locale : parseLocale(langCookie(request)),
      viewerTimeZone: user?.timeZone ?? network?.time_zone ?? "Asia/Jakarta",
      unread,
      flash,
    },
    { headers },
  );
}

export type RootData = typeof loader;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<RootData>("root");
  return (
    <html lang={data?.locale ?? "id"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#164a70" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell user={data.user} network={data.network} unread={data.unread} flash={data.flash}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<RootData>("root");
  return (
    <AppShell user={data?.user ?? null} network={data?.network ?? null} unread={data?.unread ?? 0} flash={null}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
