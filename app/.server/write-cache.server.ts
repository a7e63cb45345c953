// Results of read-only queries that scan many rows (counts over thousands of submissions), kept
// until one of the tables they read is written through the same database handle (`writeVersion`
// in db/connection.ts) — a write invalidates at once; the time limit is only a safety net for
// writes that bypass Kysely. One map per database handle, so tests' handles never share entries.
import { writeVersion, type DB } from "#db/connection";

const TTL_MS = 10 * 60_000;

export function writeCache<T>(tables: readonly string[], max = 500) {
  const byDb = new WeakMap<DB, Map<string, { at: number; value: T }>>();
  return async (db: DB, key: string, make: () => Promise<T>): Promise<T> => {
    const version = writeVersion(db, tables);
    if (version === null) return make();
    let map = byDb.get(db);
    if (!map) byDb.set(db, (map = new Map()));
    const k = `${key}|${version}`;
    const hit = map.get(k);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = await make();
    if (map.size >= max) map.delete(map.keys().next().value!);
    map.set(k, { at: Date.now(), value });
    return value;
  };
}
