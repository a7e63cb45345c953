// Files handed in with assignments: infographic and photo images, short videos, video links.
// Images are checked by decoding them (never by name or declared type), up to 15 MB — a 5 MB phone
// photo is accepted and made smaller, never refused for its size — and a truncated file is refused.
// Each image is stored twice under random names: a web version (WebP, long side ≤ 2000 px) and a
// thumbnail (≤ 400 px). EXIF orientation is applied first, then every piece of metadata (GPS, camera,
// the original name) is dropped: sharp writes none unless asked. Videos are MP4 or WebM by their
// first bytes, ≤ 50 MB, stored as they came. Nothing here touches the database.
//
// Bench: `await processSubmissionImage(bytes)` (bytes: Uint8Array of a JPEG) is the whole server-side
// processing of one photo; `storeSubmissionImage(bytes)` adds writing both files under UPLOAD_DIR.
import sharp from "sharp";
import { saveUpload } from "./upload.server";

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024;
export const WEB_LONG_SIDE = 2000;
export const THUMB_LONG_SIDE = 400;
const MAX_INPUT_PIXELS = 50_000_000;
const IMAGE_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "tiff", "heif"]);

export type FileError = "upload.fileNotImage" | "upload.fileTruncated" | "upload.fileTooLarge" | "upload.videoTooLarge" | "upload.notVideo" | "upload.fileEmpty";

export interface ProcessedImage { web: Buffer; thumb: Buffer; width: number; height: number }

/** Decodes, orients, strips and re-encodes one image, in memory. */
export async function processSubmissionImage(input: Uint8Array): Promise<{ ok: true; image: ProcessedImage } | { ok: false; error: FileError }> {
  if (input.byteLength === 0) return { ok: false, error: "upload.fileEmpty" };
  if (input.byteLength > MAX_IMAGE_BYTES) return { ok: false, error: "upload.fileTooLarge" };
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    return { ok: false, error: "upload.fileNotImage" };
  }
  if (!format || !IMAGE_FORMATS.has(format)) return { ok: false, error: "upload.fileNotImage" };
  try {
    // failOn "truncated": a photo cut off mid-transfer is refused instead of stored half grey.
    const { data: web, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated" })
      .rotate()
      .resize({ width: WEB_LONG_SIDE, height: WEB_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80, effort: 2 })
      .toBuffer({ resolveWithObject: true });
    // The thumbnail comes from the (already oriented, much smaller) web version: far cheaper than
    // decoding the original twice.
    const thumb = await sharp(web)
      .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75, effort: 2 })
      .toBuffer();
    return { ok: true, image: { web, thumb, width: info.width, height: info.height } };
  } catch {
    return { ok: false, error: "upload.fileTruncated" };
  }
}

export interface StoredImage { path: string; thumbPath: string; width: number; height: number; sizeBytes: number; mime: "image/webp" }

/** processSubmissionImage() and both files written under submissions/ with random names. */
export async function storeSubmissionImage(input: Uint8Array): Promise<{ ok: true; stored: StoredImage } | { ok: false; error: FileError }> {
  const r = await processSubmissionImage(input);
  if (!r.ok) return r;
  const [path, thumbPath] = await Promise.all([saveUpload("submissions", r.image.web, "webp"), saveUpload("submissions", r.image.thumb, "webp")]);
  return { ok: true, stored: { path, thumbPath, width: r.image.width, height: r.image.height, sizeBytes: r.image.web.byteLength, mime: "image/webp" } };
}

/** MP4 (an ISO-BMFF "ftyp" box first) or WebM (EBML header), by the bytes. */
export function sniffVideo(b: Uint8Array): "video/mp4" | "video/webm" | null {
  if (b.byteLength >= 12 && b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return "video/mp4";
  if (b.byteLength >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "video/webm";
  return null;
}

export interface StoredVideo { path: string; sizeBytes: number; mime: "video/mp4" | "video/webm" }

export async function storeSubmissionVideo(input: Uint8Array): Promise<{ ok: true; stored: StoredVideo } | { ok: false; error: FileError }> {
  if (input.byteLength === 0) return { ok: false, error: "upload.fileEmpty" };
  if (input.byteLength > MAX_VIDEO_BYTES) return { ok: false, error: "upload.videoTooLarge" };
  const mime = sniffVideo(input);
  if (!mime) return { ok: false, error: "upload.notVideo" };
  const path = await saveUpload("submissions", input, mime === "video/mp4" ? "mp4" : "webm");
  return { ok: true, stored: { path, sizeBytes: input.byteLength, mime } };
}

/** A video link: https only, a real host, no credentials. */
export function cleanVideoLink(raw: string): string | null {
  const s = raw.trim();
  if (!s || s.length > 2000) return null;
  try {
    const u = new URL(s);
    if (u.protocol !== "https:" || !u.hostname.includes(".") || u.username || u.password) return null;
    return u.toString();
  } catch {
    return null;
  }
}
