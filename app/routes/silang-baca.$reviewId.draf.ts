// The review draft, saved by the review page's autosave (JSON). Same rules as "Simpan draf": an
// unknown criterion or a level out of range is refused and the stored draft stays as it was; a
// review taken back answers 410 with its message.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { notFound } from "~/.server/permissions.server";
import { reviewSchema } from "~/lib/peer-review";
import { saveReviewDraft } from "~/models/peer-review.server";

export async function loader() {
  notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseWithZod(await request.formData(), { schema: reviewSchema });
  if (parsed.status !== "success") return Response.json({ ok: false, error: "review.do.unknownCriterion" }, { status: 400 });
  const r = await saveReviewDraft(db, params.reviewId ?? "", user.id, parsed.value);
  if (!r.ok) {
    if (r.error === "review.do.notFound") notFound();
    return Response.json({ ok: false, error: r.error }, { status: r.error === "review.do.takenBack" ? 410 : 400 });
  }
  return Response.json({ ok: true, savedAt: r.savedAt });
}
