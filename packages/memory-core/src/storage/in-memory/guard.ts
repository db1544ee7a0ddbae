import { asStorageError, MemoryError } from '../../errors.js';

/** Whether the backend still accepts calls; `close()` flips it for good. */
export interface Lifecycle {
  closed: boolean;
}

export function assertOpen(lifecycle: Lifecycle, operation: string): void {
  if (lifecycle.closed) {
    throw new MemoryError('UNAVAILABLE', `storage is closed: ${operation} was called after close()`, {
      details: { operation },
    });
  }
}

/**
 * Wraps a synchronous store operation as the port's async method. The body runs to completion before any
 * other call can interleave, which is what makes every in-memory write atomic. Unexpected exceptions surface
 * as STORAGE_FAILED, never as an empty result.
 */
export function guarded<A extends unknown[], R>(
  lifecycle: Lifecycle,
  operation: string,
  body: (...args: A) => R,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    assertOpen(lifecycle, operation);
    try {
      return body(...args);
    } catch (error) {
      throw asStorageError(error, operation);
    }
  };
}
