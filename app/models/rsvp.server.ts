// Invitations go to agencies. This module owns: inviting agencies (all active, or chosen), the
// agency admin's answer (attending with named representatives and/or a substitute, or not attending
// with a reason, changeable until the start), each representative's personal check-in code, the
// coordinator's RSVP board and the nudge that reaches ONLY agencies that have not answered, and the
// named guests (narasumber) with their secret read-only link.
import { sql } from "kysely";
import { reusableQuery, type DB } from "#db/connection";
import { createId, hashToken, randomToken } from "~/.server/crypto.server";
import { sendMail } from "~/.server/mailer.server";
import type { Clock } from "~/.server/scheduler.server";
import { translate } from "~/i18n";
import { audit } from "./audit.server";
import { meetingWhen, notifyAgencyAdmins, placeOf, type ActCtx } from "./meeting.server";
import { syncMeetingReminders } from "./meeting-reminders.server";
import { notify } from "./notification.server";

const nowOf = (ctx: { clock?: Clock }) => (ctx.clock ?? (() => new Date()))();

// ---------------------------------------------------------------------------------------------
// Check-in codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).

export const CHECKIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CHECKIN_CODE_LENGTH = 6;

function randomCode(): string {
  const bytes = new Uint8Array(CHECKIN_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 256 is not a multiple of 31; rejection sampling keeps every character equally likely.
  let out = "";
  let i = 0;
  while (out.length < CHECKIN_CODE_LENGTH) {
    if (i >= bytes.length) {
      crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i++];
    if (b < 248) out += CHECKIN_ALPHABET[b % CHECKIN_ALPHABET.length];
  }
  return out;
}

/** A code not used by any representative or guest of any meeting. */
export async function newCheckinCode(db: DB): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = randomCode();
    const [rep, guest] = await Promise.all([
      db.selectFrom("meeting_representative").select("id").where("checkin_code", "=", code).executeTakeFirst(),
      db.selectFrom("meeting_guest").select("id").where("checkin_code", "=", code).executeTakeFirst(),
    ]);
    if (!rep && !guest) return code;
  }
  throw new Error("could not find a free check-in code");
}

/** The path of the check-in route a representative's QR code opens. */
export const checkinPath = (meetingId: string, code: string) => `/rapat/${meetingId}/hadir?kode=${encodeURIComponent(code)}`;

// ---------------------------------------------------------------------------------------------
// Inviting agencies

const OPEN_FOR_INVITES = new Set(["draft", "published"]);

export async function inviteAgencies(db: DB, meetingId: string, which: string[] | "all", ctx: ActCtx): Promise<{ ok: true; invited: number } | { ok: false; error: string }> {
  const m = await db.selectFrom("meeting").select(["status", "ends_at"]).where("id", "=", meetingId).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (!OPEN_FOR_INVITES.has(m.status) || new Date(m.ends_at) <= nowOf(ctx)) return { ok: false, error: "invite.closed" };
  let q = db
    .selectFrom("agency")
    .select("agency.id")
    .where("agency.active", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("meeting_invitation").select("meeting_invitation.id").whereRef("meeting_invitation.agency_id", "=", "agency.id").where("meeting_invitation.meeting_id", "=", meetingId))),
    );
  if (which !== "all") {
    if (which.length === 0) return { ok: false, error: "invite.noneChosen" };
    q = q.where("agency.id", "in", which);
  }
  const agencies = await q.execute();
  const now = nowOf(ctx).toISOString();
  const ids = agencies.map((a) => a.id);
  for (let i = 0; i < ids.length; i += 100) {
    await db
      .insertInto("meeting_invitation")
      .values(ids.slice(i, i + 100).map((agencyId) => ({ id: createId(), meeting_id: meetingId, agency_id: agencyId, created_at: now })))
      .onConflict((oc) => oc.columns(["meeting_id", "agency_id"]).doNothing())
      .execute();
  }
  if (ids.length) {
    await audit(db, { actorId: ctx.actorId, action: "meeting.invite", targetType: "meeting", targetId: meetingId, detail: { count: ids.length, all: which === "all" }, ip: ctx.ip });
    if (m.status === "published") await notifyAgencyAdmins(db, meetingId, ids, "meeting.invited", ctx);
  }
  return { ok: true, invited: ids.length };
}

