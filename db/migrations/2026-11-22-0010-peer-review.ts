// Peer review (silang baca): settings per assignment, review allocations with leases, scores per
// criterion, comments anchored to a passage of a release or a pin on an image, calibration examples
// with reference scores and attempts, and the final grade with an optional override.
// Frozen in time: never import app code here. Timestamps are ISO-8601 UTC text.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("peer_review_setting")
    .addColumn("assignment_id", "text", (c) => c.primaryKey().references("assignment.id").onDelete("cascade"))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("per_submission", "integer", (c) => c.notNull().defaultTo(2))
    .addColumn("other_agency_only", "integer", (c) => c.notNull().defaultTo(1))
    // both (neither side sees the other) | reviewers_named (authors see reviewers) | open
    .addColumn("anonymity", "text", (c) => c.notNull().defaultTo("both"))
    .addColumn("opens", "text", (c) => c.notNull().defaultTo("due")) // due | on_submit
    .addColumn("must_submit_first", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("self_assessment", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calibration", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("facilitator_weight", "integer", (c) => c.notNull().defaultTo(60))
    .addColumn("peer_weight", "integer", (c) => c.notNull().defaultTo(40))
    .addColumn("lease_hours", "integer", (c) => c.notNull().defaultTo(48)) // not started within → taken back
    .addColumn("reviews_due_at", "text", (c) => c.notNull()) // the review period closes
    .addColumn("backstop_hours", "integer", (c) => c.notNull().defaultTo(24)) // before reviews_due_at
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("peer_review")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignment.id").onDelete("cascade"))
    .addColumn("submission_id", "text", (c) => c.notNull().references("submission.id").onDelete("cascade"))
    .addColumn("version_id", "text", (c) => c.notNull().references("submission_version.id"))
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // peer | self | backstop (a fasilitator)
    .addColumn("source", "text", (c) => c.notNull()) // auto | manual
    // assigned → started → submitted; assigned/started → expired (lease ran out) | removed (by hand, dropout)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("same_agency", "integer", (c) => c.notNull().defaultTo(0)) // allocated against the rule, reported
    .addColumn("assigned_at", "text", (c) => c.notNull())
    .addColumn("lease_expires_at", "text")
    .addColumn("started_at", "text")
    .addColumn("submitted_at", "text")
    .addColumn("ended_at", "text") // expired or removed
    .addColumn("feedback", "text")
    .addColumn("draft_saved_at", "text")
    .addColumn("score", "real") // 0..100 from the levels
    .addColumn("agreement", "real") // 0..100, with the other reviewers of the piece
    .addColumn("flags", "text") // comma-separated: disagrees, generic
    .addColumn("helpfulness", "integer") // 1..5, by the author
    .addColumn("helpfulness_at", "text")
    .execute();
  await db.schema.createIndex("peer_review_pair_uq").on("peer_review").columns(["submission_id", "reviewer_id"]).unique().execute();
  await db.schema.createIndex("peer_review_reviewer_idx").on("peer_review").columns(["reviewer_id", "status"]).execute();
  await db.schema.createIndex("peer_review_assignment_idx").on("peer_review").columns(["assignment_id", "status", "lease_expires_at"]).execute();

  await db.schema
    .createTable("peer_review_score")
    .addColumn("review_id", "text", (c) => c.notNull().references("peer_review.id").onDelete("cascade"))
    .addColumn("criterion_id", "text", (c) => c.notNull().references("rubric_criterion.id"))
    .addColumn("level", "integer") // 1..4; null while the draft has no level yet
    .addColumn("comment", "text") // required when level is 1 or 2
    .addPrimaryKeyConstraint("peer_review_score_pk", ["review_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("peer_review_comment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("review_id", "text", (c) => c.notNull().references("peer_review.id").onDelete("cascade"))
    .addColumn("version_id", "text", (c) => c.notNull().references("submission_version.id"))
    .addColumn("criterion_id", "text", (c) => c.notNull().references("rubric_criterion.id"))
    .addColumn("anchor", "text", (c) => c.notNull()) // text | pin
    .addColumn("quote", "text") // text: the exact passage, checked against the version's plain text
    .addColumn("start_offset", "integer")
    .addColumn("end_offset", "integer")
    .addColumn("file_id", "text", (c) => c.references("submission_file.id")) // pin: which image
    .addColumn("x", "real") // pin: 0..1 of the width
    .addColumn("y", "real")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("addressed", "integer") // the author's answer: 1 addressed, 0 not, null unanswered
    .addColumn("reply", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("peer_review_comment_review_idx").on("peer_review_comment").column("review_id").execute();

  await db.schema
    .createTable("calibration_example")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignment.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_json", "text")
    .addColumn("image_path", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("calibration_reference")
    .addColumn("example_id", "text", (c) => c.notNull().references("calibration_example.id").onDelete("cascade"))
    .addColumn("criterion_id", "text", (c) => c.notNull().references("rubric_criterion.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("note", "text") // why, shown after the attempt
    .addPrimaryKeyConstraint("calibration_reference_pk", ["example_id", "criterion_id"])
    .execute();
  await db.schema
    .createTable("calibration_attempt")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("example_id", "text", (c) => c.notNull().references("calibration_example.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("levels_json", "text", (c) => c.notNull())
    .addColumn("within_one", "integer", (c) => c.notNull()) // every criterion within one level of the reference
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("calibration_attempt_user_idx").on("calibration_attempt").columns(["user_id", "example_id"]).execute();

  await db.schema
    .createTable("final_grade")
    .addColumn("submission_id", "text", (c) => c.primaryKey().references("submission.id").onDelete("cascade"))
    .addColumn("facilitator_score", "real")
    .addColumn("peer_median", "real")
    .addColumn("score", "real") // the combination, or the override
    .addColumn("override_score", "real")
    .addColumn("override_reason", "text")
    .addColumn("override_by", "text", (c) => c.references("user.id"))
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["final_grade", "calibration_attempt", "calibration_reference", "calibration_example", "peer_review_comment", "peer_review_score", "peer_review", "peer_review_setting"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
