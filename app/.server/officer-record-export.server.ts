// The officer record's tables as export sheets (CSV one at a time, XLSX all together with a summary
// sheet first). Dates are real date cells in the zone the page uses (the officer's; a meeting's own),
// times a separate text column that names the zone; numbers are numbers.
import type { Locale } from "~/i18n";
import { makeT } from "~/i18n";
import { formatDateTime, formatTime, zoneAbbr } from "~/i18n/format";
import { utcToZoned } from "~/lib/zoned-time";
import type { OfficerRecord, RecordAssignment, RecordMeeting, RecordModule, RecordReview } from "~/models/officer-record.server";
import type { ExportSheet } from "./table-export.server";
import { summaryCounts } from "~/lib/record-summary";

export const RECORD_TABLES = ["modul", "rapat", "tugas", "ulasan"] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
export const isRecordTable = (v: string | null): v is RecordTable => !!v && (RECORD_TABLES as readonly string[]).includes(v);

export function recordSheets(r: OfficerRecord, locale: Locale, now: Date): { summary: ExportSheet; tables: Record<RecordTable, ExportSheet> } {
  const t = makeT(locale);
  const tz = r.officer.timeZone;
  const day = (iso: string | null, zone = tz) => (iso ? utcToZoned(iso, zone).date : null);
  const time = (iso: string | null, zone = tz) => (iso ? formatTime(iso, zone, locale) : null);
  const title = t("record.export.heading", {
    name: r.officer.name, agency: r.officer.agencyName ?? t("record.noAgency"), year: r.year, generated: formatDateTime(now, tz, locale),
  });
  const zone = zoneAbbr(tz);

  const modules: ExportSheet<RecordModule> = {
    name: t("record.export.modulesSheet"),
    title,
    rows: r.modules,
    columns: [
      { header: t("record.col.module"), value: (m) => m.title, width: 40 },
      { header: t("record.col.organiser"), value: (m) => m.organiser, width: 32 },
      { header: t("record.col.enrolled"), value: (m) => day(m.enrolledAt), format: "date" },
      { header: t("record.col.status"), value: (m) => t(m.status === "completed" ? "record.module.completed" : "record.module.inProgress") },
      { header: `${t("record.col.completedOn")} (${zone})`, value: (m) => day(m.completedAt), format: "date" },
      { header: t("record.col.jpModule"), value: (m) => m.jp },
      { header: t("record.col.jpCounted"), value: (m) => m.jpCounted },
      { header: t("record.col.certificateCode"), value: (m) => m.certificate?.code ?? null, format: "text", width: 18 },
      { header: t("record.col.certificateStatus"), value: (m) => (m.certificate ? t(m.certificate.revoked ? "record.certificate.revoked" : "record.certificate.valid") : null) },
    ],
  };

  const meetings: ExportSheet<RecordMeeting> = {
    name: t("record.export.meetingsSheet"),
    title,
    rows: r.meetings,
    columns: [
      { header: t("record.col.meeting"), value: (m) => m.title, width: 44 },
      { header: t("record.col.mode"), value: (m) => t(`meeting.mode.${m.mode}`) },
      { header: t("record.col.date"), value: (m) => day(m.startsAt, m.timeZone), format: "date" },
      { header: t("record.col.checkedInAt"), value: (m) => time(m.checkedInAt, m.timeZone) },
      { header: t("record.col.recordedBy"), value: (m) => t(m.via === "checkIn" ? "record.via.checkIn" : "record.via.agencyAttendance") },
      { header: t("record.col.agencyAttendance"), value: (m) => (m.agencyAttendance ? t(`attendance.status.${m.agencyAttendance}`) : null) },
    ],
  };

  const assignments: ExportSheet<RecordAssignment> = {
    name: t("record.export.assignmentsSheet"),
    title,
    rows: r.assignments,
    columns: [
      { header: t("record.col.assignment"), value: (a) => a.title, width: 44 },
      { header: t("record.col.module"), value: (a) => a.moduleTitle, width: 32 },
      { header: `${t("record.col.due")} (${zone})`, value: (a) => day(a.dueAt), format: "date" },
      { header: t("record.col.dueTime"), value: (a) => time(a.dueAt) },
      { header: `${t("record.col.submitted")} (${zone})`, value: (a) => day(a.submittedAt), format: "date" },
      { header: t("record.col.submittedTime"), value: (a) => time(a.submittedAt) },
      { header: t("record.col.status"), value: (a) => t(`record.status.${a.status}`) },
      { header: t("record.col.finalScore"), value: (a) => a.finalScore },
      { header: t("record.col.note"), value: (a) => [a.returned ? t("record.assignment.returned") : "", a.extended ? t("record.assignment.extended") : ""].filter(Boolean).join("; ") || null },
    ],
  };

  const reviews: ExportSheet<RecordReview> = {
    name: t("record.export.reviewsSheet"),
    title,
    rows: r.reviews,
    columns: [
      { header: t("record.col.assignment"), value: (v) => v.assignmentTitle, width: 44 },
      { header: t("record.col.module"), value: (v) => v.moduleTitle, width: 32 },
      { header: `${t("record.col.reviewSent")} (${zone})`, value: (v) => day(v.submittedAt || null), format: "date" },
      { header: t("record.col.reviewSentTime"), value: (v) => time(v.submittedAt || null) },
      { header: t("record.col.helpfulness"), value: (v) => v.helpfulness, format: "integer" },
    ],
  };

  const s = r.summary;
  const summaryRows: [string, string | number | null][] = [
    [t("record.export.name"), r.officer.name],
    [t("record.export.nip"), r.officer.nipMasked],
    [t("record.export.position"), r.officer.position],
    [t("record.export.agency"), r.officer.agencyName],
    [t("record.export.year"), r.year],
    [t("record.export.jpEarned"), r.jp.earned],
    [t("record.export.jpTarget"), r.jp.target],
    ...summaryCounts(s, t),
  ];
  const summary: ExportSheet<[string, string | number | null]> = {
    name: t("record.export.summarySheet"),
    title,
    rows: summaryRows,
    columns: [
      { header: t("record.export.item"), value: (row) => row[0], width: 32 },
      { header: t("record.export.value"), value: (row) => row[1], width: 40 },
    ],
  };

  return { summary, tables: { modul: modules, rapat: meetings, tugas: assignments, ulasan: reviews } };
}
