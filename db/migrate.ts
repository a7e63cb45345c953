// Runs every migration listed in db/migrations/index.ts. Called on start and by `npm run db:migrate`.
import { Migrator, type Kysely, type MigrationProvider } from "kysely";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, DEFAULT_DATABASE_URL } from "./connection";
import { migrations } from "./migrations/index";

// A static list rather than a folder scan: it works the same under tsx, Vitest and the Vite build.
const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
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
