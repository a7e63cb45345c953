// The network this deployment serves (one row) and its profile.
import type { DB } from "#db/connection";
import { nowIso } from "~/.server/crypto.server";
import { NETWORK_LEVELS, type NetworkLevel } from "~/lib/network";

export { NETWORK_LEVELS, type NetworkLevel };

// The network profile is read on every page (header) and changes rarely: keep it in memory per
// database handle, and drop it whenever it is written.
const cache = new WeakMap<DB, ReturnType<typeof loadNetwork>>();

export function getNetwork(db: DB) {
  let hit = cache.get(db);
  if (!hit) {
    hit = loadNetwork(db);
    cache.set(db, hit);
    hit.then((n) => { if (!n) cache.delete(db); }, () => cache.delete(db));
  }
  return hit;
}

export function forgetNetwork(db: DB) {
  cache.delete(db);
}

async function loadNetwork(db: DB) {
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
  forgetNetwork(db);
}
