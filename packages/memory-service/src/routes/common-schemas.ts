import { IdSchema } from '@slm/memory-core';
import { z } from 'zod';

export const IdParamsSchema = z.object({ id: IdSchema });

/**
 * A list in a query string: `?tags=a,b` or `?tags=a&tags=b` (or both). Empty items are dropped, so `?tags=`
 * means no filter.
 */
export function queryList<Item extends z.ZodType>(item: Item, max: number) {
  return z.preprocess((value) => {
    if (value === undefined) return undefined;
    const values = Array.isArray(value) ? value : [value];
    const items = values.flatMap((entry) => String(entry).split(',')).map((entry) => entry.trim());
    const present = items.filter((entry) => entry !== '');
    return present.length === 0 ? undefined : present;
  }, z.array(item).max(max).optional());
}

/** `true`/`false` (also `1`/`0`) in a query string. */
export const QueryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** A finite number in a query string. */
export const QueryNumberSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
  .transform((value) => Number(value));

export const PageQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
    .transform((value) => Number(value))
    .pipe(z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'))
    .optional(),
  cursor: z.string().max(1_000).optional(),
});
