import { isMemoryError } from '@slm/memory-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageByOffset } from './offset-cursor.js';

describe('pageByOffset', () => {
  it('pages through every item once, in order, ending with a null cursor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        (items, limit) => {
          const seen: number[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages <= items.length + 1; pages += 1) {
            const page = pageByOffset(items, cursor, limit);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items);
            if (page.nextCursor === null) break;
            cursor = page.nextCursor;
          }
          expect(seen).toEqual(items);
        },
      ),
    );
  });

  it('refuses a cursor it did not make', () => {
    for (const cursor of [
      'abc',
      Buffer.from('o:-1').toString('base64url'),
      Buffer.from('x:3').toString('base64url'),
    ]) {
      let caught: unknown;
      try {
        pageByOffset([1, 2, 3], cursor, 2);
      } catch (error) {
        caught = error;
      }
      expect(isMemoryError(caught, 'VALIDATION_FAILED')).toBe(true);
    }
  });
});
