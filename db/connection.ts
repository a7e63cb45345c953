// The one place that knows which SQL engine Sinergi runs on. Everything else talks Kysely.
// SQLite (better-sqlite3) is the embedded default; `postgres://` URLs are reserved for the
// multi-machine deployment and refused here with a clear message until that dialect lands.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely, SqliteDialect, type CompiledQuery, type Compilable, type KyselyPlugin, type OperationNode,
  type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from "kysely";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export function sqlitePathFromUrl(url: string): string {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    throw new Error(
      "DATABASE_URL menunjuk PostgreSQL; dukungan PostgreSQL belum tersedia di versi ini. Gunakan file:data/sinergi.db",
    );
  }
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!p) throw new Error("DATABASE_URL kosong");
  return p;
}

/** Opens the SQLite file with the pragmas Sinergi relies on: WAL, foreign keys, a busy timeout. */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

/** Kysely prepares every query afresh; on a hot page that is a large share of the database time.
 *  Keep prepared statements by SQL text (the SQL Kysely generates is stable per query shape). */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // keep the map in least-recently-used order
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * Counts writes per table (every insert, update and delete Kysely builds that changes a row,
 * transactions included),
 * so a report computed from many rows can be cached until one of its tables changes — see
 * `writeVersion`. In-process: Sinergi runs one server process per database file.
 */
class WriteTracker implements KyselyPlugin {
  readonly versions = new Map<string, number>();
  /** the tables of a write on its way, bumped once it is known to have changed a row */
  private readonly pending = new WeakMap<object, string[]>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as OperationNode & Record<string, any>;
    let tables: (string | null)[] = [];
    if (node.kind === "InsertQueryNode") tables = [tableName(node.into)];
    else if (node.kind === "UpdateQueryNode") tables = [tableName(node.table)];
    else if (node.kind === "DeleteQueryNode") tables = (node.from?.froms ?? []).map(tableName);
    else if (node.kind === "RawNode") tables = ["*"]; // raw SQL: assume it writes anything
    if (node.kind === "RawNode") this.bump("*");
    else if (tables.length) this.pending.set(args.queryId, tables.map((t) => t ?? "*"));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // A write that changed nothing (a periodic "take back expired leases" finding none) leaves the
    // caches alone; one whose count is unknown (RETURNING) counts as a change.
    const tables = this.pending.get(args.queryId);
    if (tables) {
      this.pending.delete(args.queryId);
      const n = args.result.numAffectedRows;
      if (n === undefined || n > 0n || args.result.rows.length > 0) for (const t of tables) this.bump(t);
    }
    return args.result;
  }
  bump(table: string) {
    this.versions.set(table, (this.versions.get(table) ?? 0) + 1);
  }
}
function tableName(node: any): string | null {
  if (!node) return null;
  if (node.kind === "TableNode") return node.table?.identifier?.name ?? null;
  if (node.kind === "AliasNode") return tableName(node.node);
  return null;
}
// Per process, not per copy of this module: the server's background jobs (loaded by tsx) and the
// Remix build (bundled) each have their own copy but share one database handle (db.server.ts).
const registry = globalThis as typeof globalThis & { __sinergiWriteTrackers?: WeakMap<object, WriteTracker> };
const trackers = (registry.__sinergiWriteTrackers ??= new WeakMap<object, WriteTracker>());

/** A key that changes whenever any of `tables` is written through this handle (or raw SQL runs);
 *  null for a handle `createDb` did not make (then nothing may be cached). */
export function writeVersion(db: DB, tables: readonly string[]): string | null {
  const tracker = trackers.get(db);
  if (!tracker) return null;
  return [tracker.versions.get("*") ?? 0, ...tables.map((t) => tracker.versions.get(t) ?? 0)].join(".");
}

export function createDb(url: string): DB {
  const sqlite = openSqlite(sqlitePathFromUrl(url));
  const tracker = new WriteTracker();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [tracker] });
  trackers.set(db, tracker);
  return db;
}

export const DEFAULT_DATABASE_URL = "file:data/sinergi.db";

/** A query that runs on every request (the session check, the unread count), compiled once per
 *  database handle and then run with each call's values. Kysely otherwise builds and compiles the
 *  same query afresh on every call, which for a lookup by key costs more than SQLite's own work.
 *  `build` must use each argument exactly once, as a bound value, in the order given: this is
 *  checked on the first call. */
export function reusableQuery<Row, Args extends (string | number)[]>(build: (db: DB, ...args: Args) => Compilable<Row>) {
  const compiled = new WeakMap<DB, CompiledQuery<Row>>();
  return async (db: DB, ...args: Args): Promise<Row[]> => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...args).compile();
      if (query.parameters.length !== args.length || query.parameters.some((p, i) => p !== args[i])) {
        throw new Error(`reusableQuery: the parameters of "${query.sql}" are not its arguments in order`);
      }
      compiled.set(db, query);
    }
    return (await db.executeQuery<Row>({ ...query, parameters: args })).rows;
  };
}
