import { MemoryError } from '@slm/memory-core';

/** The errors this backend raises, worded like the in-memory backend's so callers see one contract. */
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

export function configInvalid(message: string, details: Record<string, unknown> = {}): MemoryError {
  return new MemoryError('CONFIG_INVALID', message, { details });
}

export function unavailable(message: string, details: Record<string, unknown> = {}): MemoryError {
  return new MemoryError('UNAVAILABLE', message, { details });
}
