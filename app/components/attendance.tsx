// Attendance pieces shared by the check-in screen, the meeting page and the printable daftar hadir:
// the per-agency status badge, the counts, and the self check-in form (meeting code).
import { Form, useLocation, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/card";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

const tone = { present: "success", represented: "brand", excused: "warning", absent: "danger" } as const;

/** present / represented / excused / absent, or "not yet" while the meeting runs. */
export function AttendanceBadge({ status, rsvp }: { status: string | null; rsvp?: string }) {
  const t = useT();
  if (!status) return <Badge tone="neutral">{t(rsvp === "declined" ? "attendance.status.declinedPending" : "attendance.status.pending")}</Badge>;
  return <Badge tone={tone[status as keyof typeof tone] ?? "neutral"}>{t(`attendance.status.${status}`)}</Badge>;
}

export interface SummaryCounts { invited: number; present: number; represented: number; excused: number; absent: number; pending: number; people: number }

export function AttendanceSummary({ summary, final }: { summary: SummaryCounts; final: boolean }) {
  const t = useT();
  const locale = useLocale();
  const keys = final ? (["present", "represented", "excused", "absent"] as const) : (["present", "represented", "pending"] as const);
  return (
    <>
      <dl className={`grid gap-2 text-center ${keys.length === 3 ? "grid-cols-3" : "grid-cols-2"}`}>
        {keys.map((k) => (
          <div key={k} className="rounded-control bg-surface p-2">
            <dt className="text-sm text-muted">{t(`attendance.count.${k}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{formatNumber(summary[k], locale)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-muted">{t("attendance.count.line", { invited: summary.invited, people: summary.people })}</p>
      {!final ? <p className="mt-1 text-sm text-muted">{t("attendance.notFinal")}</p> : null}
    </>
  );
}

/**
 * The representative's own check-in with the meeting code announced in an online/hybrid meeting.
 * Posts to /rapat/:id/hadir and comes back to the page it was on.
 */
export function SelfCheckInForm({ meetingId, redirectTo }: { meetingId: string; redirectTo?: string }) {
  const t = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const id = `self-code-${meetingId}`;
  return (
    <Form method="post" action={`/rapat/${meetingId}/hadir`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="self" />
      <input type="hidden" name="redirectTo" value={redirectTo ?? location.pathname} />
      <div className="min-w-0 flex-1 basis-40">
        <label htmlFor={id} className="mb-1 block font-semibold">{t("checkin.self.label")}</label>
        <input
          id={id}
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          className="block min-h-11 w-full rounded-control border border-line px-3 font-mono text-xl uppercase tracking-[0.2em]"
        />
      </div>
      <Button disabled={navigation.state === "submitting"}>{t("checkin.self.submit")}</Button>
    </Form>
  );
}
