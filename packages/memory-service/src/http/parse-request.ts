import { MemoryError } from '@slm/memory-core';
import type { z } from 'zod';

/** Where a value came from, named in validation messages: `body.context.domain: …`. */
export type RequestPart = 'path' | 'query' | 'body';

/**
 * Validates one part of a request with a zod schema (the core's input schemas wherever they exist) or throws
 * `VALIDATION_FAILED` naming the fields, in the same shape as the memory's own validation errors.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  part: RequestPart,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 10).map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  throw new MemoryError('VALIDATION_FAILED', `invalid request: ${summary}`, { details: { issues } });
}
