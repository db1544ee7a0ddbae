import { MemoryError } from '../../errors.js';

/** The errors the in-memory backend raises, worded like the durable backends' so callers see one contract. */
export function notFound(what: string, id: string, namespace: string): MemoryError {
  return new MemoryError('NOT_FOUND', `${what} ${id} not found in namespace ${namespace}`, {
    details: { id, namespace },
  });
}

export function conflict(message: string, details: Record<string, unknown> = {}): MemoryError {
  return new MemoryError('CONFLICT', message, { details });
}

export function invalid(message: string, details: Record<string, unknown> = {}): MemoryError {
  return new MemoryError('VALIDATION_FAILED', message, { details });
}
