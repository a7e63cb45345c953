// The network's vocabulary, shared by browser and server: levels, network roles, and the schemas of
// the network profile and role forms. Messages are catalogue keys.
import { z } from "zod";
import { email, oneOf, optionalText, requiredText } from "~/lib/validation";
import { AGENCY_TIME_ZONES } from "~/lib/agency";

export const NETWORK_LEVELS = ["nasional", "provinsi", "kabupaten", "kota"] as const;
export type NetworkLevel = (typeof NETWORK_LEVELS)[number];

export const NETWORK_ROLES = ["koordinator", "pimpinan", "fasilitator"] as const;
export type NetworkRoleName = (typeof NETWORK_ROLES)[number];

export const networkSchema = z.object({
  name: requiredText(200),
  level: oneOf([...NETWORK_LEVELS]),
  coordinatingAgencyId: z.string().max(64).optional(),
  timeZone: oneOf([...AGENCY_TIME_ZONES]),
});

export const grantRoleSchema = z.object({
  intent: z.literal("grant"),
  email: email(),
  role: oneOf([...NETWORK_ROLES]),
});

export const inviteRoleSchema = z.object({
  intent: z.literal("invite"),
  email: email(),
  name: optionalText(200),
  role: oneOf([...NETWORK_ROLES]),
});
