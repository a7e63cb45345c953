// One meeting as an iCalendar file, for anyone who may see the meeting.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { baseUrlOf, requireMeeting } from "~/.server/meeting-access.server";
import { notFound } from "~/.server/permissions.server";
import { meetingIcs } from "~/models/calendar.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id);
  const ics = await meetingIcs(db, meeting.id, { baseUrl: baseUrlOf(request), locale: user.locale });
  if (!ics) notFound();
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="rapat-${meeting.id}.ics"`,
      "Cache-Control": "private, no-cache",
      },
  });
}
