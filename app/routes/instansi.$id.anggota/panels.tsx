// The pieces of the member page. Every action is a plain form or link, so all of it works before
// (or without) JavaScript.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useClientNavigation } from "~/components/client-nav";
import { CheckboxField, ErrorList, Field, FormErrors, SelectField } from "~/components/form";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button";
import { badgeClass, Card, EmptyState, Notice } from "~/components/ui/card";
import { ResponsiveTable, Th } from "~/components/ui/table";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { handoverSchema, inviteSchema } from "./schemas";

type Target = "orang" | "permintaan" | "undangan";
const hiddenName: Record<Target, string> = { orang: "userId", permintaan: "requestId", undangan: "invitationId" };
const actionLabel = {
  deactivate: "member.action.deactivate",
  promote: "member.action.promote",
  demote: "member.action.demote",
  reject: "member.action.reject",
  revoke: "member.action.revoke",
} as const;

// ---------------------------------------------------------------------------------------------

export function ConfirmStep({ confirm, cancelTo }: {
  confirm: { intent: string; target: Target; key: keyof typeof actionLabel; id: string; name: string; email: string };
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const params = { name: confirm.name, email: confirm.email };
  return (
    <Card className="mx-auto max-w-xl" aria-labelledby="confirm-title">
      <p className="text-sm font-semibold uppercase tracking-wide text-warning-700">{t("member.confirm.eyebrow")}</p>
      <h2 id="confirm-title" className="mt-1 text-xl font-bold">{t(`member.confirm.${confirm.key}.title`, params)}</h2>
      <p className="mt-2 text-ink">{t(`member.confirm.${confirm.key}.body`, params)}</p>
      <Form method="post" className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <input type="hidden" name="intent" value={confirm.intent} />
        <input type="hidden" name={hiddenName[confirm.target]} value={confirm.id} />
        <ButtonLink to={cancelTo}>{t("action.cancel")}</ButtonLink>
        <Button variant={confirm.key === "promote" ? "primary" : "danger"} disabled={navigation.state === "submitting"}>
          {t(actionLabel[confirm.key])}
        </Button>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

export function JoinRequests({ requests, here, domain }: {
  requests: { id: string; name: string; email: string; created_at: string }[];
  here: string;
  domain: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <Card aria-labelledby="permintaan" className="border-warning-700/30 bg-warning-50">
      <h2 id="permintaan" className="text-xl font-bold">
        {t("member.requests.title")} <span className="text-muted">({requests.length})</span>
      </h2>
      <p className="mb-4 mt-1 text-muted">{t("member.requests.intro")}{domain ? ` (@${domain})` : ""}</p>
      <ul className="space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-col gap-3 rounded-control border border-line bg-white p-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-semibold">{r.name}</p>
              <p className="break-all text-sm text-muted">{r.email}</p>
              <p className="text-sm text-muted">{t("member.requests.sentAt", { date: formatDateTime(r.created_at, tz, locale) })}</p>
            </div>
            <div className="flex shrink-0 gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="requestId" value={r.id} />
                <Button aria-label={t("member.action.for", { action: t("member.action.approve"), name: r.name })}>{t("member.action.approve")}</Button>
              </Form>
              <ButtonLink
                to={`${here}?aksi=tolak&permintaan=${r.id}`}
                variant="secondary"
                aria-label={t("member.action.for", { action: t("member.action.reject"), name: r.name })}
              >
                {t("member.action.reject")}
              </ButtonLink>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

interface MemberRow {
  id: string;
  name: string;
  email: string;
  position: string | null;
  functional_level: string | null;
  isAdmin: boolean;
  deactivated_at: string | null;
}

interface View {
  rows: MemberRow[];
  total: number;
  page: number;
  pageSize: number;
  status: "active" | "deactivated";
  q: string;
  counts: { active: number; deactivated: number };
  me: string;
  /** the viewer may open every member's officer record (otherwise only their own) */
  records?: boolean;
}

export function MemberList({ agency, view, manage, here }: {
  agency: { name: string };
  view: View;
  manage: { adminCount: number } | null;
  here: string;
}) {
  const t = useT();
  const inactive = view.status === "deactivated";
  const base = inactive ? `${here}?status=nonaktif` : here;
  const withQuery = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    if (inactive) p.set("status", "nonaktif");
    if (view.q) p.set("q", view.q);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? `${here}?${s}` : here;
  };
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  // A page holds 20 rows: their pieces are plain functions with every label worked out once here,
  // not components (each would read the catalogue and the locale again per row).
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const row = {
    none: t("state.none"),
    you: `(${t("member.you")})`,
    recordTitle: t("record.title"),
    deactivatedAt: t("member.col.deactivatedAt"),
    admin: <span className={badgeClass("brand")}>{t("role.agencyAdmin")}</span>,
    member: <span className={badgeClass()}>{t("role.member")}</span>,
    action: { promote: t("member.action.promote"), demote: t("member.action.demote"), deactivate: t("member.action.deactivate"), activate: t("member.action.activate") },
  };
  // The name (a link to the officer record where the viewer may read it) over the e-mail, in one cell.
  const personName = (m: MemberRow) => (
    <td className="mem-who">
      {view.records === true || m.id === view.me ? <a href={`/laporan/petugas/${m.id}`} title={row.recordTitle}>{m.name}</a> : m.name}
      {m.id === view.me ? <> <span className="whitespace-nowrap text-sm font-normal text-muted">{row.you}</span></> : null}
      <span className="sub">{m.email}</span>
    </td>
  );
  /** Position, then the functional level when it says something the position does not. */
  const positionCell = (m: MemberRow) => {
    const level = m.functional_level && m.functional_level !== m.position ? m.functional_level : null;
    if (!m.position && !level) return <td className="mem-pos text-muted">{row.none}</td>;
    return (
      <td className="mem-pos">
        {m.position}
        {level ? <span className="sub">{level}</span> : null}
      </td>
    );
  };
  /** What a manager may do with one person. Only actions the rules allow are offered; the model
   *  checks the same rules again when the form arrives. Plain links (the table navigates
   *  client-side for them): a row of buttons on a phone card, a column at the end of a table row. */
  const rowActions = (m: MemberRow) => {
    const label = (action: string) => t("member.action.for", { action, name: m.name });
    if (inactive) {
      return (
        <Form method="post" className="flex md:justify-end">
          <input type="hidden" name="intent" value="activate" />
          <input type="hidden" name="userId" value={m.id} />
          <Button variant="secondary" aria-label={label(row.action.activate)}>{row.action.activate}</Button>
        </Form>
      );
    }
    const adminCount = manage?.adminCount ?? 0;
    const link = (slug: string) => `${here}?aksi=${slug}&orang=${m.id}`;
    return (
      <>
        {!m.isAdmin && adminCount < 2 ? <a href={link("jadikan-admin")} className="row-action" aria-label={label(row.action.promote)}>{row.action.promote}</a> : null}
        {m.isAdmin && adminCount > 1 ? <a href={link("jadikan-peserta")} className="row-action" aria-label={label(row.action.demote)}>{row.action.demote}</a> : null}
        {m.id !== view.me && (!m.isAdmin || adminCount > 1) ? (
          <a href={link("nonaktifkan")} className="row-action row-action-danger" aria-label={label(row.action.deactivate)}>{row.action.deactivate}</a>
        ) : null}
      </>
    );
  };
  const onNavigate = useClientNavigation();
  return (
    // Its tabs and page links are plain anchors that navigate client-side (see client-nav.tsx).
    <section aria-labelledby="member-list-title" className="space-y-4" onClick={onNavigate}>
      <h2 id="member-list-title" className="sr-only">{t(inactive ? "member.caption.inactive" : "member.caption.active", { agency: agency.name })}</h2>
      <nav aria-label={t("member.tabs")} className="flex gap-1 border-b border-line">
        <TabLink to={here} current={!inactive}>{t("member.tab.active", { count: view.counts.active })}</TabLink>
        <TabLink to={`${here}?status=nonaktif`} current={inactive}>{t("member.tab.inactive", { count: view.counts.deactivated })}</TabLink>
      </nav>
      <Form method="get" action={here} className="flex flex-col gap-2 sm:flex-row sm:items-end" role="search">
        {inactive ? <input type="hidden" name="status" value="nonaktif" /> : null}
        <div className="flex-1">
          <label htmlFor="member-q" className="mb-1 block font-semibold">{t("member.search.label")}</label>
          <input
            id="member-q"
            name="q"
            type="search"
            defaultValue={view.q}
            maxLength={100}
            placeholder={t("member.search.placeholder")}
            className="input shadow-sm focus:border-brand-500"
          />
        </div>
        <Button variant="secondary">{t("action.search")}</Button>
      </Form>
      {view.q ? (
        <p className="text-sm text-muted">
          {t("member.search.results", { count: view.total, q: view.q })}{" "}
          <a href={base}>{t("member.search.clear")}</a>
        </p>
      ) : null}
      {manage && !inactive ? <p className="text-sm text-muted">{t("member.admins.note", { count: manage.adminCount })}</p> : null}
      {view.rows.length === 0 ? (
        <EmptyState>{t(view.q ? "member.empty.search" : inactive ? "member.empty.inactive" : "member.empty.active")}</EmptyState>
      ) : (
        <ResponsiveTable
          caption={t(inactive ? "member.caption.inactive" : "member.caption.active", { agency: agency.name })}
          head={
            <>
              <Th className="min-w-[13rem]">{t("member.col.name")}</Th>
              <Th className="min-w-[10rem]">{t("member.col.position")}</Th>
              <Th>{inactive ? t("member.col.deactivatedAt") : t("member.col.role")}</Th>
              {manage ? <Th><span className="sr-only">{t("member.col.actions")}</span></Th> : null}
            </>
          }
        >
          {view.rows.map((m) => (
            <tr key={m.id}>
              {personName(m)}
              {positionCell(m)}
              {inactive ? (
                <td data-label={row.deactivatedAt} className="mem-role">
                  {m.deactivated_at ? <time dateTime={m.deactivated_at} className="sub">{formatDate(m.deactivated_at, tz, locale)}</time> : row.none}
                </td>
              ) : (
                <td className="mem-role">{m.isAdmin ? row.admin : row.member}</td>
              )}
              {manage ? <td className="mem-actions">{rowActions(m)}</td> : null}
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {pages > 1 ? (
        <nav aria-label={t("list.page", { page: view.page, pages })} className="flex flex-wrap items-center justify-between gap-3">
          {view.page > 1 ? <a href={withQuery({ halaman: String(view.page - 1) })} className={buttonClass("secondary")}>{t("action.previous")}</a> : <span />}
          <span className="text-sm text-muted">{t("list.page", { page: view.page, pages })}</span>
          {view.page < pages ? <a href={withQuery({ halaman: String(view.page + 1) })} className={buttonClass("secondary")}>{t("action.next")}</a> : <span />}
        </nav>
      ) : null}
    </section>
  );
}

function TabLink({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  return <a href={to} aria-current={current ? "page" : undefined} className="tab -mb-px px-4">{children}</a>;
}

// ---------------------------------------------------------------------------------------------

export function InviteCard({ lastResult, resetKey }: { lastResult?: SubmissionResult<string[]>; resetKey: string }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `invite-${resetKey}`,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  return (
    <Card aria-labelledby="invite-title">
      <h2 id="invite-title" className="text-lg font-bold">{t("member.invite.title")}</h2>
      <p className="mb-4 mt-1 text-sm text-muted">{t("member.invite.intro")}</p>
      {/* A new open invitation changes the key, so the form comes back empty after a success. */}
      <Form method="post" {...getFormProps(form)} key={resetKey}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("member.invite.email")} field={fields.email} type="email" inputProps={{ autoComplete: "off", inputMode: "email" }} />
        <Field label={t("member.invite.name")} field={fields.name} optional inputProps={{ autoComplete: "off" }} />
        <Button className="w-full" disabled={navigation.state === "submitting"}>{t("member.invite.submit")}</Button>
      </Form>
    </Card>
  );
}

export function InvitationsCard({ invitations, here, now }: {
  invitations: { id: string; email: string; name: string | null; expires_at: string }[];
  here: string;
  now: string;
}) {
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  return (
    <Card aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="mb-3 text-lg font-bold">{t("member.invitations.title")}</h2>
      {invitations.length === 0 ? (
        <p className="text-muted">{t("member.invitations.empty")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {invitations.map((i) => {
            const expired = i.expires_at <= now;
            return (
              <li key={i.id} className="flex items-start justify-between gap-2 py-2">
                <div className="min-w-0">
                  {i.name ? <p className="font-semibold">{i.name}</p> : null}
                  <p className="break-all text-sm">{i.email}</p>
                  <p className={`text-sm ${expired ? "text-warning-700" : "text-muted"}`}>
                    {t(expired ? "member.invitations.expired" : "member.invitations.expires", { date: formatDate(i.expires_at, tz, locale) })}
                  </p>
                </div>
                <Link
                  to={`${here}?aksi=batalkan-undangan&undangan=${i.id}`}
                  className={buttonClass("ghost", "shrink-0 text-sm text-danger-700 hover:bg-danger-50")}
                  aria-label={t("member.action.for", { action: t("member.action.revoke"), name: i.email })}
                >
                  {t("member.action.revoke")}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

/** On the list page: what the handover is, and the way to its step. */
export function HandoverCard({ to }: { to: string }) {
  const t = useT();
  return (
    <Card aria-labelledby="handover-title">
      <h2 id="handover-title" className="text-lg font-bold">{t("member.handover.title")}</h2>
      <p className="mb-4 mt-1 text-sm text-muted">{t("member.handover.intro")}</p>
      <ButtonLink to={to} className="w-full">{t("member.handover.submit")}</ButtonLink>
    </Card>
  );
}

/** The handover form (`?aksi=serah-terima`), with every active plain member as a possible successor. */
export function HandoverStep({ successors, lastResult, cancelTo }: {
  successors: { id: string; name: string; position: string | null }[];
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "handover",
    lastResult,
    defaultValue: { after: "stay" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: handoverSchema }),
  });
  return (
    <Card className="mx-auto max-w-xl" aria-labelledby="handover-title">
      <h2 id="handover-title" className="text-xl font-bold">{t("member.handover.title")}</h2>
      <p className="mb-4 mt-1 text-muted">{t("member.handover.intro")}</p>
      {successors.length === 0 ? (
        <>
          <Notice tone="neutral">{t("member.handover.none")}</Notice>
          <ButtonLink to={cancelTo}>{t("action.cancel")}</ButtonLink>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="handover" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            label={t("member.handover.successor")}
            field={fields.successorId}
            placeholder={t("member.handover.choose")}
            options={successors.map((s) => ({ value: s.id, label: s.position ? `${s.name} — ${s.position}` : s.name }))}
          />
          <fieldset className="mb-4">
            <legend className="mb-1 font-semibold">{t("member.handover.after")}</legend>
            {(["stay", "leave"] as const).map((v) => (
              <label key={v} className="flex min-h-11 items-start gap-3 py-1">
                <input
                  {...getInputProps(fields.after, { type: "radio", value: v })}
                  key={`${fields.after.key}-${v}`}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <span>{t(`member.handover.${v}`)}</span>
              </label>
            ))}
            <ErrorList id={fields.after.errorId} errors={fields.after.errors} />
          </fieldset>
          <CheckboxField label={t("member.handover.sure")} field={fields.sure} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <ButtonLink to={cancelTo}>{t("action.cancel")}</ButtonLink>
            <Button variant="danger" disabled={navigation.state === "submitting"}>{t("member.handover.submit")}</Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
