// Meetings (rakor): series, meetings, agenda, attachments, agency invitations (RSVP) and named
// representatives with their check-in codes, guests, minutes with revisions and correction
// comments, outcomes with the follow-up register (RTL), persisted reminders and calendar feeds.
// Frozen in time: never import app code here. Timestamps are ISO-8601 UTC text; `*_date` columns
// are calendar dates (YYYY-MM-DD) in the meeting's own zone.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("meeting_series")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("venue", "text")
    .addColumn("join_url", "text")
    .addColumn("description_json", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    // weekly | monthly_date | monthly_weekday
    .addColumn("recurrence", "text", (c) => c.notNull())
    .addColumn("weekday", "integer") // 0 = Sunday … 6 = Saturday (weekly, monthly_weekday)
    .addColumn("week_of_month", "integer") // 1..4, or -1 for the last (monthly_weekday)
    .addColumn("day_of_month", "integer") // 1..31 (monthly_date; clamped to the month's length)
    .addColumn("start_time", "text", (c) => c.notNull()) // "09:00" local
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("until_date", "text")
    .addColumn("invite_all_agencies", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("reminder_lead_minutes", "integer", (c) => c.notNull().defaultTo(1440))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("series_id", "text", (c) => c.references("meeting_series.id"))
    .addColumn("occurrence_date", "text") // the series date this occurrence stands for
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // rakor | forum | rapat_redaksi | rakor_krisis | bimtek
    .addColumn("mode", "text", (c) => c.notNull()) // luring | daring | hibrida
    .addColumn("venue", "text")
    .addColumn("join_url", "text")
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("description_json", "text")
    .addColumn("letter_number", "text")
    .addColumn("status", "text", (c) => c.notNull()) // draft | published | cancelled | held | closed
    .addColumn("cancel_reason", "text")
    .addColumn("reminder_lead_minutes", "integer", (c) => c.notNull().defaultTo(1440))
    .addColumn("meeting_code", "text") // online self check-in code
    .addColumn("meeting_code_expires_at", "text")
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  await db.schema.createIndex("meeting_starts").on("meeting").columns(["starts_at"]).execute();
  await db.schema.createIndex("meeting_status_starts").on("meeting").columns(["status", "starts_at"]).execute();
  await db.schema.createIndex("meeting_series_starts").on("meeting").columns(["series_id", "starts_at"]).execute();

  await db.schema
    .createTable("meeting_attachment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("file_path", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_attachment_meeting").on("meeting_attachment").column("meeting_id").execute();

  await db.schema
    .createTable("agenda_item")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("presenter_agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("presenter_name", "text")
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("item")) // item | followup_review
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_item_meeting").on("agenda_item").columns(["meeting_id", "position"]).execute();

  await db.schema
    .createTable("meeting_invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agency.id"))
    .addColumn("rsvp", "text", (c) => c.notNull().defaultTo("pending")) // pending | attending | declined
    .addColumn("decline_reason", "text")
    .addColumn("responded_by", "text", (c) => c.references("user.id"))
    .addColumn("responded_at", "text")
    .addColumn("nudged_at", "text")
    .addColumn("nudge_count", "integer", (c) => c.notNull().defaultTo(0))
    // present | represented | excused | absent — set at check-in and when the meeting is held
    .addColumn("attendance", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("meeting_invitation_unique", ["meeting_id", "agency_id"])
    .execute();
  await db.schema.createIndex("meeting_invitation_agency").on("meeting_invitation").columns(["agency_id", "meeting_id"]).execute();
  await db.schema.createIndex("meeting_invitation_meeting_rsvp").on("meeting_invitation").columns(["meeting_id", "rsvp"]).execute();

  await db.schema
    .createTable("meeting_representative")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agency.id"))
    .addColumn("user_id", "text", (c) => c.references("user.id")) // a named officer, or
    .addColumn("substitute_name", "text") // a substitute named by hand
    .addColumn("substitute_position", "text")
    .addColumn("checkin_code", "text", (c) => c.notNull().unique())
    .addColumn("checked_in_at", "text")
    .addColumn("checked_in_by", "text", (c) => c.references("user.id"))
    .addColumn("checkin_method", "text") // code | qr | list | self
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_representative_meeting").on("meeting_representative").columns(["meeting_id", "agency_id"]).execute();
  await db.schema.createIndex("meeting_representative_user").on("meeting_representative").columns(["user_id", "meeting_id"]).execute();

  await db.schema
    .createTable("meeting_guest")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organisation", "text")
    .addColumn("token_hash", "text", (c) => c.notNull().unique()) // link to the meeting's materials
    .addColumn("checkin_code", "text", (c) => c.notNull().unique())
    .addColumn("checked_in_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting_minutes")
    .addColumn("meeting_id", "text", (c) => c.primaryKey().references("meeting.id"))
    .addColumn("status", "text", (c) => c.notNull()) // draft | circulated | approved
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("corrections_until", "text")
    .addColumn("circulated_at", "text")
    .addColumn("approved_by", "text", (c) => c.references("user.id"))
    .addColumn("approved_at", "text")
    .addColumn("updated_by", "text", (c) => c.references("user.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("minutes_revision")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("saved_by", "text", (c) => c.references("user.id"))
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addUniqueConstraint("minutes_revision_version", ["meeting_id", "version"])
    .execute();

  await db.schema
    .createTable("minutes_comment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("minutes_version", "integer", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("minutes_comment_meeting").on("minutes_comment").columns(["meeting_id", "created_at"]).execute();

  await db.schema
    .createTable("outcome")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("agenda_item_id", "text", (c) => c.references("agenda_item.id"))
    .addColumn("type", "text", (c) => c.notNull()) // information | decision | action
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("owner_agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("contact_user_id", "text", (c) => c.references("user.id"))
    .addColumn("due_date", "text") // YYYY-MM-DD in the meeting's zone
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open")) // open | in_progress | done | dropped
    .addColumn("done_at", "text")
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outcome_meeting").on("outcome").columns(["meeting_id", "created_at"]).execute();
  await db.schema.createIndex("outcome_owner_status").on("outcome").columns(["owner_agency_id", "status", "due_date"]).execute();
  await db.schema.createIndex("outcome_status_due").on("outcome").columns(["type", "status", "due_date"]).execute();

  await db.schema
    .createTable("follow_up_update")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("outcome_id", "text", (c) => c.notNull().references("outcome.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("follow_up_update_outcome").on("follow_up_update").columns(["outcome_id", "created_at"]).execute();

  // Reminders are rows, not timers: a restart loses none, and the unique key sends none twice.
  await db.schema
    .createTable("scheduled_reminder")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull()) // meeting.reminder | followup.due | ...
    .addColumn("ref_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("user.id"))
    .addColumn("send_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("scheduled_reminder_due").on("scheduled_reminder").columns(["sent_at", "send_at"]).execute();
  await db.schema.createIndex("scheduled_reminder_ref").on("scheduled_reminder").columns(["kind", "ref_id"]).execute();

  await db.schema
    .createTable("calendar_feed")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("user.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "calendar_feed", "scheduled_reminder", "follow_up_update", "outcome", "minutes_comment", "minutes_revision",
    "meeting_minutes", "meeting_guest", "meeting_representative", "meeting_invitation", "agenda_item",
    "meeting_attachment", "meeting", "meeting_series",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
