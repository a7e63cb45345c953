// QR codes as inline SVG, made on the server (no image requests, no client code).
import QRCode from "qrcode";

/** A representative's invitation page shows the same code on every visit, and encoding a QR code
 *  costs more than the rest of that page's data: keep the most recent SVGs by their text. */
const svgCache = new Map<string, string>();
const SVG_CACHE_MAX = 1000;

export async function qrSvg(text: string): Promise<string> {
  let svg = svgCache.get(text);
  if (svg === undefined) {
    svg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0d2c43", light: "#ffffff" } });
    if (svgCache.size >= SVG_CACHE_MAX) svgCache.delete(svgCache.keys().next().value!);
  } else {
    svgCache.delete(text); // keep least-recently-used order
  }
  svgCache.set(text, svg);
  return svg;
}

/** The same code as a PNG (for documents that cannot take SVG, e.g. certificate PDFs). */
export async function qrPng(text: string, width = 360): Promise<Uint8Array> {
  return QRCode.toBuffer(text, { type: "png", width, margin: 1, errorCorrectionLevel: "M", color: { dark: "#0d2c43", light: "#ffffff" } });
}
