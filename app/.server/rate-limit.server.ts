// A small fixed-window limiter kept in memory (one Node process serves one network). Used inside
// actions so a limited user gets the form back with a message, not a bare 429 page.
interface Bucket { count: number; resetAt: number }
const buckets = new Map<string, Bucket>();

export interface Limit { max: number; windowMs: number }

export const LIMITS = {
  login: { max: 10, windowMs: 15 * 60 * 1000 },
  loginPerIp: { max: 100, windowMs: 15 * 60 * 1000 },
  signup: { max: 10, windowMs: 60 * 60 * 1000 },
  passwordReset: { max: 5, windowMs: 60 * 60 * 1000 },
  // One office often shares one public IP: the per-address limit is looser than the per-e-mail one.
  passwordResetPerIp: { max: 30, windowMs: 60 * 60 * 1000 },
  // Public certificate checks: plenty for an HR desk checking a pile, far too few to walk 2^60 codes.
  certificateLookup: { max: 60, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, Limit>;

/** Counts one attempt; returns false when the key is over its limit. */
export function hit(key: string, limit: Limit, now = Date.now()): boolean {
  const factor = Number(process.env.RATE_LIMIT_FACTOR ?? 1) || 1;
  const max = Math.ceil(limit.max * factor);
  let b = buckets.get(key);
  if (!b || b.resetAt <= now) {
    b = { count: 0, resetAt: now + limit.windowMs };
    buckets.set(key, b);
  }
  b.count++;
  if (buckets.size > 50_000) {
    for (const [k, v] of buckets) if (v.resetAt <= now) buckets.delete(k);
  }
  return b.count <= max;
}

export function resetRateLimits() {
  buckets.clear();
}
