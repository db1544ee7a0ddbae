import type { ExecutionStep } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { inStepOrder } from './episode-row.js';

const step = (stepNumber: number) => ({ stepNumber }) as ExecutionStep;

describe('inStepOrder', () => {
  it('orders steps read in another order by stepNumber', () => {
    const steps = inStepOrder([step(3), step(1), step(10), step(2)]);
    expect(steps.map((each) => each.stepNumber)).toEqual([1, 2, 3, 10]);
  });

  it('returns ordered steps as they are', () => {
    const ordered = [step(1), step(2), step(7)];
    expect(inStepOrder(ordered)).toBe(ordered);
    expect(ordered.map((each) => each.stepNumber)).toEqual([1, 2, 7]);
  });
});
