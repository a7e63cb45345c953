// Follow-up (RTL) pieces: outcome type and status badges, and the owner / contact / due line.
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/card";
import { formatDate, formatShortDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

const typeTone = { information: "neutral", decision: "brand", action: "warning" } as const;
const statusTone = { open: "neutral", in_progress: "brand", done: "success", dropped: "neutral" } as const;

export function OutcomeTypeBadge({ type }: { type: string }) {
  const t = useT();
  return <Badge tone={typeTone[type as keyof typeof typeTone] ?? "neutral"}>{t(`outcome.type.${type}`)}</Badge>;
}

export function FollowUpStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={statusTone[status as keyof typeof statusTone] ?? "neutral"}>{t(`followUp.status.${status}`)}</Badge>;
}

export function OverdueBadge() {
  const t = useT();
  return <Badge tone="danger">{t("followUp.overdue")}</Badge>;
}

/** A calendar date stored as "2026-03-25" (no time, no zone) → "Rabu, 25 Maret 2026". */
export function useDueDate() {
  const locale = useLocale();
  return (d: string, short = false) => (short ? formatShortDate(`${d}T12:00:00Z`, "UTC", locale) : formatDate(`${d}T12:00:00Z`, "UTC", locale));
}

export interface FollowUpLike {
  type: string;
  status: string;
  owner_short_name: string | null;
  contact_name: string | null;
  due_date: string | null;
  overdue: boolean;
  meeting_id?: string;
  meeting_title?: string;
  meeting_starts_at?: string;
  time_zone?: string;
}

export function FollowUpMeta({ item, showMeeting = false }: { item: FollowUpLike; showMeeting?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const due = useDueDate();
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      {item.type === "action" ? <FollowUpStatusBadge status={item.status} /> : null}
      {item.overdue ? <OverdueBadge /> : null}
      {item.owner_short_name ? <span><span className="font-semibold text-ink">{item.owner_short_name}</span>{item.contact_name ? ` · ${item.contact_name}` : ""}</span> : null}
      {item.due_date ? <span>{t("followUp.due", { date: due(item.due_date) })}</span> : null}
      {showMeeting && item.meeting_id && item.meeting_starts_at && item.time_zone ? (
        <span>
          {t("followUp.from")} <Link to={`/rapat/${item.meeting_id}/tindak-lanjut`}>{item.meeting_title}</Link> ({formatShortDate(item.meeting_starts_at, item.time_zone, locale)})
        </span>
      ) : null}
    </div>
  );
}

export interface CarriedItem extends FollowUpLike { id: string; text: string }

/**
 * "Tindak lanjut rapat sebelumnya": the open actions of the series' earlier meetings, shown first on
 * a meeting's outcomes (and meeting/agenda pages). Feed it `openFollowUpsForMeeting(db, meetingId)`.
 */
export function CarriedFollowUps({ items }: { items: CarriedItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="carried-title" className="rounded-card border border-warning-700/30 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="carried-title" className="text-xl font-bold">{t("followUp.carried.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("followUp.carried.hint")}</p>
      <ul className="divide-y divide-line">
        {items.map((c) => (
          <li key={c.id} className="py-3">
            <p className="font-medium"><Link to={`/tindak-lanjut/${c.id}`}>{c.text}</Link></p>
            <FollowUpMeta item={c} showMeeting />
          </li>
        ))}
      </ul>
    </section>
  );
}
