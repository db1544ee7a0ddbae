import { type Page, type PageRequest, pageSize } from '../page.js';
import { copy } from './clone.js';
import { decodeCursor, encodeCursor } from './cursor.js';

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
  const matching: T[] = [];
  for (const record of records) {
    if (!accept(record)) continue;
    if (cursor) {
      const recordValue = value(record);
      const after = recordValue < cursor.value || (recordValue === cursor.value && record.id > cursor.id);
      if (!after) continue;
    }
    matching.push(record);
  }
  matching.sort(
    (left, right) => value(right) - value(left) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  const items = matching.slice(0, size);
  const last = items[items.length - 1];
  return {
    items: items.map(copy),
    nextCursor: matching.length > size && last ? encodeCursor(value(last), last.id) : null,
  };
}
