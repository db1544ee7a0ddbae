/** Longest wait between attempts; a provider asking for more is treated as unavailable rather than waited for. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** Rate limits and server errors are worth retrying; other 4xx mean the request itself is wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with full jitter (a uniform draw from zero to the exponential cap): clients that failed
 * together spread out instead of retrying in lockstep.
 */
export function backoffDelayMs(
  attempt: number,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** attempt);
  return Math.floor(random() * cap);
}

/**
 * How long the provider asked us to wait, in milliseconds: `retry-after-ms` (sent by OpenAI and Azure), then
 * `Retry-After` as seconds or an HTTP date. `undefined` when absent or unreadable.
 */
export function retryAfterMs(
  headers: { get(name: string): string | null },
  now = Date.now(),
): number | undefined {
  const milliseconds = parseNonNegative(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = parseNonNegative(value);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date has a weekday and month name; Date.parse alone would read "-3" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNonNegative(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}
