import { describe, expect, it } from 'vitest';
import {
  EMPTY_EFFECTIVENESS,
  type Pattern,
  type PatternEffectiveness,
  PatternSchema,
} from '../../src/domain/pattern.js';
import { isDemoted, patternEffectiveness, recencyFactor } from '../../src/learning/effectiveness.js';
import { episodeId } from './episodes.js';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2025-03-01T00:00:00.000Z');

function used(timesApplied: number, successWhenApplied: number, avgRewardDelta = 0): PatternEffectiveness {
  return {
    ...EMPTY_EFFECTIVENESS,
    timesApplied,
    successWhenApplied,
    failureWhenApplied: timesApplied - successWhenApplied,
    avgRewardDelta,
  };
}

function patternWith(effectiveness: PatternEffectiveness): Pattern {
  return PatternSchema.parse({
    type: 'tool_sequence',
    tools: ['a', 'b'],
    avgLatencyMs: 0,
    id: episodeId(1),
    namespace: 'team-a',
    similarityKey: 'tool_sequence|web-api|a>b',
    stats: { occurrences: 1, successes: 1, failures: 0 },
    effectiveness,
    sourceEpisodeIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
}

describe('patternEffectiveness', () => {
  it('is neutral (0.5) for a pattern never applied', () => {
    expect(patternEffectiveness(EMPTY_EFFECTIVENESS)).toBe(0.5);
  });

  it('follows rate × (1 + min(ln applied, 3)/3) × max(0, 1 + delta)', () => {
    // 1 application, 1 success: 1 × (1 + ln 1 / 3) × 1 = 1
    expect(patternEffectiveness(used(1, 1))).toBe(1);
    // 20 applied, 15 succeeded, delta 0.2: 0.75 × (1 + 2.9957322736/3) × 1.2 = 1.7987194
    expect(patternEffectiveness(used(20, 15, 0.2))).toBeCloseTo(0.75 * (1 + Math.log(20) / 3) * 1.2, 12);
    expect(patternEffectiveness(used(20, 15, 0.2))).toBeCloseTo(1.7987194, 6);
    // 100 applied: ln 100 = 4.6 → capped at 3 → factor 2; 0.5 × 2 × (1 − 0.5) = 0.5
    expect(patternEffectiveness(used(100, 50, -0.5))).toBeCloseTo(0.5, 12);
    // a reward delta of −2 zeroes it
    expect(patternEffectiveness(used(10, 10, -2))).toBe(0);
  });
});

describe('recencyFactor', () => {
  const ago = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

  it('halves every half-life', () => {
    expect(recencyFactor(ago(30), NOW, 30)).toBeCloseTo(0.5, 12);
    expect(recencyFactor(ago(60), NOW, 30)).toBeCloseTo(0.25, 12);
    expect(recencyFactor(ago(0), NOW, 30)).toBe(1);
  });

  it('treats future dates as fresh, unknown ones as neutral, and stays above zero', () => {
    expect(recencyFactor(ago(-5), NOW, 30)).toBe(1);
    expect(recencyFactor(undefined, NOW, 30)).toBe(0.5);
    expect(recencyFactor('not a date', NOW, 30)).toBe(0.5);
    expect(recencyFactor(ago(100_000), NOW, 30)).toBeGreaterThan(0);
  });
});

describe('isDemoted', () => {
  it('demotes only after five applications below the threshold', () => {
    // 5 applied, 1 succeeded: 0.2 × (1 + ln 5 / 3) = 0.2 × 1.5364793 = 0.3072959 ≥ 0.3
    expect(isDemoted(patternWith(used(5, 1)), 0.3)).toBe(false);
    expect(isDemoted(patternWith(used(5, 0)), 0.3)).toBe(true);
    expect(isDemoted(patternWith(used(4, 0)), 0.3)).toBe(false);
    expect(isDemoted(patternWith(EMPTY_EFFECTIVENESS), 0.3)).toBe(false);
  });
});
