// The officer record's summary counts, labelled, in the one order the record page, its evidence
// pack (PDF) and its CSV/XLSX all show them.
import type { T } from "~/i18n";
import type { RecordSummary } from "~/models/officer-record.server";

export function summaryCounts(s: RecordSummary, t: T): [string, number][] {
  return [
    [t("record.summary.modules"), s.modulesCompleted],
    [t("record.summary.certificates"), s.certificates],
    [t("record.summary.meetings"), s.meetingsAttended],
    [t("record.summary.onTime"), s.assignments.onTime],
    [t("record.summary.late"), s.assignments.late],
    [t("record.summary.missing"), s.assignments.missing],
    [t("record.summary.reviews"), s.reviewsGiven],
  ];
}
