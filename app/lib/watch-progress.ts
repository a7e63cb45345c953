// Watched progress of a lesson video, pure (browser and server). A viewer's progress is the union of
// the [start, end] second ranges actually played; seeking is not playing, so jumping to the end adds
// nothing. A video lesson counts as done once the union covers at least 90 % of the duration.
export type Range = [number, number];

export const DONE_FRACTION = 0.9;
/** A player's reported position may jump this much between two timeupdate events while playing. */
export const MAX_STEP_SECONDS = 2;
/** Ranges are sent in batches; more than this in one report is refused. */
export const MAX_RANGES = 500;
/** Longest video we accept a duration for (24 h). */
export const MAX_DURATION_SECONDS = 24 * 3600;

/** Drops malformed ranges, clamps to [0, duration] when given, sorts and merges overlapping or touching ones. */
export function mergeRanges(ranges: readonly (readonly [number, number])[], duration?: number | null): Range[] {
  const limit = duration && duration > 0 ? duration : Infinity;
  const clean = ranges
    .filter((r) => Array.isArray(r) && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]))
    .map(([a, b]): Range => [Math.max(0, Math.min(a, b)), Math.min(limit, Math.max(a, b))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const [a, b] of clean) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 0.5) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out.map(([a, b]) => [round(a), round(b)]);
}

const round = (n: number) => Math.round(n * 10) / 10;

export function watchedSeconds(ranges: readonly Range[]): number {
  return mergeRanges(ranges).reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** 0..1 of the duration covered; 0 when the duration is unknown. */
export function watchedFraction(ranges: readonly Range[], duration: number | null | undefined): number {
  if (!duration || duration <= 0) return 0;
  return Math.min(1, watchedSeconds(mergeRanges(ranges, duration)) / duration);
}

export const isWatched = (ranges: readonly Range[], duration: number | null | undefined) =>
  watchedFraction(ranges, duration) >= DONE_FRACTION;

/** Parses ranges sent by a browser (JSON text); anything malformed yields an empty list. */
export function parseRanges(text: unknown): Range[] {
  if (typeof text !== "string" || text.length > 20_000) return [];
  try {
    const v: unknown = JSON.parse(text);
    if (!Array.isArray(v) || v.length > MAX_RANGES) return [];
    return mergeRanges(v.filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && r.every((x) => typeof x === "number")));
  } catch {
    return [];
  }
}

/**
 * The browser side: feeds player positions (from `timeupdate`) and collects played ranges. A jump
 * larger than MAX_STEP_SECONDS (or backwards) is a seek: the current range ends and a new one starts
 * at the new position, so the skipped part is never counted.
 */
export class RangeCollector {
  private current: Range | null = null;
  private done: Range[] = [];

  /** `t` is the player's currentTime; call with `playing = false` on pause/seeking to close the range. */
  tick(t: number, playing = true) {
    if (!Number.isFinite(t)) return;
    if (!playing) {
      this.close();
      return;
    }
    if (this.current && t >= this.current[1] && t - this.current[1] <= MAX_STEP_SECONDS) {
      this.current[1] = t;
      return;
    }
    this.close();
    this.current = [t, t];
  }

  private close() {
    if (this.current && this.current[1] > this.current[0]) this.done.push(this.current);
    this.current = null;
  }

  /** Returns what was played since the last take (the open range is reported and kept going). */
  take(): Range[] {
    const out = [...this.done];
    this.done = [];
    if (this.current && this.current[1] > this.current[0]) {
      out.push([this.current[0], this.current[1]]);
      this.current = [this.current[1], this.current[1]];
    }
    return mergeRanges(out);
  }
}