/** Withdraws an invitation the agency has not answered yet. */
export async function uninviteAgency(db: DB, meetingId: string, agencyId: string, ctx: ActCtx): Promise<{ ok: boolean; error?: string }> {
  const inv = await db.selectFrom("meeting_invitation").select(["id", "rsvp"]).where("meeting_id", "=", meetingId).where("agency_id", "=", agencyId).executeTakeFirst();
  if (!inv) return { ok: false, error: "error.404" };
  if (inv.rsvp !== "pending") return { ok: false, error: "invite.alreadyAnswered" };
  await db.deleteFrom("meeting_invitation").where("id", "=", inv.id).execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.uninvite", targetType: "meeting", targetId: meetingId, agencyId, ip: ctx.ip });
  return { ok: true };
}

/** Active agencies not invited yet, for the invite checklist (optionally filtered by name). */
export async function uninvitedAgencies(db: DB, meetingId: string, search?: string | null) {
  let q = db
    .selectFrom("agency")
    .select(["agency.id", "agency.name", "agency.short_name"])
    .where("agency.active", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("meeting_invitation").select("meeting_invitation.id").whereRef("meeting_invitation.agency_id", "=", "agency.id").where("meeting_invitation.meeting_id", "=", meetingId))),
    );
  const term = search?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb(sql<string>`lower(agency.name)`, "like", sql<string>`lower(${pattern}) escape '\\'`),
      eb(sql<string>`lower(agency.short_name)`, "like", sql<string>`lower(${pattern}) escape '\\'`),
    ]));
  }
  return q.orderBy("agency.name").limit(1000).execute();
}

// ---------------------------------------------------------------------------------------------
// The RSVP board

export type RsvpState = "pending" | "attending" | "declined";
export type BoardFilter = "all" | RsvpState;

// The board's counts and its guests are read on each view of it: compiled once (see reusableQuery).
const countsQuery = reusableQuery((db, meetingId: string) =>
  db.selectFrom("meeting_invitation").select(["rsvp", (eb) => eb.fn.countAll<number>().as("n")]).where("meeting_id", "=", meetingId).groupBy("rsvp"),
);
const guestsQuery = reusableQuery((db, meetingId: string) =>
  db
    .selectFrom("meeting_guest")
    .select(["id", "name", "email", "organisation", "checkin_code", "checked_in_at", "created_at"])
    .where("meeting_id", "=", meetingId)
    .orderBy("created_at"),
);

export async function rsvpCounts(db: DB, meetingId: string) {
  const rows = await countsQuery(db, meetingId);
  const c = { invited: 0, attending: 0, declined: 0, pending: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    c.invited += n;
    if (r.rsvp === "attending" || r.rsvp === "declined" || r.rsvp === "pending") c[r.rsvp] += n;
  }
  return c;
}

const BOARD_COLUMNS = [
  "meeting_invitation.agency_id", "agency.name as agency_name", "agency.short_name", "meeting_invitation.rsvp",
  "meeting_invitation.decline_reason", "meeting_invitation.responded_at", "meeting_invitation.nudged_at",
  "meeting_invitation.nudge_count",
] as const;

// The board lists agencies by short name. When many invitations match (a meeting of hundreds of
// agencies), walking the agencies in that order (agency_short_name_idx) and looking up each one's
// invitation stops after a page; sorting every matching invitation first cost more than the rest of
// the page's queries together. A few matches (one answer of a small meeting) are sorted as before.
const walkingAgencies = (db: DB) =>
  db.selectFrom("agency").crossJoin("meeting_invitation").whereRef("meeting_invitation.agency_id", "=", "agency.id");
const sortingInvitations = (db: DB) =>
  db.selectFrom("meeting_invitation").innerJoin("agency", "agency.id", "meeting_invitation.agency_id");

