// Files of a lesson: PDF attachments (checked with the meeting attachments' checkAttachment, PDF only)
// and an uploaded video (MP4 or WebM, up to 200 MB), which is streamed to disk as it arrives rather
// than held in memory, checked by its first bytes (`ftyp` at offset 4 for MP4, 1A 45 DF A3 for WebM)
// and served back with HTTP Range support so players can seek.
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { MAX_VIDEO_BYTES } from "~/lib/module";
import { randomToken } from "./crypto.server";
import { checkAttachment, cleanName, MAX_ATTACHMENTS_PER_UPLOAD, type AttachmentError } from "./meeting-files.server";
import { parseMultipart, removeUpload, saveUpload, uploadPath } from "./upload.server";

export type VideoError = "module.video.tooLarge" | "module.video.notVideo";
export type LessonFileError = AttachmentError | "module.attachment.pdfOnly";

export interface StoredVideo { path: string; mime: string; size: number }
export interface CheckedPdf { name: string; bytes: Uint8Array }

/** The container a file really is, from its first bytes; null for anything else. */
export function sniffVideo(b: Uint8Array): "video/mp4" | "video/webm" | null {
  if (b.length >= 8 && b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return "video/mp4"; // ....ftyp
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "video/webm"; // EBML
  return null;
}

/** Writes the incoming bytes to UPLOAD_DIR/lessons/video/<random>.<ext> chunk by chunk; never more than the limit. */
async function streamVideo(data: AsyncIterable<Uint8Array>): Promise<{ ok: true; video: StoredVideo } | { ok: false; error: VideoError }> {
  const tmp = `lessons/video/${randomToken()}.part`;
  const abs = uploadPath(tmp);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  const fh = await fs.open(abs, "wx");
  let size = 0;
  let head = new Uint8Array(0);
  let tooLarge = false;
  try {
    for await (const chunk of data) {
      if (tooLarge) continue; // read (and drop) the rest so the parser reaches the fields after it
      size += chunk.byteLength;
      if (size > MAX_VIDEO_BYTES) {
        tooLarge = true;
        continue;
      }
      if (head.length < 16) head = Uint8Array.from([...head, ...chunk.subarray(0, 16 - head.length)]);
      await fh.write(chunk);
    }
  } finally {
    await fh.close();
  }
  const mime = sniffVideo(head);
  if (tooLarge || !mime || size === 0) {
    await removeUpload(tmp);
    return { ok: false, error: tooLarge ? "module.video.tooLarge" : "module.video.notVideo" };
  }
  const rel = tmp.replace(/\.part$/, mime === "video/mp4" ? ".mp4" : ".webm");
  await fs.rename(abs, uploadPath(rel));
  return { ok: true, video: { path: rel, mime, size } };
}

export interface LessonUpload {
  formData: FormData;
  /** the uploaded video, stored already (remove it if the form is refused), or why it was refused */
  video: { ok: true; video: StoredVideo } | { ok: false; error: VideoError } | null;
  pdfs: CheckedPdf[];
  pdfErrors: { name: string; error: LessonFileError }[];
}

/** Reads the lesson form: its fields, a video in `videoFile` and PDFs in `attachments`. */
export async function parseLessonUpload(request: Request): Promise<LessonUpload> {
  let video: LessonUpload["video"] = null;
  const pdfs: CheckedPdf[] = [];
  const pdfErrors: LessonUpload["pdfErrors"] = [];
  let count = 0;
  const formData = await parseMultipart(request, {
    fileFields: ["videoFile", "attachments"],
    maxFileBytes: 10 * 1024 * 1024,
    textBytes: 512 * 1024,
    onFile: async (part) => {
      if (part.field === "videoFile") {
        if (video) return part.skip();
        video = await streamVideo(part.data);
        return;
      }
      if (++count > MAX_ATTACHMENTS_PER_UPLOAD) {
        await part.skip();
        pdfErrors.push({ name: part.filename, error: "attachment.tooMany" });
        return;
      }
      const r = await part.read();
      if (!r.ok) {
        pdfErrors.push({ name: part.filename, error: "attachment.tooLarge" });
        return;
      }
      const bytes = new Uint8Array(await r.file.arrayBuffer());
      const checked = checkAttachment(r.file.name, bytes);
      if (!checked.ok) pdfErrors.push({ name: r.file.name, error: checked.error });
      else if (checked.mime !== "application/pdf") pdfErrors.push({ name: r.file.name, error: "module.attachment.pdfOnly" });
      else pdfs.push({ name: cleanName(r.file.name), bytes });
    },
  });
  return { formData, video, pdfs, pdfErrors };
}

export async function storePdf(bytes: Uint8Array): Promise<string> {
  return saveUpload("lessons/files", bytes, "pdf");
}

/**
 * Serves a stored video: the whole file (200) or the requested byte range (206), 416 for a range
 * past the end. Streams from disk. Null when the file is missing.
 */
export async function serveVideo(request: Request, rel: string, mime: string): Promise<Response | null> {
  let abs: string;
  let size: number;
  try {
    abs = uploadPath(rel);
    size = (await fs.stat(abs)).size;
  } catch {
    return null;
  }
  const headers = new Headers({ "Content-Type": mime, "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=3600" });
  const range = request.headers.get("Range");
  let start = 0;
  let end = size - 1;
  let partial = false;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (m && (m[1] || m[2])) {
      if (m[1]) {
        start = Number(m[1]);
        end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      } else {
        start = Math.max(0, size - Number(m[2]));
      }
      if (start >= size || start > end) {
        headers.set("Content-Range", `bytes */${size}`);
        return new Response(null, { status: 416, headers });
      }
      partial = true;
    }
  }
  headers.set("Content-Length", String(end - start + 1));
  if (partial) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  if (request.method === "HEAD") return new Response(null, { status: partial ? 206 : 200, headers });
  const body = Readable.toWeb(createReadStream(abs, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: partial ? 206 : 200, headers });
}
