import { type ErrorDetails, isMemoryError } from '@slm/memory-core';
import { ERROR_STATUS, type ServiceErrorCode } from './error-status.js';
import { redactSecrets } from './redact.js';

export interface ErrorBody {
  error: { code: ServiceErrorCode; message: string; details: ErrorDetails };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Seconds, for `Retry-After` (429 and 503). */
  retryAfterSeconds?: number;
}

/** Fastify's own errors (body parsing, content types) carry a 4xx `statusCode` and a `FST_…` code. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Maps anything thrown while serving a request to the stable error body. 4xx messages say what was wrong;
 * 5xx bodies never carry the underlying message or stack (it may hold paths or internals): the log has them,
 * under the request id the body names.
 */
export function toErrorResponse(error: unknown, requestId: string, bodyLimitBytes: number): ErrorResponse {
  if (isMemoryError(error)) {
    const status = ERROR_STATUS[error.code];
    if (status >= 500 && error.code !== 'UNAVAILABLE') return internal(error.code, requestId);
    const retryAfter = error.details['retryAfterSeconds'];
    return {
      status,
      body: { error: { code: error.code, message: redactSecrets(error.message), details: error.details } },
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  const framework = error as FrameworkError;
  const status = framework?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: frameworkError(status, framework, bodyLimitBytes) } };
  }
  return internal('INTERNAL', requestId);
}

function frameworkError(status: number, error: FrameworkError, bodyLimitBytes: number): ErrorBody['error'] {
  const message = error.message ?? 'bad request';
  if (status === 413) {
    return {
      code: 'PAYLOAD_TOO_LARGE',
      message: `the request body is larger than ${bodyLimitBytes} bytes; send less per request`,
      details: { limitBytes: bodyLimitBytes },
    };
  }
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', message, details: {} };
  const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
  return { code, message, details: error.code ? { reason: error.code } : {} };
}

function internal(code: ServiceErrorCode, requestId: string): ErrorResponse {
  const message =
    code === 'INTERNAL'
      ? `internal error; the service log has the details under request id ${requestId}`
      : `the operation failed (${code}); the service log has the details under request id ${requestId}`;
  return { status: 500, body: { error: { code, message, details: { requestId } } } };
}
