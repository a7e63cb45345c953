// Cutting a plain text into segments by (possibly overlapping) comment ranges, pure: each segment
// knows which comments cover it and which comments end at it, so a page can wrap passages in <mark>
// and put each comment's number after the end of its passage.

export interface MarkRange { n: number; start: number; end: number }
export interface MarkSegment { text: string; covering: number[]; endingHere: number[] }

export function markSegments(text: string, ranges: readonly MarkRange[]): MarkSegment[] {
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end);
  const cuts = new Set<number>([0, text.length]);
  for (const r of valid) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: MarkSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    out.push({
      text: text.slice(from, to),
      covering: valid.filter((r) => r.start <= from && r.end >= to).map((r) => r.n),
      endingHere: valid.filter((r) => r.end === to).map((r) => r.n),
    });
  }
  return out;
}
