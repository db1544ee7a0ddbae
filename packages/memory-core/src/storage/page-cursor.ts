import { MemoryError } from '../errors.js';

/**
 * Page cursors every backend uses: "<sort value>:<id>" of the last item of a page; the next page starts strictly
 * after it, so inserts and deletes elsewhere never shift or repeat items. Opaque to callers.
 */
export function encodeCursor(value: number, id: string): string {
  return `${value}:${id}`;
}

export function decodeCursor(cursor: string): { value: number; id: string } {
  const separator = cursor.indexOf(':');
  const value = Number(cursor.slice(0, separator));
  const id = cursor.slice(separator + 1);
  if (separator <= 0 || !Number.isFinite(value) || id.length === 0) {
    throw new MemoryError(
      'VALIDATION_FAILED',
      'invalid page cursor: pass the nextCursor of the previous page unchanged',
      {
        details: { cursor },
      },
    );
  }
  return { value, id };
}
