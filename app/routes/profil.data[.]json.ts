// "Download my data" (UU PDP): everything Sinergi holds about the signed-in person, as a JSON file.
// Secrets (password and session hashes) are never part of it. Each export is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { exportOwnData } from "~/models/profile.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = await exportOwnData(db, user.id, { ip: context.ip ?? null });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="data-saya-sinergi.json"',
      "Cache-Control": "no-store",
    },
  });
}
