// Upload checks with real images made here by sharp: content not name, size, truncation, orientation
// and metadata (GPS) stripping, and the time to process a 5 MB phone photo.
import { noisyPhone } from "#tests/helpers/images";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanVideoLink, MAX_IMAGE_BYTES, processSubmissionImage, sniffVideo, storeSubmissionImage, storeSubmissionVideo } from "./submission-files.server";

const UPLOADS = path.resolve(`tests/.tmp/sub-files-${process.pid}`);
beforeAll(() => {
  process.env.UPLOAD_DIR = UPLOADS;
});

/** A 300×200 red/blue JPEG whose EXIF says "rotate 90° clockwise" and carries a GPS position. */
async function phoneJpegWithGps(): Promise<Buffer> {
  const left = await sharp({ create: { width: 150, height: 200, channels: 3, background: "#d00000" } }).png().toBuffer();
  return sharp({ create: { width: 300, height: 200, channels: 3, background: "#0000d0" } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withExif({
      IFD0: { Make: "KameraHP", Model: "Contoh 12" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 12/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 49/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825), little- or big-endian, anywhere in the bytes. */
const hasGpsTag = (b: Buffer) => b.includes(Buffer.from([0x25, 0x88])) || b.includes(Buffer.from([0x88, 0x25]));

describe("submission images", () => {
  it("applies the EXIF orientation, then strips all metadata including GPS", async () => {
    const input = await phoneJpegWithGps();
    const inMeta = await sharp(input).metadata();
    expect(inMeta.orientation).toBe(6);
    expect(hasGpsTag(inMeta.exif!)).toBe(true);

    const r = await storeSubmissionImage(input);
    if (!r.ok) throw new Error(r.error);
    const stored = fs.readFileSync(path.join(UPLOADS, r.stored.path));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([200, 300]); // turned upright
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("KameraHP"))).toBe(false);
    expect(hasGpsTag(stored)).toBe(false);
    // the red half was on the left; after a 90° clockwise turn it is on top
    const { data } = await sharp(stored).extract({ left: 100, top: 40, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150);
    expect(data[2]).toBeLessThan(100);
    // random names, nothing of the original
    expect(r.stored.path).toMatch(/^submissions\/[A-Za-z0-9_-]+\.webp$/);
    expect(r.stored.thumbPath).not.toBe(r.stored.path);
    const thumb = await sharp(fs.readFileSync(path.join(UPLOADS, r.stored.thumbPath))).metadata();
    expect(thumb.exif).toBeUndefined();
  });

  it("a text file named .jpg is refused by its content", async () => {
    const r = await processSubmissionImage(new TextEncoder().encode("Ini bukan foto, hanya teks biasa.\n".repeat(50)));
    expect(r).toEqual({ ok: false, error: "upload.fileNotImage" });
  });

  it("a truncated JPEG is refused", async () => {
    const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a7" } }).jpeg().toBuffer();
    const r = await processSubmissionImage(whole.subarray(0, Math.floor(whole.byteLength * 0.6)));
    expect(r).toEqual({ ok: false, error: "upload.fileTruncated" });
  });

  it("a file over 15 MB is refused; an empty one too", async () => {
    expect(await processSubmissionImage(new Uint8Array(MAX_IMAGE_BYTES + 1))).toEqual({ ok: false, error: "upload.fileTooLarge" });
    expect(await processSubmissionImage(new Uint8Array(0))).toEqual({ ok: false, error: "upload.fileEmpty" });
  });

  it("a ~5 MB 4000×3000 phone photo is accepted, resized to 2000 px and a 400 px thumbnail", async () => {
    const photo = await noisyPhone();
    expect(photo.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    await processSubmissionImage(photo); // warm up sharp's thread pool
    const started = performance.now();
    const r = await processSubmissionImage(photo);
    const ms = performance.now() - started;
    console.log(`[bench] 5 MB phone photo (${(photo.byteLength / 1024 / 1024).toFixed(1)} MB, 4000×3000): processed in ${ms.toFixed(0)} ms`);
    if (!r.ok) throw new Error(r.error);
    expect([r.image.width, r.image.height]).toEqual([2000, 1500]);
    const t = await sharp(r.image.thumb).metadata();
    expect(Math.max(t.width!, t.height!)).toBe(400);
    expect(ms).toBeLessThan(5000); // generous on a shared 2-core box; the lead's bench holds the real < 1 s figure
  }, 30_000);
});

describe("submission videos and links", () => {
  it("MP4 and WebM are recognised by their bytes; anything else is refused", async () => {
    const mp4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]);
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]);
    expect(sniffVideo(mp4)).toBe("video/mp4");
    expect(sniffVideo(webm)).toBe("video/webm");
    expect(await storeSubmissionVideo(new TextEncoder().encode("bukan video sama sekali"))).toEqual({ ok: false, error: "upload.notVideo" });
    const r = await storeSubmissionVideo(mp4);
    expect(r.ok && r.stored.path.endsWith(".mp4")).toBe(true);
  });

  it("only https links are taken", () => {
    expect(cleanVideoLink(" https://www.youtube.com/watch?v=abc ")).toBe("https://www.youtube.com/watch?v=abc");
    expect(cleanVideoLink("http://contoh.id/video")).toBeNull();
    expect(cleanVideoLink("javascript:alert(1)")).toBeNull();
    expect(cleanVideoLink("https://user:pw@contoh.id/")).toBeNull();
  });
});
