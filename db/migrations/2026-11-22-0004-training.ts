// Training: modules with ordered lessons (Tiptap content, PDF attachments, a video), module runs
// (cohorts) and enrolments, watched progress, assignments of four kinds with a rubric each, per-person
// extensions, submissions with every submitted version kept and their files, fasilitator grades scored
// per rubric criterion, and certificates with a public verification code.
// Frozen in time: never import app code here. Timestamps are ISO-8601 UTC text; `*_on` columns are
// calendar dates (YYYY-MM-DD) in the cohort's zone.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("module")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("jp", "integer", (c) => c.notNull()) // jam pelajaran
    // produksi_konten | kegiatan_kehumasan | pengembangan_profesi | penunjang
    .addColumn("output_category", "text", (c) => c.notNull())
    .addColumn("cover_path", "text") // relative to UPLOAD_DIR, re-encoded WebP
    .addColumn("status", "text", (c) => c.notNull()) // draft | published | archived
    .addColumn("self_enrol", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pass_mark", "integer") // 0..100 on every graded assignment, null = submitting is enough
    .addColumn("organiser", "text", (c) => c.notNull()) // printed on certificates
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  await db.schema.createIndex("module_status_idx").on("module").columns(["status", "title"]).execute();

  await db.schema
    .createTable("module_facilitator")
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("module_facilitator_pk", ["module_id", "user_id"])
    .execute();
  await db.schema.createIndex("module_facilitator_user_idx").on("module_facilitator").column("user_id").execute();

  await db.schema
    .createTable("lesson")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content_json", "text")
    .addColumn("video_kind", "text") // null | upload | url
    .addColumn("video_url", "text") // external HLS (.m3u8) or MP4 URL
    .addColumn("video_path", "text") // uploaded MP4/WebM, relative to UPLOAD_DIR
    .addColumn("video_mime", "text")
    .addColumn("video_seconds", "integer") // duration as last reported by a player
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lesson_module_idx").on("lesson").columns(["module_id", "position"]).execute();

  await db.schema
    .createTable("lesson_attachment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lesson_id", "text", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("stored_path", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lesson_attachment_lesson_idx").on("lesson_attachment").column("lesson_id").execute();

  await db.schema
    .createTable("lesson_progress")
    .addColumn("lesson_id", "text", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("watched_json", "text") // merged [start, end] second ranges actually played
    .addColumn("watched_seconds", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("duration_seconds", "integer")
    .addColumn("completed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_progress_pk", ["lesson_id", "user_id"])
    .execute();
  await db.schema.createIndex("lesson_progress_user_idx").on("lesson_progress").column("user_id").execute();

  await db.schema
    .createTable("cohort")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("open_enrolment", "integer", (c) => c.notNull().defaultTo(0)) // self-enrolment lands here
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cohort_module_idx").on("cohort").columns(["module_id", "starts_on"]).execute();

  await db.schema
    .createTable("enrolment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cohort_id", "text", (c) => c.notNull().references("cohort.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id")) // denormalised for lookups
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("agency_id", "text", (c) => c.references("agency.id")) // the person's agency when enrolled
    .addColumn("source", "text", (c) => c.notNull()) // agency | person | self
    .addColumn("status", "text", (c) => c.notNull()) // active | withdrawn
    .addColumn("enrolled_by", "text", (c) => c.references("user.id"))
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("enrolment_cohort_user_uq").on("enrolment").columns(["cohort_id", "user_id"]).unique().execute();
  await db.schema.createIndex("enrolment_user_idx").on("enrolment").columns(["user_id", "module_id"]).execute();
  await db.schema.createIndex("enrolment_module_idx").on("enrolment").columns(["module_id", "status"]).execute();

  await db.schema
    .createTable("rubric")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    // library: reusable template (copied into an assignment when picked); assignment: that assignment's own
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("work_kind", "text") // release | infographic | photo | video, a hint for the library
    .addColumn("locked_at", "text") // set by the first grade; cleared only with the grades
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rubric_criterion")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rubric_id", "text", (c) => c.notNull().references("rubric.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("weight", "integer", (c) => c.notNull()) // the weights of a rubric add up to 100
    .addColumn("level_1", "text", (c) => c.notNull())
    .addColumn("level_2", "text", (c) => c.notNull())
    .addColumn("level_3", "text", (c) => c.notNull())
    .addColumn("level_4", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rubric_criterion_rubric_idx").on("rubric_criterion").columns(["rubric_id", "position"]).execute();

  await db.schema
    .createTable("assignment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // release | infographic | photo | video
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("instructions_json", "text")
    .addColumn("rubric_id", "text", (c) => c.references("rubric.id"))
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("late_until", "text", (c) => c.notNull()) // >= due_at; nothing is accepted after it
    .addColumn("time_zone", "text", (c) => c.notNull()) // the zone the fasilitator set the dates in
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("assignment_module_idx").on("assignment").columns(["module_id", "position"]).execute();

  await db.schema
    .createTable("assignment_extension")
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignment.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("late_until", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("granted_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assignment_extension_pk", ["assignment_id", "user_id"])
    .execute();

  await db.schema
    .createTable("submission")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignment.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id")) // denormalised
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("agency_id", "text", (c) => c.references("agency.id"))
    // draft (never submitted) | submitted | returned (for revision) | graded
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("draft_json", "text") // release: the editor's JSON as autosaved
    .addColumn("draft_link", "text") // video: a link instead of a file
    .addColumn("draft_revision", "integer", (c) => c.notNull().defaultTo(0)) // stale autosaves are refused
    .addColumn("draft_saved_at", "text")
    .addColumn("current_version_id", "text") // the latest submitted version
    .addColumn("version_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_submitted_at", "text")
    .addColumn("submitted_at", "text") // of the latest version
    .addColumn("late", "integer", (c) => c.notNull().defaultTo(0)) // the latest version came after due
    .addColumn("score", "real") // 0..100 of the latest fasilitator grade
    .addColumn("graded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("submission_assignment_user_uq").on("submission").columns(["assignment_id", "user_id"]).unique().execute();
  await db.schema.createIndex("submission_queue_idx").on("submission").columns(["assignment_id", "status", "submitted_at"]).execute();
  await db.schema.createIndex("submission_user_idx").on("submission").columns(["user_id", "module_id"]).execute();

  await db.schema
    .createTable("submission_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission_id", "text", (c) => c.notNull().references("submission.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull()) // 1, 2, …
    .addColumn("body_json", "text") // release text
    .addColumn("word_count", "integer")
    .addColumn("link_url", "text") // video given as a link
    .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("submission_version_uq").on("submission_version").columns(["submission_id", "number"]).unique().execute();

  await db.schema
    .createTable("submission_file")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission_id", "text", (c) => c.notNull().references("submission.id").onDelete("cascade"))
    .addColumn("version_id", "text", (c) => c.references("submission_version.id").onDelete("cascade")) // null = in the draft
    .addColumn("role", "text", (c) => c.notNull()) // main | supporting | video
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("caption", "text")
    .addColumn("stored_path", "text", (c) => c.notNull()) // web version (WebP) or the video
    .addColumn("thumb_path", "text")
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("submission_file_sub_idx").on("submission_file").columns(["submission_id", "version_id"]).execute();

  await db.schema
    .createTable("grade")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission_id", "text", (c) => c.notNull().references("submission.id").onDelete("cascade"))
    .addColumn("version_id", "text", (c) => c.notNull().references("submission_version.id"))
    .addColumn("grader_id", "text", (c) => c.references("user.id"))
    .addColumn("decision", "text", (c) => c.notNull()) // graded | returned (revise and resubmit)
    .addColumn("score", "real") // 0..100, weighted
    .addColumn("feedback", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grade_submission_idx").on("grade").columns(["submission_id", "created_at"]).execute();

  await db.schema
    .createTable("grade_criterion")
    .addColumn("grade_id", "text", (c) => c.notNull().references("grade.id").onDelete("cascade"))
    .addColumn("criterion_id", "text", (c) => c.notNull().references("rubric_criterion.id"))
    .addColumn("level", "integer", (c) => c.notNull()) // 1..4
    .addColumn("comment", "text")
    .addPrimaryKeyConstraint("grade_criterion_pk", ["grade_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("certificate")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique()) // public verification code
    .addColumn("enrolment_id", "text", (c) => c.notNull().unique().references("enrolment.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("module_id", "text", (c) => c.notNull().references("module.id"))
    // what the certificate says, frozen when issued
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("agency_name", "text")
    .addColumn("module_title", "text", (c) => c.notNull())
    .addColumn("jp", "integer", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("certificate_user_idx").on("certificate").columns(["user_id", "issued_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "certificate", "grade_criterion", "grade", "submission_file", "submission_version", "submission",
    "assignment_extension", "assignment", "rubric_criterion", "rubric", "enrolment", "cohort",
    "lesson_progress", "lesson_attachment", "lesson", "module_facilitator", "module",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
