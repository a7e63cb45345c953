// Indexes for two lists that read a whole table: a meeting's guests (the RSVP board lists them on
// every view; without an index it read every guest of every meeting) and the meeting list's series
// filter (active series by title).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("meeting_guest_meeting").on("meeting_guest").columns(["meeting_id", "created_at"]).execute();
  await db.schema.createIndex("meeting_series_active_title").on("meeting_series").columns(["active", "title"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("meeting_series_active_title").ifExists().execute();
  await db.schema.dropIndex("meeting_guest_meeting").ifExists().execute();
}
