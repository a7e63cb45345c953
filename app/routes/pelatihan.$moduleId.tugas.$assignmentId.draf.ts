// Autosave of a release draft (POST from the editor every few seconds, only when the text changed).
// JSON in, JSON out: { ok, revision, savedAt } or 409 { error: "submission.stale", revision, serverText }
// when another tab or device saved a newer text since this one last saw the server.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { parseRichText, richTextToPlain } from "~/.server/rich-text.server";
import { requireAssignment } from "~/.server/submission-access.server";
import { saveDraft } from "~/models/submission.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { assignment, learner } = await requireAssignment(user, params.moduleId, params.assignmentId);
  if (!learner || assignment.kind !== "release") throw new Response("error.403", { status: 403 });
  const form = await request.formData();
  const body = parseRichText(String(form.get("body") ?? ""));
  if (!body.ok) return Response.json({ ok: false as const, error: body.error }, { status: 400 });
  const rev = Number(form.get("revision"));
  const r = await saveDraft(db, assignment, learner, { json: body.json, baseRevision: Number.isInteger(rev) && rev >= 0 ? rev : 0 });
  if (!r.ok) return Response.json({ ok: false as const, error: r.error, revision: r.revision, serverText: richTextToPlain(r.draftJson) }, { status: 409 });
  return Response.json({ ok: true as const, revision: r.revision, savedAt: r.savedAt });
}
