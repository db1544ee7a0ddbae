import { invalid } from './failures.js';

/** The most ids a batch read accepts (the port's limit). */
export const MAX_BATCH_IDS = 500;

export function checkBatchSize(ids: readonly string[], operation: string): void {
  if (ids.length > MAX_BATCH_IDS) {
    throw invalid(`${operation} accepts at most ${MAX_BATCH_IDS} ids (got ${ids.length})`, {
      limit: MAX_BATCH_IDS,
    });
  }
}
