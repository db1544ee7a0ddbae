import { StepInputSchema } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { toStepInput } from './step.js';

const base = {
  episode_id: '01a21393-5237-735a-a6bc-163e8aa4144a',
  step_number: 2,
  tool: 'bash',
  action: 'ran tests',
};

describe('toStepInput', () => {
  it('maps the snake_case arguments onto a step the core accepts', () => {
    const step = toStepInput({
      ...base,
      parameters: { command: 'pnpm test' },
      result: { type: 'success', output: '3 passed' },
      latency_ms: 1200,
      tokens_used: 40,
    });
    expect(StepInputSchema.parse(step)).toMatchObject({
      stepNumber: 2,
      tool: 'bash',
      action: 'ran tests',
      parameters: { command: 'pnpm test' },
      result: { type: 'success', output: '3 passed' },
      latencyMs: 1200,
      tokensUsed: 40,
    });
  });

  it('gives an error result a message, falling back to the output', () => {
    expect(toStepInput({ ...base, result: { type: 'error', output: 'exit 1' } }).result).toEqual({
      type: 'error',
      message: 'exit 1',
    });
    expect(toStepInput({ ...base, result: { type: 'timeout', message: 'ignored' } }).result).toEqual({
      type: 'timeout',
    });
  });
});
