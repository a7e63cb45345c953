import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { baseUrlOf, requireMeeting } from "~/.server/meeting-access.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { qrSvg } from "~/.server/qr.server";
import { renderRichText } from "~/.server/rich-text.server";
import { ErrorList } from "~/components/form";
import { formatMinutes, MeetingTabs, MeetingWhen, ModeBadge, QrImage, RsvpBadge, StatusBadge } from "~/components/meeting/bits";
import { RichTextView } from "~/components/rich-text/view";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatNumber, formatTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { computeAgendaTimes } from "~/lib/agenda";
import { cancelSchema } from "~/lib/meeting";
import { listAgenda } from "~/models/agenda.server";
import { cancelMeeting, closeMeeting, listAttachments, markHeld, publishMeeting } from "~/models/meeting.server";
import { checkinPath, getAgencyInvitation, rsvpCounts } from "~/models/rsvp.server";
import { openFollowUpsForMeeting } from "~/models/follow-up.server";
import { SelfCheckInForm } from "~/components/attendance";
import { CarriedFollowUps } from "~/components/follow-up";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? "Rapat"} — Sinergi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, access, manage } = await requireMeeting(user, params.id);
  const [attachments, agenda, ownInvitation, counts, carried] = await Promise.all([
    listAttachments(db, meeting.id),
    listAgenda(db, meeting.id),
    access.invitation && user.agencyId ? getAgencyInvitation(db, meeting.id, user.agencyId) : Promise.resolve(null),
    manage || can(user, "meeting.viewAll") ? rsvpCounts(db, meeting.id) : Promise.resolve(null),
    openFollowUpsForMeeting(db, meeting.id),
  ]);
  const seesContacts = can(user, "network.readAll");
  const timed = computeAgendaTimes(meeting.starts_at, meeting.ends_at, agenda);
  const started = new Date(meeting.starts_at).getTime() <= Date.now();
  const code = access.representative?.checkin_code ?? null;
  const checkinUrl = code ? absoluteUrl(request, checkinPath(meeting.id, code)) : null;
  return {
    meeting: {
      id: meeting.id, title: meeting.title, kind: meeting.kind, mode: meeting.mode, status: meeting.status,
      venue: meeting.venue, join_url: meeting.join_url, starts_at: meeting.starts_at, ends_at: meeting.ends_at,
      time_zone: meeting.time_zone, letter_number: meeting.letter_number, cancel_reason: meeting.cancel_reason,
      series_id: meeting.series_id, series_title: meeting.series_title, reminder_lead_minutes: meeting.reminder_lead_minutes,
      published_at: meeting.published_at,
    },
    descriptionHtml: renderRichText(meeting.description_json),
    attachments,
    agenda: timed.items.map((i) => ({ id: i.id, title: i.title, presenter_agency: i.presenter_agency, presenter_name: i.presenter_name, duration: i.duration_minutes, startsAt: i.startsAt })),
    agendaOverrun: timed.overrunMinutes,
    ownInvitation: ownInvitation && {
      rsvp: ownInvitation.rsvp, decline_reason: ownInvitation.decline_reason, responded_at: ownInvitation.responded_at,
      agency: ownInvitation.short_name,
      representatives: ownInvitation.representatives.map((r) => ({ id: r.id, name: r.name ?? r.substitute_name ?? "", position: r.position ?? r.substitute_position, substitute: !r.user_id })),
    },
    canAnswer: meeting.status === "published" && !started && can(user, "meeting.rsvp", { agencyId: user.agencyId, invited: !!access.invitation }),
    representative: code && checkinUrl ? { code, checkedInAt: access.representative?.checked_in_at ?? null, qr: await qrSvg(checkinUrl) } : null,
    counts,
    manage,
    started,
    // Open actions of the series' earlier meetings; another agency's contact person stays hidden.
    carried: carried.map((c) => ({
      id: c.id, text: c.text, type: c.type, status: c.status, owner_short_name: c.owner_short_name,
      contact_name: seesContacts || c.owner_agency_id === user.agencyId ? c.contact_name : null,
      due_date: c.due_date, overdue: c.overdue, meeting_id: c.meeting_id, meeting_title: c.meeting_title,
      meeting_starts_at: c.meeting_starts_at, time_zone: c.time_zone,
    })),
    selfCheckIn: (meeting.mode === "daring" || meeting.mode === "hibrida") && (meeting.status === "published" || meeting.status === "held"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "meeting.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ctx = { actorId: user.id, baseUrl: baseUrlOf(request), ip: context.ip ?? null };
  let result: { ok: true } | { ok: false; error: string };
  let flash = "";
  switch (intent) {
    case "publish":
      result = await publishMeeting(db, meeting.id, ctx);
      flash = "meeting.flash.published";
      break;
    case "cancel": {
      const submission = parseWithZod(formData, { schema: cancelSchema });
      if (submission.status !== "success") return data({ intent: "cancel", errors: submission.error?.reason ?? ["form.required"] }, { status: 400 });
      result = await cancelMeeting(db, meeting.id, submission.value.reason, ctx);
      flash = "meeting.flash.cancelled";
      break;
    }
    case "held":
      result = await markHeld(db, meeting.id, ctx);
      flash = "meeting.flash.held";
      break;
    case "close":
      result = await closeMeeting(db, meeting.id, ctx);
      flash = "meeting.flash.closed";
      break;
    default:
      return data({ intent: "", errors: ["error.400"] }, { status: 400 });
  }
  if (!result.ok) return data({ intent: String(intent), errors: [result.error] }, { status: 400 });
  return redirectWithFlash(`/rapat/${meeting.id}`, { tone: "success", key: flash });
}

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const m = d.meeting;
  const busy = navigation.state === "submitting";
  return (
    <div>
      <PageHeader
        eyebrow={m.series_title ? `${t(`meeting.kind.${m.kind}`)} · ${m.series_title}` : t(`meeting.kind.${m.kind}`)}
        title={<span className="block text-balance">{m.title}</span>}
        actions={
          <span className="flex shrink-0 flex-wrap gap-2">
            <a href={`/rapat/${m.id}.ics`} className="inline-flex min-h-11 items-center justify-center gap-2 rounded-control border border-line bg-white px-4 py-2 font-semibold text-brand-800 no-underline hover:bg-brand-50" download>
              {t("meeting.page.addToCalendar")}
            </a>
            {d.manage && (m.status === "draft" || m.status === "published") ? <ButtonLink to={`/rapat/${m.id}/ubah`}>{t("action.edit")}</ButtonLink> : null}
            {d.manage ? <ButtonLink to={`/rapat/${m.id}/salin`}>{t("meeting.copy")}</ButtonLink> : null}
          </span>
        }
      />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      {m.status === "cancelled" ? (
        <Notice tone="danger" role="status">
          <strong>{t("meeting.page.cancelledNotice")}</strong> {m.cancel_reason}
        </Notice>
      ) : null}
      {m.status === "draft" ? <Notice tone="warning">{t("meeting.page.draftNotice")}</Notice> : null}
      {actionData?.errors?.length && actionData.intent !== "cancel" ? (
        <div role="alert" className="mb-4 rounded-control border border-danger-600/30 bg-danger-50 px-4 py-3 text-danger-700">
          {actionData.errors.map((e) => <p key={e}>{t(e)}</p>)}
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <CarriedFollowUps items={d.carried} />
          <Card>
            <div className="mb-3 flex flex-wrap gap-2">
              <StatusBadge status={m.status} />
              <ModeBadge mode={m.mode} />
            </div>
            <dl className="grid gap-3 sm:grid-cols-[10rem_1fr]">
              <dt className="font-semibold text-muted">{t("meeting.page.when")}</dt>
              <dd><MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} /></dd>
              {m.venue ? (
                <>
                  <dt className="font-semibold text-muted">{t("meeting.field.venue")}</dt>
                  <dd>{m.venue}</dd>
                </>
              ) : null}
              {m.join_url ? (
                <>
                  <dt className="font-semibold text-muted">{t("meeting.field.joinUrl")}</dt>
                  <dd className="break-all"><a href={m.join_url} rel="noopener noreferrer nofollow" target="_blank">{m.join_url}</a></dd>
                </>
              ) : null}
              {m.letter_number ? (
                <>
                  <dt className="font-semibold text-muted">{t("meeting.field.letterNumber")}</dt>
                  <dd>{m.letter_number}</dd>
                </>
              ) : null}
            </dl>
            {d.descriptionHtml ? <RichTextView html={d.descriptionHtml} className="mt-4 border-t border-line pt-4" /> : null}
          </Card>

          <Card aria-labelledby="agenda-title">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="agenda-title" className="text-xl font-bold">{t("meeting.tab.agenda")}</h2>
              <Link to={`/rapat/${m.id}/agenda`} className="font-semibold">{d.manage ? t("agenda.manage") : t("agenda.open")}</Link>
            </div>
            {d.agenda.length === 0 ? (
              <p className="text-muted">{t("agenda.empty")}</p>
            ) : (
              <ol className="divide-y divide-line">
                {d.agenda.map((i) => (
                  <li key={i.id} className="flex gap-3 py-2">
                    <span className="w-24 shrink-0 font-semibold tabular-nums">{formatTime(i.startsAt, m.time_zone, locale)}</span>
                    <span className="min-w-0">
                      <span className="block font-medium">{i.title}</span>
                      {i.presenter_agency || i.presenter_name ? (
                        <span className="block text-sm text-muted">{[i.presenter_name, i.presenter_agency].filter(Boolean).join(" · ")}</span>
                      ) : null}
                      <span className="block text-sm text-muted">{formatMinutes(t, i.duration)}</span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {d.agendaOverrun > 0 ? <Notice tone="warning">{t("agenda.overrun", { duration: formatMinutes(t, d.agendaOverrun) })}</Notice> : null}
          </Card>

          {d.attachments.length ? (
            <Card aria-labelledby="att-title">
              <h2 id="att-title" className="mb-3 text-xl font-bold">{t("meeting.field.attachments")}</h2>
              <ul className="space-y-2">
                {d.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/rapat/${m.id}/lampiran/${a.id}`} className="inline-flex min-h-11 items-center gap-2 font-semibold">
                      {a.original_name}
                    </a>
                    <span className="ml-2 text-sm text-muted">{t("attachment.size", { size: formatNumber(a.size_bytes / 1024 / 1024, locale, 1) })}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>

        {/* On a phone the viewer's own business (code, answer, actions) comes first. */}
        <div className="order-first space-y-6 lg:order-none">
          {d.representative ? (
            <Card aria-labelledby="code-title" className="border-brand-200">
              <h2 id="code-title" className="text-lg font-bold">{t("rsvp.yourCode.title")}</h2>
              <p className="mb-3 text-sm text-muted">{t("rsvp.yourCode.hint")}</p>
              <p className="mb-3 font-mono text-3xl font-bold tracking-[0.3em] text-brand-800" data-testid="checkin-code">{d.representative.code}</p>
              <QrImage svg={d.representative.qr} label={t("rsvp.yourCode.qr", { code: d.representative.code })} />
              {d.representative.checkedInAt ? <p className="mt-3 font-semibold text-success-700">{t("rsvp.yourCode.checkedIn", { at: formatDateTime(d.representative.checkedInAt, viewerTz, locale) })}</p> : null}
              {!d.representative.checkedInAt && d.selfCheckIn ? <div className="mt-4 border-t border-line pt-4"><SelfCheckInForm meetingId={m.id} /></div> : null}
            </Card>
          ) : null}

          {d.ownInvitation ? (
            <Card aria-labelledby="own-rsvp-title">
              <h2 id="own-rsvp-title" className="text-lg font-bold">{t("rsvp.own.title", { agency: d.ownInvitation.agency })}</h2>
              <div className="my-2"><RsvpBadge rsvp={d.ownInvitation.rsvp} /></div>
              {d.ownInvitation.rsvp === "declined" && d.ownInvitation.decline_reason ? <p className="text-sm">{t("rsvp.reasonShown", { reason: d.ownInvitation.decline_reason })}</p> : null}
              {d.ownInvitation.representatives.length ? (
                <>
                  <h3 className="mt-3 font-semibold">{t("rsvp.representatives")}</h3>
                  <ul className="list-disc pl-5">
                    {d.ownInvitation.representatives.map((r) => (
                      <li key={r.id}>{r.name}{r.position ? `, ${r.position}` : ""}{r.substitute ? ` (${t("rsvp.substitute")})` : ""}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {d.canAnswer ? (
                <ButtonLink to={`/rapat/${m.id}/jawab`} variant="primary" className="mt-4 w-full">
                  {d.ownInvitation.rsvp === "pending" ? t("rsvp.answer") : t("rsvp.change")}
                </ButtonLink>
              ) : d.ownInvitation.rsvp === "pending" && d.started ? (
                <p className="mt-3 text-sm text-muted">{t("rsvp.closed")}</p>
              ) : null}
            </Card>
          ) : null}

          {d.counts ? (
            <Card aria-labelledby="counts-title">
              <h2 id="counts-title" className="mb-2 text-lg font-bold">{t("meeting.tab.invitations")}</h2>
              <dl className="grid grid-cols-2 gap-2 text-center">
                {(["invited", "attending", "declined", "pending"] as const).map((k) => (
                  <div key={k} className="rounded-control bg-surface p-2">
                    <dt className="text-sm text-muted">{t(`rsvp.count.${k}`)}</dt>
                    <dd className="text-2xl font-bold tabular-nums">{formatNumber(d.counts![k], locale)}</dd>
                  </div>
                ))}
              </dl>
              {d.manage ? <ButtonLink to={`/rapat/${m.id}/undangan`} className="mt-3 w-full">{t("rsvp.board.open")}</ButtonLink> : null}
            </Card>
          ) : null}

          {d.manage ? (
            <Card aria-labelledby="state-title">
              <h2 id="state-title" className="mb-3 text-lg font-bold">{t("meeting.state.title")}</h2>
              <div className="space-y-2">
                {m.status === "draft" ? (
                  <Form method="post">
                    <p className="mb-2 text-sm text-muted">{t("meeting.state.publishHint")}</p>
                    <Button name="intent" value="publish" className="w-full" disabled={busy}>{t("meeting.state.publish")}</Button>
                  </Form>
                ) : null}
                {m.status === "published" ? (
                  <Form method="post">
                    <Button name="intent" value="held" variant="secondary" className="w-full" disabled={busy || !d.started}>{t("meeting.state.held")}</Button>
                    {!d.started ? <p className="mt-1 text-sm text-muted">{t("meeting.state.heldHint")}</p> : null}
                  </Form>
                ) : null}
                {m.status === "held" ? (
                  <Form method="post">
                    <Button name="intent" value="close" variant="secondary" className="w-full" disabled={busy}>{t("meeting.state.close")}</Button>
                  </Form>
                ) : null}
                {m.status === "draft" || m.status === "published" ? (
                  <details className="rounded-control border border-line p-3" open={actionData?.intent === "cancel"}>
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold text-danger-700">{t("meeting.state.cancel")}</summary>
                    <Form method="post" className="mt-2">
                      <label htmlFor="cancel-reason" className="mb-1 block font-semibold">{t("meeting.state.cancelReason")}</label>
                      <textarea
                        id="cancel-reason"
                        name="reason"
                        rows={3}
                        aria-invalid={actionData?.intent === "cancel" || undefined}
                        aria-describedby="cancel-reason-error"
                        className="block w-full rounded-control border border-line px-3 py-2"
                      />
                      <ErrorList id="cancel-reason-error" errors={actionData?.intent === "cancel" ? actionData.errors : null} />
                      <p className="my-2 text-sm text-muted">{t("meeting.state.cancelHint")}</p>
                      <Button name="intent" value="cancel" variant="danger" className="w-full" disabled={busy}>{t("meeting.state.cancelConfirm")}</Button>
                    </Form>
                  </details>
                ) : null}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
