// The columns of the participation report, defined once: the dashboard table, its CSV/XLSX/PDF
// exports and the scorecard's figure list all read these, so a download holds the page's figures.
// Pure (browser and server). Types only from the model.
import type { MessageKey } from "~/i18n/messages";
import type { RankedAgency } from "~/models/participation.server";

export type ColumnFormat = "integer" | "decimal" | "percent" | "index" | "text" | "flag";
export type ColumnGroup = "agency" | "meetings" | "followUps" | "training" | "quality";

export interface ReportColumn {
  key: string;
  label: MessageKey;
  group: ColumnGroup;
  format: ColumnFormat;
  /** a number (percent: a fraction 0..1; index: 0..100), text, a flag, or null = no data */
  value: (a: RankedAgency) => number | string | boolean | null;
  sortable: boolean;
  /** shown in the phone's compact card, not only the wide table */
  compact?: boolean;
}

const weakest = (a: RankedAgency) => a.quality[0] ?? null;

export const REPORT_COLUMNS = [
  { key: "rank", label: "report.col.rank", group: "agency", format: "integer", value: (a) => a.rank, sortable: true, compact: true },
  { key: "name", label: "report.col.agency", group: "agency", format: "text", value: (a) => a.name, sortable: true, compact: true },
  { key: "index", label: "report.col.index", group: "agency", format: "index", value: (a) => a.index, sortable: true, compact: true },
  { key: "invited", label: "report.col.invited", group: "meetings", format: "integer", value: (a) => a.meetings.invited, sortable: true },
  { key: "answered", label: "report.col.answered", group: "meetings", format: "integer", value: (a) => a.meetings.answered, sortable: true },
  { key: "attended", label: "report.col.attended", group: "meetings", format: "integer", value: (a) => a.meetings.attended, sortable: true },
  { key: "excused", label: "report.col.excused", group: "meetings", format: "integer", value: (a) => a.meetings.excused, sortable: true },
  { key: "absent", label: "report.col.absent", group: "meetings", format: "integer", value: (a) => a.meetings.absent, sortable: true },
  { key: "attendanceRate", label: "report.col.attendanceRate", group: "meetings", format: "percent", value: (a) => a.meetings.attendanceRate, sortable: true, compact: true },
  { key: "absentTwice", label: "report.col.absentTwice", group: "meetings", format: "flag", value: (a) => a.meetings.absentTwiceInARow, sortable: true, compact: true },
  { key: "fuOpen", label: "report.col.fuOpen", group: "followUps", format: "integer", value: (a) => a.followUps.open, sortable: true },
  { key: "fuOverdue", label: "report.col.fuOverdue", group: "followUps", format: "integer", value: (a) => a.followUps.overdue, sortable: true, compact: true },
  { key: "fuOnTime", label: "report.col.fuOnTime", group: "followUps", format: "integer", value: (a) => a.followUps.doneOnTime, sortable: true },
  { key: "enrolled", label: "report.col.enrolled", group: "training", format: "integer", value: (a) => a.training.officersEnrolled, sortable: true },
  { key: "completed", label: "report.col.completed", group: "training", format: "integer", value: (a) => a.training.modulesCompleted, sortable: true },
  { key: "jp", label: "report.col.jp", group: "training", format: "integer", value: (a) => a.training.jpEarned, sortable: true, compact: true },
  { key: "onTime", label: "report.col.onTime", group: "training", format: "integer", value: (a) => a.training.submissions.onTime, sortable: true },
  { key: "late", label: "report.col.late", group: "training", format: "integer", value: (a) => a.training.submissions.late, sortable: true },
  { key: "missing", label: "report.col.missing", group: "training", format: "integer", value: (a) => a.training.submissions.missing, sortable: true, compact: true },
  { key: "reviewsOwed", label: "report.col.reviewsOwed", group: "training", format: "integer", value: (a) => a.training.reviews.open, sortable: true },
  { key: "reviewsDone", label: "report.col.reviewsDone", group: "training", format: "integer", value: (a) => a.training.reviews.done, sortable: true },
  { key: "weakest", label: "report.col.weakest", group: "quality", format: "text", value: (a) => weakest(a)?.criterion ?? null, sortable: false },
  { key: "weakestMean", label: "report.col.weakestMean", group: "quality", format: "decimal", value: (a) => weakest(a)?.mean ?? null, sortable: true },
] as const satisfies readonly ReportColumn[];

export type ReportSortKey = (typeof REPORT_COLUMNS)[number]["key"];
export const REPORT_SORT_KEYS = REPORT_COLUMNS.filter((c) => c.sortable).map((c) => c.key) as readonly ReportSortKey[];
export const REPORT_PAGE_SIZE = 25;

/** Sorts a copy; "no data" (null) always last, ties by rank then name. */
export function sortAgencies(rows: readonly RankedAgency[], key: ReportSortKey, dir: "asc" | "desc"): RankedAgency[] {
  const col = REPORT_COLUMNS.find((c) => c.key === key) ?? REPORT_COLUMNS[0];
  const sign = dir === "asc" ? 1 : -1;
  const num = (v: unknown) => (typeof v === "boolean" ? Number(v) : (v as number));
  return [...rows].sort((x, y) => {
    const a = col.value(x);
    const b = col.value(y);
    if (a === null && b !== null) return 1;
    if (b === null && a !== null) return -1;
    if (a !== null && b !== null && a !== b) {
      if (typeof a === "string" || typeof b === "string") return sign * String(a).localeCompare(String(b), "id");
      return sign * (num(a) - num(b));
    }
    return (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.name.localeCompare(y.name, "id");
  });
}
