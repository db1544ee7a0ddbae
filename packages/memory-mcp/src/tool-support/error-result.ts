import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_CODES, type ErrorCode, type Logger, MemoryError } from '@slm/memory-core';
import { ERROR_GUIDANCE } from './error-guidance.js';
import { snakeCaseFields } from './snake-case-fields.js';

/**
 * Turns a failure into a tool result with `isError: true`: the model reads what went wrong and how to fix the
 * call, and the connection stays healthy. Unexpected errors are logged and reported without internals.
 */
export function errorResult(error: unknown, toolName: string, logger: Logger): CallToolResult {
  const memoryError = asMemoryError(error);
  if (!memoryError) {
    logger.error({ err: error, tool: toolName }, 'mcp tool failed unexpectedly');
    const message = `${toolName} failed with an internal error. Retry once; if it keeps failing, call health_check.`;
    return failure(message, { code: 'INTERNAL', message, details: {}, retryable: true });
  }
  const guidance = ERROR_GUIDANCE[memoryError.code];
  const log = guidance.retryable ? logger.warn : logger.debug;
  log.call(logger, { err: memoryError, tool: toolName, code: memoryError.code }, 'mcp tool call refused');
  const reason = snakeCaseFields(memoryError.message);
  const message = `${toolName} failed: ${guidance.title} (${memoryError.code}): ${reason}. ${guidance.hint}`;
  return failure(message, {
    code: memoryError.code,
    message: reason,
    details: memoryError.details,
    retryable: guidance.retryable,
  });
}

function failure(text: string, error: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: { error }, isError: true };
}

/** MemoryErrors by class, or by shape when a second copy of core was loaded (bundled binaries). */
function asMemoryError(error: unknown): MemoryError | undefined {
  if (error instanceof MemoryError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown; details?: unknown };
  if (candidate.name !== 'MemoryError' || !ERROR_CODES.includes(candidate.code as ErrorCode))
    return undefined;
  return new MemoryError(candidate.code as ErrorCode, String(candidate.message), {
    details: (candidate.details as Record<string, unknown> | undefined) ?? {},
  });
}
