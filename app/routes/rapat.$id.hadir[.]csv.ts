// The daftar hadir as CSV for spreadsheets: one row per person (agencies nobody came from get one
// row with their status), guests last. UTF-8 with BOM, ";" throughout, times in the meeting's zone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { notFound, requirePermission } from "~/.server/permissions.server";
import { makeT } from "~/i18n";
import { zoneAbbr } from "~/i18n/format";
import { toCsv } from "~/lib/csv";
import { utcToZoned } from "~/lib/zoned-time";
import { attendanceBoard } from "~/models/attendance.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  requirePermission(user, "attendance.view");
  const board = await attendanceBoard(db, meeting.id);
  if (!board) notFound();
  const t = makeT(user.locale);
  const tz = meeting.time_zone;
  const at = (iso: string | null) => {
    if (!iso) return "";
    const z = utcToZoned(iso, tz);
    return `${z.date} ${z.time}`;
  };
  const status = (s: string | null, rsvp: string) => (s ? t(`attendance.status.${s}`) : t(rsvp === "declined" ? "attendance.status.declinedPending" : "attendance.status.pending"));
  const rows: (string | number)[][] = [[
    t("attendance.col.no"), t("attendance.col.agency"), t("attendance.col.status"), t("attendance.col.name"), t("attendance.col.position"),
    t("attendance.col.role"), t("attendance.col.checkedInAt", { zone: zoneAbbr(tz, new Date(meeting.starts_at)) }), t("attendance.col.note"),
  ]];
  let n = 0;
  for (const a of board.agencies) {
    const note = a.rsvp === "declined" && a.declineReason ? a.declineReason : "";
    if (a.people.length === 0) {
      rows.push([++n, a.name, status(a.status, a.rsvp), "", "", "", "", note]);
      continue;
    }
    for (const p of a.people) {
      rows.push([++n, a.name, status(a.status, a.rsvp), p.name, p.position ?? "", t(p.isSubstitute ? "attendance.role.substitute" : "attendance.role.officer"), at(p.checkedInAt), note]);
    }
  }
  for (const g of board.guests) {
    rows.push([++n, g.organisation ?? "", t(g.checked_in_at ? "attendance.status.present" : board.final ? "attendance.status.absent" : "attendance.status.pending"), g.name, "", t("attendance.role.guest"), at(g.checked_in_at), ""]);
  }
  const day = utcToZoned(meeting.starts_at, tz).date;
  const slug = meeting.title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "rapat";
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="daftar-hadir-${slug}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