// Without a search the board's statements have a fixed shape: compiled once (see reusableQuery).
const boardPage = {
  walk: reusableQuery((db, meetingId: string, limit: number, offset: number) =>
    walkingAgencies(db).where("meeting_invitation.meeting_id", "=", meetingId)
      .select(BOARD_COLUMNS).orderBy("agency.short_name").orderBy("agency.id").limit(limit).offset(offset)),
  sortAll: reusableQuery((db, meetingId: string, limit: number, offset: number) =>
    sortingInvitations(db).where("meeting_invitation.meeting_id", "=", meetingId)
      .select(BOARD_COLUMNS).orderBy("agency.short_name").orderBy("agency.id").limit(limit).offset(offset)),
  walkAnswer: reusableQuery((db, meetingId: string, rsvp: string, limit: number, offset: number) =>
    walkingAgencies(db).where("meeting_invitation.meeting_id", "=", meetingId).where("meeting_invitation.rsvp", "=", rsvp)
      .select(BOARD_COLUMNS).orderBy("agency.short_name").orderBy("agency.id").limit(limit).offset(offset)),
  sortAnswer: reusableQuery((db, meetingId: string, rsvp: string, limit: number, offset: number) =>
    sortingInvitations(db).where("meeting_invitation.meeting_id", "=", meetingId).where("meeting_invitation.rsvp", "=", rsvp)
      .select(BOARD_COLUMNS).orderBy("agency.short_name").orderBy("agency.id").limit(limit).offset(offset)),
};

// The representatives of one page's agencies. The list of agency ids is padded to the page size
// ("" is no agency's id), so a page size has one statement, compiled once.
const representativesOf = new Map<number, ReturnType<typeof representativesQuery>>();
const representativesQuery = () =>
  reusableQuery((db, meetingId: string, ...agencyIds: string[]) =>
    db
      .selectFrom("meeting_representative")
      .leftJoin("user", "user.id", "meeting_representative.user_id")
      .select(["meeting_representative.agency_id", "user.name", "user.position", "meeting_representative.substitute_name", "meeting_representative.substitute_position"])
      .where("meeting_representative.meeting_id", "=", meetingId)
      .where("meeting_representative.agency_id", "in", agencyIds)
      .orderBy("meeting_representative.created_at"),
  );

export async function rsvpBoard(
  db: DB,
  meetingId: string,
  opts: { filter?: BoardFilter; q?: string | null; page?: number; pageSize?: number; counts?: Awaited<ReturnType<typeof rsvpCounts>> } = {},
) {
  const pageSize = opts.pageSize ?? 50;
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const offset = (page - 1) * pageSize;
  const answer = opts.filter && opts.filter !== "all" ? opts.filter : null;
  const term = opts.q?.trim();
  // Without a search the total is already known from rsvpCounts (pass it in): no second scan.
  const known = !term && opts.counts ? (answer ? opts.counts[answer] : opts.counts.invited) : null;
  const walk = known === null || known > 100;
  let rows: { agency_id: string; agency_name: string; short_name: string; rsvp: string; decline_reason: string | null; responded_at: string | null; nudged_at: string | null; nudge_count: number }[];
  let total: number;
  if (!term && known !== null) {
    rows = answer
      ? await (walk ? boardPage.walkAnswer : boardPage.sortAnswer)(db, meetingId, answer, pageSize, offset)
      : await (walk ? boardPage.walk : boardPage.sortAll)(db, meetingId, pageSize, offset);
    total = known;
  } else {
    let q = (walk ? walkingAgencies(db) : sortingInvitations(db)).where("meeting_invitation.meeting_id", "=", meetingId);
    if (answer) q = q.where("meeting_invitation.rsvp", "=", answer);
    if (term) {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([
        eb(sql<string>`lower(agency.name)`, "like", sql<string>`lower(${pattern}) escape '\\'`),
        eb(sql<string>`lower(agency.short_name)`, "like", sql<string>`lower(${pattern}) escape '\\'`),
      ]));
    }
    [rows, total] = await Promise.all([
      q.select(BOARD_COLUMNS).orderBy("agency.short_name").orderBy("agency.id").limit(pageSize).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    ]);
  }
  // Representatives of the agencies on this page, in one query.
  const agencyIds = rows.map((r) => r.agency_id);
  let reps: { agency_id: string; name: string | null; position: string | null; substitute_name: string | null; substitute_position: string | null }[] = [];
  if (agencyIds.length) {
    const size = Math.max(pageSize, agencyIds.length);
    let query = representativesOf.get(size);
    if (!query) representativesOf.set(size, (query = representativesQuery()));
    reps = await query(db, meetingId, ...agencyIds, ...Array<string>(size - agencyIds.length).fill(""));
  }
  const byAgency = new Map<string, { name: string; position: string | null; substitute: boolean }[]>();
  for (const r of reps) {
    const list = byAgency.get(r.agency_id) ?? [];
    list.push(r.substitute_name ? { name: r.substitute_name, position: r.substitute_position, substitute: true } : { name: r.name ?? "", position: r.position, substitute: false });
    byAgency.set(r.agency_id, list);
  }
  return {
    rows: rows.map((r) => ({ ...r, rsvp: r.rsvp as RsvpState, representatives: byAgency.get(r.agency_id) ?? [] })),
    total,
    page,
    pageSize,
  };
}

