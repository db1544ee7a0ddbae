import type { ServerResponse } from 'node:http';

/** The SDK's JSON-RPC code for an unknown session. */
export const SESSION_NOT_FOUND_CODE = -32001;
const SERVER_ERROR_CODE = -32000;

/**
 * Answers an HTTP request with a JSON-RPC error body, as the SDK transport does for its own refusals, so
 * clients handle ours the same way.
 */
export function sendJsonRpcError(
  response: ServerResponse,
  status: number,
  message: string,
  options: { code?: number; headers?: Record<string, string> } = {},
): void {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    error: { code: options.code ?? SERVER_ERROR_CODE, message },
    id: null,
  });
  response.writeHead(status, { 'content-type': 'application/json', ...options.headers }).end(body);
}
