// Agency membership: who belongs to an agency and in which role, and how that changes — the member
// list, invitations sent by an agency admin, sign-up with an agency e-mail and its join request,
// approval/rejection, deactivation/reactivation, a second admin, demotion and the admin handover.
//
// Every function takes the agency it acts in (`agencyId`) and only touches rows of that agency, so a
// route that checked `agency.members.manage` for agency A cannot reach a person of agency B even
// with a forged id. The rules an agency keeps at all times:
//   · it has at most two admins (MAX_ADMINS), and a manager may not remove the last active one;
//   · every admin is an active person (deactivating an admin demotes them first);
//   · nothing is deleted: deactivated people, their past actions and the invitations they sent stay.
// Permission checks (`can()`) stay in the routes; these functions enforce the data rules.
import { reusableQuery, type DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { sendInvitationMail } from "~/.server/invitation-mail.server";
import { sendMail } from "~/.server/mailer.server";
import { hashPassword } from "~/.server/password.server";
import { writeCache } from "~/.server/write-cache.server";
import { parseLocale, translate, type MessageKey } from "~/i18n";
import { audit } from "./audit.server";
import { createInvitation, revokeInvitation } from "./invitation.server";
import { notify } from "./notification.server";
import { invalidateUserSessions } from "./session.server";

/** People per page of the member list: a page a coordinator can scan at a glance (the search finds
 *  anyone in the rest), and light enough to render often in an agency of 1,500. */
export const MEMBERS_PAGE_SIZE = 20;
export const MAX_ADMINS = 2;

export type MemberResult = { ok: true } | { ok: false; error: MessageKey };

/** Who acts, and from where (for the audit log). */
export interface Actor {
  id: string;
  ip?: string | null;
}

/** Where e-mailed links point: the request's origin or PUBLIC_URL (see absoluteUrl). */
export interface MailContext {
  baseUrl: string;
}

const membersLink = (agencyId: string) => `/instansi/${agencyId}/anggota`;

// ---------------------------------------------------------------------------------------------
// Reading

// The member page's fixed-shape queries run on every view of the list: compiled once (see reusableQuery).
const agencyQuery = reusableQuery((db, agencyId: string) =>
  db.selectFrom("agency").select(["id", "name", "short_name", "email_domain", "active", "time_zone"]).where("id", "=", agencyId),
);

export async function getAgencyForMembers(db: DB, agencyId: string) {
  const [row] = await agencyQuery(db, agencyId);
  return row ? { ...row, active: row.active === 1 } : null;
}

export type MemberListStatus = "active" | "deactivated";

/** Strips LIKE wildcards from a search term so "%" cannot turn a name search into a full scan. */
const likeTerm = (q: string) => `%${q.replace(/[%_\\]/g, "").toLowerCase()}%`;

/** The member-list query, exported so a test can check its plan. It walks the
 *  (agency_id, status, name) index, which also gives the order: no sort, no table scan, however
 *  many people the network holds. */
export function membersQuery(db: DB, agencyId: string, status: MemberListStatus, q?: string) {
  let query = db
    .selectFrom("user")
    .where("user.agency_id", "=", agencyId)
    .where("user.status", "=", status);
  const term = q?.trim();
  if (term) query = query.where((eb) => eb(eb.fn("lower", ["user.name"]), "like", likeTerm(term)));
  return query;
}

type MemberListOptions = { status?: MemberListStatus; q?: string; page?: number; pageSize?: number };

/** One page of the agency's people: only the columns the list shows. */
function memberRowsQuery(db: DB, agencyId: string, status: MemberListStatus, q: string | undefined) {
  return membersQuery(db, agencyId, status, q)
    .select(["user.id", "user.name", "user.email", "user.position", "user.functional_level", "user.agency_role", "user.deactivated_at"])
    .orderBy("user.name")
    .orderBy("user.id");
}
// A page without a search has a fixed shape: compiled once (see reusableQuery).
const unsearchedRows = reusableQuery((db, agencyId: string, status: MemberListStatus, limit: number, offset: number) =>
  memberRowsQuery(db, agencyId, status, undefined).limit(limit).offset(offset),
);

// A page without a search reads only `user`: kept until a person is written, like the head counts.
// Shared between requests, so never mutated.
const keptPages = writeCache<MemberRow[]>(["user"]);
type MemberRow = Awaited<ReturnType<typeof memberRowsNow>>[number];

function memberRows(db: DB, agencyId: string, status: MemberListStatus, q: string | undefined, page: number, pageSize: number) {
  if (q) return memberRowsNow(db, agencyId, status, q, page, pageSize);
  return keptPages(db, `${agencyId}|${status}|${page}|${pageSize}`, () => memberRowsNow(db, agencyId, status, undefined, page, pageSize));
}

async function memberRowsNow(db: DB, agencyId: string, status: MemberListStatus, q: string | undefined, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const rows = q
    ? await memberRowsQuery(db, agencyId, status, q).limit(pageSize).offset(offset).execute()
    : await unsearchedRows(db, agencyId, status, pageSize, offset);
  return rows.map(({ agency_role, ...r }) => ({ ...r, isAdmin: agency_role === "admin" }));
}

const pageOf = (opts: MemberListOptions) => ({
  status: opts.status ?? "active",
  pageSize: opts.pageSize ?? MEMBERS_PAGE_SIZE,
  page: Math.max(1, Math.floor(opts.page ?? 1)),
  q: opts.q?.trim() || undefined,
});

async function countMatching(db: DB, agencyId: string, status: MemberListStatus, q: string | undefined) {
  const r = await membersQuery(db, agencyId, status, q).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listMembers(db: DB, agencyId: string, opts: MemberListOptions = {}) {
  const { status, pageSize, page, q } = pageOf(opts);
  const [rows, total] = await Promise.all([memberRows(db, agencyId, status, q, page, pageSize), countMatching(db, agencyId, status, q)]);
  return { rows, total, page, pageSize };
}

/** The member page's list: one page of people, the head counts of its tabs and, for a manager
 *  (`withAdmins`), the number of active admins. A list without a search takes its total from the
 *  head counts instead of counting the same index entries again. */
export async function memberListPage(db: DB, agencyId: string, opts: MemberListOptions & { withAdmins?: boolean } = {}) {
  const { status, pageSize, page, q } = pageOf(opts);
  const [rows, counts, searched, adminCount] = await Promise.all([
    memberRows(db, agencyId, status, q, page, pageSize),
    countMembers(db, agencyId),
    q ? countMatching(db, agencyId, status, q) : null,
    opts.withAdmins ? countActiveAdmins(db, agencyId) : null,
  ]);
  return { rows, total: searched ?? counts[status], page, pageSize, counts, adminCount };
}

// Counting an agency of 1,500 walks 1,500 index entries on every view of its list; the counts only
// change when a person is written, so they are kept until then (see write-cache.server.ts).
const headCounts = writeCache<{ active: number; deactivated: number }>(["user"]);

/** Active and deactivated head counts (for the tabs), from the (agency_id, status, name) index alone. */
export function countMembers(db: DB, agencyId: string) {
  return headCounts(db, agencyId, () => countMembersNow(db, agencyId));
}

async function countMembersNow(db: DB, agencyId: string) {
  const rows = await db
    .selectFrom("user")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("status", "in", ["active", "deactivated"])
    .groupBy("status")
    .execute();
  const by = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { active: by("active"), deactivated: by("deactivated") };
}

const activeAdminsQuery = reusableQuery((db, agencyId: string, status: string, role: string) =>
  db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).where("agency_id", "=", agencyId).where("status", "=", status).where("agency_role", "=", role),
);

const adminCounts = writeCache<number>(["user"]);

export function countActiveAdmins(db: DB, agencyId: string): Promise<number> {
  return adminCounts(db, agencyId, async () => {
    const [r] = await activeAdminsQuery(db, agencyId, "active", "admin");
    return Number(r?.n ?? 0);
  });
}

/** One person of the agency, for a confirmation step; null when they belong elsewhere. */
export async function getMember(db: DB, agencyId: string, userId: string) {
  const row = await db
    .selectFrom("user")
    .select(["id", "name", "email", "position", "agency_role", "status"])
    .where("id", "=", userId)
    .where("agency_id", "=", agencyId)
    .where("status", "in", ["active", "deactivated"])
    .executeTakeFirst();
  return row ? { ...row, isAdmin: row.agency_role === "admin" } : null;
}

/** Active plain members who could take over as admin (for the handover choice). */
export async function listSuccessorCandidates(db: DB, agencyId: string) {
  return db
    .selectFrom("user")
    .select(["id", "name", "position"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "active")
    .where("agency_role", "=", "member")
    .orderBy("name")
    .limit(500)
    .execute();
}

const joinRequestsQuery = reusableQuery((db, agencyId: string, status: string, limit: number) =>
  db
    .selectFrom("join_request")
    .innerJoin("user", "user.id", "join_request.user_id")
    .select(["join_request.id", "join_request.created_at", "user.name", "user.email"])
    .where("join_request.agency_id", "=", agencyId)
    .where("join_request.status", "=", status)
    .orderBy("join_request.created_at")
    .limit(limit),
);

const keptJoinRequests = writeCache<Awaited<ReturnType<typeof joinRequestsQuery>>>(["join_request", "user"]);

/** Pending requests to join, oldest first (kept until a request or a person is written). */
export function listJoinRequests(db: DB, agencyId: string) {
  return keptJoinRequests(db, agencyId, () => joinRequestsQuery(db, agencyId, "pending", 200));
}

export async function getJoinRequest(db: DB, agencyId: string, requestId: string) {
  return db
    .selectFrom("join_request")
    .innerJoin("user", "user.id", "join_request.user_id")
    .select(["join_request.id", "join_request.status", "join_request.user_id", "user.name", "user.email"])
    .where("join_request.id", "=", requestId)
    .where("join_request.agency_id", "=", agencyId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Invitations sent by an agency admin

export type InviteResult = { ok: true; invitationId: string } | { ok: false; field: "email"; error: MessageKey };

/** Invites an officer to the agency as a member and e-mails the single-use link. The e-mail is
 *  written in Indonesian: the invitee has no account, hence no language of their own yet. */
export async function inviteMember(
  db: DB,
  actor: Actor,
  input: { agencyId: string; email: string; name?: string | null },
  link: (token: string) => string,
): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  const taken = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) return { ok: false, field: "email", error: "member.invite.emailTaken" };
  const agency = await db.selectFrom("agency").select(["name", "active"]).where("id", "=", input.agencyId).executeTakeFirstOrThrow();
  if (agency.active !== 1) return { ok: false, field: "email", error: "member.error.agencyInactive" };
  const { id, token } = await createInvitation(db, {
    email, name: input.name || null, agencyId: input.agencyId, agencyRole: "member", invitedBy: actor.id,
  });
  await sendInvitationMail(db, {
    to: email,
    link: link(token),
    roleLabel: translate("id", "member.invite.roleParam", { agency: agency.name }),
    inviterId: actor.id,
  });
  await audit(db, {
    actorId: actor.id, action: "invitation.create", targetType: "invitation", targetId: id,
    agencyId: input.agencyId, detail: { agencyRole: "member" }, ip: actor.ip,
  });
  return { ok: true, invitationId: id };
}

/** One open invitation of the agency (for the revoke confirmation). */
export async function getOpenInvitation(db: DB, agencyId: string, invitationId: string) {
  return db
    .selectFrom("invitation")
    .select(["id", "email", "name", "expires_at"])
    .where("id", "=", invitationId)
    .where("agency_id", "=", agencyId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function revokeMemberInvitation(db: DB, actor: Actor, agencyId: string, invitationId: string): Promise<MemberResult> {
  const done = await revokeInvitation(db, invitationId, { agencyId });
  if (!done) return { ok: false, error: "member.error.invitationGone" };
  await audit(db, { actorId: actor.id, action: "invitation.revoke", targetType: "invitation", targetId: invitationId, agencyId, ip: actor.ip });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Sign-up with an agency e-mail → join request

export type SignUpResult =
  | { ok: true; userId: string; agencyId: string; agencyName: string }
  | { ok: false; field: "email"; error: "signup.emailTaken" | "signup.unknownDomain" };

export const emailDomain = (email: string) => email.trim().toLowerCase().split("@").pop() ?? "";

/** The ACTIVE agency whose registered e-mail domain is exactly the address's domain. */
export async function agencyForEmail(db: DB, email: string) {
  const domain = emailDomain(email);
  if (!domain) return null;
  return (
    (await db
      .selectFrom("agency")
      .select(["id", "name", "time_zone"])
      .where("email_domain", "=", domain)
      .where("active", "=", 1)
      .orderBy("created_at")
      .executeTakeFirst()) ?? null
  );
}

/** Creates a pending member of the agency that owns the e-mail's domain, with a join request, and
 *  tells that agency's active admins (or, when it has none, the coordinators) that someone waits.
 *  An unknown domain creates nothing. */
export async function signUp(
  db: DB,
  input: { name: string; email: string; password: string },
  mail: MailContext,
): Promise<SignUpResult> {
  const email = input.email.trim().toLowerCase();
  const taken = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) return { ok: false, field: "email", error: "signup.emailTaken" };
  const agency = await agencyForEmail(db, email);
  if (!agency) return { ok: false, field: "email", error: "signup.unknownDomain" };
  const passwordHash = await hashPassword(input.password);
  const userId = createId();
  const now = nowIso();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("user")
        .values({
          id: userId, email, name: input.name, password_hash: passwordHash, agency_id: agency.id,
          agency_role: "member", status: "pending", time_zone: agency.time_zone, locale: "id",
          created_at: now, updated_at: now,
        })
        .execute();
      await trx
        .insertInto("join_request")
        .values({ id: createId(), user_id: userId, agency_id: agency.id, status: "pending", created_at: now })
        .execute();
    });
  } catch (e) {
    // Two sign-ups with the same address at once: the UNIQUE e-mail keeps one; the other is "taken".
    if (/unique/i.test(String(e))) return { ok: false, field: "email", error: "signup.emailTaken" };
    throw e;
  }
  let recipients = await db
    .selectFrom("user")
    .select("id")
    .where("agency_id", "=", agency.id)
    .where("agency_role", "=", "admin")
    .where("status", "=", "active")
    .execute();
  if (recipients.length === 0) {
    recipients = await db
      .selectFrom("network_role")
      .innerJoin("user", "user.id", "network_role.user_id")
      .select("user.id")
      .where("network_role.role", "=", "koordinator")
      .where("user.status", "=", "active")
      .execute();
  }
  for (const r of recipients) {
    await notify(db, {
      userId: r.id, kind: "member.joinRequest", params: { name: input.name, email, agency: agency.name },
      link: `${membersLink(agency.id)}#permintaan`, baseUrl: mail.baseUrl,
    });
  }
  return { ok: true, userId, agencyId: agency.id, agencyName: agency.name };
}

export async function approveJoinRequest(db: DB, actor: Actor, agencyId: string, requestId: string, mail: MailContext): Promise<MemberResult> {
  const req = await getJoinRequest(db, agencyId, requestId);
  if (!req || req.status !== "pending") return { ok: false, error: "member.error.requestGone" };
  const now = nowIso();
  const done = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("join_request")
      .set({ status: "approved", decided_by: actor.id, decided_at: now })
      .where("id", "=", requestId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable("user")
      .set({ status: "active", agency_role: "member", updated_at: now })
      .where("id", "=", req.user_id)
      .where("agency_id", "=", agencyId)
      .where("status", "=", "pending")
      .execute();
    return true;
  });
  if (!done) return { ok: false, error: "member.error.requestGone" };
  const agency = await agencyName(db, agencyId);
  await notify(db, { userId: req.user_id, kind: "member.approved", params: { agency }, link: "/", baseUrl: mail.baseUrl });
  await audit(db, { actorId: actor.id, action: "member.approve", targetType: "user", targetId: req.user_id, agencyId, ip: actor.ip });
  return { ok: true };
}

