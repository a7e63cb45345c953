// Small pieces every meeting screen shares: status / mode / RSVP badges, the meeting's time in its
// own zone and the viewer's, the section tabs, and the server-made QR image.
import { useLocation } from "@remix-run/react";
import { useClientNavigation } from "~/components/client-nav";
import { Badge } from "~/components/ui/card";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { meetingDate, meetingTimeRange } from "~/lib/meeting";

export const statusTone = { draft: "neutral", published: "brand", cancelled: "danger", held: "success", closed: "neutral" } as const;

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={statusTone[status as keyof typeof statusTone] ?? "neutral"}>{t(`meeting.status.${status}`)}</Badge>;
}

export function ModeBadge({ mode }: { mode: string }) {
  const t = useT();
  return <Badge tone="neutral">{t(`meeting.mode.${mode}`)}</Badge>;
}

export const rsvpTone = { pending: "warning", attending: "success", declined: "danger" } as const;
export function RsvpBadge({ rsvp }: { rsvp: string | null | undefined }) {
  const t = useT();
  if (!rsvp) return null;
  return <Badge tone={rsvpTone[rsvp as keyof typeof rsvpTone] ?? "neutral"}>{t(`rsvp.state.${rsvp}`)}</Badge>;
}

/** "Selasa, 18 Maret 2025" and "09.00–12.00 WIB (10.00–13.00 WITA)". */
export function MeetingWhen({ startsAt, endsAt, timeZone, className = "" }: { startsAt: string; endsAt: string; timeZone: string; className?: string }) {
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  return (
    <span className={className}>
      <span className="font-semibold">{meetingDate(startsAt, timeZone, locale)}</span>
      <span className="block text-muted">{meetingTimeRange(startsAt, endsAt, timeZone, viewerTz, locale)}</span>
    </span>
  );
}

/** The section tabs of a meeting: plain anchors that navigate client-side (see client-nav.tsx). */
export function MeetingTabs({ meetingId, manage, current }: { meetingId: string; manage: boolean; current?: string }) {
  const t = useT();
  const { pathname } = useLocation();
  const onNavigate = useClientNavigation();
  const base = `/rapat/${meetingId}`;
  const tabs = [
    { to: base, label: t("meeting.tab.summary"), end: true },
    { to: `${base}/agenda`, label: t("meeting.tab.agenda") },
    ...(manage ? [{ to: `${base}/undangan`, label: t("meeting.tab.invitations") }] : []),
    { to: `${base}/hadir`, label: t("meeting.tab.attendance") },
    { to: `${base}/notulen`, label: t("meeting.tab.minutes") },
    { to: `${base}/tindak-lanjut`, label: t("meeting.tab.followUps") },
  ];
  const here = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return (
    <nav aria-label={t("meeting.tab.label")} className="-mx-4 mb-6 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0" onClick={onNavigate}>
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const active = here === tab.to || (!tab.end && here.startsWith(`${tab.to}/`));
          return (
            <li key={tab.to}>
              <a
                href={tab.to}
                aria-current={current === tab.to || active ? "page" : undefined}
                className="tab"
              >
                {tab.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** An SVG made on the server by the `qrcode` library from our own URL; never user HTML. */
export function QrImage({ svg, label }: { svg: string; label: string }) {
  return (
    <div role="img" aria-label={label} className="size-44 rounded-control border border-line bg-white p-2 [&_svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} />
  );
}

export function formatMinutes(t: (k: string, p?: Record<string, string | number>) => string, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return t("meeting.duration.hoursMinutes", { h, m });
  if (h) return t("meeting.duration.hours", { h });
  return t("meeting.duration.minutes", { m });
}
