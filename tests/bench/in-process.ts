// Measurements that are not pages: work a request triggers whose cost matters on its own. Each
// runs a few times in this process and reports the median, with the bar.
import { processSubmissionImage } from "~/.server/submission-files.server";
import { allocate, type AllocReviewer, type AllocSubmission } from "~/lib/allocation";
import { noisyPhone } from "#tests/helpers/images";

export interface Measurement { name: string; ms: number; maxMs: number }

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

export async function measureInProcess(): Promise<Measurement[]> {
  return [await allocation(), await photo()];
}
