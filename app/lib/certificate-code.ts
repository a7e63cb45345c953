// Certificate verification codes: 12 characters of Crockford's base32 (no I, L, O, U), shown as
// XXXX-XXXX-XXXX and stored without dashes. Shared by the server and the verification form.

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 12;

/** "ABCD2345WXYZ" → "ABCD-2345-WXYZ". */
export const formatCertificateCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

/**
 * What a person typed → the stored form, or null when it cannot be a code: spaces and dashes dropped,
 * upper-cased, O read as 0 and I/L as 1 (Crockford's rule for misread characters).
 */
export function normaliseCertificateCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
