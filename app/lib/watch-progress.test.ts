import { describe, expect, it } from "vitest";
import { isWatched, mergeRanges, parseRanges, RangeCollector, watchedFraction, watchedSeconds } from "./watch-progress";

describe("watched ranges", () => {
  it("merges overlapping and touching ranges, drops malformed ones", () => {
    expect(mergeRanges([[10, 20], [0, 5], [15, 30], [5, 6], [40, 40], [NaN, 3]])).toEqual([[0, 6], [10, 30]]);
    expect(mergeRanges([[50, 10]])).toEqual([[10, 50]]);
  });

  it("clamps to the duration and counts each second once", () => {
    expect(mergeRanges([[0, 120]], 100)).toEqual([[0, 100]]);
    expect(watchedSeconds([[0, 30], [10, 40], [60, 70]])).toBe(50);
    expect(watchedFraction([[0, 30], [10, 40], [60, 70]], 100)).toBe(0.5);
    expect(watchedFraction([[0, 30]], null)).toBe(0);
  });

  it("is done at 90 % of the duration, not before", () => {
    expect(isWatched([[0, 89]], 100)).toBe(false);
    expect(isWatched([[0, 45], [45, 90]], 100)).toBe(true);
  });

  it("parses ranges sent by a browser and refuses junk", () => {
    expect(parseRanges("[[0,10],[5,12]]")).toEqual([[0, 12]]);
    expect(parseRanges("not json")).toEqual([]);
    expect(parseRanges('{"a":1}')).toEqual([]);
    expect(parseRanges('[["a","b"],[1,2]]')).toEqual([[1, 2]]);
  });
});

describe("collecting played ranges in the player", () => {
  it("counts steady playback", () => {
    const c = new RangeCollector();
    for (let t = 0; t <= 30; t += 0.25) c.tick(t);
    expect(c.take()).toEqual([[0, 30]]);
  });

  it("does not count a skip to the end", () => {
    const c = new RangeCollector();
    for (let t = 0; t <= 10; t += 0.5) c.tick(t);
    // the viewer drags the slider to 95 s of 100 and lets it run to the end
    for (let t = 95; t <= 100; t += 0.5) c.tick(t);
    const ranges = c.take();
    expect(ranges).toEqual([[0, 10], [95, 100]]);
    expect(isWatched(ranges, 100)).toBe(false);
    expect(watchedFraction(ranges, 100)).toBeCloseTo(0.15);
  });

  it("treats a jump back as a seek and a pause as the end of a range", () => {
    const c = new RangeCollector();
    c.tick(0); c.tick(1); c.tick(2);
    c.tick(2, false);
    c.tick(1); c.tick(3);
    expect(c.take()).toEqual([[0, 3]]);
  });

  it("reports the open range once and keeps going from where it stopped", () => {
    const c = new RangeCollector();
    c.tick(0); c.tick(2); c.tick(4);
    expect(c.take()).toEqual([[0, 4]]);
    c.tick(5); c.tick(6);
    expect(c.take()).toEqual([[4, 6]]);
    expect(c.take()).toEqual([]);
  });
});
