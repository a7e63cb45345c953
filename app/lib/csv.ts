// CSV for spreadsheet users: UTF-8 with a byte-order mark (so Excel reads "Pemkab" and "é" right),
// one separator throughout, every field quoted when it needs to be, CRLF line ends (RFC 4180).
export const CSV_SEPARATOR = ";"; // Excel in Indonesian locale expects ";" (the decimal mark is ",")

export function field(v: string | number | null | undefined, sep: string): string {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return safe.includes(sep) || /["\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: (string | number | null | undefined)[][], sep = CSV_SEPARATOR): string {
  return "\uFEFF" + rows.map((r) => r.map((v) => field(v, sep)).join(sep)).join("\r\n") + "\r\n";
}
