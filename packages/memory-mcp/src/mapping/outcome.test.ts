import { OUTCOME_TYPES, TaskOutcomeSchema } from '@slm/memory-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomeObjectSchema, toTaskOutcome } from './outcome.js';

const text = fc.string({ maxLength: 40 });
const items = fc.array(text, { maxLength: 3 });

describe('toTaskOutcome', () => {
  it('maps every valid argument combination to an outcome the core accepts', () => {
    const args = fc.record(
      {
        outcome_type: fc.constantFrom(...OUTCOME_TYPES),
        verdict: text,
        artifacts: items,
        completed: items,
        failed: items,
        reason: text,
        error_details: text,
      },
      { requiredKeys: ['outcome_type'] },
    );
    fc.assert(
      fc.property(args, (raw) => {
        const outcome = TaskOutcomeSchema.parse(toTaskOutcome(OutcomeObjectSchema.parse(raw)));
        expect(outcome.type).toBe(raw.outcome_type);
      }),
    );
  });

  it('keeps the fields of each outcome type', () => {
    expect(toTaskOutcome({ outcome_type: 'success', verdict: 'tests pass', artifacts: ['a.ts'] })).toEqual({
      type: 'success',
      verdict: 'tests pass',
      artifacts: ['a.ts'],
    });
    expect(toTaskOutcome({ outcome_type: 'partial_success', completed: ['a'], failed: ['b'] })).toEqual({
      type: 'partial_success',
      verdict: '',
      completed: ['a'],
      failed: ['b'],
    });
    expect(toTaskOutcome({ outcome_type: 'failure', reason: 'no access', error_details: 'EACCES' })).toEqual({
      type: 'failure',
      reason: 'no access',
      errorDetails: 'EACCES',
    });
  });

  it('accepts a verdict where a reason belongs and the other way round', () => {
    expect(toTaskOutcome({ outcome_type: 'failure', verdict: 'could not reproduce' })).toMatchObject({
      reason: 'could not reproduce',
    });
    expect(toTaskOutcome({ outcome_type: 'success', reason: 'done' })).toMatchObject({ verdict: 'done' });
  });
});
