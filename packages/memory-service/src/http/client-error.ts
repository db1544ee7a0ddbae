import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from './error-response.js';

/**
 * Answers requests Node rejects before Fastify sees them (headers or URL too large, malformed HTTP, header
 * timeouts) in the service's error shape, then drops the connection, as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] = describe(error.code);
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

function describe(code: string | undefined): [number, ErrorBody] {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [431, errorBody('the request line and headers exceed the size Node accepts (16 KiB by default)')];
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, errorBody('the request did not arrive in time')];
  }
  return [400, errorBody('malformed HTTP request')];
}

function errorBody(message: string): ErrorBody {
  return { error: { code: 'VALIDATION_FAILED', message, details: {} } };
}
