// The row-level tables behind the participation report's XLSX (issue 6) that are too long to hold:
// every invitation of the period (tens of thousands at a network's scale) and every officer's
// figures. Both are async generators that read the database a page at a time, so a download of a
// full year streams with bounded memory. The selection rules are the report's own
// (participation.server.ts): the same meeting statuses, the same period by the agency's zone, the
// same filters — so the rows add up to the figures on the page.
import type { DB } from "#db/connection";
import { periodBoundsAllZones, type Period } from "~/lib/period";
import {
  applyAgencyFilters, compute, officerFigures, officerShown, sharedOfficerPasses, zoneBounds, type OfficerFigures, type ReportFilters,
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

/** Meetings whose invitations are read in one query: at most this many meetings' invitations (one per agency) held at a time. */
const MEETINGS_PER_READ = 25;

/**
 * Every invitation to a published, held or closed meeting that starts in the period (by the invited
 * agency's calendar), for the filtered agencies, by meeting then agency name. The filtered agencies
 * are read once, in the order the sheet lists them (name, id, as the database sorts); then the
 * period's meetings a page of `pageSize` at a time by keyset on (start, id), and the invitations of
 * `MEETINGS_PER_READ` meetings at a time by the meeting index — no join or sort per row, and at most
 * those meetings' invitations (one per agency) held at a time.
 */
export async function* invitationRows(db: DB, p: Period, filters: ReportFilters, pageSize = 1_000): AsyncGenerator<InvitationRow> {
  const zb = zoneBounds(p);
  const fixedZone = filters.zone && zb[filters.zone] ? filters.zone : undefined;
  const wide = fixedZone ? zb[fixedZone] : periodBoundsAllZones(p);
  const agencyRows = await applyAgencyFilters(db.selectFrom("agency").select(["agency.id", "agency.name", "agency.time_zone"]), filters)
    .orderBy("agency.name").orderBy("agency.id").execute();
  const agencies = new Map(agencyRows.map((a, i) => [a.id, { place: i, name: a.name, timeZone: a.time_zone, bounds: zb[fixedZone ?? a.time_zone] ?? zb["Asia/Jakarta"] }]));
  if (agencies.size === 0) return;
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
    for (let i = 0; i < meetings.length; i += MEETINGS_PER_READ) {
      const batch = meetings.slice(i, i + MEETINGS_PER_READ);
      const invitedTo = new Map<string, { id: string; agency_id: string; rsvp: string; attendance: string | null }[]>(batch.map((m) => [m.id, []]));
      const invitations = await db.selectFrom("meeting_invitation").select(["id", "meeting_id", "agency_id", "rsvp", "attendance"])
        .where("meeting_id", "in", batch.map((m) => m.id)).execute();
      for (const r of invitations) invitedTo.get(r.meeting_id)!.push(r);
      for (const m of batch) {
        const rows = [];
        for (const r of invitedTo.get(m.id)!) {
          const a = agencies.get(r.agency_id);
          // in the period by the agency's calendar (string bounds, as the report compares them)
          if (a && m.starts_at >= a.bounds.start && m.starts_at < a.bounds.end) rows.push({ r, a });
        }
        rows.sort((x, y) => x.a.place - y.a.place);
        for (const { r, a } of rows) {
          yield {
            invitationId: r.id, agencyId: r.agency_id, agencyName: a.name, agencyTimeZone: a.timeZone, rsvp: r.rsvp, attendance: r.attendance,
            meetingId: m.id, meetingTitle: m.title, startsAt: m.starts_at,
          };
        }
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
 * The figures come from one pass of the report's computation over the filtered agencies (only the
 * parts officers' figures use: no rubric means, no agency attendance runs): the report's queries read the period's
 * rows by time, so computing agency by agency would read them once per agency (measured at the
 * large scale: about a second per agency for a year, minutes for 500). That pass is the network
 * report's own when it was just computed (`sharedOfficerPasses`: the XLSX asks for the report first),
 * so a download does not run it twice. What is held is one small record per officer; the rows are
 * then written out a page of agencies at a time.
 */
export async function* officerRows(db: DB, p: Period, filters: ReportFilters, now: Date, agenciesPerPage = 50): AsyncGenerator<OfficerRow> {
  // The report's passes when the dashboard (or this download's own report) just computed them;
  // otherwise run them here, without the agency-only parts.
  const passes = sharedOfficerPasses(db, p, filters, now) ?? await compute(db, p, filters, now, { officers: "passes", officersOnly: true });
  const figures = await officerFigures(db, p, filters, passes.officers, passes.fixedZone);
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
