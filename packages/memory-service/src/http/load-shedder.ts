import { MemoryError } from '@slm/memory-core';

export interface LoadShedder {
  readonly inFlight: number;
  /** Counts a request in, or throws `UNAVAILABLE` (503, retry after 1 s) when `maxInFlight` are running. */
  admit(): void;
  release(): void;
}

/**
 * Refuses work beyond `maxInFlight` concurrent requests, so a flood queues at the client instead of in this
 * process's memory. 0 turns shedding off (requests are still counted).
 */
export function createLoadShedder(maxInFlight: number): LoadShedder {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    admit() {
      if (maxInFlight > 0 && inFlight >= maxInFlight) {
        throw new MemoryError(
          'UNAVAILABLE',
          `the service is at capacity (${maxInFlight} requests in flight); retry shortly`,
          {
            details: { maxInFlight, retryAfterSeconds: 1 },
          },
        );
      }
      inFlight++;
    },
    release() {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}
