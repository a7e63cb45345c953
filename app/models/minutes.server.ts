// Minutes (notulen) of a meeting: one current text (meeting_minutes) with every save kept as a
// revision (minutes_revision, version 1, 2, …), correction comments from the attending agencies'
// admins, and the sign-off:
//   draft       written by the coordinator; seen only by the coordinator and the pimpinan
//   circulated  sent to the attending agencies' admins, who may comment until a deadline;
//               readable by every invited agency's members; the coordinator may still edit
//   approved    signed off by the pimpinan or the coordinator; no edits (the coordinator may
//               reopen it for corrections, back to circulated)
//   locked      final: read-only for everyone, for good
// Concurrent editing: a save carries the version it was loaded at; if someone saved in between, it
// is refused (nothing is overwritten) and the caller gets who saved, when, and the latest text.
import type { DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import type { Clock } from "~/.server/scheduler.server";
import { inTransaction } from "~/.server/transaction.server";
import { audit } from "./audit.server";
import { attendingAgencyIds } from "./attendance.server";
import { notify } from "./notification.server";

export const MINUTES_STATUSES = ["draft", "circulated", "approved", "locked"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export type MinutesError =
  | "minutes.locked"
  | "minutes.approvedNoEdit"
  | "minutes.meetingCancelled"
  | "minutes.empty"
  | "minutes.wrongState"
  | "minutes.deadlineInPast"
  | "minutes.notStarted"
  | "minutes.commentsClosed"
  | "minutes.missing";

const defaultClock: Clock = () => new Date();

export interface Actor { id: string; ip?: string | null }

export async function getMinutes(db: DB, meetingId: string) {
  const row = await db
    .selectFrom("meeting_minutes as mm")
    .leftJoin("user as u", "u.id", "mm.updated_by")
    .leftJoin("user as a", "a.id", "mm.approved_by")
    .select([
      "mm.meeting_id", "mm.status", "mm.content_json", "mm.version", "mm.corrections_until", "mm.circulated_at",
      "mm.approved_at", "mm.updated_at", "u.name as updated_by_name", "a.name as approved_by_name", "a.position as approved_by_position",
    ])
    .where("mm.meeting_id", "=", meetingId)
    .executeTakeFirst();
  return row ? { ...row, status: row.status as MinutesStatus } : null;
}
export type Minutes = NonNullable<Awaited<ReturnType<typeof getMinutes>>>;

/** The minutes' status, or null when none were written (for permission checks). */
export async function minutesStatus(db: DB, meetingId: string): Promise<MinutesStatus | null> {
  const r = await db.selectFrom("meeting_minutes").select("status").where("meeting_id", "=", meetingId).executeTakeFirst();
  return (r?.status as MinutesStatus | undefined) ?? null;
}

export interface StaleSave {
  version: number;
  savedByName: string | null;
  savedAt: string;
  contentJson: string;
}
export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; error: "minutes.stale"; latest: StaleSave }
  | { ok: false; error: MinutesError };

async function latestSave(db: DB, meetingId: string): Promise<StaleSave | null> {
  const r = await db
    .selectFrom("meeting_minutes as mm")
    .leftJoin("user as u", "u.id", "mm.updated_by")
    .select(["mm.version", "mm.updated_at", "mm.content_json", "u.name"])
    .where("mm.meeting_id", "=", meetingId)
    .executeTakeFirst();
  return r ? { version: r.version, savedByName: r.name, savedAt: r.updated_at, contentJson: r.content_json } : null;
}

/**
 * Saves a new version. `baseVersion` is the version the editor was loaded at (0 for none yet); a
 * save whose base is not the current version is refused with the latest save.
 */
export async function saveMinutes(
  db: DB,
  actor: Actor,
  input: { meetingId: string; baseVersion: number; contentJson: string },
  clock: Clock = defaultClock,
): Promise<SaveResult> {
  const meeting = await db.selectFrom("meeting").select(["status"]).where("id", "=", input.meetingId).executeTakeFirst();
  if (!meeting) return { ok: false, error: "minutes.missing" };
  if (meeting.status === "cancelled") return { ok: false, error: "minutes.meetingCancelled" };
  const now = nowIso(clock);
  const result = await inTransaction(db, async (trx): Promise<SaveResult> => {
    const current = await trx.selectFrom("meeting_minutes").select(["version", "status"]).where("meeting_id", "=", input.meetingId).executeTakeFirst();
    if (current?.status === "locked") return { ok: false, error: "minutes.locked" };
    if (current?.status === "approved") return { ok: false, error: "minutes.approvedNoEdit" };
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) {
      const latest = await latestSave(trx, input.meetingId);
      if (latest) return { ok: false, error: "minutes.stale", latest };
    }
    const version = currentVersion + 1;
    if (!current) {
      await trx
        .insertInto("meeting_minutes")
        .values({ meeting_id: input.meetingId, status: "draft", content_json: input.contentJson, version, updated_by: actor.id, updated_at: now })
        .execute();
    } else {
      // The version in the WHERE makes a racing save touch nothing rather than overwrite.
      const r = await trx
        .updateTable("meeting_minutes")
        .set({ content_json: input.contentJson, version, updated_by: actor.id, updated_at: now })
        .where("meeting_id", "=", input.meetingId)
        .where("version", "=", currentVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const latest = await latestSave(trx, input.meetingId);
        if (latest) return { ok: false, error: "minutes.stale", latest };
      }
    }
    await trx
      .insertInto("minutes_revision")
      .values({ id: createId(), meeting_id: input.meetingId, version, content_json: input.contentJson, saved_by: actor.id, saved_at: now })
      .execute();
    return { ok: true, version };
  });
  return result;
}