/**
 * Reminds the admins of the agencies that have NOT answered (notification + e-mail), and records
 * when and how often each was nudged. Agencies that answered hear nothing.
 */
export async function nudgeUnanswered(db: DB, meetingId: string, ctx: ActCtx): Promise<{ ok: true; agencies: number; people: number } | { ok: false; error: string }> {
  const m = await db.selectFrom("meeting").select(["status", "starts_at"]).where("id", "=", meetingId).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "published") return { ok: false, error: "meeting.notPublished" };
  if (new Date(m.starts_at) <= nowOf(ctx)) return { ok: false, error: "rsvp.afterStart" };
  const pending = await db
    .selectFrom("meeting_invitation")
    .select(["agency_id"])
    .where("meeting_id", "=", meetingId)
    .where("rsvp", "=", "pending")
    .execute();
  const agencyIds = pending.map((p) => p.agency_id);
  if (agencyIds.length === 0) return { ok: true, agencies: 0, people: 0 };
  const now = nowOf(ctx).toISOString();
  for (let i = 0; i < agencyIds.length; i += 200) {
    await db
      .updateTable("meeting_invitation")
      .set((eb) => ({ nudged_at: now, nudge_count: eb("nudge_count", "+", 1) }))
      .where("meeting_id", "=", meetingId)
      .where("rsvp", "=", "pending")
      .where("agency_id", "in", agencyIds.slice(i, i + 200))
      .execute();
  }
  const people = await notifyAgencyAdmins(db, meetingId, agencyIds, "meeting.nudge", ctx);
  await audit(db, { actorId: ctx.actorId, action: "meeting.nudge", targetType: "meeting", targetId: meetingId, detail: { agencies: agencyIds.length }, ip: ctx.ip });
  return { ok: true, agencies: agencyIds.length, people };
}

// ---------------------------------------------------------------------------------------------
// The agency's answer

export async function getAgencyInvitation(db: DB, meetingId: string, agencyId: string) {
  const inv = await db
    .selectFrom("meeting_invitation")
    .innerJoin("agency", "agency.id", "meeting_invitation.agency_id")
    .select([
      "meeting_invitation.id", "meeting_invitation.agency_id", "agency.name as agency_name", "agency.short_name",
      "meeting_invitation.rsvp", "meeting_invitation.decline_reason", "meeting_invitation.responded_at",
    ])
    .where("meeting_invitation.meeting_id", "=", meetingId)
    .where("meeting_invitation.agency_id", "=", agencyId)
    .executeTakeFirst();
  if (!inv) return null;
  const reps = await db
    .selectFrom("meeting_representative")
    .leftJoin("user", "user.id", "meeting_representative.user_id")
    .select([
      "meeting_representative.id", "meeting_representative.user_id", "user.name", "user.position",
      "meeting_representative.substitute_name", "meeting_representative.substitute_position", "meeting_representative.checkin_code",
    ])
    .where("meeting_representative.meeting_id", "=", meetingId)
    .where("meeting_representative.agency_id", "=", agencyId)
    .orderBy("meeting_representative.created_at")
    .execute();
  return { ...inv, rsvp: inv.rsvp as RsvpState, representatives: reps };
}

