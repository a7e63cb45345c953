// Migrates one base SQLite file per test run; each test file copies it (see helpers/db.ts), so
// every test starts from a database migrated from scratch without paying for the migration again.
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

export const TMP = path.resolve("tests/.tmp");
export const BASE_DB = path.join(TMP, "base.db");

export default async function setup() {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const db = createDb(`file:${BASE_DB}`);
  await migrateToLatest(db);
  await db.destroy();
}
