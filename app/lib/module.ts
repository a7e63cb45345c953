// Training modules as both browser and server understand them: output categories, states, the zod
// schemas of the module, lesson and cohort forms (messages are catalogue keys), and the video rules.
import { z } from "zod";
import { richTextInput } from "./rich-text";
import { oneOf, optionalText, requiredText } from "./validation";
import { isDateString } from "./zoned-time";

export const OUTPUT_CATEGORIES = ["produksi_konten", "kegiatan_kehumasan", "pengembangan_profesi", "penunjang"] as const;
export type OutputCategory = (typeof OUTPUT_CATEGORIES)[number];
export const MODULE_STATUSES = ["draft", "published", "archived"] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];
/** A cohort runs in one of the three Indonesian offsets. */
export const COHORT_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const SUMMARY_MAX = 600;
export const COVER_BOX = { maxWidth: 1200, maxHeight: 675 } as const;
export const COVER_THUMB_BOX = { maxWidth: 480, maxHeight: 270 } as const;
export const MAX_COVER_BYTES = 10 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
export const VIDEO_ACCEPT = "video/mp4,video/webm,.mp4,.webm";

const intField = (min: number, max: number, message: string) =>
  z
    .number({ required_error: "form.required", invalid_type_error: message })
    .int(message)
    .min(min, message)
    .max(max, message);

export const moduleSchema = z.object({
  title: requiredText(200),
  summary: optionalText(SUMMARY_MAX),
  jp: intField(1, 200, "module.jp.invalid"),
  outputCategory: oneOf([...OUTPUT_CATEGORIES]),
  status: oneOf([...MODULE_STATUSES]),
  selfEnrol: z.boolean().optional(),
  passMark: intField(0, 100, "module.passMark.invalid").optional(),
  organiser: optionalText(200),
});
export type ModuleForm = z.infer<typeof moduleSchema>;

/** An external video: https, and the path ends in .mp4 (a file) or .m3u8 (an HLS playlist). */
export function isVideoUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "https:" && u.hostname.includes(".") && /\.(mp4|m3u8)$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export const VIDEO_CHOICES = ["none", "url", "upload"] as const;

export const lessonSchema = z
  .object({
    title: requiredText(200),
    content: richTextInput(),
    video: oneOf([...VIDEO_CHOICES]),
    videoUrl: z.string().trim().max(1000, "form.tooLong").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.video === "url" && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "form.required" });
    else if (v.video === "url" && v.videoUrl && !isVideoUrl(v.videoUrl)) {
      ctx.addIssue({ code: "custom", path: ["videoUrl"], message: "module.video.urlInvalid" });
    }
  });
export type LessonForm = z.infer<typeof lessonSchema>;

const dateField = () =>
  z.string({ required_error: "form.required", invalid_type_error: "form.required" }).trim().refine(isDateString, "module.cohort.dateInvalid");

export const cohortSchema = z
  .object({
    name: requiredText(120),
    startsOn: dateField(),
    endsOn: dateField(),
    timeZone: oneOf([...COHORT_ZONES]),
    openEnrolment: z.boolean().optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "module.cohort.endBeforeStart" });
