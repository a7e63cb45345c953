// Measurements that are not pages: work a request triggers whose cost matters on its own. Each
// runs a few times in this process and reports the median, with the bar.
import type { DB } from "#db/connection";
import { networkSheets } from "~/.server/report-export.server";
import { processSubmissionImage } from "~/.server/submission-files.server";
import { xlsxStream } from "~/.server/table-export.server";
import { allocate, type AllocReviewer, type AllocSubmission } from "~/lib/allocation";
import { yearPeriod } from "~/lib/period";
import { utcToZoned } from "~/lib/zoned-time";
import { clearReportCache, networkReport } from "~/models/participation.server";
import { noisyPhone } from "#tests/helpers/images";

export interface Measurement {
  name: string;
  ms: number;
  maxMs: number;
  /** peak growth of the JS heap while it ran, and its bar (streaming work) */
  heapMb?: number;
  maxHeapMb?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Peer review (issue 5): allocating 10,000 submissions across 500 agencies, two reviews each. */
async function allocation(): Promise<Measurement> {
  const submissions: AllocSubmission[] = [];
  const reviewers: AllocReviewer[] = [];
  for (let i = 0; i < 10_000; i++) {
    const agencyId = `a${(i * 7919) % 500}`;
    reviewers.push({ id: `p${i}`, agencyId });
    submissions.push({ id: `s${i}`, authorId: `p${i}`, agencyId, submittedAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString() });
  }
  const ms = await timed(5, () => allocate(submissions, reviewers, [], { perSubmission: 2, otherAgencyOnly: true }));
  return { name: "Alokasi silang baca: 10.000 kiriman, 500 instansi", ms, maxMs: 1000 };
}

/** Training (issue 4): checking and re-encoding a 5 MB phone photo (web version + thumbnail). */
async function photo(): Promise<Measurement> {
  const bytes = new Uint8Array(await noisyPhone());
  const ms = await timed(3, async () => {
    const r = await processSubmissionImage(bytes);
    if (!r.ok) throw new Error(r.error);
  });
  return { name: `Foto ponsel ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, 4000×3000 → versi web + gambar kecil`, ms, maxMs: 1000 };
}

/**
 * Participation reports (issue 6): the dashboard's XLSX for the whole current year as the route
 * builds it — every sheet (500 agencies, every invitation of the year, every officer) streamed into
 * a sink that only counts bytes, the heap sampled while it runs. Twice: with the year's report not
 * yet computed (nobody opened the dashboard since the last write), and right after the dashboard
 * computed it (the usual case: the coordinator looks, then downloads).
 */
export async function reportXlsxFullYear(db: DB): Promise<Measurement[]> {
  const now = new Date();
  const period = yearPeriod(Number(utcToZoned(now, "Asia/Jakarta").date.slice(0, 4)));
  const run = async (label: string) => {
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
    const timer = setInterval(sample, 10);
    const t = performance.now();
    let bytes = 0;
    try {
      const report = await networkReport(db, period, {}, now);
      const s = networkSheets(db, report, { filters: {}, sort: "rank", dir: "asc" }, { locale: "id", timeZone: "Asia/Jakarta" }, now);
      const reader = xlsxStream([s.summary, s.instansi, s.kriteria, s.attendance, s.officers]).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        sample();
      }
    } finally {
      clearInterval(timer);
    }
    return {
      name: `XLSX laporan setahun penuh (${period.key}, ${(bytes / 1024 / 1024).toFixed(1)} MB), ${label}`,
      ms: performance.now() - t, maxMs: 5000, heapMb: (peak - base) / 1024 / 1024, maxHeapMb: 150,
    };
  };
  clearReportCache(db);
  const cold = await run("laporan belum dihitung");
  const warm = await run("setelah dasbor dibuka");
  return [cold, warm];
}

export async function measureInProcess(ctx?: { db: DB }): Promise<Measurement[]> {
  return [await allocation(), await photo(), ...(ctx ? await reportXlsxFullYear(ctx.db) : [])];
}
