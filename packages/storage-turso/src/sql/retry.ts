import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientError } from './errors.js';

export interface RetryPolicy {
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

export interface RetryHooks {
  /** Called before each retry with the failure and the delay about to be waited. */
  beforeRetry?: (error: unknown, attempt: number, delayMs: number) => Promise<void> | void;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Full-jitter exponential backoff (AWS "Exponential Backoff and Jitter"): a uniformly random delay between 0
 * and min(cap, base·2^attempt), so that writers that failed together do not retry together.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.retryMaxDelayMs, policy.retryBaseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails with a non-transient error, or the retries are spent. */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= policy.maxRetries || !isTransientError(error)) throw error;
      const delay = backoffDelayMs(policy, retry, hooks.random);
      await hooks.beforeRetry?.(error, retry + 1, delay);
      if (delay > 0) await sleep(delay);
    }
  }
}
