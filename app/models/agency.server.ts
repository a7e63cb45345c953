// Member agencies of the network: the directory, the coordinator's create / edit / deactivate,
// logos, and inviting an agency's admin. Agencies are never deleted: deactivation keeps every row
// that points at them and only marks the agency inactive. Every change is audited here, in the same
// transaction as the change, with what changed.
import type { ExpressionBuilder } from "kysely";
import type { DB } from "#db/connection";
import { containsText } from "#db/sql";
import type { Database } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { sendInvitationMail } from "~/.server/invitation-mail.server";
import { translate } from "~/i18n";
import type { AgencyType } from "~/lib/agency";
import { audit } from "./audit.server";
import { createInvitation, listOpenInvitations, revokeInvitation } from "./invitation.server";

export interface Actor {
  id: string;
  ip?: string | null;
}

export interface AgencyInput {
  name: string;
  shortName: string;
  type: AgencyType;
  region?: string | null;
  timeZone: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  emailDomain?: string | null;
}

export type AgencyFieldErrors = Partial<Record<"name" | "emailDomain" | "email", string[]>>;
export type SaveResult = { ok: true; id: string } | { ok: false; fieldErrors: AgencyFieldErrors };

export const AGENCY_PAGE_SIZE = 25;
export const ACTIVE_FILTERS = ["active", "inactive", "all"] as const;
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

export interface AgencyListFilter {
  q?: string;
  type?: AgencyType;
  /** default: active agencies only */
  status?: ActiveFilter;
  page?: number;
  pageSize?: number;
}

/** Case-insensitive "contains" on a column, with the user's % and _ taken literally. */
const contains = (eb: ExpressionBuilder<Database, "agency">, column: "agency.name" | "agency.short_name", term: string) =>
  containsText(eb.ref(column), term);

function filtered(db: DB, f: AgencyListFilter) {
  const status = f.status ?? "active";
  let q = db.selectFrom("agency");
  if (status !== "all") q = q.where("agency.active", "=", status === "active" ? 1 : 0);
  if (f.type) q = q.where("agency.type", "=", f.type);
  const term = f.q?.trim();
  if (term) q = q.where((eb) => eb.or([contains(eb, "agency.name", term), contains(eb, "agency.short_name", term)]));
  return q;
}

/** One page of the directory: only the columns shown, ordered by name. Exported so a test can check
 *  its plan: with the default "active" filter the (active, name) index gives the order (no sort), so
 *  a page costs the same with 50 or 5,000 agencies. */
