// Language switch: a cookie for visitors, the profile's locale for signed-in people.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getOptionalUser, safeRedirect } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { nowIso } from "~/.server/crypto.server";
import { parseLocale } from "~/i18n";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = parseLocale(form.get("locale"));
  const user = await getOptionalUser(request);
  if (user) await db.updateTable("user").set({ locale, updated_at: nowIso() }).where("id", "=", user.id).execute();
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": `sinergi_lang=${locale}; Path=/; SameSite=Lax; Max-Age=31536000` },
  });
}
