// The application's single database handle. Model functions take `db` as a parameter so tests
// can pass their own; routes import this one.
import { createDb, type DB } from "#db/connection";
import { env } from "./env.server";

declare global {
  // Survives Vite's module reloads in development so we keep one connection.
  var __sinergiDb: DB | undefined;
}

export const db: DB = (globalThis.__sinergiDb ??= createDb(env().DATABASE_URL));
export type { DB };
