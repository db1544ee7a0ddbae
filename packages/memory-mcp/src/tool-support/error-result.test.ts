import { ERROR_CODES, type Logger, MemoryError } from '@slm/memory-core';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_GUIDANCE } from './error-guidance.js';
import { errorResult } from './error-result.js';

function recordingLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger;
}

describe('errorResult', () => {
  it.each(ERROR_CODES)('turns %s into an isError result with the code, the reason and the hint', (code) => {
    const result = errorResult(
      new MemoryError(code, 'episode x is completed'),
      'add_episode_step',
      recordingLogger(),
    );
    expect(result.isError).toBe(true);
    const [block] = result.content;
    expect(block?.type === 'text' && block.text).toContain(
      `add_episode_step failed: ${ERROR_GUIDANCE[code].title} (${code})`,
    );
    expect(block?.type === 'text' && block.text).toContain(ERROR_GUIDANCE[code].hint);
    expect(result.structuredContent).toEqual({
      error: {
        code,
        message: 'episode x is completed',
        details: {},
        retryable: ERROR_GUIDANCE[code].retryable,
      },
    });
  });

  it('names arguments the way MCP callers spell them', () => {
    const error = new MemoryError(
      'VALIDATION_FAILED',
      'invalid feedback: appliedPatternIds must be patterns',
    );
    const result = errorResult(error, 'record_recommendation_feedback', recordingLogger());
    expect(JSON.stringify(result.content)).toContain('applied_pattern_ids must be patterns');
  });

  it('recognises a MemoryError from another copy of core by its shape', () => {
    const foreign = Object.assign(new Error('episode y not found'), {
      name: 'MemoryError',
      code: 'NOT_FOUND',
    });
    const result = errorResult(foreign, 'get_episode', recordingLogger());
    expect(result.structuredContent).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('reports unexpected errors without their internals and logs them', () => {
    const logger = recordingLogger();
    const result = errorResult(new TypeError('secret path /var/lib/x'), 'get_metrics', logger);
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain('secret path');
    expect(result.structuredContent).toMatchObject({ error: { code: 'INTERNAL', retryable: true } });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ tool: 'get_metrics', err: expect.any(TypeError) }),
      'mcp tool failed unexpectedly',
    );
  });
});
