// A fresh, migrated SQLite file for one test (or one file's tests): `const db = await testDb()`.
import fs from "node:fs";
import path from "node:path";
import { createDb, type DB } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { inject } from "vitest";

const TMP = path.resolve("tests/.tmp");
let n = 0;

export async function testDb(): Promise<DB> {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `t-${process.pid}-${Date.now()}-${++n}.db`);
  const base = inject("baseDb");
  if (base && fs.existsSync(base)) {
    fs.copyFileSync(base, file);
    const db = createDb(`file:${file}`);
    await migrateToLatest(db); // no-op unless a migration was added after the base was made
    return db;
  }
  const db = createDb(`file:${file}`);
  await migrateToLatest(db);
  return db;
}

/** A controllable clock for code that takes `clock: () => Date`. */
export function fakeClock(start: string | Date) {
  let now = new Date(start);
  const clock = () => new Date(now);
  clock.set = (d: string | Date) => { now = new Date(d); };
  clock.advance = (ms: number) => { now = new Date(now.getTime() + ms); };
  return clock;
}
