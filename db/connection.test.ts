// The write counter behind cached reports: every write Kysely builds that changes a row bumps its
// table's version, reads and writes that change nothing do not, and a handle it did not make is
// reported as untracked (nothing may be cached).
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb } from "#tests/helpers/db";
import { writeVersion } from "./connection";
import { makeAgency } from "#seeds/factories";

describe("writeVersion", () => {
  it("changes on inserts, updates and deletes of the tables asked about, and only those", async () => {
    const db = await testDb();
    const v0 = writeVersion(db, ["agency"]);
    const other0 = writeVersion(db, ["peer_review"]);
    const id = await makeAgency(db, { name: "Dinas Uji", shortName: "Uji", type: "opd" });
    const v1 = writeVersion(db, ["agency"]);
    expect(v1).not.toBe(v0);

    await db.selectFrom("agency").selectAll().execute();
    expect(writeVersion(db, ["agency"])).toBe(v1); // a read changes nothing

    await db.transaction().execute((trx) => trx.updateTable("agency").set({ region: "Utara" }).where("id", "=", id).execute());
    const v2 = writeVersion(db, ["agency"]);
    expect(v2).not.toBe(v1); // writes inside a transaction count

    expect(writeVersion(db, ["peer_review"])).toBe(other0); // untouched table: same version

    await db.deleteFrom("agency").where("id", "=", "nobody").execute();
    expect(writeVersion(db, ["agency"])).toBe(v2); // a write that changed no row changes nothing
    await db.updateTable("agency").set({ region: "Utara" }).where("id", "=", "nobody").execute();
    expect(writeVersion(db, ["agency"])).toBe(v2);
    await db.deleteFrom("agency").where("id", "=", id).execute();
    expect(writeVersion(db, ["agency"])).not.toBe(v2);
    await db.destroy();
  });

  it("treats raw SQL as a write to everything", async () => {
    const db = await testDb();
    const v = writeVersion(db, ["peer_review"]);
    await sql`select 1`.execute(db);
    expect(writeVersion(db, ["peer_review"])).not.toBe(v);
    await db.destroy();
  });

  it("is null for a handle it did not make, so callers do not cache", async () => {
    const db = await testDb();
    expect(writeVersion(db.withoutPlugins(), ["agency"])).toBeNull();
    await db.destroy();
  });
});
