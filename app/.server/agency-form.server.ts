// Reading the agency form (create and edit) on the server: the multipart body with its logo, the
// shared zod schema, and the logo checked and re-encoded as a 256×256-max WebP. The logo file is
// only written when every other field is valid; the caller removes it again if saving fails.
import { parseWithZod } from "@conform-to/zod";
import { agencySchema, LOGO_MAX_BYTES } from "~/lib/agency";
import { parseUploadForm, processImage, saveUpload } from "./upload.server";

export const LOGO_BOX = 256;

export async function readAgencyForm(request: Request) {
  const { formData, files } = await parseUploadForm(request, { fileFields: ["logo"], maxFileBytes: LOGO_MAX_BYTES });
  const submission = parseWithZod(formData, { schema: agencySchema });
  const part = files.get("logo");
  let logoError: string | null = null;
  let image: Buffer | null = null;
  if (part && !part.ok) logoError = part.error;
  else if (part?.ok) {
    const processed = await processImage(part.file, { maxWidth: LOGO_BOX, maxHeight: LOGO_BOX });
    if (processed.ok) image = processed.data;
    else logoError = processed.error;
  }
  const reply = (extra: { fieldErrors?: Record<string, string[]>; formErrors?: string[] } = {}) =>
    submission.reply({
      formErrors: extra.formErrors,
      fieldErrors: { ...extra.fieldErrors, ...(logoError ? { logo: [logoError] } : {}) },
      hideFields: ["logo"],
    });
  if (submission.status !== "success") return { ok: false as const, value: null, reply };
  // The fields are valid but the logo is not: the caller still checks the fields against the
  // database, so every message comes back at once.
  if (logoError) return { ok: false as const, value: submission.value, reply };
  const logoPath = image ? await saveUpload("logos", image, "webp") : undefined;
  return { ok: true as const, value: submission.value, logoPath, reply };
}
