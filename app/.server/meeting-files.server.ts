// Meeting attachments: PDF, JPEG, PNG or WebP up to 10 MB each. The type is read from the file's
// first bytes (never trusted from the name or the browser), and must agree with the extension, so a
// renamed file is refused with a message. Files are stored as-is under UPLOAD_DIR/meetings/<random>.
import fs from "node:fs/promises";
import path from "node:path";
import { randomToken } from "./crypto.server";
import { parseMultipart, uploadPath } from "./upload.server";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 5;
export const ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp";

export type AttachmentError = "attachment.tooLarge" | "attachment.badType" | "attachment.mismatch" | "attachment.tooMany" | "attachment.empty";
export type IncomingFile = { ok: true; file: File } | { ok: false; name: string; error: AttachmentError };

const MIME_BY_EXT: Record<string, string> = {
  ".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
};

/** The real type of the bytes, from their signature; null for anything we do not accept. */
export function sniffMime(b: Uint8Array): string | null {
  const starts = (sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp"; // RIFF....WEBP
  return null;
}

/** Checks one file: accepted type by content, and the extension says the same. */
export function checkAttachment(name: string, bytes: Uint8Array): { ok: true; mime: string } | { ok: false; error: AttachmentError } {
  if (bytes.byteLength === 0) return { ok: false, error: "attachment.empty" };
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: "attachment.tooLarge" };
  const claimed = MIME_BY_EXT[path.extname(name).toLowerCase()];
  const real = sniffMime(bytes);
  if (!claimed) return { ok: false, error: "attachment.badType" };
  if (!real || real !== claimed) return { ok: false, error: "attachment.mismatch" };
  return { ok: true, mime: real };
}

/**
 * Reads a form that may be multipart and may carry several files in the field `fieldName`. A file
 * over the limit is drained and reported, while every other field is still parsed (so the form
 * comes back with what was typed).
 */
export async function parseFormWithAttachments(
  request: Request,
  fieldName = "attachments",
): Promise<{ formData: FormData; files: IncomingFile[] }> {
  const files: IncomingFile[] = [];
  const formData = await parseMultipart(request, {
    fileFields: [fieldName],
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    textBytes: 512 * 1024,
    onFile: async (part) => {
      if (files.length >= MAX_ATTACHMENTS_PER_UPLOAD) {
        await part.skip();
        files.push({ ok: false, name: part.filename, error: "attachment.tooMany" });
        return;
      }
      const r = await part.read();
      files.push(r.ok ? { ok: true, file: r.file } : { ok: false, name: part.filename, error: "attachment.tooLarge" });
    },
  });
  return { formData, files };
}

export interface CheckedFile { name: string; mime: string; bytes: Uint8Array }

/** All files checked; the first problem per file comes back as `{name, error}`. */
export async function checkIncoming(files: IncomingFile[]): Promise<{ good: CheckedFile[]; errors: { name: string; error: AttachmentError }[] }> {
  const good: CheckedFile[] = [];
  const errors: { name: string; error: AttachmentError }[] = [];
  for (const f of files) {
    if (!f.ok) {
      errors.push({ name: f.name, error: f.error });
      continue;
    }
    const bytes = new Uint8Array(await f.file.arrayBuffer());
    const r = checkAttachment(f.file.name, bytes);
    if (r.ok) good.push({ name: cleanName(f.file.name), mime: r.mime, bytes });
    else errors.push({ name: f.file.name, error: r.error });
  }
  return { good, errors };
}

/** A display name without directories or control characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "berkas";
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, "").slice(0, 200) || "berkas";
}

/** Writes the bytes as meetings/<random>; returns the path relative to UPLOAD_DIR. */
export async function storeAttachment(bytes: Uint8Array): Promise<string> {
  const rel = `meetings/${randomToken()}`;
  const abs = uploadPath(rel);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, bytes, { flag: "wx" });
  return rel;
}

/** Headers for serving a stored attachment: the stored type and a download name (server.ts adds nosniff to every response). */
export function attachmentHeaders(a: { original_name: string; mime_type: string; size_bytes: number }): Headers {
  const inline = a.mime_type === "application/pdf" || a.mime_type.startsWith("image/");
  const ascii = a.original_name.replace(/[^\x20-\x7e]/g, "_").replace(/[";\\]/g, "_");
  return new Headers({
    "Content-Type": a.mime_type,
    "Content-Length": String(a.size_bytes),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.original_name)}`,
    "Cache-Control": "private, max-age=300",
  });
}
