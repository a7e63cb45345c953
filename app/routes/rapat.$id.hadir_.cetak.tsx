// The printable daftar hadir (A4): attendance by agency with names, positions and check-in times,
// a signature column, the counts and the secretariat's sign-off line.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { PrintHeader, PrintSheet, printTable } from "~/components/print";
import { formatDate, formatTime, formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { meetingTimeRange } from "~/lib/meeting";
import { attendanceBoard } from "~/models/attendance.server";
import { getNetwork } from "~/models/network.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Daftar hadir — ${data?.meeting.title ?? "Rapat"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "attendance.view");
  const [board, network] = await Promise.all([attendanceBoard(db, meeting.id), getNetwork(db)]);
  if (!board) notFound();
  return {
    network: network?.name ?? null,
    meeting: {
      id: meeting.id, title: meeting.title, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone,
      venue: meeting.venue, mode: meeting.mode, letter_number: meeting.letter_number,
    },
    board: { final: board.final, agencies: board.agencies, guests: board.guests, summary: board.summary },
    printedAt: new Date().toISOString(),
  };
}

export default function AttendancePrint() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  let n = 0;
  const status = (s: string | null, rsvp: string) => (s ? t(`attendance.status.${s}`) : t(rsvp === "declined" ? "attendance.status.declinedPending" : "attendance.status.pending"));
  return (
    <PrintSheet backTo={`/rapat/${m.id}/hadir`}>
      <PrintHeader network={d.network} title={t("attendance.printTitle")} />
      <table className="mb-5 text-sm">
        <tbody className="[&_td]:py-0.5 [&_td]:align-top [&_td:first-child]:pr-4 [&_td:first-child]:font-semibold">
          <tr><td>{t("print.meeting")}</td><td>{m.title}</td></tr>
          <tr><td>{t("print.day")}</td><td>{formatDate(m.starts_at, m.time_zone, locale)}</td></tr>
          <tr><td>{t("print.time")}</td><td>{meetingTimeRange(m.starts_at, m.ends_at, m.time_zone, m.time_zone, locale)}</td></tr>
          <tr><td>{t("print.place")}</td><td>{m.venue ?? t(`meeting.mode.${m.mode}`)}</td></tr>
          {m.letter_number ? <tr><td>{t("meeting.field.letterNumber")}</td><td>{m.letter_number}</td></tr> : null}
        </tbody>
      </table>
      <div className="overflow-x-auto print:overflow-visible">
      <table className={`${printTable} min-w-[38rem]`}>
        <thead>
          <tr>
            <th className="w-8">{t("attendance.col.no")}</th>
            <th>{t("attendance.col.agency")}</th>
            <th>{t("attendance.col.name")}</th>
            <th>{t("attendance.col.position")}</th>
            <th className="w-16">{t("attendance.col.time")}</th>
            <th className="w-28">{t("attendance.col.signature")}</th>
          </tr>
        </thead>
        <tbody>
          {d.board.agencies.flatMap((a) => {
            const people = a.people.length ? a.people : [null];
            return people.map((p, i) => (
              <tr key={`${a.agencyId}-${p?.id ?? "none"}`}>
                <td className="tabular-nums">{++n}</td>
                {i === 0 ? (
                  <td rowSpan={people.length}>
                    <span className="font-semibold">{a.name}</span>
                    <span className="block text-xs">{status(a.status, a.rsvp)}{a.rsvp === "declined" && a.declineReason ? ` — ${a.declineReason}` : ""}</span>
                  </td>
                ) : null}
                <td>{p ? <>{p.name}{p.isSubstitute ? <span className="block text-xs">({t("rsvp.substitute")})</span> : null}</> : "—"}</td>
                <td>{p?.position ?? ""}</td>
                <td className="whitespace-nowrap tabular-nums">{p?.checkedInAt ? formatTime(p.checkedInAt, m.time_zone, locale) : ""}</td>
                <td className="h-10">{p?.checkedInAt ? <span className="text-xs text-muted">{n}.</span> : null}</td>
              </tr>
            ));
          })}
          {d.board.guests.map((g) => (
            <tr key={g.id}>
              <td className="tabular-nums">{++n}</td>
              <td>{g.organisation ?? ""}<span className="block text-xs">{t("attendance.role.guest")}</span></td>
              <td>{g.name}</td>
              <td />
              <td className="whitespace-nowrap tabular-nums">{g.checked_in_at ? formatTime(g.checked_in_at, m.time_zone, locale) : ""}</td>
              <td className="h-10" />
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="mt-4 text-sm">
        {t("attendance.printSummary", {
          invited: formatNumber(d.board.summary.invited, locale),
          present: formatNumber(d.board.summary.present, locale),
          represented: formatNumber(d.board.summary.represented, locale),
          excused: formatNumber(d.board.summary.excused, locale),
          absent: formatNumber(d.board.summary.absent, locale),
          people: formatNumber(d.board.summary.people, locale),
        })}
        {!d.board.final ? ` ${t("attendance.notFinal")}` : ""}
      </p>
      <div className="mt-10 flex justify-end">
        <div className="w-64 text-center text-sm">
          <p>{formatDate(d.printedAt, m.time_zone, locale)}</p>
          <p>{t("print.secretariat")}</p>
          <div className="h-20" />
          <p className="border-t border-ink pt-1">{t("print.nameAndSignature")}</p>
        </div>
      </div>
    </PrintSheet>
  );
}
