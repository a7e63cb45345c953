// Runs every migration in db/migrations in name order. Called on start and by `npm run db:migrate`.
import { FileMigrationProvider, Migrator, type Kysely } from "kysely";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createDb, DEFAULT_DATABASE_URL } from "./connection";

const here = path.dirname(fileURLToPath(import.meta.url));

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({
      fs,
      path: {
        ...path,
        // FileMigrationProvider imports with a bare path; ESM needs a file:// URL.
        join: (...parts: string[]) => pathToFileURL(path.join(...parts)).href,
      },
      migrationFolder: path.join(here, "migrations"),
    }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const db = createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  migrateToLatest(db)
    .then((done) => console.log(done.length ? `Migrasi dijalankan: ${done.join(", ")}` : "Basis data sudah mutakhir."))
    .finally(() => db.destroy());
}