/** The agency's active officers, who can be named as representatives. */
export async function agencyOfficers(db: DB, agencyId: string) {
  return db
    .selectFrom("user")
    .select(["id", "name", "position"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}

export interface RsvpInput {
  meetingId: string;
  agencyId: string;
  answer: "attending" | "declined";
  officerIds?: string[];
  substituteName?: string | null;
  substitutePosition?: string | null;
  reason?: string | null;
}

export type RsvpResult = { ok: true; newRepresentatives: number } | { ok: false; error: "rsvp.afterStart" | "rsvp.notOpen" | "rsvp.notInvited" | "rsvp.unknownOfficer" | "error.404" };

/**
 * Records the agency's answer. Representatives who stay named keep their check-in code; newly named
 * ones get a code, a notification and a reminder; those dropped lose their reminder. Refused once
 * the meeting has started, and for a meeting that is not published.
 */
export async function answerRsvp(db: DB, input: RsvpInput, ctx: ActCtx): Promise<RsvpResult> {
  const now = nowOf(ctx);
  const m = await db.selectFrom("meeting").select(["id", "title", "status", "starts_at", "ends_at", "time_zone", "venue", "join_url"]).where("id", "=", input.meetingId).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (m.status !== "published") return { ok: false, error: "rsvp.notOpen" };
  if (new Date(m.starts_at) <= now) return { ok: false, error: "rsvp.afterStart" };
  const inv = await db.selectFrom("meeting_invitation").select(["id"]).where("meeting_id", "=", m.id).where("agency_id", "=", input.agencyId).executeTakeFirst();
  if (!inv) return { ok: false, error: "rsvp.notInvited" };

  const attending = input.answer === "attending";
  const wantedOfficers = attending ? [...new Set(input.officerIds ?? [])] : [];
  if (wantedOfficers.length) {
    const valid = await db
      .selectFrom("user")
      .select("id")
      .where("id", "in", wantedOfficers)
      .where("agency_id", "=", input.agencyId)
      .where("status", "=", "active")
      .execute();
    if (valid.length !== wantedOfficers.length) return { ok: false, error: "rsvp.unknownOfficer" };
  }
  const substituteName = attending ? input.substituteName?.trim() || null : null;
  const substitutePosition = substituteName ? input.substitutePosition?.trim() || null : null;
  const nowIso = now.toISOString();
  const added: string[] = [];

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("meeting_invitation")
      .set({
        rsvp: input.answer,
        decline_reason: attending ? null : input.reason?.trim() || null,
        responded_by: ctx.actorId,
        responded_at: nowIso,
      })
      .where("id", "=", inv.id)
      .execute();
    const existing = await trx
      .selectFrom("meeting_representative")
      .select(["id", "user_id", "substitute_name", "substitute_position"])
      .where("meeting_id", "=", m.id)
      .where("agency_id", "=", input.agencyId)
      .execute();
    const keepOfficers = new Set(wantedOfficers);
    for (const r of existing) {
      const keep = r.user_id ? keepOfficers.has(r.user_id) : substituteName !== null && r.substitute_name === substituteName;
      if (!keep) await trx.deleteFrom("meeting_representative").where("id", "=", r.id).execute();
      else if (!r.user_id && r.substitute_position !== substitutePosition) {
        await trx.updateTable("meeting_representative").set({ substitute_position: substitutePosition }).where("id", "=", r.id).execute();
      }
    }
    const haveOfficers = new Set(existing.filter((r) => r.user_id).map((r) => r.user_id as string));
    for (const userId of wantedOfficers) {
      if (haveOfficers.has(userId)) continue;
      await trx
        .insertInto("meeting_representative")
        .values({ id: createId(), meeting_id: m.id, agency_id: input.agencyId, user_id: userId, checkin_code: await newCheckinCode(trx), created_at: nowIso })
        .execute();
      added.push(userId);
    }
    if (substituteName && !existing.some((r) => !r.user_id && r.substitute_name === substituteName)) {
      await trx
        .insertInto("meeting_representative")
        .values({ id: createId(), meeting_id: m.id, agency_id: input.agencyId, substitute_name: substituteName, substitute_position: substitutePosition, checkin_code: await newCheckinCode(trx), created_at: nowIso })
        .execute();
    }
    await audit(trx, { actorId: ctx.actorId, action: "meeting.rsvp", targetType: "meeting", targetId: m.id, agencyId: input.agencyId, detail: { answer: input.answer, representatives: wantedOfficers.length + (substituteName ? 1 : 0) }, ip: ctx.ip });
  });

  await syncMeetingReminders(db, m.id, ctx.clock);
  if (added.length) {
    const people = await db.selectFrom("user").select(["id", "time_zone", "locale"]).where("id", "in", added).execute();
    const agency = await db.selectFrom("agency").select("short_name").where("id", "=", input.agencyId).executeTakeFirst();
    for (const p of people) {
      await notify(db, {
        userId: p.id,
        kind: "meeting.representative",
        params: { title: m.title, when: meetingWhen(m, p.time_zone, p.locale), place: placeOf(m), agency: agency?.short_name ?? "" },
        link: `/rapat/${m.id}`,
        baseUrl: ctx.baseUrl,
      });
    }
  }
  return { ok: true, newRepresentatives: added.length };
}

