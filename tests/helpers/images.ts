// Test images made on the spot with sharp.
import sharp from "sharp";

/** ~5 MB of noisy 4000×3000 JPEG: a phone photo at its worst for the encoder (noise does not compress). */
export async function noisyPhone(): Promise<Buffer> {
  const w = 4000, h = 3000;
  const raw = Buffer.alloc(w * h * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (x >> 16) & 0xff;
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 55 }).toBuffer();
}
