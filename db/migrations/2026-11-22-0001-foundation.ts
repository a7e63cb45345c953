// Foundation: the network, its member agencies, people, roles, sessions, invitations, join
// requests, password resets, notifications, the e-mail outbox and the audit log.
// Frozen in time: never import app code here. Timestamps are ISO-8601 UTC text.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("agency")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("email_domain", "text")
    .addColumn("logo_path", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("deactivated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agency_active_name").on("agency").columns(["active", "name"]).execute();
  await db.schema.createIndex("agency_email_domain").on("agency").column("email_domain").execute();

  await db.schema
    .createTable("network")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("coordinating_agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("demo_data", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "text")
    .addColumn("functional_level", "text")
    .addColumn("phone", "text")
    .addColumn("nip", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("id"))
    .addColumn("agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("agency_role", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deactivated_at", "text")
    .addColumn("removed_at", "text")
    .execute();
  await db.schema.createIndex("user_agency_status").on("user").columns(["agency_id", "status", "name"]).execute();

  await db.schema
    .createTable("network_role")
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.references("user.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("network_role_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_verified_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("session_user").on("session").column("user_id").execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("agency_role", "text")
    .addColumn("network_role", "text")
    .addColumn("invited_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("accepted_user_id", "text", (c) => c.references("user.id"))
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("invitation_agency").on("invitation").columns(["agency_id", "created_at"]).execute();
  await db.schema.createIndex("invitation_email").on("invitation").column("email").execute();

  await db.schema
    .createTable("join_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agency.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.references("user.id"))
    .addColumn("decided_at", "text")
    .execute();
  await db.schema.createIndex("join_request_agency_status").on("join_request").columns(["agency_id", "status"]).execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("notification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notification_user_read").on("notification").columns(["user_id", "read_at", "created_at"]).execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("transport", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("email_outbox_created").on("email_outbox").column("created_at").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("actor_id", "text", (c) => c.references("user.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text")
    .addColumn("agency_id", "text", (c) => c.references("agency.id"))
    .addColumn("detail", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("ip", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_created").on("audit_log").column("created_at").execute();
  await db.schema.createIndex("audit_log_action").on("audit_log").columns(["action", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "audit_log", "email_outbox", "notification", "password_reset", "join_request", "invitation",
    "session", "network_role", "user", "network", "agency",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
