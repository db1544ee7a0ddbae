import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst of its capacity, then one request per 1/rate seconds', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let index = 0; index < 20; index++) expect(bucket.take(0)).toBe(0);
    expect(bucket.take(0)).toBe(1);
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBe(1);
  });

  it('says how many whole seconds to wait at a slow rate', () => {
    const bucket = new TokenBucket(0.25, 1, 0);
    expect(bucket.take(0)).toBe(0);
    expect(bucket.take(0)).toBe(4);
    expect(bucket.take(3_000)).toBe(1);
    expect(bucket.take(4_000)).toBe(0);
  });

  it('never admits more than capacity + rate × elapsed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1_000, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 200 }),
        (rate, gaps) => {
          const capacity = Math.max(1, 2 * rate);
          const bucket = new TokenBucket(rate, capacity, 0);
          let now = 0;
          let admitted = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.take(now) === 0) admitted++;
          }
          expect(admitted).toBeLessThanOrEqual(Math.floor(capacity + (rate * now) / 1000) + 1e-9);
        },
      ),
    );
  });
});

describe('createRateLimiter', () => {
  it('keeps one bucket per key and is off at 0', () => {
    let now = 0;
    const limiter = createRateLimiter(1, () => now);
    limiter.take('a');
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(/rate limit/);
    limiter.take('b');
    now = 1_000;
    limiter.take('a');
    const off = createRateLimiter(0);
    for (let index = 0; index < 1_000; index++) off.take('a');
  });
});
