// The network this deployment serves (one row) and its profile.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";

export const NETWORK_LEVELS = ["nasional", "provinsi", "kabupaten", "kota"] as const;
export type NetworkLevel = (typeof NETWORK_LEVELS)[number];

export async function getNetwork(db: DB) {
  const row = await db
    .selectFrom("network")
    .leftJoin("agency", "agency.id", "network.coordinating_agency_id")
    .select([
      "network.id", "network.name", "network.level", "network.coordinating_agency_id",
      "network.time_zone", "network.demo_data", "agency.name as coordinating_agency_name",
    ])
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, demo_data: row.demo_data === 1 };
}

export async function updateNetwork(
  db: DB,
  input: { name: string; level: NetworkLevel; coordinatingAgencyId: string | null; timeZone: string },
) {
  await db
    .updateTable("network")
    .set({
      name: input.name,
      level: input.level,
      coordinating_agency_id: input.coordinatingAgencyId,
      time_zone: input.timeZone,
      updated_at: nowIso(),
    })
    .execute();
}
