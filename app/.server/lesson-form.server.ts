// The lesson create/edit form on the server: fields (conform + zod), the sanitised Tiptap content,
// the video choice (none, an external URL, an uploaded file streamed to disk) and PDF attachments.
// A refused file refuses the whole form — nothing is saved, any uploaded video is removed — and the
// form comes back with what was typed plus a message per file.
import { parseWithZod } from "@conform-to/zod";
import { lessonSchema } from "~/lib/module";
import { addLessonAttachment, createLesson, updateLesson, type LessonVideo } from "~/models/lesson.server";
import { parseLessonUpload, storePdf } from "./lesson-files.server";
import { parseRichText } from "./rich-text.server";
import { db } from "./db.server";
import { removeUpload } from "./upload.server";

export interface ExistingLesson { id: string; video_kind: string | null; video_path: string | null }

export async function saveLessonForm(request: Request, moduleId: string, existing: ExistingLesson | null) {
  const up = await parseLessonUpload(request);
  const submission = parseWithZod(up.formData, { schema: lessonSchema });
  const uploaded = up.video && up.video.ok ? up.video.video : null;
  const fieldErrors: Record<string, string[]> = {};
  if (up.video && !up.video.ok) fieldErrors.videoFile = [up.video.error];
  const fileErrors = up.pdfErrors;
  const refuse = async () => {
    if (uploaded) await removeUpload(uploaded.path);
    return { ok: false as const, result: submission.reply(Object.keys(fieldErrors).length ? { fieldErrors } : undefined), fileErrors };
  };
  if (submission.status !== "success") return refuse();
  const v = submission.value;
  const content = parseRichText(v.content);
  if (!content.ok) fieldErrors.content = [content.error];
  let video: LessonVideo = { kind: "none" };
  if (v.video === "url") video = { kind: "url", url: v.videoUrl ?? "" };
  else if (v.video === "upload") {
    if (uploaded) video = { kind: "upload", path: uploaded.path, mime: uploaded.mime };
    else if (existing?.video_kind === "upload" && existing.video_path) video = { kind: "keep" };
    else if (!fieldErrors.videoFile) fieldErrors.videoFile = ["module.video.fileRequired"];
  }
  if (Object.keys(fieldErrors).length || fileErrors.length || !content.ok) return refuse();
  if (uploaded && video.kind !== "upload") await removeUpload(uploaded.path); // sent, but another choice was made
  const input = { title: v.title, contentJson: content.empty ? null : content.json, video };
  let lessonId: string;
  if (existing) {
    const r = await updateLesson(db, moduleId, existing.id, input);
    if (r.ok && r.droppedVideo) await removeUpload(r.droppedVideo);
    lessonId = existing.id;
  } else {
    lessonId = await createLesson(db, moduleId, input);
  }
  for (const pdf of up.pdfs) {
    const path = await storePdf(pdf.bytes);
    await addLessonAttachment(db, lessonId, { name: pdf.name, path, mime: "application/pdf", size: pdf.bytes.byteLength });
  }
  return { ok: true as const, lessonId };
}
