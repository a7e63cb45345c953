// Uploaded files, for every feature that takes them (agency logos now; photos and work products
// later). The steps are reusable on their own:
//   parseUploadForm()  multipart parsing with a per-file size limit that does NOT throw away the
//                      other fields, so a form with a too-large file comes back with what was typed;
//   processImage()     checks the content with sharp (never the name or the browser's type) and
//                      re-encodes to WebP within a bounding box, in memory;
//   saveUpload()       writes bytes under a random name; storeImage() = processImage + saveUpload;
//   readUpload() / removeUpload()  for serving and replacing stored files.
// Stored paths are relative to UPLOAD_DIR ("logos/abc.webp"); only those are kept in the database.
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import sharp from "sharp";
import { randomToken } from "./crypto.server";
import { env } from "./env.server";

export type UploadError = "upload.tooLarge" | "upload.notImage";

export type UploadedPart =
  | { ok: true; file: File }
  | { ok: false; error: UploadError };

export interface FilePart {
  field: string;
  filename: string;
  /** Reads the file into memory; `{ ok: false }` when it is over the size limit (it is drained). */
  read(): Promise<{ ok: true; file: File } | { ok: false }>;
  /** Drops the file unread. */
  skip(): Promise<void>;
  /** The raw bytes as they arrive, for writing a large file straight to disk (read to the end, or skip()). */
  data: AsyncIterable<Uint8Array>;
}

/**
 * The one multipart reader. Parts of `fileFields` are handed to `onFile` (an empty file input is
 * skipped) and never echoed back in the FormData; every other field is parsed as usual, so a form
 * with a refused file comes back with what was typed. A plain urlencoded body is read as usual.
 * A malformed body answers 400, a text field over `textBytes` 413.
 */
export async function parseMultipart(
  request: Request,
  opts: { fileFields: string[]; maxFileBytes: number; textBytes?: number; onFile: (part: FilePart) => Promise<void> },
): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const formData = await request.formData();
    for (const name of opts.fileFields) formData.delete(name);
    return formData;
  }
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: opts.maxFileBytes });
  const text = unstable_createMemoryUploadHandler({ maxPartSize: opts.textBytes ?? 256 * 1024 });
  const handler: UploadHandler = async (part) => {
    if (!opts.fileFields.includes(part.name)) {
      if (part.filename === undefined) return text(part);
      await drain(part.data); // a file nobody asked for is read and dropped
      return undefined;
    }
    if (!part.filename) {
      await drain(part.data); // an empty file input
      return undefined;
    }
    await opts.onFile({
      field: part.name,
      filename: part.filename,
      skip: () => drain(part.data),
      data: part.data,
      async read() {
        try {
          const value = await memory(part);
          return value instanceof File ? { ok: true, file: value } : { ok: false };
        } catch (e) {
          if (!(e instanceof MaxPartSizeExceededError)) throw e;
          // Read (and drop) the rest of this part so the parser can go on to the fields after it.
          await drain(part.data);
          return { ok: false };
        }
      },
    });
    return undefined;
  };
  try {
    return await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) throw new Response("error.413", { status: 413 });
    throw new Response("error.400", { status: 400 });
  }
}

/**
 * Reads a form that may carry one file per field in `fileFields` (returned in `files`). A file over
 * `maxFileBytes` is reported as `upload.tooLarge`; an empty file input counts as no file.
 */
export async function parseUploadForm(
  request: Request,
  { fileFields, maxFileBytes }: { fileFields: string[]; maxFileBytes: number },
): Promise<{ formData: FormData; files: Map<string, UploadedPart> }> {
  const files = new Map<string, UploadedPart>();
  const formData = await parseMultipart(request, {
    fileFields,
    maxFileBytes,
    onFile: async (part) => {
      const r = await part.read();
      files.set(part.field, r.ok ? { ok: true, file: r.file } : { ok: false, error: "upload.tooLarge" });
    },
  });
  return { formData, files };
}

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const _chunk of data) {
    /* discard */
  }
}

/** The formats we accept as an image; anything else (SVG, PDF, a renamed text file) is refused. */
const IMAGE_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "tiff", "heif"]);
/** Guards against decompression bombs: a small file that decodes to a gigantic bitmap. */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageResult =
  | { ok: true; data: Buffer; width: number; height: number }
  | { ok: false; error: "upload.notImage" };

/**
 * Checks that `input` really is an image (by decoding it, never by its name or declared type) and
 * re-encodes it as WebP no larger than the box: proportions kept, never enlarged, EXIF rotation
 * applied, metadata dropped. Nothing is written.
 */
export async function processImage(
  input: Uint8Array | ArrayBuffer | File,
  opts: { maxWidth: number; maxHeight: number; quality?: number },
): Promise<ImageResult> {
  const bytes = input instanceof File ? new Uint8Array(await input.arrayBuffer()) : new Uint8Array(input);
  if (bytes.byteLength === 0) return { ok: false, error: "upload.notImage" };
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.format || !IMAGE_FORMATS.has(meta.format)) return { ok: false, error: "upload.notImage" };
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: opts.maxWidth, height: opts.maxHeight, fit: "inside", withoutEnlargement: true })
      .webp({ quality: opts.quality ?? 85 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, width: info.width, height: info.height };
  } catch {
    return { ok: false, error: "upload.notImage" };
  }
}

/** Writes bytes as `<folder>/<random>.<ext>` under UPLOAD_DIR and returns that relative path. */
export async function saveUpload(folder: string, data: Uint8Array, ext: string): Promise<string> {
  if (!/^[a-z0-9]{1,8}$/.test(ext)) throw new Error(`bad upload extension: ${ext}`);
  const rel = `${safeFolder(folder)}/${randomToken()}.${ext}`;
  const abs = uploadPath(rel);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, data, { flag: "wx" });
  return rel;
}

export type StoreImageResult =
  | { ok: true; path: string; width: number; height: number }
  | { ok: false; error: "upload.notImage" };

/** processImage() then saveUpload(): the image as WebP under `folder`. */
export async function storeImage(
  input: Uint8Array | ArrayBuffer | File,
  opts: { folder: string; maxWidth: number; maxHeight: number; quality?: number },
): Promise<StoreImageResult> {
  const image = await processImage(input, opts);
  if (!image.ok) return image;
  return { ok: true, path: await saveUpload(opts.folder, image.data, "webp"), width: image.width, height: image.height };
}

function safeFolder(folder: string): string {
  if (!/^[a-z0-9][a-z0-9/_-]*$/.test(folder) || folder.includes("..")) throw new Error(`bad upload folder: ${folder}`);
  return folder.replace(/\/+$/, "");
}

const uploadRoot = () => path.resolve(env().UPLOAD_DIR);

/** The absolute path of a stored file; refuses anything that would leave UPLOAD_DIR. */
export function uploadPath(rel: string): string {
  const root = uploadRoot();
  const abs = path.resolve(root, rel);
  if (!abs.startsWith(root + path.sep)) throw new Error("path outside UPLOAD_DIR");
  return abs;
}

/** The stored file's bytes, or null when it is missing (or the path is not one of ours). */
export async function readUpload(rel: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(uploadPath(rel));
  } catch {
    return null;
  }
}

/** Removes a stored file; a file that is already gone is not an error. */
export async function removeUpload(rel: string | null | undefined): Promise<void> {
  if (!rel) return;
  try {
    await fs.rm(uploadPath(rel), { force: true });
  } catch {
    /* a path that is not ours is ignored */
  }
}

export const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf" };
export const contentTypeOf = (rel: string) => CONTENT_TYPES[path.extname(rel).toLowerCase()] ?? "application/octet-stream";
