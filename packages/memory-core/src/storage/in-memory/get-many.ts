import { copy } from './clone.js';
import { invalid } from './failures.js';

/** The most ids a batch read accepts (the port's limit). */
export const MAX_BATCH_IDS = 500;

/** Copies of the records that exist among `ids`, in the order of `ids`. */
export function getMany<T>(
  records: ReadonlyMap<string, T> | undefined,
  ids: readonly string[],
  operation: string,
): T[] {
  if (ids.length > MAX_BATCH_IDS) {
    throw invalid(`${operation} accepts at most ${MAX_BATCH_IDS} ids (got ${ids.length})`, {
      limit: MAX_BATCH_IDS,
    });
  }
  if (!records) return [];
  const found: T[] = [];
  for (const id of ids) {
    const record = records.get(id);
    if (record !== undefined) found.push(copy(record));
  }
  return found;
}
