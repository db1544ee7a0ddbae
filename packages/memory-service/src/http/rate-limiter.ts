import { MemoryError } from '@slm/memory-core';
import { TokenBucket } from './token-bucket.js';

export interface RateLimiter {
  /** Spends one request of `keyId`'s budget or throws `RATE_LIMITED` with `retryAfterSeconds`. */
  take(keyId: string): void;
}

/**
 * Per-key limits: `ratePerSecond` sustained, bursts of twice that. One bucket per configured key (plus
 * `anonymous`), so the map is bounded by the key list. `ratePerSecond` 0 turns limiting off.
 */
export function createRateLimiter(ratePerSecond: number, now: () => number = Date.now): RateLimiter {
  if (ratePerSecond <= 0) return { take() {} };
  const buckets = new Map<string, TokenBucket>();
  return {
    take(keyId) {
      let bucket = buckets.get(keyId);
      if (bucket === undefined) {
        bucket = new TokenBucket(ratePerSecond, Math.max(1, 2 * ratePerSecond), now());
        buckets.set(keyId, bucket);
      }
      const waitSeconds = bucket.take(now());
      if (waitSeconds > 0) {
        throw new MemoryError(
          'RATE_LIMITED',
          `rate limit of ${ratePerSecond} requests per second for this key exceeded; retry in ${waitSeconds} s`,
          { details: { limitPerSecond: ratePerSecond, retryAfterSeconds: waitSeconds } },
        );
      }
    },
  };
}
