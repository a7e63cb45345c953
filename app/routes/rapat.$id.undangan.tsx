import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf, requireManagedMeeting, requireMeeting } from "~/.server/meeting-access.server";
import { useClientNavigation } from "~/components/client-nav";
import { Field, FormErrors } from "~/components/form";
import { MeetingTabs } from "~/components/meeting/bits";
import { Button, buttonClass } from "~/components/ui/button";
import { badgeClass, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { ResponsiveTable, Th } from "~/components/ui/table";
import { formatNumber, formatShortDate, formatTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { guestSchema } from "~/lib/meeting";
import {
  addGuest, inviteAgencies, listGuests, mailGuest, nudgeUnanswered, removeGuest, rsvpBoard, rsvpCounts,
  uninviteAgency, uninvitedAgencies, type BoardFilter,
} from "~/models/rsvp.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Undangan & RSVP — Sinergi" }];

const FILTERS: BoardFilter[] = ["all", "pending", "attending", "declined"];
/** Rows per board page: each row is rich (answer, representatives, two stamps, actions); 20 keep the
 *  page light (as the member list), and the answer filters and the search find any agency at once. */
const BOARD_PAGE_SIZE = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await requireManagedMeeting(user, params.id);
  const url = new URL(request.url);
  const filter = (FILTERS as string[]).includes(url.searchParams.get("jawaban") ?? "") ? (url.searchParams.get("jawaban") as BoardFilter) : "all";
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const find = url.searchParams.get("cari")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page") ?? 1) || 1;
  const open = (meeting.status === "draft" || meeting.status === "published") && new Date(meeting.ends_at) > new Date();
  const counts = await rsvpCounts(db, meeting.id);
  // The checklist of agencies not invited yet is its own section, rendered on request (?undang, or
  // a search in it) or while nobody is invited: the board of a big meeting does not carry it.
  const inviting = open && (url.searchParams.has("undang") || url.searchParams.has("cari") || counts.invited === 0);
  const [board, uninvited, guests] = await Promise.all([
    rsvpBoard(db, meeting.id, { filter, q, page, counts, pageSize: BOARD_PAGE_SIZE }),
    inviting ? uninvitedAgencies(db, meeting.id, find) : Promise.resolve([]),
    listGuests(db, meeting.id),
  ]);
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    open,
    canNudge: meeting.status === "published" && new Date(meeting.starts_at) > new Date(),
    counts,
    board: board.rows,
    page: board.page,
    pages: Math.max(1, Math.ceil(board.total / board.pageSize)),
    total: board.total,
    filter,
    q,
    find,
    inviting,
    // The guest form too is rendered on request (?tamu), or again when it came back with errors.
    addingGuest: open && url.searchParams.has("tamu"),
    uninvited: uninvited.map((a) => ({ id: a.id, name: a.name, short: a.short_name })),
    guests: guests.map((g) => ({ id: g.id, name: g.name, email: g.email, organisation: g.organisation, checkin_code: g.checkin_code, checked_in: !!g.checked_in_at })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id, { manage: true });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ctx = { actorId: user.id, baseUrl: baseUrlOf(request), ip: context.ip ?? null };
  const back = `/rapat/${meeting.id}/undangan`;
  switch (intent) {
    case "inviteAll":
    case "inviteChosen": {
      const r = await inviteAgencies(db, meeting.id, intent === "inviteAll" ? "all" : formData.getAll("agencyIds").map(String), ctx);
      if (!r.ok) return data({ section: "invite", errors: [r.error] }, { status: 400 });
      return redirectWithFlash(back, { tone: "success", key: "invite.flash.invited", params: { count: r.invited } });
    }
    case "uninvite": {
      const r = await uninviteAgency(db, meeting.id, String(formData.get("agencyId") ?? ""), ctx);
      if (!r.ok) return data({ section: "board", errors: [r.error ?? "error.400"] }, { status: 400 });
      return redirectWithFlash(back, { tone: "success", key: "invite.flash.uninvited" });
    }
    case "nudge": {
      const r = await nudgeUnanswered(db, meeting.id, ctx);
      if (!r.ok) return data({ section: "board", errors: [r.error] }, { status: 400 });
      return redirectWithFlash(back, { tone: "success", key: r.agencies ? "rsvp.flash.nudged" : "rsvp.flash.nobodyToNudge", params: { count: r.agencies } });
    }
    case "addGuest": {
      const submission = parseWithZod(formData, { schema: guestSchema });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const r = await addGuest(db, meeting.id, submission.value, ctx);
      if (!r.ok) return data(submission.reply({ fieldErrors: r.error === "guest.duplicate" ? { email: [r.error] } : {}, formErrors: r.error === "guest.duplicate" ? [] : [r.error] }), { status: 400 });
      return redirectWithFlash(back, { tone: "success", key: r.mailed ? "guest.flash.addedMailed" : "guest.flash.added" });
    }
    case "resendGuest": {
      const guestId = String(formData.get("guestId") ?? "");
      if (meeting.status !== "published" || !(await listGuests(db, meeting.id)).some((g) => g.id === guestId)) {
        return data({ section: "guests", errors: ["guest.cannotResend"] }, { status: 400 });
      }
      await mailGuest(db, guestId, ctx);
      return redirectWithFlash(back, { tone: "success", key: "guest.flash.resent" });
    }
    case "removeGuest": {
      await removeGuest(db, meeting.id, String(formData.get("guestId") ?? ""), ctx);
      return redirectWithFlash(back, { tone: "success", key: "guest.flash.removed" });
    }
  }
  return data({ section: "", errors: ["error.400"] }, { status: 400 });
}

