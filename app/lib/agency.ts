// What an agency is, shared by browser and server: its types, the zones it may be in, and the one
// zod schema of the agency form (create and edit). Messages are catalogue keys.
import { z } from "zod";
import { email, oneOf, optionalText, requiredText } from "~/lib/validation";

export const AGENCY_TYPES = [
  "opd", "kecamatan", "instansi_vertikal", "tni_polri", "bumn_bumd", "ptn", "kementerian_lembaga", "pemda", "lainnya",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** The IANA zones an Indonesian agency can be in (WIB, WIB, WITA, WIT). */
export const AGENCY_TIME_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"] as const;

/** A lowercase host name such as dinkes.sukamaju.go.id: at least two labels, no scheme, no "@". */
const DOMAIN_RE = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const PHONE_RE = /^[0-9+()\-.\s]{6,30}$/;

/** The largest logo accepted before re-encoding (the regional norm for photos is ≤ 2 MB). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export const emailDomain = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v.replace(/^@/, ""))
    .refine((v) => DOMAIN_RE.test(v), "agency.form.domainInvalid")
    .optional();

export const agencySchema = z.object({
  name: requiredText(200),
  shortName: requiredText(60),
  type: oneOf([...AGENCY_TYPES]),
  region: optionalText(120),
  timeZone: oneOf([...AGENCY_TIME_ZONES]),
  contactName: optionalText(120),
  contactEmail: email().optional(),
  contactPhone: z.string().trim().regex(PHONE_RE, "agency.form.phoneInvalid").optional(),
  emailDomain: emailDomain(),
  removeLogo: z.boolean().optional(),
  // The file itself is read by the server's upload handler and never reaches this schema there; in
  // the browser this only warns early about a file that is too large.
  logo: z
    .any()
    .refine((v) => !(v && typeof v === "object" && "size" in v && Number(v.size) > LOGO_MAX_BYTES), "upload.tooLarge")
    .optional(),
});
export type AgencyFormValue = z.infer<typeof agencySchema>;


export const logoUrl = (agencyId: string, logoPath: string | null) =>
  logoPath ? `/instansi/${agencyId}/logo?v=${encodeURIComponent(logoPath.split("/").pop() ?? "")}` : null;
