// The two forms of the member page that take typed input (shared by browser and server). The other
// actions carry only an id and are confirmed on a step page instead.
import { z } from "zod";
import { email, oneOf, optionalText, requiredText } from "~/lib/validation";

export const inviteSchema = z.object({ email: email(), name: optionalText(120) });

export const handoverSchema = z.object({
  successorId: requiredText(64),
  after: oneOf(["stay", "leave"]),
  sure: z.boolean({ required_error: "member.handover.sureRequired" }),
});

/** The handover step's `?aksi=` slug (an admin of the agency only). */
export const HANDOVER_SLUG = "serah-terima";

/** The confirmation steps, by their `?aksi=` slug. */
export const CONFIRM_ACTIONS = {
  nonaktifkan: { intent: "deactivate", target: "orang", key: "deactivate" },
  "jadikan-admin": { intent: "promote", target: "orang", key: "promote" },
  "jadikan-peserta": { intent: "demote", target: "orang", key: "demote" },
  tolak: { intent: "reject", target: "permintaan", key: "reject" },
  "batalkan-undangan": { intent: "revoke", target: "undangan", key: "revoke" },
} as const;
export type ConfirmSlug = keyof typeof CONFIRM_ACTIONS;
export const isConfirmSlug = (v: string | null): v is ConfirmSlug => !!v && v in CONFIRM_ACTIONS;
