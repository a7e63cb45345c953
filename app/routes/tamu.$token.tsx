// A guest's (narasumber's) read-only page of one meeting, opened by the secret link in their e-mail:
// the meeting's details, agenda and attachments, and their own check-in code.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/.server/db.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { notFound } from "~/.server/permissions.server";
import { qrSvg } from "~/.server/qr.server";
import { renderRichText } from "~/.server/rich-text.server";
import { formatMinutes, MeetingWhen, ModeBadge, QrImage, StatusBadge } from "~/components/meeting/bits";
import { RichTextView } from "~/components/rich-text/view";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { computeAgendaTimes } from "~/lib/agenda";
import { listAgenda } from "~/models/agenda.server";
import { getMeeting, listAttachments } from "~/models/meeting.server";
import { checkinPath, guestByToken } from "~/models/rsvp.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Undangan rapat — Sinergi" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const guest = await guestByToken(db, params.token ?? "");
  if (!guest) notFound();
  const meeting = await getMeeting(db, guest.meeting_id);
  if (!meeting || meeting.status === "draft") notFound();
  const [agenda, attachments] = await Promise.all([listAgenda(db, meeting.id), listAttachments(db, meeting.id)]);
  const timed = computeAgendaTimes(meeting.starts_at, meeting.ends_at, agenda);
  return {
    token: params.token as string,
    guest: { name: guest.name, code: guest.checkin_code },
    qr: await qrSvg(absoluteUrl(request, checkinPath(meeting.id, guest.checkin_code))),
    meeting: {
      title: meeting.title, kind: meeting.kind, mode: meeting.mode, status: meeting.status, venue: meeting.venue, join_url: meeting.join_url,
      starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone, cancel_reason: meeting.cancel_reason,
    },
    descriptionHtml: renderRichText(meeting.description_json),
    agenda: timed.items.map((i) => ({ id: i.id, title: i.title, presenter: [i.presenter_name, i.presenter_agency].filter(Boolean).join(" · "), duration: i.duration_minutes, startsAt: i.startsAt })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.original_name })),
  };
}

export default function GuestPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader eyebrow={t("guest.page.eyebrow", { name: d.guest.name })} title={m.title} />
      {m.status === "cancelled" ? <Notice tone="danger"><strong>{t("meeting.page.cancelledNotice")}</strong> {m.cancel_reason}</Notice> : null}
      <Card>
        <div className="mb-3 flex flex-wrap gap-2"><StatusBadge status={m.status} /><ModeBadge mode={m.mode} /></div>
        <MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} className="block" />
        {m.venue ? <p className="mt-2">{m.venue}</p> : null}
        {m.join_url ? <p className="mt-2 break-all"><a href={m.join_url} rel="noopener noreferrer nofollow" target="_blank">{m.join_url}</a></p> : null}
        {d.descriptionHtml ? <RichTextView html={d.descriptionHtml} className="mt-4 border-t border-line pt-4" /> : null}
      </Card>
      <Card aria-labelledby="guest-code">
        <h2 id="guest-code" className="text-lg font-bold">{t("rsvp.yourCode.title")}</h2>
        <p className="mb-3 text-sm text-muted">{t("rsvp.yourCode.hint")}</p>
        <p className="mb-3 font-mono text-3xl font-bold tracking-[0.3em] text-brand-800">{d.guest.code}</p>
        <QrImage svg={d.qr} label={t("rsvp.yourCode.qr", { code: d.guest.code })} />
      </Card>
      <Card aria-labelledby="guest-agenda">
        <h2 id="guest-agenda" className="mb-3 text-xl font-bold">{t("meeting.tab.agenda")}</h2>
        {d.agenda.length === 0 ? <p className="text-muted">{t("agenda.empty")}</p> : (
          <ol className="divide-y divide-line">
            {d.agenda.map((i) => (
              <li key={i.id} className="flex gap-3 py-2">
                <span className="w-24 shrink-0 font-semibold tabular-nums">{formatTime(i.startsAt, m.time_zone, locale)}</span>
                <span><span className="block font-medium">{i.title}</span>{i.presenter ? <span className="block text-sm text-muted">{i.presenter}</span> : null}<span className="block text-sm text-muted">{formatMinutes(t, i.duration)}</span></span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {d.attachments.length ? (
        <Card aria-labelledby="guest-att">
          <h2 id="guest-att" className="mb-3 text-xl font-bold">{t("meeting.field.attachments")}</h2>
          <ul className="space-y-2">
            {d.attachments.map((a) => <li key={a.id}><a href={`/tamu/${d.token}/lampiran/${a.id}`} className="inline-flex min-h-11 items-center font-semibold">{a.name}</a></li>)}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
