// The profile form's schema, shared by the browser and the server (and checked again by the model).
// Messages are catalogue keys.
import { z } from "zod";
import { INDONESIAN_ZONES } from "~/i18n/format";
import { oneOf, optionalText, requiredText } from "./validation";

/** NIP (Nomor Induk Pegawai): 18 digits. People often type it grouped ("19910315 201903 2 007"). */
export const normaliseNip = (v: string) => v.replace(/[\s.-]/g, "");
export const isValidNip = (v: string) => /^\d{18}$/.test(normaliseNip(v));

const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;

export const PROFILE_ZONES = INDONESIAN_ZONES.map((z) => z.tz) as [string, ...string[]];

/** Pranata Humas levels offered in the datalist (catalogue keys; the field stays free text, since
 *  many humas staff hold other positions). */
export const FUNCTIONAL_LEVEL_KEYS = [
  "profile.level.ahliPertama",
  "profile.level.ahliMuda",
  "profile.level.ahliMadya",
  "profile.level.ahliUtama",
  "profile.level.terampil",
  "profile.level.mahir",
  "profile.level.penyelia",
  "profile.level.none",
] as const;

export const profileSchema = z.object({
  name: requiredText(120),
  position: optionalText(150),
  functionalLevel: optionalText(100),
  phone: optionalText(30).refine((v) => !v || PHONE.test(v), "profile.phone.invalid"),
  // Empty means "keep the NIP already stored": the stored NIP is never sent back to the browser.
  nip: optionalText(40).refine((v) => !v || isValidNip(v), "profile.nip.invalid"),
  removeNip: z.boolean().optional(),
  timeZone: oneOf(PROFILE_ZONES),
  locale: oneOf(["id", "en"]),
});

export type ProfileInput = z.infer<typeof profileSchema>;

/** The typed word that confirms an account removal (the same in both languages). */
export const REMOVAL_WORD = "HAPUS";