export default function InvitationsPage() {
  const location = useLocation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const onNavigate = useClientNavigation();
  const sectionErrors = (s: string) => (actionData && "section" in actionData && actionData.section === s ? actionData.errors : null);
  const filterHref = (f: string) => {
    const p = new URLSearchParams(params);
    p.delete("page");
    if (f === "all") p.delete("jawaban");
    else p.set("jawaban", f);
    const s = p.toString();
    return s ? `${location.pathname}?${s}` : location.pathname;
  };
  return (
    // The page's links (filters, pages, rows, the two "open" links below) are plain anchors the router follows through this one handler (see client-nav.tsx).
    <div onClick={onNavigate}>
      <PageHeader eyebrow={t("meeting.tab.invitations")} title={<span className="block text-balance">{d.meeting.title}</span>} />
      <MeetingTabs meetingId={d.meeting.id} manage />

      <section aria-labelledby="board-title" className="mb-8">
        <h2 id="board-title" className="mb-3 text-xl font-bold">{t("rsvp.board.title")}</h2>
        <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(["invited", "attending", "declined", "pending"] as const).map((k) => (
            <div key={k} className="rounded-card border border-line bg-white p-3 text-center">
              <dt className="text-sm text-muted">{t(`rsvp.count.${k}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`count-${k}`}>{formatNumber(d.counts[k], locale)}</dd>
            </div>
          ))}
        </dl>
        {sectionErrors("board") ? <Notice tone="danger">{sectionErrors("board")!.map((e) => t(e)).join(" ")}</Notice> : null}
        {d.canNudge ? (
          <Form method="post" className="mb-4 flex flex-col gap-2 rounded-card border border-warning-700/30 bg-warning-50 p-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm">{t("rsvp.nudge.hint", { count: d.counts.pending })}</p>
            <Button name="intent" value="nudge" variant="primary" disabled={busy || d.counts.pending === 0}>{t("rsvp.nudge.button")}</Button>
          </Form>
        ) : null}
        <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <nav aria-label={t("rsvp.board.filter")} className="flex flex-wrap gap-2">
            {FILTERS.map((f) => (
              <a key={f} href={filterHref(f)} aria-current={d.filter === f ? "page" : undefined} className={buttonClass(d.filter === f ? "primary" : "secondary", "text-sm")}>
                {t(`rsvp.filter.${f}`)}
              </a>
            ))}
          </nav>
          <Form method="get" className="flex gap-2">
            {d.filter !== "all" ? <input type="hidden" name="jawaban" value={d.filter} /> : null}
            <label htmlFor="board-q" className="sr-only">{t("rsvp.board.search")}</label>
            <input id="board-q" name="q" type="search" defaultValue={d.q} placeholder={t("rsvp.board.search")} className="input sm:w-56" />
            <button type="submit" className={buttonClass("secondary")}>{t("action.search")}</button>
          </Form>
        </div>
        {d.board.length === 0 ? (
          <EmptyState>{d.counts.invited === 0 ? t("rsvp.board.noneInvited") : t("list.empty")}</EmptyState>
        ) : (
          <Board />
        )}
        <Pagination page={d.page} pages={d.pages} total={d.total} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        {d.open ? (
          d.inviting || sectionErrors("invite") ? (
            <InviteAgencies errors={sectionErrors("invite")} />
          ) : (
            <Card aria-labelledby="invite-title">
              <h2 id="invite-title" className="mb-1 text-xl font-bold">{t("invite.title")}</h2>
              <p className="mb-3 text-sm text-muted">{t("invite.hint")}</p>
              <a href={`${location.pathname}?undang=1#invite-title`} className={buttonClass("secondary", "w-full")}>{t("invite.open")}</a>
            </Card>
          )
        ) : null}
        <Guests formKey={location.key} pathname={location.pathname} />
      </div>
    </div>
  );
}

/**
 * The board's rows in the one list markup the app uses for long lists (a table from `md`, a card
 * per agency on a phone: see ResponsiveTable), kept lean because a page holds 20 of them: plain
 * cells and badges rather than a component each, no forms — every "withdraw" button submits the
 * one form above the list — and every label and class worked out once, not once per row.
 */
function Board() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const none = t("state.none");
  const label = { representatives: t("rsvp.representatives"), answeredAt: t("rsvp.board.answeredAt"), nudgedAt: t("rsvp.board.nudgedAt") };
  const answer = {
    pending: { text: t("rsvp.state.pending"), className: badgeClass("warning") },
    attending: { text: t("rsvp.state.attending"), className: badgeClass("success") },
    declined: { text: t("rsvp.state.declined"), className: badgeClass("danger") },
  };
  const answerFor = t("rsvp.board.answerFor");
  const uninvite = t("invite.uninvite");
  const substitute = ` (${t("rsvp.substitute")})`;
  const base = `/rapat/${d.meeting.id}`;
  // "22 Nov 2026" over "11.21 WIB", in the viewer's zone (each part keeps to one line).
  const stamp = (at: string) => (
    <>
      <span className="nw">{formatShortDate(at, tz, locale)}</span> <span className="nw text-muted">{formatTime(at, tz, locale)}</span>
    </>
  );
  const person = (p: { name: string; position: string | null; substitute: boolean }) => (
    <>
      {p.name}
      {p.position || p.substitute ? <span className="text-muted">{`${p.position ? `, ${p.position}` : ""}${p.substitute ? substitute : ""}`}</span> : null}
    </>
  );
  return (
    <>
      <Form id="uninvite-form" method="post" hidden>
        <input type="hidden" name="intent" value="uninvite" />
      </Form>
      <ResponsiveTable
        className="rsvp"
        caption={t("rsvp.board.title")}
        head={
          <>
            <Th>{t("rsvp.board.agency")}</Th><Th>{t("rsvp.board.answer")}</Th><Th>{label.representatives}</Th><Th>{label.answeredAt}</Th><Th>{label.nudgedAt}</Th>
          </>
        }
      >
        {/* Cells as ResponsiveTable's <Cell> renders them (a td with its column's name in data-label). */}
        {d.board.map((r) => (
          <tr key={r.agency_id}>
            <td>
              <span className="font-semibold">{r.short_name}</span>
              <span className="sub">{r.agency_name}</span>
            </td>
            <td>
              <span className={answer[r.rsvp].className}>{answer[r.rsvp].text}</span>
              {r.rsvp === "declined" && r.decline_reason ? <span className="mt-1 block">{t("rsvp.reasonShown", { reason: r.decline_reason })}</span> : null}
            </td>
            <td data-label={label.representatives}>
              {r.representatives.length === 0 ? none
                : r.representatives.length === 1 ? person(r.representatives[0])
                : <ul>{r.representatives.map((p, i) => <li key={i}>{person(p)}</li>)}</ul>}
            </td>
            <td data-label={label.answeredAt}>{r.responded_at ? stamp(r.responded_at) : none}</td>
            <td data-label={label.nudgedAt}>
              {r.nudged_at ? <>{stamp(r.nudged_at)} <span className="nw text-muted">· {t("rsvp.board.nudgeCount", { count: r.nudge_count })}</span></> : none}
              {d.canNudge ? <a href={`${base}/jawab?instansi=${r.agency_id}`} className="rsvp-act">{answerFor}</a> : null}
              {d.open && r.rsvp === "pending" ? (
                <button type="submit" form="uninvite-form" name="agencyId" value={r.agency_id} className="rsvp-act block hover:text-danger-700">{uninvite}</button>
              ) : null}
            </td>
          </tr>
        ))}
      </ResponsiveTable>
    </>
  );
}

