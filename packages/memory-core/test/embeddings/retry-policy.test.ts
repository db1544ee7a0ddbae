import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isRetryableStatus,
  MAX_RETRY_DELAY_MS,
  retryAfterMs,
} from '../../src/embeddings/retry-policy.js';

function headers(values: Record<string, string>) {
  return { get: (name: string) => values[name] ?? null };
}

describe('retry policy', () => {
  it('retries rate limits and server errors only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it('draws backoff uniformly below an exponential cap (full jitter)', () => {
    expect(backoffDelayMs(0, 200, () => 0)).toBe(0);
    expect(backoffDelayMs(0, 200, () => 0.999)).toBe(199);
    expect(backoffDelayMs(3, 200, () => 0.5)).toBe(800);
    expect(backoffDelayMs(30, 200, () => 0.999)).toBeLessThan(MAX_RETRY_DELAY_MS);
  });

  it('reads retry-after-ms, Retry-After seconds and Retry-After dates', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(headers({ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }), now)).toBe(0);
  });

  it('ignores missing or unreadable headers', () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': '-3' }))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after-ms': '' }))).toBeUndefined();
  });
});
