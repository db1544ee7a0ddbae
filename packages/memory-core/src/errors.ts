/** The closed set of error codes; HTTP and MCP mappings are exhaustive tables over it. */
export const ERROR_CODES = [
  'CONFIG_INVALID',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'STORAGE_FAILED',
  'CACHE_FAILED',
  'UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** JSON-safe details attached to an error (field paths, ids, limits). */
export type ErrorDetails = Record<string, unknown>;

export interface MemoryErrorOptions {
  cause?: unknown;
  details?: ErrorDetails;
}

/** The one error type the packages throw. `code` is stable; `message` says what was wrong and how to fix it. */
export class MemoryError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: MemoryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MemoryError';
    this.code = code;
    this.details = options.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isMemoryError(value: unknown, code?: ErrorCode): value is MemoryError {
  return value instanceof MemoryError && (code === undefined || value.code === code);
}

/** Wraps an unknown failure from a backend as STORAGE_FAILED, keeping MemoryErrors as they are. */
export function asStorageError(error: unknown, operation: string): MemoryError {
  if (error instanceof MemoryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MemoryError('STORAGE_FAILED', `storage operation ${operation} failed: ${reason}`, {
    cause: error,
    details: { operation },
  });
}
