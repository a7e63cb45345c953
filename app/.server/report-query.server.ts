// The one reading of a report's query string (period, filters, sort, page), shared by the dashboard,
// the scorecards and every export, so a download holds exactly what the page showed.
//   ?periode=2026-Q3 | 2026-07 | 2026 | kustom&dari=2026-01-15&sampai=2026-02-14
//   &jenis=<agency type>&wilayah=<region>&zona=<IANA zone>&urut=<column key>&arah=naik|turun&hal=2
import type { DB } from "#db/connection";
import type { MessageKey } from "~/i18n/messages";
import { parsePeriod, type Period } from "~/lib/period";
import { REPORT_SORT_KEYS, type ReportSortKey } from "~/lib/report-columns";
import { utcToZoned } from "~/lib/zoned-time";
import { parseFilters, type ReportFilters } from "~/models/participation.server";

export interface ReportQuery {
  period: Period;
  filters: ReportFilters;
  sort: ReportSortKey;
  dir: "asc" | "desc";
  page: number;
  /** what the person typed, to show back in the form */
  raw: { periode: string; dari: string; sampai: string; jenis: string; wilayah: string; zona: string };
}

/**
 * Never throws for bad input: an unknown or absurd value gives `error` (a catalogue key) and the
 * default for that part (the current quarter, no filter, rank order), so the page can show the
 * message above a report that is still correct for what it says it is.
 */
export async function readReportQuery(db: DB, url: URL, viewerTz: string, now = new Date()): Promise<ReportQuery & { error: MessageKey | null }> {
  const q = url.searchParams;
  const get = (k: string) => (q.get(k) ?? "").trim().slice(0, 100);
  const raw = { periode: get("periode"), dari: get("dari"), sampai: get("sampai"), jenis: get("jenis"), wilayah: get("wilayah"), zona: get("zona") };
  const today = utcToZoned(now, viewerTz).date;
  let error: MessageKey | null = null;

  let parsed = parsePeriod(raw, today);
  if (!parsed.ok) {
    error = `report.${parsed.error}` as MessageKey;
    parsed = parsePeriod({}, today) as { ok: true; period: Period };
  }
  const f = await parseFilters(db, { jenis: raw.jenis, wilayah: raw.wilayah, zona: raw.zona });
  if (!f.ok) error ??= f.error;
  const filters = f.ok ? f.filters : {};

  const sortRaw = get("urut");
  let sort: ReportSortKey = "rank";
  if (sortRaw) {
    if ((REPORT_SORT_KEYS as readonly string[]).includes(sortRaw)) sort = sortRaw as ReportSortKey;
    else error ??= "report.sort.invalid";
  }
  const dirRaw = get("arah");
  const dir = dirRaw === "naik" ? "asc" : dirRaw === "turun" ? "desc" : sort === "rank" || sort === "name" ? "asc" : "desc";
  const pageRaw = get("hal");
  let page = 1;
  if (pageRaw) {
    const n = Number(pageRaw);
    if (Number.isInteger(n) && n >= 1 && n <= 10_000) page = n;
    else error ??= "report.page.invalid";
  }
  return { period: parsed.period, filters, sort, dir, page, raw, error };
}

/** The same query as a search string (for links: sort headers, pages, exports). */
export function reportSearch(q: Pick<ReportQuery, "period" | "filters" | "sort" | "dir">, extra: Record<string, string | number> = {}): string {
  const s = new URLSearchParams();
  if (q.period.kind === "custom") {
    s.set("periode", "kustom");
    s.set("dari", q.period.from);
    s.set("sampai", q.period.to);
  } else s.set("periode", q.period.key);
  if (q.filters.type) s.set("jenis", q.filters.type);
  if (q.filters.region) s.set("wilayah", q.filters.region);
  if (q.filters.zone) s.set("zona", q.filters.zone);
  if (q.sort !== "rank") s.set("urut", q.sort);
  s.set("arah", q.dir === "asc" ? "naik" : "turun");
  for (const [k, v] of Object.entries(extra)) s.set(k, String(v));
  return `?${s.toString()}`;
}
