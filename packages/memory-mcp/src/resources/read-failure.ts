import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isMemoryError, type Logger } from '@slm/memory-core';

/** MCP's error code for an unknown resource (the specification's -32002). */
const RESOURCE_NOT_FOUND = -32002;

/**
 * Resource reads have no `isError` result: failures are JSON-RPC errors. Unknown ids and malformed URIs get
 * the specification's codes; anything else is logged and reported without internals.
 */
export function readFailure(error: unknown, uri: URL, logger: Logger): McpError {
  if (isMemoryError(error, 'NOT_FOUND'))
    return new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri.href}`);
  if (isMemoryError(error, 'VALIDATION_FAILED')) {
    return new McpError(ErrorCode.InvalidParams, `Invalid resource URI ${uri.href}: ${error.message}`);
  }
  logger.error({ err: error, uri: uri.href }, 'mcp resource read failed');
  return new McpError(
    ErrorCode.InternalError,
    `Reading ${uri.href} failed; retry later or call health_check.`,
  );
}
