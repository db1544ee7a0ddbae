import { describe, expect, it } from 'vitest';
import {
  EMPTY_EFFECTIVENESS,
  type Pattern,
  type PatternContent,
  type PatternContext,
  type PatternContribution,
  PatternSchema,
} from '../../src/domain/pattern.js';
import {
  findNearDuplicate,
  patternSimilarity,
  patternSimilarityKey,
} from '../../src/learning/patterns/index.js';
import { episodeId } from './episodes.js';

const CONTEXT: PatternContext = { domain: 'web-api', language: 'typescript', tags: [] };
const AT = '2025-01-01T00:00:00.000Z';

function pattern(index: number, content: PatternContent, context: PatternContext = CONTEXT): Pattern {
  return PatternSchema.parse({
    ...content,
    ...(content.type === 'tool_sequence' ? { avgLatencyMs: 0 } : {}),
    id: episodeId(index),
    namespace: 'team-a',
    similarityKey: patternSimilarityKey(content, context.domain),
    context,
    stats: { occurrences: 1, successes: 1, failures: 0 },
    effectiveness: EMPTY_EFFECTIVENESS,
    sourceEpisodeIds: [episodeId(900 + index)],
    createdAt: AT,
    updatedAt: AT,
  });
}

function contribution(content: PatternContent, context: PatternContext = CONTEXT): PatternContribution {
  return {
    newId: episodeId(500),
    namespace: 'team-a',
    similarityKey: patternSimilarityKey(content, context.domain),
    content,
    context,
    occurrences: 1,
    successes: 1,
    latencyMs: 0,
    episodeId: episodeId(600),
    at: AT,
  };
}

const decision = (condition: string, action = 'Use shell'): PatternContent => ({
  type: 'decision_point',
  condition,
  action,
});
const sequence = (...tools: string[]): PatternContent => ({ type: 'tool_sequence', tools });

describe('near-duplicate patterns', () => {
  it('scores decision points by the original weights (0.4 condition, 0.4 action, 0.2 context)', () => {
    // "check if port <n> is free" (25 chars) vs "check if the port <n> is free" (29): distance 4 → 25/29
    // 0.4 × 25/29 + 0.4 × 1 + 0.2 × 1 = 0.9448275862
    const score = patternSimilarity(
      decision('Check if port 8080 is free'),
      CONTEXT,
      pattern(1, decision('Check if the port 3000 is free')),
    );
    expect(score).toBeCloseTo(0.9448275862, 9);
  });

  it('scores tool sequences as 0.7 sequence + 0.3 context', () => {
    // one tool in five differs: 0.7 × 0.8 + 0.3 × 1 = 0.86
    expect(
      patternSimilarity(
        sequence('a', 'b', 'c', 'd', 'e'),
        CONTEXT,
        pattern(1, sequence('a', 'b', 'c', 'd', 'f')),
      ),
    ).toBeCloseTo(0.86, 10);
    // different language: context 0.4 (domain) + 0 + 0.3 (no tags on either) = 0.7 → 0.7 × 1 + 0.3 × 0.7 = 0.91
    const python = { ...CONTEXT, language: 'python' };
    expect(
      patternSimilarity(sequence('a', 'b'), CONTEXT, pattern(1, sequence('a', 'b'), python)),
    ).toBeCloseTo(0.91, 10);
  });

  it('finds the most similar candidate at or above the threshold', () => {
    const candidates = [
      pattern(1, sequence('a', 'b', 'c', 'd')),
      pattern(2, decision('Validate the JSON schema')),
      pattern(3, decision('Check if the port 3000 is free')),
      pattern(4, decision('Check if the port 3000 is busy')),
    ];
    expect(
      findNearDuplicate(contribution(decision('Check if port 8080 is free')), candidates, 0.85)?.id,
    ).toBe(episodeId(3));
    expect(
      findNearDuplicate(contribution(decision('Deploy if the build is green')), candidates, 0.85),
    ).toBeUndefined();
  });

  it('does not merge tool sequences that differ in one of four tools', () => {
    // 0.7 × 0.75 + 0.3 = 0.825 < 0.85
    const candidates = [pattern(1, sequence('a', 'b', 'c', 'd'))];
    expect(findNearDuplicate(contribution(sequence('a', 'b', 'c', 'e')), candidates, 0.85)).toBeUndefined();
    expect(findNearDuplicate(contribution(sequence('a', 'b', 'c', 'd')), candidates, 0.85)?.id).toBe(
      episodeId(1),
    );
  });

  it('never matches a candidate of another type', () => {
    const candidates = [pattern(1, sequence('shell', 'edit'))];
    expect(findNearDuplicate(contribution(decision('Use shell')), candidates, 0)).toBeUndefined();
  });

  it('merges error recoveries whose classes differ slightly', () => {
    // classes "connection refused by <path>" vs "connection refused by host <path>": 1 − 5/33 = 0.8485
    // 0.4 × 0.8485 + 0.4 × 1 (same recovery) + 0.2 × 1 = 0.9394
    const recovery = (errorType: string): PatternContent => ({
      type: 'error_recovery',
      errorType,
      recoverySteps: ['retry'],
    });
    const candidates = [pattern(1, recovery('connection refused by host <path>'))];
    const found = findNearDuplicate(contribution(recovery('connection refused by <path>')), candidates, 0.85);
    expect(found?.id).toBe(episodeId(1));
  });
});
