import type { z } from 'zod';
import { MemoryError } from '../errors.js';

export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * Parses `value` with `schema` or throws `VALIDATION_FAILED` whose message names the first bad fields, e.g.
 * `invalid step: parameters: must be at most 1000000 bytes as JSON`.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  throw new MemoryError('VALIDATION_FAILED', `invalid ${what}: ${summary}`, { details: { issues } });
}

export function requireId(value: unknown, what: string): string {
  if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
  throw new MemoryError('VALIDATION_FAILED', `invalid ${what}: must be a UUID`, {
    details: { issues: [{ path: what, message: 'must be a UUID' }] },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notFound(kind: string, id: string): MemoryError {
  return new MemoryError('NOT_FOUND', `${kind} ${id} not found`, { details: { kind, id } });
}
