// The printable notulen (A4): the meeting, date, time and zone, venue, the attendance summary, the
// minutes, the outcomes (decisions and actions with owner and due date) and the approval line.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { can, notFound } from "~/.server/permissions.server";
import { renderRichText } from "~/.server/rich-text.server";
import { PrintHeader, PrintSheet, printTable } from "~/components/print";
import { RichTextView } from "~/components/rich-text/view";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { meetingTimeRange } from "~/lib/meeting";
import { attendanceBoard } from "~/models/attendance.server";
import { listOutcomes } from "~/models/follow-up.server";
import { getMinutes } from "~/models/minutes.server";
import { getNetwork } from "~/models/network.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Notulen — ${data?.meeting.title ?? "Rapat"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, access } = await requireMeeting(user, params.id);
  const minutes = await getMinutes(db, meeting.id);
  if (!can(user, "minutes.view", { invited: access.invited, minutesStatus: minutes?.status ?? "draft" })) {
    throw new Response("error.minutesNotCirculated", { status: 404 });
  }
  if (!minutes) notFound();
  const [board, outcomes, network] = await Promise.all([attendanceBoard(db, meeting.id), listOutcomes(db, meeting.id), getNetwork(db)]);
  return {
    network: network?.name ?? null,
    meeting: {
      id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone,
      venue: meeting.venue, mode: meeting.mode, letter_number: meeting.letter_number,
    },
    minutes: {
      status: minutes.status, version: minutes.version, html: renderRichText(minutes.content_json), approved_at: minutes.approved_at,
      approved_by_name: minutes.approved_by_name, approved_by_position: minutes.approved_by_position, updated_by_name: minutes.updated_by_name,
    },
    summary: board?.summary ?? null,
    attended: (board?.agencies ?? []).filter((a) => a.status === "present" || a.status === "represented").map((a) => a.shortName),
    outcomes: outcomes.map((o) => ({
      id: o.id, type: o.type, text: o.text, owner: o.owner_short_name, due: o.due_date, agenda: o.agenda_title, status: o.status,
      // contact persons only for their own agency and the read-all roles
      contact: can(user, "network.readAll") || (!!user.agencyId && user.agencyId === o.owner_agency_id) ? o.contact_name : null,
    })),
  };
}

export default function MinutesPrint() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  const final = d.minutes.status === "approved" || d.minutes.status === "locked";
  const dueText = (due: string | null) => (due ? formatDate(`${due}T12:00:00Z`, "UTC", locale) : "—");
  return (
    <PrintSheet backTo={`/rapat/${m.id}/notulen`}>
      <PrintHeader network={d.network} title={t("minutes.printTitle")}>
        {!final ? <p className="mt-1 text-sm font-bold uppercase text-danger-700">{t(`minutes.printDraft.${d.minutes.status}`)}</p> : null}
      </PrintHeader>
      <table className="mb-5 text-sm">
        <tbody className="[&_td]:py-0.5 [&_td]:align-top [&_td:first-child]:pr-4 [&_td:first-child]:font-semibold">
          <tr><td>{t("print.meeting")}</td><td>{m.title}</td></tr>
          <tr><td>{t("print.day")}</td><td>{formatDate(m.starts_at, m.time_zone, locale)}</td></tr>
          <tr><td>{t("print.time")}</td><td>{meetingTimeRange(m.starts_at, m.ends_at, m.time_zone, m.time_zone, locale)}</td></tr>
          <tr><td>{t("print.place")}</td><td>{m.venue ?? t(`meeting.mode.${m.mode}`)}</td></tr>
          {m.letter_number ? <tr><td>{t("meeting.field.letterNumber")}</td><td>{m.letter_number}</td></tr> : null}
          {d.summary ? (
            <tr>
              <td>{t("print.attendance")}</td>
              <td>
                {t("minutes.printAttendance", {
                  invited: formatNumber(d.summary.invited, locale),
                  came: formatNumber(d.summary.present + d.summary.represented, locale),
                  people: formatNumber(d.summary.people, locale),
                })}
                {d.attended.length ? <span className="block text-xs">{d.attended.join(", ")}</span> : null}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <h2 className="mb-2 text-base font-bold uppercase text-ink">{t("minutes.printBody")}</h2>
      <RichTextView html={d.minutes.html} className="mb-6" />

      {d.outcomes.length ? (
        <>
          <h2 className="mb-2 text-base font-bold uppercase text-ink">{t("outcome.printTitle")}</h2>
          <div className="mb-6 overflow-x-auto print:overflow-visible">
          <table className={`${printTable} min-w-[36rem]`}>
            <thead>
              <tr>
                <th className="w-8">{t("attendance.col.no")}</th>
                <th className="w-24">{t("outcome.col.type")}</th>
                <th>{t("outcome.col.text")}</th>
                <th className="w-28">{t("outcome.col.owner")}</th>
                <th className="w-28">{t("outcome.col.due")}</th>
              </tr>
            </thead>
            <tbody>
              {d.outcomes.map((o, i) => (
                <tr key={o.id}>
                  <td className="tabular-nums">{i + 1}</td>
                  <td>{t(`outcome.type.${o.type}`)}</td>
                  <td>
                    {o.text}
                    {o.agenda ? <span className="block text-xs">{t("outcome.underItem", { item: o.agenda })}</span> : null}
                  </td>
                  <td>{o.owner ?? "—"}{o.contact ? <span className="block text-xs">{o.contact}</span> : null}</td>
                  <td>{o.type === "action" ? dueText(o.due) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : null}

      <div className="mt-10 grid grid-cols-2 gap-8 text-center text-sm">
        <div>
          <p>{t("minutes.printNotetaker")}</p>
          <div className="h-20" />
          <p className="border-t border-ink pt-1 font-semibold">{d.minutes.updated_by_name ?? ""}</p>
        </div>
        <div>
          <p>{final && d.minutes.approved_at ? t("minutes.printApprovedOn", { date: formatDate(d.minutes.approved_at, m.time_zone, locale) }) : t("minutes.printApprover")}</p>
          <div className="h-20" />
          <p className="border-t border-ink pt-1 font-semibold">{final ? d.minutes.approved_by_name : ""}</p>
          {final && d.minutes.approved_by_position ? <p className="text-xs">{d.minutes.approved_by_position}</p> : null}
        </div>
      </div>
      <p className="mt-6 text-xs text-muted">{t("minutes.printVersion", { version: d.minutes.version })}</p>
    </PrintSheet>
  );
}
