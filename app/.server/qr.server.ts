// QR codes as inline SVG, made on the server (no image requests, no client code).
import QRCode from "qrcode";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0d2c43", light: "#ffffff" } });
}
