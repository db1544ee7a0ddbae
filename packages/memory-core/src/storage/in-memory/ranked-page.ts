import { type Page, type PageRequest, pageSize } from '../page.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { copy } from './clone.js';
import { TopK } from './top-k.js';

/**
 * One page of records ordered by a numeric value descending, then id ascending (patterns by occurrences,
 * heuristics by confidence). The cursor is the (value, id) of the last item; the next page starts after it.
 */
export function rankedPage<T extends { id: string }>(
  records: Iterable<T>,
  value: (record: T) => number,
  accept: (record: T) => boolean,
  request: PageRequest | undefined,
): Page<T> {
  const size = pageSize(request);
  const cursor = request?.cursor ? decodeCursor(request.cursor) : undefined;
  // One more than a page tells whether there is a next page; a bounded heap keeps this O(n log page).
  const best = new TopK(size + 1);
  const byId = new Map<string, T>();
  for (const record of records) {
    const recordValue = value(record);
    if (cursor && !(recordValue < cursor.value || (recordValue === cursor.value && record.id > cursor.id)))
      continue;
    if (!best.admits(record.id, recordValue) || !accept(record)) continue;
    best.push(record.id, recordValue);
    byId.set(record.id, record);
  }
  const kept = best.results();
  const items = kept.slice(0, size).map((entry) => byId.get(entry.id)!);
  const last = items[items.length - 1];
  return {
    items: items.map(copy),
    nextCursor: kept.length > size && last ? encodeCursor(value(last), last.id) : null,
  };
}
