// Counting an agency's active admins (member pages, hand-over rules) read every member row of a
// large agency; this index answers it directly. Frozen in time: never import app code here.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("user_agency_role_status").on("user").columns(["agency_id", "agency_role", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("user_agency_role_status").execute();
}
