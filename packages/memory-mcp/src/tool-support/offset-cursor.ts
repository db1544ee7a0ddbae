import { MemoryError } from '@slm/memory-core';

const PREFIX = 'o:';

/**
 * Cursors for lists the core returns whole (relationships of one episode): the offset of the next item.
 * Opaque to callers; a cursor from another tool is refused with a clear message.
 */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw new MemoryError(
      'VALIDATION_FAILED',
      'invalid cursor: pass the next_cursor of the previous call unchanged',
      {
        details: { issues: [{ path: 'cursor', message: 'not a cursor of this tool' }] },
      },
    );
  }
  return offset;
}

/** One page of `items` starting at the cursor, and the cursor of the next page (`null` at the end). */
export function pageByOffset<T>(
  items: readonly T[],
  cursor: string | undefined,
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const offset = decodeOffsetCursor(cursor);
  const page = items.slice(offset, offset + limit);
  const next = offset + page.length;
  return { items: page, nextCursor: next < items.length ? encodeOffsetCursor(next) : null };
}
