// Indexes for the fasilitator's peer-review board at 2,000 people: the people of a module per agency
// (counted and listed from the index alone), agencies walked in the order the board lists them, and the two
// small sets the board shows from thousands of reviews — pairs that broke the other-agency rule and
// flagged reviews — as partial indexes, so finding none costs nothing.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("enrolment_module_agency_idx").on("enrolment").columns(["module_id", "status", "agency_id", "user_id"]).execute();
  await db.schema.createIndex("agency_short_name_idx").on("agency").columns(["short_name", "id"]).execute();
  await db.schema.createIndex("peer_review_same_agency_idx").on("peer_review").column("assignment_id").where(sql.ref("same_agency"), "=", 1).execute();
  await db.schema.createIndex("peer_review_flagged_idx").on("peer_review").column("assignment_id").where(sql.ref("flags"), "is not", null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("peer_review_flagged_idx").ifExists().execute();
  await db.schema.dropIndex("peer_review_same_agency_idx").ifExists().execute();
  await db.schema.dropIndex("agency_short_name_idx").ifExists().execute();
  await db.schema.dropIndex("enrolment_module_agency_idx").ifExists().execute();
}
