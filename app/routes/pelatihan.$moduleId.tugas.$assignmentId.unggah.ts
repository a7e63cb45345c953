// One file uploaded on its own (XHR with a progress bar) into a slot of the trainee's draft:
// POST multipart with `slot` (main | supporting-1..3 | video) before the `file` part. Answers JSON
// { ok, file: { id, thumbUrl, url } } or 400 { ok: false, error } with a catalogue key, so a failed
// upload can be retried without touching the rest of the form. Without JavaScript the assignment
// page's own form takes the files instead.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth.server";
import { acceptUpload, requireAssignment, type UploadResult } from "~/.server/submission-access.server";
import { MAX_VIDEO_BYTES } from "~/.server/submission-files.server";
import { parseMultipart } from "~/.server/upload.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { assignment, learner } = await requireAssignment(user, params.moduleId, params.assignmentId);
  if (!learner) throw new Response("error.403", { status: 403 });
  const slot = new URL(request.url).searchParams.get("slot") ?? "";
  let result: UploadResult | null = null;
  await parseMultipart(request, {
    fileFields: ["file"],
    maxFileBytes: MAX_VIDEO_BYTES,
    onFile: async (part) => {
      if (result) return part.skip();
      const r = await part.read();
      result = r.ok
        ? await acceptUpload(assignment, learner, slot, new Uint8Array(await r.file.arrayBuffer()))
        : { ok: false, error: slot === "video" ? "upload.videoTooLarge" : "upload.fileTooLarge" };
    },
  });
  const r = result as UploadResult | null;
  if (!r) return Response.json({ ok: false as const, error: "upload.fileEmpty" }, { status: 400 });
  if (!r.ok) return Response.json({ ok: false as const, error: r.error }, { status: 400 });
  return Response.json({ ok: true as const, file: { id: r.fileId, url: `/berkas/${r.fileId}`, thumbUrl: `/berkas/${r.fileId}/thumb` } });
}
