// The row-level tables behind the participation report's XLSX (issue 6) that are too long to hold:
// every invitation of the period (tens of thousands at a network's scale) and every officer's
// figures. Both are async generators that read the database a page at a time, so a download of a
// full year streams with bounded memory. The selection rules are the report's own
// (participation.server.ts): the same meeting statuses, the same period by the agency's zone, the
// same filters — so the rows add up to the figures on the page.
import type { DB } from "#db/connection";
import { periodBoundsAllZones, type Period } from "~/lib/period";
import {
  applyAgencyFilters, compute, inAgencyPeriod, officerShown, zoneBounds,
  type Eb, type OfficerFigures, type ReportFilters,
} from "./participation.server";

export interface InvitationRow {
  invitationId: string;
  meetingId: string;
  meetingTitle: string;
  startsAt: string;
  agencyId: string;
  agencyName: string;
  agencyTimeZone: string;
  rsvp: string;
  attendance: string | null;
}

/**
 * Every invitation to a published, held or closed meeting that starts in the period (by the invited
 * agency's calendar), for the filtered agencies, by meeting then agency name. Keyset paging at two
 * levels, each query reading at most `pageSize` rows after the last one seen: the period's meetings
 * on (start, id), then each meeting's invitations on (agency name, agency id). Driving from the
 * meeting keeps every query on an index and its sort small (one meeting's invitations), where one
 * query over all of the period's invitations sorts tens of thousands of rows per page.
 */
export async function* invitationRows(db: DB, p: Period, filters: ReportFilters, pageSize = 1_000): AsyncGenerator<InvitationRow> {
  const zb = zoneBounds(p);
  const fixedZone = filters.zone && zb[filters.zone] ? filters.zone : undefined;
  const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(p);
  type Key = { startsAt: string; id: string } | null;
  let afterMeeting: Key = null;
  for (;;) {
    const lastMeeting: Key = afterMeeting;
    let mq = db.selectFrom("meeting").select(["id", "title", "starts_at"])
      .where("status", "in", ["published", "held", "closed"])
      .where("starts_at", ">=", lastMeeting?.startsAt ?? wide.start)
      .where("starts_at", "<", wide.end);
    if (lastMeeting) {
      mq = mq.where((eb) => eb.or([eb("starts_at", ">", lastMeeting.startsAt), eb.and([eb("starts_at", "=", lastMeeting.startsAt), eb("id", ">", lastMeeting.id)])]));
    }
    const meetings: { id: string; title: string; starts_at: string }[] = await mq.orderBy("starts_at").orderBy("id").limit(pageSize).execute();
    for (const m of meetings) {
      let afterAgency: { name: string; id: string } | null = null;
      for (;;) {
        const lastAgency: typeof afterAgency = afterAgency;
        let q = applyAgencyFilters(
          db.selectFrom("meeting_invitation")
            .innerJoin("meeting", "meeting.id", "meeting_invitation.meeting_id")
            .innerJoin("agency", "agency.id", "meeting_invitation.agency_id")
            .select([
              "meeting_invitation.id as invitationId", "agency.id as agencyId", "agency.name as agencyName", "agency.time_zone as agencyTimeZone",
              "meeting_invitation.rsvp", "meeting_invitation.attendance",
            ])
            .where("meeting_invitation.meeting_id", "=", m.id)
            .where((eb) => inAgencyPeriod(eb as unknown as Eb, "meeting.starts_at", zb, fixedZone)),
          filters,
        );
        if (lastAgency) {
          q = q.where((eb) => eb.or([eb("agency.name", ">", lastAgency.name), eb.and([eb("agency.name", "=", lastAgency.name), eb("agency.id", ">", lastAgency.id)])]));
        }
        const rows = await q.orderBy("agency.name").orderBy("agency.id").limit(pageSize).execute();
        for (const r of rows) yield { ...r, meetingId: m.id, meetingTitle: m.title, startsAt: m.starts_at };
        if (rows.length < pageSize) break;
        const end = rows[rows.length - 1];
        afterAgency = { name: end.agencyName, id: end.agencyId };
      }
    }
    if (meetings.length < pageSize) return;
    const last = meetings[meetings.length - 1];
    afterMeeting = { startsAt: last.starts_at, id: last.id };
  }
}

export interface OfficerRow {
  agencyId: string;
  agencyName: string;
  officer: OfficerFigures;
}

/**
 * Every officer of the filtered agencies with their figures for the period — the same figures and
 * the same officers (active ones, and former ones with something in the period) as each agency's
 * scorecard — agency by agency in name order, officers by name.
 *
 * The figures come from one pass of the report's computation over the filtered agencies (without
 * the rubric means, which officers' figures do not use): the report's queries read the period's
 * rows by time, so computing agency by agency would read them once per agency (measured at the
 * large scale: about a second per agency for a year, minutes for 500). What is held is one small
 * record per officer; the rows are then written out a page of agencies at a time.
 */
export async function* officerRows(db: DB, p: Period, filters: ReportFilters, now: Date, agenciesPerPage = 50): AsyncGenerator<OfficerRow> {
  const figures = (await compute(db, p, filters, now, true, false)).officers;
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const last: typeof after = after;
    let q = applyAgencyFilters(db.selectFrom("agency").select(["agency.id", "agency.name"]), filters);
    if (last) {
      q = q.where((eb) => eb.or([eb("agency.name", ">", last.name), eb.and([eb("agency.name", "=", last.name), eb("agency.id", ">", last.id)])]));
    }
    const agencies = await q.orderBy("agency.name").orderBy("agency.id").limit(agenciesPerPage).execute();
    if (agencies.length === 0) return;
    const people = await db.selectFrom("user").select(["id", "agency_id"])
      .where("agency_id", "in", agencies.map((a) => a.id))
      .where("status", "in", ["active", "deactivated"])
      .orderBy("name") // the scorecard's order
      .execute();
    const byAgency = new Map<string, OfficerFigures[]>();
    for (const u of people) {
      const o = figures.get(u.id);
      if (!o || !officerShown(o)) continue;
      const list = byAgency.get(u.agency_id!) ?? [];
      list.push(o);
      byAgency.set(u.agency_id!, list);
    }
    for (const a of agencies) {
      for (const officer of byAgency.get(a.id) ?? []) yield { agencyId: a.id, agencyName: a.name, officer };
    }
    if (agencies.length < agenciesPerPage) return;
    const end = agencies[agencies.length - 1];
    after = { name: end.name, id: end.id };
  }
}