function InviteAgencies({ errors }: { errors: string[] | null }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const listRef = useRef<HTMLFieldSetElement>(null);
  const busy = navigation.state === "submitting";
  return (
    <Card aria-labelledby="invite-title">
      <h2 id="invite-title" className="mb-1 text-xl font-bold">{t("invite.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("invite.hint")}</p>
      {errors ? <Notice tone="danger">{errors.map((e) => t(e)).join(" ")}</Notice> : null}
      {d.uninvited.length === 0 && !d.find ? (
        <p className="text-muted">{t("invite.allInvited")}</p>
      ) : (
        <>
          <Form method="post" className="mb-4">
            <Button name="intent" value="inviteAll" variant="secondary" className="w-full" disabled={busy}>{t("invite.all", { count: d.uninvited.length })}</Button>
          </Form>
          <Form method="get" className="mb-3 flex gap-2">
            <label htmlFor="cari" className="sr-only">{t("invite.search")}</label>
            <input id="cari" name="cari" type="search" defaultValue={d.find} placeholder={t("invite.search")} className="min-h-11 w-full rounded-control border border-line px-3" />
            <button type="submit" className={buttonClass("secondary")}>{t("action.search")}</button>
          </Form>
          <Form method="post">
            <fieldset ref={listRef}>
              <legend className="mb-2 font-semibold">{t("invite.choose")}</legend>
              <label className="flex min-h-11 items-center gap-3 border-b border-line font-semibold">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-700"
                  onChange={(e) => listRef.current?.querySelectorAll<HTMLInputElement>('input[name="agencyIds"]').forEach((c) => (c.checked = e.currentTarget.checked))}
                />
                {t("invite.selectAll")}
              </label>
              <div className="max-h-80 overflow-y-auto">
                {d.uninvited.map((a) => (
                  <label key={a.id} className="flex min-h-11 items-center gap-3 py-1">
                    <input type="checkbox" name="agencyIds" value={a.id} className="size-5 shrink-0 accent-brand-700" />
                    <span><span className="font-medium">{a.short}</span> <span className="text-sm text-muted">{a.name}</span></span>
                  </label>
                ))}
                {d.uninvited.length === 0 ? <p className="py-2 text-muted">{t("list.empty")}</p> : null}
              </div>
            </fieldset>
            <Button name="intent" value="inviteChosen" className="mt-3 w-full" disabled={busy}>{t("invite.chosen")}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function Guests({ formKey, pathname }: { formKey: string; pathname: string }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const returned = actionData && "status" in actionData;
  const errors = actionData && "section" in actionData && actionData.section === "guests" ? actionData.errors : null;
  return (
    <Card aria-labelledby="guests-title">
      <h2 id="guests-title" className="mb-1 text-xl font-bold">{t("guest.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("guest.hint")}</p>
      {errors ? <Notice tone="danger">{errors.map((e) => t(e)).join(" ")}</Notice> : null}
      {d.guests.length ? (
        <ul className="mb-4 divide-y divide-line">
          {d.guests.map((g) => (
            <li key={g.id} className="py-2">
              <p className="font-semibold">{g.name}</p>
              <p className="break-all text-sm text-muted">{[g.organisation, g.email].filter(Boolean).join(" · ")}</p>
              <p className="text-sm">{t("guest.code")}: <span className="font-mono font-bold">{g.checkin_code}</span></p>
              <div className="mt-1 flex flex-wrap gap-2">
                {d.meeting.status === "published" ? (
                  <Form method="post">
                    <input type="hidden" name="guestId" value={g.id} />
                    <Button name="intent" value="resendGuest" variant="ghost" className="text-sm">{t("guest.resend")}</Button>
                  </Form>
                ) : null}
                {!g.checked_in ? (
                  <Form method="post">
                    <input type="hidden" name="guestId" value={g.id} />
                    <Button name="intent" value="removeGuest" variant="ghost" className="text-sm text-danger-700">{t("guest.remove")}</Button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-muted">{t("guest.none")}</p>
      )}
      {d.open ? (
        d.addingGuest || returned ? (
          <GuestForm key={formKey} />
        ) : (
          <a href={`${pathname}?tamu=1#guests-title`} className={buttonClass("secondary", "w-full")}>{t("guest.add")}</a>
        )
      ) : null}
    </Card>
  );
}

function GuestForm() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const lastResult = actionData && "status" in actionData ? actionData : undefined;
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guestSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("guest.field.name")} field={fields.name} />
      <Field label={t("guest.field.email")} field={fields.email} type="email" inputProps={{ inputMode: "email", autoComplete: "off" }} />
      <Field label={t("guest.field.organisation")} field={fields.organisation} optional />
      <Button name="intent" value="addGuest" className="w-full" disabled={navigation.state === "submitting"}>{t("guest.add")}</Button>
    </Form>
  );
}
