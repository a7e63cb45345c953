// The e-mail outbox (coordinator only): every message Sinergi sent or kept, newest first, with its
// full text. Without SMTP configured this is where the messages are (the demo works without a mail
// server); with SMTP it shows whether each was delivered.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { env } from "~/.server/env.server";
import { requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { makeT, parseLocale } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { listOutbox } from "~/models/outbox.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("outbox.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "outbox.read");
  const url = new URL(request.url);
  const rawTo = (url.searchParams.get("to") ?? "").trim();
  const to = rawTo ? z.string().email().max(254).safeParse(rawTo) : null;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const list = await listOutbox(db, { to: to?.success ? to.data : undefined, page });
  return { ...list, to: rawTo, badTo: !!to && !to.success, smtp: !!env().SMTP_URL };
}

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/** The body as text, with web links made clickable (only http and https). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all">{part}</a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function Outbox() {
  const { rows, total, page, pages, to, badTo, smtp } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <>
      <PageHeader title={t("outbox.title")} description={smtp ? t("outbox.introSmtp") : t("outbox.intro")} />
      <Form method="get" role="search" className="mb-6 flex flex-col gap-3 rounded-card border border-line bg-white p-4 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="outbox-to" className="mb-1 block font-semibold">{t("outbox.filter.to")}</label>
          <input id="outbox-to" name="to" type="email" inputMode="email" defaultValue={to} placeholder={t("outbox.filter.placeholder")}
            className="block w-full min-h-11 rounded-control border border-line px-3 py-2" />
        </div>
        <div className="flex gap-2">
          <Button className="flex-1 sm:flex-none">{t("action.filter")}</Button>
          {to ? <ButtonLink to="/kotak-keluar" variant="ghost">{t("action.reset")}</ButtonLink> : null}
        </div>
      </Form>
      {badTo ? <Notice tone="warning" role="alert">{t("outbox.filter.bad")}</Notice> : null}
      {rows.length === 0 ? (
        <EmptyState>{to && !badTo ? t("outbox.noMatch", { to }) : t("outbox.empty")}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {rows.map((m) => (
            <li key={m.id}>
              <Card as="article" aria-labelledby={`mail-${m.id}`}>
                <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h2 id={`mail-${m.id}`} className="text-lg font-bold break-words">{m.subject}</h2>
                    <p className="text-sm text-muted">
                      {t("outbox.to")} <span className="break-all font-medium text-ink">{m.to_address}</span>
                    </p>
                    <p className="text-sm text-muted">{formatDateTime(m.created_at, tz, locale)}</p>
                  </div>
                  <div className="shrink-0">
                    <Status transport={m.transport} sentAt={m.sent_at} error={m.error} />
                  </div>
                </div>
                <div data-testid="mail-body" className="whitespace-pre-wrap break-words rounded-control border border-line bg-surface p-3 text-[0.95rem] leading-relaxed">
                  <Linkified text={m.text_body} />
                </div>
                {m.error ? <p className="mt-2 text-sm text-danger-700 break-words">{t("outbox.errorDetail", { error: m.error })}</p> : null}
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} total={total} />
    </>
  );
}

function Status({ transport, sentAt, error }: { transport: string; sentAt: string | null; error: string | null }) {
  const t = useT();
  if (transport !== "smtp") return <Badge tone="neutral">{t("outbox.status.kept")}</Badge>;
  if (error) return <Badge tone="danger">{t("outbox.status.failed")}</Badge>;
  if (sentAt) return <Badge tone="success">{t("outbox.status.sent")}</Badge>;
  return <Badge tone="warning">{t("outbox.status.sending")}</Badge>;
}

export { GeneralErrorBoundary as ErrorBoundary };
