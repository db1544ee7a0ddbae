import { describe, expect, it } from 'vitest';
import type { PatternContribution } from '../../src/domain/pattern.js';
import { isDecisionAction } from '../../src/learning/decision-action.js';
import { extractPatterns } from '../../src/learning/patterns/index.js';
import { buildEpisode, type EpisodeSpec, failed, idSequence, ok, SUCCESS } from './episodes.js';

function decisions(spec: EpisodeSpec): PatternContribution[] {
  return extractPatterns(buildEpisode(spec), { newId: idSequence(), at: '2025-01-02T00:00:00.000Z' }).filter(
    (contribution) => contribution.content.type === 'decision_point',
  );
}

describe('decision point extraction', () => {
  it('recognises decision actions by whole words', () => {
    expect(isDecisionAction('Check if the port is free')).toBe(true);
    expect(isDecisionAction('verify the signature')).toBe(true);
    expect(isDecisionAction('Run the tests when the build passes')).toBe(true);
    expect(isDecisionAction('Ensure the cache is warm')).toBe(true);
    expect(isDecisionAction('Validate input')).toBe(true);
    expect(isDecisionAction('Decide between retry and abort')).toBe(true);
    expect(isDecisionAction('determine the root cause')).toBe(true);
    // "if" inside "notify", "check" inside "checkout", decide not at the start, "verification" ≠ "verify"
    expect(isDecisionAction('Notify the user')).toBe(false);
    expect(isDecisionAction('git checkout main')).toBe(false);
    expect(isDecisionAction('We decide later')).toBe(false);
    expect(isDecisionAction('Read the verification docs')).toBe(false);
  });

  it('uses the step result as the outcome', () => {
    const found = decisions({
      steps: [ok('shell', 'Check if port 8080 is free'), failed('validator', 'bad', 'Validate the schema')],
      outcome: SUCCESS,
    });
    expect(found.map((contribution) => [contribution.content, contribution.successes])).toEqual([
      [{ type: 'decision_point', condition: 'Check if port 8080 is free', action: 'Use shell' }, 1],
      [{ type: 'decision_point', condition: 'Validate the schema', action: 'Use validator' }, 0],
    ]);
  });

  it('falls back to the episode outcome for a step logged without a result', () => {
    const found = decisions({
      steps: [{ tool: 'shell', action: 'Check the disk' }],
      outcome: { type: 'partial_success', completed: ['a'], failed: ['b'] },
    });
    expect(found[0]?.successes).toBe(0.5);
  });

  it('merges the same decision with different numbers into one contribution per episode', () => {
    const found = decisions({
      steps: [ok('shell', 'Check if port 8080 is free'), failed('shell', 'x', 'Check if port 3000 is free')],
      outcome: SUCCESS,
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.occurrences).toBe(1);
    expect(found[0]?.successes).toBe(0.5); // mean of 1 and 0
  });
});
