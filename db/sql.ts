// Small SQL building blocks shared by the models, written once in portable SQL (SQLite and
// PostgreSQL both accept them).
import { sql, type Expression, type RawBuilder } from "kysely";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Case-insensitive "contains", with the user's % and _ taken literally. */
export function containsText(column: Expression<string | null>, term: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like ${`%${escapeLike(term.toLowerCase())}%`} escape '\\'`;
}