/** Refuses a join request. The person stays `pending` with a rejected request, so they cannot sign
 *  in. They are told by e-mail directly: `notify()` e-mails active people only, and an in-app
 *  notification is of no use to someone who cannot sign in. */
export async function rejectJoinRequest(db: DB, actor: Actor, agencyId: string, requestId: string): Promise<MemberResult> {
  const req = await getJoinRequest(db, agencyId, requestId);
  if (!req || req.status !== "pending") return { ok: false, error: "member.error.requestGone" };
  const r = await db
    .updateTable("join_request")
    .set({ status: "rejected", decided_by: actor.id, decided_at: nowIso() })
    .where("id", "=", requestId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, error: "member.error.requestGone" };
  const person = await db.selectFrom("user").select(["email", "locale"]).where("id", "=", req.user_id).executeTakeFirstOrThrow();
  const locale = parseLocale(person.locale);
  const params = { agency: await agencyName(db, agencyId) };
  await sendMail(db, {
    to: person.email,
    subject: `[Sinergi] ${translate(locale, "notify.member.rejected.title", params)}`,
    text: `${translate(locale, "notify.member.rejected.body", params)}\n\n— Sinergi`,
  });
  await audit(db, { actorId: actor.id, action: "member.reject", targetType: "user", targetId: req.user_id, agencyId, ip: actor.ip });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Deactivation, roles and the handover

export async function deactivateMember(db: DB, actor: Actor, agencyId: string, userId: string): Promise<MemberResult> {
  if (userId === actor.id) return { ok: false, error: "member.error.self" };
  const person = await getMember(db, agencyId, userId);
  if (!person || person.status !== "active") return { ok: false, error: "member.error.notFound" };
  if (person.isAdmin && (await countActiveAdmins(db, agencyId)) <= 1) return { ok: false, error: "member.error.lastAdmin" };
  await setInactive(db, userId);
  await audit(db, {
    actorId: actor.id, action: "member.deactivate", targetType: "user", targetId: userId, agencyId,
    detail: { previousRole: person.agency_role }, ip: actor.ip,
  });
  return { ok: true };
}

/** Deactivates a person and ends every session they have. An admin is demoted on the way out so
 *  that "admins" always means "active admins" and a returning person does not come back as a third. */
async function setInactive(db: DB, userId: string) {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("user")
      .set({ status: "deactivated", agency_role: "member", deactivated_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await invalidateUserSessions(trx, userId);
  });
}

export async function reactivateMember(db: DB, actor: Actor, agencyId: string, userId: string): Promise<MemberResult> {
  const person = await getMember(db, agencyId, userId);
  if (!person || person.status !== "deactivated") return { ok: false, error: "member.error.notFound" };
  const agency = await getAgencyForMembers(db, agencyId);
  if (!agency?.active) return { ok: false, error: "member.error.agencyInactive" };
  await db
    .updateTable("user")
    .set({ status: "active", deactivated_at: null, updated_at: nowIso() })
    .where("id", "=", userId)
    .where("agency_id", "=", agencyId)
    .where("status", "=", "deactivated")
    .execute();
  await audit(db, { actorId: actor.id, action: "member.activate", targetType: "user", targetId: userId, agencyId, ip: actor.ip });
  return { ok: true };
}

/** Makes an active member a (second) admin of the agency. */
export async function promoteToAdmin(db: DB, actor: Actor, agencyId: string, userId: string, mail: MailContext): Promise<MemberResult> {
  const person = await getMember(db, agencyId, userId);
  if (!person || person.status !== "active") return { ok: false, error: "member.error.notFound" };
  if (person.isAdmin) return { ok: false, error: "member.error.alreadyAdmin" };
  if ((await countActiveAdmins(db, agencyId)) >= MAX_ADMINS) return { ok: false, error: "member.error.maxAdmins" };
  await setRole(db, agencyId, userId, "admin");
  await notify(db, { userId, kind: "member.promoted", params: { agency: await agencyName(db, agencyId) }, link: membersLink(agencyId), baseUrl: mail.baseUrl });
  await audit(db, { actorId: actor.id, action: "member.promote", targetType: "user", targetId: userId, agencyId, detail: { role: "admin" }, ip: actor.ip });
  return { ok: true };
}

/** Makes an admin a plain member again, as long as another active admin remains. */
export async function demoteAdmin(db: DB, actor: Actor, agencyId: string, userId: string, mail: MailContext): Promise<MemberResult> {
  const person = await getMember(db, agencyId, userId);
  if (!person || person.status !== "active" || !person.isAdmin) return { ok: false, error: "member.error.notFound" };
  if ((await countActiveAdmins(db, agencyId)) <= 1) return { ok: false, error: "member.error.lastAdmin" };
  await setRole(db, agencyId, userId, "member");
  await notify(db, { userId, kind: "member.demoted", params: { agency: await agencyName(db, agencyId) }, link: membersLink(agencyId), baseUrl: mail.baseUrl });
  await audit(db, { actorId: actor.id, action: "member.demote", targetType: "user", targetId: userId, agencyId, detail: { role: "member" }, ip: actor.ip });
  return { ok: true };
}

async function setRole(db: DB, agencyId: string, userId: string, role: "admin" | "member") {
  await db
    .updateTable("user")
    .set({ agency_role: role, updated_at: nowIso() })
    .where("id", "=", userId)
    .where("agency_id", "=", agencyId)
    .execute();
}

/** The current admin (the actor) hands the admin role to an active member of the same agency and
 *  either stays as a member or leaves (is deactivated). Nothing the former admin did is touched:
 *  invitations keep `invited_by`, the audit log keeps `actor_id`. Both people are told before the
 *  former admin is deactivated, so the farewell still reaches their inbox. */
export async function handOverAdmin(
  db: DB,
  actor: Actor,
  input: { agencyId: string; successorId: string; leave: boolean },
  mail: MailContext,
): Promise<MemberResult> {
  const { agencyId, successorId } = input;
  const me = await getMember(db, agencyId, actor.id);
  if (!me || me.status !== "active" || !me.isAdmin) return { ok: false, error: "member.error.notAdmin" };
  if (successorId === actor.id) return { ok: false, error: "member.error.self" };
  const successor = await getMember(db, agencyId, successorId);
  if (!successor || successor.status !== "active") return { ok: false, error: "member.error.notFound" };
  if (successor.isAdmin) return { ok: false, error: "member.error.alreadyAdmin" };
  await db.transaction().execute(async (trx) => {
    await setRole(trx, agencyId, successorId, "admin");
    await setRole(trx, agencyId, actor.id, "member");
  });
  const agency = await agencyName(db, agencyId);
  await notify(db, { userId: successorId, kind: "admin.handoverTo", params: { agency, from: me.name }, link: membersLink(agencyId), baseUrl: mail.baseUrl });
  await notify(db, { userId: actor.id, kind: "admin.handoverFrom", params: { agency, to: successor.name }, link: membersLink(agencyId), baseUrl: mail.baseUrl });
  if (input.leave) await setInactive(db, actor.id);
  await audit(db, {
    actorId: actor.id, action: "admin.handover", targetType: "user", targetId: successorId, agencyId,
    detail: { from: actor.id, to: successorId, formerAdmin: input.leave ? "left" : "member" }, ip: actor.ip,
  });
  return { ok: true };
}

async function agencyName(db: DB, agencyId: string): Promise<string> {
  const r = await db.selectFrom("agency").select("name").where("id", "=", agencyId).executeTakeFirst();
  return r?.name ?? "";
}
