// The audit log of administrative actions (UU PDP): who did what, to what, when, from where.
// Append-only: nothing in the app updates or deletes a row.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";

export type AuditAction =
  | "network.update"
  | "agency.create" | "agency.update" | "agency.deactivate" | "agency.activate"
  | "invitation.create" | "invitation.revoke" | "invitation.accept"
  | "role.grant" | "role.revoke"
  | "member.approve" | "member.reject" | "member.deactivate" | "member.activate" | "member.promote" | "member.demote"
  | "admin.handover"
  | "user.remove" | "user.export";

export interface AuditInput {
  actorId: string | null;
  action: AuditAction | (string & {});
  targetType: string;
  targetId?: string | null;
  agencyId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function audit(db: DB, e: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: createId(),
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId ?? null,
      agency_id: e.agencyId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
      ip: e.ip ?? null,
      created_at: nowIso(),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  agencyId?: string;
  from?: string; // ISO
  to?: string; // ISO, exclusive
  page?: number;
  pageSize?: number;
}

export async function listAudit(db: DB, f: AuditFilter) {
  const pageSize = f.pageSize ?? 50;
  const page = Math.max(1, f.page ?? 1);
  let q = db
    .selectFrom("audit_log")
    .leftJoin("user as actor", "actor.id", "audit_log.actor_id")
    .leftJoin("agency", "agency.id", "audit_log.agency_id");
  if (f.action) q = q.where("audit_log.action", "like", `${f.action}%`);
  if (f.actorId) q = q.where("audit_log.actor_id", "=", f.actorId);
  if (f.agencyId) q = q.where("audit_log.agency_id", "=", f.agencyId);
  if (f.from) q = q.where("audit_log.created_at", ">=", f.from);
  if (f.to) q = q.where("audit_log.created_at", "<", f.to);
  const [rows, total] = await Promise.all([
    q
      .select([
        "audit_log.id", "audit_log.action", "audit_log.target_type", "audit_log.target_id",
        "audit_log.detail", "audit_log.ip", "audit_log.created_at",
        "actor.name as actor_name", "agency.short_name as agency_short_name",
      ])
      .orderBy("audit_log.created_at", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}
