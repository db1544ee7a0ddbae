import { isMemoryError } from '@slm/memory-core';

/** Error codes of `@libsql/client` (and of SQLite, base or extended) that are worth retrying. */
const TRANSIENT_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_LOCKED_SHAREDCACHE',
  'SQLITE_PROTOCOL',
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'STREAM_EXPIRED',
  'SERVER_ERROR',
]);

/** Node and undici network failures, found anywhere in the cause chain. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** HTTP statuses of a gateway or server that is briefly unable to answer. */
const TRANSIENT_STATUSES = new Set([408, 429, 502, 503, 504]);

interface ErrorShape {
  code?: unknown;
  extendedCode?: unknown;
  status?: unknown;
  cause?: unknown;
  message?: unknown;
  name?: unknown;
}

/**
 * Whether a failure is transient (the same call may succeed later): a busy or locked database, a dropped
 * connection, a gateway error. Constraint violations, syntax errors, misuse and every `MemoryError` are not:
 * retrying them cannot help and could apply a write twice.
 */
export function isTransientError(error: unknown): boolean {
  if (isMemoryError(error)) return false;
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const shape = current as ErrorShape;
    for (const code of [shape.extendedCode, shape.code]) {
      if (typeof code !== 'string') continue;
      if (code.startsWith('SQLITE_CONSTRAINT')) return false;
      if (TRANSIENT_CODES.has(code) || NETWORK_CODES.has(code)) return true;
    }
    if (typeof shape.status === 'number' && TRANSIENT_STATUSES.has(shape.status)) return true;
    // fetch() reports every network failure as this TypeError, with the socket error as its cause.
    if (shape.name === 'TypeError' && shape.message === 'fetch failed') return true;
    current = shape.cause;
  }
  return false;
}

/** Whether the failure is a network failure (as opposed to a busy database): a health probe is worth it. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const shape = current as ErrorShape;
    if (typeof shape.code === 'string' && (NETWORK_CODES.has(shape.code) || shape.code.startsWith('HRANA_')))
      return true;
    if (shape.name === 'TypeError' && shape.message === 'fetch failed') return true;
    current = shape.cause;
  }
  return false;
}

/** A UNIQUE or PRIMARY KEY violation (an id that is already taken). */
export function isUniqueViolation(error: unknown): boolean {
  const shape = error as ErrorShape | null;
  const extended = shape?.extendedCode;
  if (extended === 'SQLITE_CONSTRAINT_UNIQUE' || extended === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  // Remote (hrana) errors carry only the base code; the message names the constraint.
  return (
    shape?.code === 'SQLITE_CONSTRAINT' &&
    typeof shape.message === 'string' &&
    /UNIQUE constraint failed|PRIMARY KEY/i.test(shape.message)
  );
}
