import { ERROR_CODES, MemoryError } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './error-response.js';
import { ERROR_STATUS } from './error-status.js';

describe('toErrorResponse', () => {
  it('maps every core code through the one status table', () => {
    for (const code of ERROR_CODES) {
      const response = toErrorResponse(new MemoryError(code, 'message'), 'req-1', 10);
      expect(response.status, code).toBe(ERROR_STATUS[code]);
      expect(response.body.error.code).toBe(code);
    }
  });

  it('keeps 4xx messages and details, and puts retryAfterSeconds in the header value', () => {
    const limited = new MemoryError('RATE_LIMITED', 'slow down', { details: { retryAfterSeconds: 3 } });
    expect(toErrorResponse(limited, 'r', 10)).toEqual({
      status: 429,
      body: { error: { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfterSeconds: 3 } } },
      retryAfterSeconds: 3,
    });
  });

  it('hides the message of 5xx errors and of anything that is not a MemoryError', () => {
    const storage = new MemoryError('STORAGE_FAILED', 'libsql://u:p@host failed at /srv/data/m.db');
    const internal = toErrorResponse(storage, 'req-9', 10);
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toMatch(/libsql|srv/);
    expect(internal.body.error.details).toEqual({ requestId: 'req-9' });
    const thrown = toErrorResponse(new TypeError('x is undefined'), 'req-10', 10);
    expect(thrown.body.error).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(thrown.body)).not.toContain('undefined');
  });

  it('keeps UNAVAILABLE messages (they say what to do) with credentials redacted', () => {
    const unavailable = new MemoryError('UNAVAILABLE', 'cannot reach libsql://user:secret@db');
    expect(toErrorResponse(unavailable, 'r', 10).body.error.message).toBe('cannot reach libsql://***@db');
  });

  it("maps Fastify's 4xx errors to the service codes", () => {
    expect(
      toErrorResponse({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }, 'r', 2048).body.error,
    ).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'the request body is larger than 2048 bytes; send less per request',
      details: { limitBytes: 2048 },
    });
    expect(toErrorResponse({ statusCode: 415, message: 'nope' }, 'r', 1).body.error.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(
      toErrorResponse({ statusCode: 400, message: 'bad json', code: 'FST_X' }, 'r', 1).body.error,
    ).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'bad json',
      details: { reason: 'FST_X' },
    });
  });
});