export async function listRevisions(db: DB, meetingId: string) {
  return db
    .selectFrom("minutes_revision as r")
    .leftJoin("user as u", "u.id", "r.saved_by")
    .select(["r.version", "r.saved_at", "u.name as saved_by_name"])
    .where("r.meeting_id", "=", meetingId)
    .orderBy("r.version", "desc")
    .execute();
}

export async function getRevision(db: DB, meetingId: string, version: number) {
  return db
    .selectFrom("minutes_revision as r")
    .leftJoin("user as u", "u.id", "r.saved_by")
    .select(["r.version", "r.saved_at", "r.content_json", "u.name as saved_by_name"])
    .where("r.meeting_id", "=", meetingId)
    .where("r.version", "=", version)
    .executeTakeFirst();
}

async function setStatus(db: DB, meetingId: string, from: MinutesStatus[], set: Record<string, string | null>) {
  const r = await db
    .updateTable("meeting_minutes")
    .set(set)
    .where("meeting_id", "=", meetingId)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Sends the draft to the attending agencies' admins for corrections until `correctionsUntil`
 * (an ISO instant in the future). Notifies each admin once. Also used to move the deadline.
 */
export async function circulateMinutes(
  db: DB,
  actor: Actor,
  input: { meetingId: string; correctionsUntil: string; baseUrl?: string },
  clock: Clock = defaultClock,
): Promise<{ ok: true; notified: number } | { ok: false; error: MinutesError }> {
  const now = clock();
  const m = await getMinutes(db, input.meetingId);
  if (!m) return { ok: false, error: "minutes.empty" };
  if (m.status !== "draft" && m.status !== "circulated") return { ok: false, error: "minutes.wrongState" };
  if (Date.parse(input.correctionsUntil) <= now.getTime()) return { ok: false, error: "minutes.deadlineInPast" };
  const meeting = await db.selectFrom("meeting").select(["title", "starts_at", "status", "time_zone"]).where("id", "=", input.meetingId).executeTakeFirstOrThrow();
  if (meeting.status === "cancelled") return { ok: false, error: "minutes.meetingCancelled" };
  if (Date.parse(meeting.starts_at) > now.getTime()) return { ok: false, error: "minutes.notStarted" };
  const first = m.status === "draft";
  await setStatus(db, input.meetingId, ["draft", "circulated"], {
    status: "circulated",
    corrections_until: input.correctionsUntil,
    circulated_at: first ? nowIso(clock) : (m.circulated_at ?? nowIso(clock)),
  });
  await audit(db, { actorId: actor.id, action: first ? "minutes.circulate" : "minutes.deadline", targetType: "meeting", targetId: input.meetingId, ip: actor.ip, detail: { correctionsUntil: input.correctionsUntil } });
  if (!first) return { ok: true, notified: 0 };
  const agencyIds = await attendingAgencyIds(db, input.meetingId);
  const admins = agencyIds.length
    ? await db.selectFrom("user").select("id").where("agency_id", "in", agencyIds).where("agency_role", "=", "admin").where("status", "=", "active").execute()
    : [];
  for (const a of admins) {
    await notify(db, {
      userId: a.id,
      kind: "minutes.circulated",
      params: { meeting: meeting.title },
      link: `/rapat/${input.meetingId}/notulen`,
      baseUrl: input.baseUrl,
    });
  }
  return { ok: true, notified: admins.length };
}

export async function approveMinutes(db: DB, actor: Actor, meetingId: string, clock: Clock = defaultClock): Promise<{ ok: true } | { ok: false; error: MinutesError }> {
  const ok = await setStatus(db, meetingId, ["circulated"], { status: "approved", approved_by: actor.id, approved_at: nowIso(clock) });
  if (!ok) return { ok: false, error: "minutes.wrongState" };
  await audit(db, { actorId: actor.id, action: "minutes.approve", targetType: "meeting", targetId: meetingId, ip: actor.ip });
  return { ok: true };
}

/** Back to circulated, to fix something found after approval (not after locking). */
export async function reopenMinutes(db: DB, actor: Actor, meetingId: string): Promise<{ ok: true } | { ok: false; error: MinutesError }> {
  const ok = await setStatus(db, meetingId, ["approved"], { status: "circulated", approved_by: null, approved_at: null });
  if (!ok) return { ok: false, error: "minutes.wrongState" };
  await audit(db, { actorId: actor.id, action: "minutes.reopen", targetType: "meeting", targetId: meetingId, ip: actor.ip });
  return { ok: true };
}

export async function lockMinutes(db: DB, actor: Actor, meetingId: string, clock: Clock = defaultClock): Promise<{ ok: true } | { ok: false; error: MinutesError }> {
  const ok = await setStatus(db, meetingId, ["approved"], { status: "locked", updated_by: actor.id, updated_at: nowIso(clock) });
  if (!ok) return { ok: false, error: "minutes.wrongState" };
  await audit(db, { actorId: actor.id, action: "minutes.lock", targetType: "meeting", targetId: meetingId, ip: actor.ip });
  return { ok: true };
}

/** A correction comment by an agency admin while the minutes are circulated and before the deadline. */
export async function addComment(
  db: DB,
  actor: Actor & { agencyId: string | null },
  input: { meetingId: string; body: string },
  clock: Clock = defaultClock,
): Promise<{ ok: true } | { ok: false; error: MinutesError }> {
  const m = await getMinutes(db, input.meetingId);
  if (!m || m.status !== "circulated") return { ok: false, error: "minutes.commentsClosed" };
  if (m.corrections_until && Date.parse(m.corrections_until) <= clock().getTime()) return { ok: false, error: "minutes.commentsClosed" };
  await db
    .insertInto("minutes_comment")
    .values({ id: createId(), meeting_id: input.meetingId, agency_id: actor.agencyId, user_id: actor.id, body: input.body, minutes_version: m.version, created_at: nowIso(clock) })
    .execute();
  return { ok: true };
}

export async function resolveComment(db: DB, actor: Actor, input: { meetingId: string; commentId: string }, clock: Clock = defaultClock) {
  const r = await db
    .updateTable("minutes_comment")
    .set({ resolved_at: nowIso(clock), resolved_by: actor.id })
    .where("id", "=", input.commentId)
    .where("meeting_id", "=", input.meetingId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listComments(db: DB, meetingId: string) {
  return db
    .selectFrom("minutes_comment as c")
    .innerJoin("user as u", "u.id", "c.user_id")
    .leftJoin("agency as a", "a.id", "c.agency_id")
    .select(["c.id", "c.agency_id", "c.body", "c.minutes_version", "c.created_at", "c.resolved_at", "u.name as author", "a.short_name as agency"])
    .where("c.meeting_id", "=", meetingId)
    .orderBy("c.created_at")
    .execute();
}

/** Whether an agency is invited to a meeting (who may read circulated minutes, and comment). */
export async function isAgencyInvited(db: DB, meetingId: string, agencyId: string | null): Promise<boolean> {
  if (!agencyId) return false;
  const r = await db.selectFrom("meeting_invitation").select("id").where("meeting_id", "=", meetingId).where("agency_id", "=", agencyId).executeTakeFirst();
  return !!r;
}
