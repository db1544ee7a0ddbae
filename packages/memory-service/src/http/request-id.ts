import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const CALLER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id in logs and error bodies: the caller's `X-Request-Id` when it is short and plain (so traces
 * join up across services), else a fresh UUID. Anything else is refused so ids cannot inject log lines.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
}
