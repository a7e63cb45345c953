// A person's secret calendar feed. No session: the unguessable token is the key (only its hash is
// stored). An unknown or replaced token answers 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/.server/db.server";
import { baseUrlOf } from "~/.server/meeting-access.server";
import { translate } from "~/i18n";
import { feedIcs } from "~/models/calendar.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ics = await feedIcs(db, params.token ?? "", { baseUrl: baseUrlOf(request) });
  if (!ics) return new Response(translate("id", "error.404"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
    },
  });
}
