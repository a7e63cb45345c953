// The strings drawn on a PDF's pages: pdf-lib writes standard-font text as hex strings (`<…> Tj`)
// in Flate-compressed content streams; image streams are skipped.
import { inflateSync } from "node:zlib";

export function pdfStrings(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  let text = "";
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const end = raw.indexOf("endstream", m.index);
    try {
      const content = inflateSync(Buffer.from(raw.slice(m.index! + m[0].length, end), "latin1")).toString("latin1");
      for (const h of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) text += `${Buffer.from(h[1], "hex").toString("latin1")}\n`;
    } catch {
      /* an image stream */
    }
  }
  return text;
}
