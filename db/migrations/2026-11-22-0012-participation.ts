// Participation reports (issue 6): the coordinator's index weights kept with the network, and
// indexes so one agency's scorecard reads its own rows instead of scanning the network's.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // JSON {attendance, rsvp, followUps, submissions, reviews, jp}: whole numbers adding up to 100; null = defaults
  await db.schema.alterTable("network").addColumn("participation_weights", "text").execute();
  await db.schema.createIndex("enrolment_agency_idx").on("enrolment").columns(["agency_id", "status"]).execute();
  await db.schema.createIndex("submission_agency_idx").on("submission").columns(["agency_id", "assignment_id"]).execute();
  await db.schema.createIndex("assignment_due_idx").on("assignment").columns(["due_at"]).execute();
  await db.schema.createIndex("grade_created_idx").on("grade").columns(["decision", "created_at"]).execute();
  await db.schema.createIndex("grade_latest_idx").on("grade").columns(["submission_id", "decision", "created_at"]).execute();
  await db.schema.createIndex("enrolment_completed_idx").on("enrolment").columns(["completed_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ["grade_latest_idx", "enrolment_completed_idx", "grade_created_idx", "assignment_due_idx", "submission_agency_idx", "enrolment_agency_idx"]) {
    await db.schema.dropIndex(i).ifExists().execute();
  }
  await db.schema.alterTable("network").dropColumn("participation_weights").execute();
}