export function agencyPageQuery(db: DB, f: AgencyListFilter = {}) {
  const pageSize = f.pageSize ?? AGENCY_PAGE_SIZE;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  return filtered(db, f)
    .select(["agency.id", "agency.name", "agency.short_name", "agency.type", "agency.region", "agency.time_zone", "agency.active"])
    .orderBy("agency.name")
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

/** The directory page and the number of matching agencies. */
export async function listAgencies(db: DB, f: AgencyListFilter = {}) {
  const pageSize = f.pageSize ?? AGENCY_PAGE_SIZE;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const [rows, total] = await Promise.all([
    agencyPageQuery(db, f).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const count = Number(total.n);
  return {
    rows: rows.map((r) => ({ ...r, active: r.active === 1 })),
    total: count,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(count / pageSize)),
  };
}

/** Agencies for a select (network profile, audit filter), by name. */
export async function listAgencyOptions(db: DB, { activeOnly = true } = {}) {
  let q = db.selectFrom("agency").select(["id", "name", "short_name", "active"]);
  if (activeOnly) q = q.where("active", "=", 1);
  const rows = await q.orderBy("name").execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export async function getAgency(db: DB, id: string) {
  const row = await db
    .selectFrom("agency")
    .leftJoin("network", "network.coordinating_agency_id", "agency.id")
    .select([
      "agency.id", "agency.name", "agency.short_name", "agency.type", "agency.region", "agency.time_zone",
      "agency.contact_name", "agency.contact_email", "agency.contact_phone", "agency.email_domain",
      "agency.logo_path", "agency.active", "agency.deactivated_at", "agency.created_at", "agency.updated_at",
      "network.id as coordinates_network",
    ])
    .where("agency.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const { coordinates_network, ...rest } = row;
  return { ...rest, active: row.active === 1, coordinating: coordinates_network !== null };
}

export async function getAgencyLogoPath(db: DB, id: string): Promise<string | null> {
  const row = await db.selectFrom("agency").select("logo_path").where("id", "=", id).executeTakeFirst();
  return row?.logo_path ?? null;
}

/** The agency's active admins (PIC), by name: shown on the agency page. */
export async function listAgencyAdmins(db: DB, agencyId: string) {
  return db
    .selectFrom("user")
    .select(["id", "name", "position"])
    .where("agency_id", "=", agencyId)
    .where("agency_role", "=", "admin")
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}

/** Name (case-insensitive) and e-mail domain are unique among agencies, active or not. Returns the
 *  field messages, or null when there is no clash. */
export async function agencyConflicts(db: DB, input: Pick<AgencyInput, "name" | "emailDomain">, exceptId: string | null) {
  const errors: AgencyFieldErrors = {};
  let byName = db.selectFrom("agency").select("id").where((eb) => eb(eb.fn("lower", ["name"]), "=", input.name.trim().toLowerCase()));
  if (exceptId) byName = byName.where("id", "!=", exceptId);
  if (await byName.executeTakeFirst()) errors.name = ["agency.form.nameTaken"];
  if (input.emailDomain) {
    let byDomain = db.selectFrom("agency").select("id").where("email_domain", "=", input.emailDomain);
    if (exceptId) byDomain = byDomain.where("id", "!=", exceptId);
    if (await byDomain.executeTakeFirst()) errors.emailDomain = ["agency.form.domainTaken"];
  }
  return Object.keys(errors).length ? errors : null;
}

const columns = (a: AgencyInput) => ({
  name: a.name.trim(),
  short_name: a.shortName.trim(),
  type: a.type,
  region: a.region?.trim() ?? "",
  time_zone: a.timeZone,
  contact_name: a.contactName?.trim() || null,
  contact_email: a.contactEmail?.trim().toLowerCase() || null,
  contact_phone: a.contactPhone?.trim() || null,
  email_domain: a.emailDomain?.trim().toLowerCase() || null,
});

export async function createAgency(
  db: DB,
  input: AgencyInput & { logoPath?: string | null },
  actor: Actor,
  clock: () => Date = () => new Date(),
): Promise<SaveResult> {
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const fieldErrors = await agencyConflicts(trx, input, null);
    if (fieldErrors) return { ok: false, fieldErrors };
    const id = createId();
    const now = nowIso(clock);
    const values = columns(input);
    await trx
      .insertInto("agency")
      .values({ id, ...values, logo_path: input.logoPath ?? null, active: 1, created_at: now, updated_at: now })
      .execute();
    await audit(trx, {
      actorId: actor.id, ip: actor.ip, action: "agency.create", targetType: "agency", targetId: id, agencyId: id,
      detail: { name: values.name, values: { ...values, logo: input.logoPath ? "uploaded" : null } },
    });
    return { ok: true, id };
  });
}

export type UpdateResult =
  | { ok: true; id: string; changed: string[]; previousLogoPath: string | null }
  | { ok: false; fieldErrors: AgencyFieldErrors }
  | { ok: false; notFound: true };

/**
 * Saves the form. `logoPath`: undefined keeps the logo, null removes it, a string replaces it. The
 * caller removes the previous file (returned as `previousLogoPath` when it was replaced or removed).
 */
export async function updateAgency(
  db: DB,
  id: string,
  input: AgencyInput & { logoPath?: string | null },
  actor: Actor,
  clock: () => Date = () => new Date(),
): Promise<UpdateResult> {
  return db.transaction().execute(async (trx): Promise<UpdateResult> => {
    const current = await trx.selectFrom("agency").selectAll().where("id", "=", id).executeTakeFirst();
    if (!current) return { ok: false, notFound: true };
    const fieldErrors = await agencyConflicts(trx, input, id);
    if (fieldErrors) return { ok: false, fieldErrors };
    const next = columns(input);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(next) as [keyof typeof next, string | null][]) {
      if ((current[k] ?? null) !== v) changes[k] = { from: current[k] ?? null, to: v };
    }
    const logoChanged = input.logoPath !== undefined && input.logoPath !== current.logo_path;
    if (logoChanged) changes.logo = { from: current.logo_path ? "logo" : null, to: input.logoPath ? "uploaded" : null };
    const changed = Object.keys(changes);
    if (changed.length === 0) return { ok: true, id, changed, previousLogoPath: null };
    await trx
      .updateTable("agency")
      .set({ ...next, ...(logoChanged ? { logo_path: input.logoPath } : {}), updated_at: nowIso(clock) })
      .where("id", "=", id)
      .execute();
    await audit(trx, {
      actorId: actor.id, ip: actor.ip, action: "agency.update", targetType: "agency", targetId: id, agencyId: id,
      detail: { name: next.name, changes },
    });
    return { ok: true, id, changed, previousLogoPath: logoChanged ? current.logo_path : null };
  });
}

export type ActiveResult = { ok: true; changed: boolean } | { ok: false; error: "agency.deactivate.coordinating" | "notFound" };

/**
 * Deactivates or reactivates an agency. Nothing else changes: its people keep their accounts and
 * history, and everything that shows the agency shows it as inactive. The agency that coordinates the
 * network cannot be deactivated (choose another coordinating agency first).
 */
export async function setAgencyActive(
  db: DB,
  id: string,
  active: boolean,
  actor: Actor,
  clock: () => Date = () => new Date(),
): Promise<ActiveResult> {
  return db.transaction().execute(async (trx): Promise<ActiveResult> => {
    const agency = await getAgency(trx, id);
    if (!agency) return { ok: false, error: "notFound" };
    if (agency.active === active) return { ok: true, changed: false };
    if (!active && agency.coordinating) return { ok: false, error: "agency.deactivate.coordinating" };
    const now = nowIso(clock);
    await trx
      .updateTable("agency")
      .set({ active: active ? 1 : 0, deactivated_at: active ? null : now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await audit(trx, {
      actorId: actor.id, ip: actor.ip, action: active ? "agency.activate" : "agency.deactivate",
      targetType: "agency", targetId: id, agencyId: id, detail: { name: agency.name },
    });
    return { ok: true, changed: true };
  });
}

export type InviteAdminResult = { ok: true; invitationId: string } | { ok: false; fieldErrors: AgencyFieldErrors };

/**
 * Invites a new person as the agency's admin: an invitation (7 days, single use) and an e-mail, in
 * Indonesian, with the link `link(token)`. An address that already has an account is refused: that
 * person is given the role on the member page instead.
 */
export async function inviteAgencyAdmin(
  db: DB,
  agencyId: string,
  input: { email: string; name?: string | null },
  actor: Actor,
  link: (token: string) => string,
): Promise<InviteAdminResult> {
  const email = input.email.trim().toLowerCase();
  const agency = await db.selectFrom("agency").select(["name", "active"]).where("id", "=", agencyId).executeTakeFirst();
  if (!agency) return { ok: false, fieldErrors: { email: ["agency.invite.agencyMissing"] } };
  if (agency.active !== 1) return { ok: false, fieldErrors: { email: ["agency.invite.agencyInactive"] } };
  const taken = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) return { ok: false, fieldErrors: { email: ["agency.invite.emailTaken"] } };
  const { id, token } = await createInvitation(db, { email, name: input.name || null, agencyId, agencyRole: "admin", invitedBy: actor.id });
  await sendInvitationMail(db, {
    to: email,
    link: link(token),
    inviterId: actor.id,
    roleLabel: translate("id", "agency.invite.roleParam", { agency: agency.name }),
  });
  await audit(db, {
    actorId: actor.id, ip: actor.ip, action: "invitation.create", targetType: "invitation", targetId: id, agencyId,
    detail: { email, name: input.name || null, agencyRole: "admin", agency: agency.name },
  });
  return { ok: true, invitationId: id };
}

/** Open invitations of the agency with whether each has already expired. */
export async function listAgencyInvitations(db: DB, agencyId: string, now: Date = new Date()) {
  const rows = await listOpenInvitations(db, agencyId);
  return rows.map((r) => ({ ...r, expired: Date.parse(r.expires_at) <= now.getTime() }));
}

export async function revokeAgencyInvitation(db: DB, agencyId: string, invitationId: string, actor: Actor): Promise<boolean> {
  const inv = await db.selectFrom("invitation").select(["email"]).where("id", "=", invitationId).where("agency_id", "=", agencyId).executeTakeFirst();
  if (!inv) return false;
  const done = await revokeInvitation(db, invitationId, { agencyId });
  if (done) {
    await audit(db, {
      actorId: actor.id, ip: actor.ip, action: "invitation.revoke", targetType: "invitation", targetId: invitationId, agencyId,
      detail: { email: inv.email },
    });
  }
  return done;
}
