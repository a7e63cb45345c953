// A submission image's thumbnail (≤ 400 px WebP), only for those allowed to see the submission.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { serveSubmissionFile } from "~/.server/submission-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return serveSubmissionFile(request, user, params.fileId, "thumb");
}
