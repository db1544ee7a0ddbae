import type { ErrorCode } from '@slm/memory-core';

/** Codes only the HTTP layer produces (the body and the transport, not the memory). */
export const HTTP_ONLY_ERROR_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL'] as const;
export type HttpOnlyErrorCode = (typeof HTTP_ONLY_ERROR_CODES)[number];

export type ServiceErrorCode = ErrorCode | HttpOnlyErrorCode;

/** The one status table; the compiler checks it covers every code. */
export const ERROR_STATUS: Record<ServiceErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  STORAGE_FAILED: 500,
  CACHE_FAILED: 500,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};
