// Migrates one base SQLite file per test run; each test copies it (see helpers/db.ts), so every
// test starts from a database migrated from scratch without paying for the migration again.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    baseDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `base-${process.pid}.db`);
  const db = createDb(`file:${base}`);
  await migrateToLatest(db);
  await db.destroy();
  project.provide("baseDb", base);
  return () => {
    // Remove this run's files; other runs (a second checkout, a helper) keep theirs.
    for (const f of fs.readdirSync(dir)) {
      if (f.includes(`-${process.pid}`) || f.startsWith(`base-${process.pid}`)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    }
  };
}
