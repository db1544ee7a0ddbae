import { describe, expect, it } from 'vitest';
import { snakeCaseFields } from './snake-case-fields.js';

describe('snakeCaseFields', () => {
  it('rewrites camelCase field names and leaves other words alone', () => {
    expect(snakeCaseFields('invalid step: stepNumber: too big; taskDescription must not be empty')).toBe(
      'invalid step: step_number: too big; task_description must not be empty',
    );
    expect(snakeCaseFields('episode 01a2-ff is completed: steps can no longer be logged')).toBe(
      'episode 01a2-ff is completed: steps can no longer be logged',
    );
  });
});
