// A module's cover image (or its catalogue thumbnail with ?ukuran=kecil), for those who may see the module.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { thumbPathOf } from "~/.server/module-cover.server";
import { notFound } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { readUpload } from "~/.server/upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module } = await requireModule(user, params.moduleId);
  if (!module.cover_path) notFound();
  const small = new URL(request.url).searchParams.get("ukuran") === "kecil";
  const bytes = (small ? await readUpload(thumbPathOf(module.cover_path)) : null) ?? (await readUpload(module.cover_path));
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "image/webp", "Content-Length": String(bytes.byteLength), "Cache-Control": "private, max-age=86400" },
  });
}
