// A module's cover: checked and re-encoded by processImage() into the 1200×675 box, plus a 480×270
// thumbnail for the catalogue stored next to it as "<name>.thumb.webp" (no extra column needed).
import fs from "node:fs/promises";
import { COVER_BOX, COVER_THUMB_BOX, MAX_COVER_BYTES } from "~/lib/module";
import { parseUploadForm, processImage, removeUpload, saveUpload, uploadPath } from "./upload.server";

export const thumbPathOf = (coverPath: string) => coverPath.replace(/\.webp$/, ".thumb.webp");

export async function storeModuleCover(file: File): Promise<{ ok: true; path: string } | { ok: false; error: "module.cover.notImage" }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const cover = await processImage(bytes, COVER_BOX);
  if (!cover.ok) return { ok: false, error: "module.cover.notImage" };
  const thumb = await processImage(bytes, { ...COVER_THUMB_BOX, quality: 75 });
  const rel = await saveUpload("modules", cover.data, "webp");
  if (thumb.ok) await fs.writeFile(uploadPath(thumbPathOf(rel)), thumb.data);
  return { ok: true, path: rel };
}

export async function removeModuleCover(rel: string | null | undefined) {
  if (!rel) return;
  await removeUpload(rel);
  await removeUpload(thumbPathOf(rel));
}

/**
 * Reads the module form (multipart): the fields, and the cover image processed and stored when one
 * was sent. A refused cover comes back as `coverError`, with the fields still parsed.
 */
export async function readModuleForm(request: Request) {
  const { formData, files } = await parseUploadForm(request, { fileFields: ["cover"], maxFileBytes: MAX_COVER_BYTES });
  const part = files.get("cover");
  let coverPath: string | null = null;
  let coverError: string | null = null;
  if (part && !part.ok) coverError = "module.cover.tooLarge";
  return {
    formData,
    coverError,
    removeCover: formData.get("removeCover") === "on",
    /** stores the cover when the rest of the form is valid (nothing is written for a refused form) */
    async storeCover(): Promise<{ ok: true; path: string | null } | { ok: false; error: string }> {
      if (coverError) return { ok: false, error: coverError };
      if (!part || !part.ok) return { ok: true, path: null };
      const r = await storeModuleCover(part.file);
      if (!r.ok) return { ok: false, error: r.error };
      coverPath = r.path;
      return { ok: true, path: coverPath };
    },
  };
}
