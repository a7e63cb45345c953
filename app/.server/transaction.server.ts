// Runs work in a transaction — or inside the caller's, when `db` already is one (Kysely cannot nest
// them). Lets a model function that needs atomicity be called from a seed or another transaction.
import type { Transaction } from "kysely";
import type { DB } from "#db/connection";
import type { Database } from "#db/schema";

export function inTransaction<T>(db: DB, fn: (trx: DB | Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
