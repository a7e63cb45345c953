import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { Button } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { audit } from "~/models/audit.server";
import { createFeed, deleteFeed, getFeed } from "~/models/calendar.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Kalender — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feed = await getFeed(db, user.id);
  return { feed };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const intent = (await request.formData()).get("intent");
  if (intent === "delete") {
    await deleteFeed(db, user.id);
    await audit(db, { actorId: user.id, action: "calendar.feed.delete", targetType: "user", targetId: user.id, ip: context.ip ?? null });
    return redirectWithFlash("/kalender", { tone: "success", key: "calendar.flash.deleted" });
  }
  if (intent !== "create") return data({ url: null }, { status: 400 });
  const token = await createFeed(db, user.id);
  await audit(db, { actorId: user.id, action: "calendar.feed.create", targetType: "user", targetId: user.id, ip: context.ip ?? null });
  // Shown once: only the token's hash is stored.
  return { url: absoluteUrl(request, `/kalender/${token}.ics`) };
}

export default function CalendarPage() {
  const { feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const url = actionData?.url;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("calendar.title")} description={t("calendar.description")} />
      <Card>
        {url ? (
          <div className="mb-4">
            <Notice tone="success">{t("calendar.created")}</Notice>
            <label htmlFor="feed-url" className="mb-1 block font-semibold">{t("calendar.url")}</label>
            <input id="feed-url" readOnly value={url} className="block min-h-11 w-full rounded-control border border-line bg-surface px-3 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
            <p className="mt-2 text-sm text-muted">{t("calendar.howTo")}</p>
            <p className="mt-1 text-sm font-semibold text-warning-700">{t("calendar.secret")}</p>
          </div>
        ) : feed ? (
          <p className="mb-4">{t("calendar.exists", { at: formatDateTime(feed.created_at, tz, locale) })}</p>
        ) : (
          <p className="mb-4 text-muted">{t("calendar.none")}</p>
        )}
        <div className="flex flex-col gap-2 sm:flex-row">
          <Form method="post">
            <Button name="intent" value="create" className="w-full" disabled={navigation.state === "submitting"}>
              {feed || url ? t("calendar.regenerate") : t("calendar.create")}
            </Button>
          </Form>
          {feed || url ? (
            <Form method="post">
              <Button name="intent" value="delete" variant="secondary" className="w-full text-danger-700" disabled={navigation.state === "submitting"}>{t("calendar.delete")}</Button>
            </Form>
          ) : null}
        </div>
        {feed && !url ? <p className="mt-3 text-sm text-muted">{t("calendar.regenerateHint")}</p> : null}
      </Card>
    </div>
  );
}