// ---------------------------------------------------------------------------------------------
// Guests (narasumber): a secret link to a read-only page and their own check-in code.

export async function listGuests(db: DB, meetingId: string) {
  return guestsQuery(db, meetingId);
}

export async function addGuest(
  db: DB,
  meetingId: string,
  g: { name: string; email: string; organisation?: string | null },
  ctx: ActCtx,
): Promise<{ ok: true; mailed: boolean } | { ok: false; error: string }> {
  const m = await db.selectFrom("meeting").select(["status", "ends_at"]).where("id", "=", meetingId).executeTakeFirst();
  if (!m) return { ok: false, error: "error.404" };
  if (!OPEN_FOR_INVITES.has(m.status) || new Date(m.ends_at) <= nowOf(ctx)) return { ok: false, error: "invite.closed" };
  const dup = await db.selectFrom("meeting_guest").select("id").where("meeting_id", "=", meetingId).where("email", "=", g.email).executeTakeFirst();
  if (dup) return { ok: false, error: "guest.duplicate" };
  const id = createId();
  await db
    .insertInto("meeting_guest")
    .values({
      id, meeting_id: meetingId, email: g.email, name: g.name, organisation: g.organisation || null,
      // replaced by the real link's hash when the invitation is mailed
      token_hash: hashToken(randomToken()), checkin_code: await newCheckinCode(db), created_at: nowOf(ctx).toISOString(),
    })
    .execute();
  await audit(db, { actorId: ctx.actorId, action: "meeting.guest.add", targetType: "meeting", targetId: meetingId, detail: { email: g.email }, ip: ctx.ip });
  if (m.status === "published") {
    await mailGuest(db, id, ctx);
    return { ok: true, mailed: true };
  }
  return { ok: true, mailed: false };
}

export async function removeGuest(db: DB, meetingId: string, guestId: string, ctx: ActCtx): Promise<boolean> {
  const r = await db.deleteFrom("meeting_guest").where("meeting_id", "=", meetingId).where("id", "=", guestId).where("checked_in_at", "is", null).executeTakeFirst();
  if (Number(r.numDeletedRows) === 1) {
    await audit(db, { actorId: ctx.actorId, action: "meeting.guest.remove", targetType: "meeting", targetId: meetingId, ip: ctx.ip });
    return true;
  }
  return false;
}

/** Makes a fresh secret link for the guest (the old one stops working) and e-mails it. */
export async function mailGuest(db: DB, guestId: string, ctx: ActCtx): Promise<void> {
  const g = await db
    .selectFrom("meeting_guest")
    .innerJoin("meeting", "meeting.id", "meeting_guest.meeting_id")
    .select(["meeting_guest.id", "meeting_guest.name", "meeting_guest.email", "meeting_guest.checkin_code", "meeting.title", "meeting.starts_at", "meeting.ends_at", "meeting.time_zone", "meeting.venue", "meeting.join_url"])
    .where("meeting_guest.id", "=", guestId)
    .executeTakeFirstOrThrow();
  const token = randomToken(20);
  await db.updateTable("meeting_guest").set({ token_hash: hashToken(token) }).where("id", "=", g.id).execute();
  const link = new URL(`/tamu/${token}`, ctx.baseUrl ?? "http://localhost:3000").toString();
  const params = { name: g.name, title: g.title, when: meetingWhen(g, g.time_zone, "id"), place: placeOf(g), link, code: g.checkin_code };
  await sendMail(db, {
    to: g.email,
    subject: `[Sinergi] ${translate("id", "guestMail.subject", params)}`,
    text: `${translate("id", "guestMail.body", params)}\n\n— Sinergi`,
  });
}

export async function sendGuestInvitations(db: DB, meetingId: string, ctx: ActCtx): Promise<number> {
  const guests = await db.selectFrom("meeting_guest").select("id").where("meeting_id", "=", meetingId).execute();
  for (const g of guests) await mailGuest(db, g.id, ctx);
  return guests.length;
}

/** The guest behind a secret link, with the meeting it opens; null for an unknown link. */
export async function guestByToken(db: DB, token: string) {
  if (!token || token.length > 100) return null;
  const g = await db
    .selectFrom("meeting_guest")
    .select(["id", "meeting_id", "name", "organisation", "checkin_code", "checked_in_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return g ?? null;
}
