// The person's notifications, newest first. Everything works without JavaScript: "mark as read" is a
// small POST form, and an item's link goes through `?buka=<id>`, which marks it read and redirects.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser, safeRedirect } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { listNotifications, markRead, openNotification } from "~/models/notification.server";

const PAGE_SIZE = 20;

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("notifications.title")} — Sinergi` }];
};

const pageOf = (url: URL) => Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("halaman") ?? "1", 10) || 1));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const open = url.searchParams.get("buka");
  if (open) {
    const { found, link } = await openNotification(db, user.id, open.slice(0, 64));
    if (!found) notFound();
    return redirect(safeRedirect(link, "/notifikasi"));
  }
  const page = pageOf(url);
  // One row more than a page tells whether an older page exists, without counting every row.
  const rows = await listNotifications(db, user.id, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return { items: rows.slice(0, PAGE_SIZE), page, hasOlder: rows.length > PAGE_SIZE };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const back = `/notifikasi${new URL(request.url).search}`;
  if (intent === "readAll") {
    await markRead(db, user.id, "all");
    return redirectWithFlash(back, { tone: "success", key: "notifications.allRead" });
  }
  const id = form.get("id");
  if (intent === "read" && typeof id === "string" && id) {
    await markRead(db, user.id, [id.slice(0, 64)]);
    return redirect(back);
  }
  throw new Response("error.400", { status: 400 });
}

export default function Notifications() {
  const { items, page, hasOlder } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const anyUnread = items.some((n) => !n.read_at);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.intro")}
        actions={
          anyUnread ? (
            <Form method="post">
              <Button name="intent" value="readAll" variant="secondary">{t("notifications.markAll")}</Button>
            </Form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState>{t("notifications.empty")}</EmptyState>
      ) : (
        <ul aria-label={t("notifications.list")} className="space-y-3">
          {items.map((n) => {
            const title = t(`notify.${n.kind}.title`, n.params);
            const unread = !n.read_at;
            return (
              <li
                key={n.id}
                data-unread={unread ? "true" : undefined}
                className={`rounded-card border p-4 shadow-sm ${unread ? "border-brand-300 border-l-4 border-l-brand-600 bg-brand-50" : "border-line bg-white"}`}
              >
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      {unread ? <Badge tone="brand">{t("notifications.new")}</Badge> : null}
                      <time dateTime={n.created_at} className="text-sm text-muted">{formatDateTime(n.created_at, tz, locale)}</time>
                    </p>
                    <h2 className={`mt-1 text-lg ${unread ? "font-bold" : "font-semibold"}`}>
                      {n.link ? (
                        <Link to={`/notifikasi?buka=${n.id}`} className="hover:underline">{title}</Link>
                      ) : (
                        title
                      )}
                    </h2>
                    <p className="mt-1 text-ink">{t(`notify.${n.kind}.body`, n.params)}</p>
                  </div>
                  {unread ? (
                    <Form method="post" className="shrink-0">
                      <input type="hidden" name="id" value={n.id} />
                      <Button name="intent" value="read" variant="ghost" className="w-full sm:w-auto" aria-label={t("notifications.markReadLabel", { title })}>
                        {t("notifications.markRead")}
                      </Button>
                    </Form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {page > 1 || hasOlder ? (
        <nav className="mt-6 flex justify-between gap-3" aria-label={t("notifications.pages")}>
          {page > 1 ? <ButtonLink to={page === 2 ? "/notifikasi" : `/notifikasi?halaman=${page - 1}`}>{t("notifications.newer")}</ButtonLink> : <span />}
          {hasOlder ? <ButtonLink to={`/notifikasi?halaman=${page + 1}`}>{t("notifications.older")}</ButtonLink> : null}
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
