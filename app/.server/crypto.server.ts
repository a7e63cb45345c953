// Random ids and tokens, and hashing of tokens we store (only ever the hash).
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 120 bits of randomness, base32: for ids and secrets alike. */
export function randomToken(bytes = 15): string {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return encodeBase32LowerCaseNoPadding(b);
}

export const createId = () => randomToken(10);

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function tokensEqual(aHex: string, bHex: string): boolean {
  const a = new TextEncoder().encode(aHex);
  const b = new TextEncoder().encode(bHex);
  return a.length === b.length && constantTimeEqual(a, b);
}

export const nowIso = (clock: () => Date = () => new Date()) => clock().toISOString();
