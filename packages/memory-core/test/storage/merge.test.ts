import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeuristicContribution } from '../../src/domain/heuristic.js';
import type { Pattern, PatternContribution } from '../../src/domain/pattern.js';
import { wilsonLowerBound } from '../../src/learning/wilson.js';
import {
  applyPatternUsage,
  mergeHeuristicContribution,
  mergePatternContribution,
  PATTERN_SOURCE_EPISODE_LIMIT,
} from '../../src/storage/merge.js';

let counter = 0;
function id(): string {
  counter++;
  return `00000000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

function contribution(overrides: Partial<PatternContribution> = {}): PatternContribution {
  return {
    newId: id(),
    namespace: 'default',
    similarityKey: 'tool_sequence|a>b|web',
    content: { type: 'tool_sequence', tools: ['a', 'b'] },
    context: { domain: 'web', tags: ['x'] },
    occurrences: 1,
    successes: 1,
    latencyMs: 100,
    episodeId: id(),
    at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function heuristic(overrides: Partial<HeuristicContribution> = {}): HeuristicContribution {
  return {
    newId: id(),
    namespace: 'default',
    key: 'web|check|edit',
    condition: 'In web, check',
    action: 'Use edit',
    domain: 'web',
    success: 1,
    episodeId: id(),
    at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function fold(contributions: readonly PatternContribution[]): Pattern {
  let pattern: Pattern | undefined;
  for (const next of contributions) pattern = mergePatternContribution(pattern, next);
  return pattern!;
}

describe('mergePatternContribution', () => {
  it('creates a pattern from the first contribution', () => {
    const first = contribution({ successes: 0.5, latencyMs: 80 });
    expect(mergePatternContribution(undefined, first)).toEqual({
      schemaVersion: 1,
      type: 'tool_sequence',
      id: first.newId,
      namespace: 'default',
      similarityKey: first.similarityKey,
      context: { domain: 'web', tags: ['x'] },
      tools: ['a', 'b'],
      avgLatencyMs: 80,
      stats: { occurrences: 1, successes: 0.5, failures: 0.5 },
      effectiveness: {
        timesRetrieved: 0,
        timesApplied: 0,
        successWhenApplied: 0,
        failureWhenApplied: 0,
        avgRewardDelta: 0,
      },
      sourceEpisodeIds: [first.episodeId],
      createdAt: first.at,
      updatedAt: first.at,
    });
  });

  it('creates each variant with its own content and no latency outside tool sequences', () => {
    const recovery = mergePatternContribution(
      undefined,
      contribution({
        content: { type: 'error_recovery', errorType: 'E', recoverySteps: ['retry'] },
        context: undefined,
      }),
    );
    expect(recovery).toMatchObject({ type: 'error_recovery', errorType: 'E', recoverySteps: ['retry'] });
    expect(recovery).not.toHaveProperty('avgLatencyMs');
    expect(recovery).not.toHaveProperty('context');
  });

  it('adds counts, weights latency by occurrences and keeps the later update time', () => {
    const merged = fold([
      contribution({ latencyMs: 100, at: '2025-01-02T00:00:00.000Z' }),
      contribution({ latencyMs: 400, occurrences: 3, successes: 1, at: '2025-01-03T00:00:00.000+01:00' }),
      contribution({ latencyMs: 0, successes: 0, at: '2025-01-01T00:00:00.000Z' }),
    ]);
    expect(merged.stats).toEqual({ occurrences: 5, successes: 2, failures: 3 });
    expect(merged.type === 'tool_sequence' && merged.avgLatencyMs).toBeCloseTo((100 + 1200 + 0) / 5, 10);
    expect(merged.createdAt).toBe('2025-01-02T00:00:00.000Z');
    expect(merged.updatedAt).toBe('2025-01-03T00:00:00.000+01:00');
  });

  it('returns the same pattern for an episode it already counts, and never mutates its input', () => {
    const first = contribution();
    const created = mergePatternContribution(undefined, first);
    const frozen = structuredClone(created);
    expect(mergePatternContribution(created, contribution({ episodeId: first.episodeId }))).toBe(created);
    mergePatternContribution(created, contribution());
    expect(created).toEqual(frozen);
  });

  it('keeps the newest source episode ids up to the bound', () => {
    const contributions = Array.from({ length: PATTERN_SOURCE_EPISODE_LIMIT + 7 }, () => contribution());
    const merged = fold(contributions);
    expect(merged.sourceEpisodeIds).toEqual(contributions.slice(7).map((c) => c.episodeId));
    expect(merged.stats.occurrences).toBe(PATTERN_SOURCE_EPISODE_LIMIT + 7);
  });

  it('adds up whatever the order, and replaying counted episodes changes nothing (property)', () => {
    const arbitraryContribution = fc.record({
      occurrences: fc.integer({ min: 1, max: 4 }),
      successRate: fc.double({ min: 0, max: 1, noNaN: true }),
      latencyMs: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryContribution, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (specs, seed) => {
          const contributions = specs.map((spec) =>
            contribution({
              occurrences: spec.occurrences,
              successes: spec.occurrences * spec.successRate,
              latencyMs: spec.latencyMs,
            }),
          );
          const merged = fold(contributions);
          const occurrences = specs.reduce((sum, spec) => sum + spec.occurrences, 0);
          const successes = contributions.reduce((sum, c) => sum + c.successes, 0);
          expect(merged.stats.occurrences).toBe(occurrences);
          expect(merged.stats.successes).toBeCloseTo(successes, 9);
          expect(merged.stats.failures).toBeCloseTo(occurrences - successes, 9);
          const weighted =
            contributions.reduce((sum, c) => sum + c.latencyMs * c.occurrences, 0) / occurrences;
          expect(merged.type === 'tool_sequence' && merged.avgLatencyMs).toBeCloseTo(weighted, 6);
          const rotated = [
            ...contributions.slice(seed % contributions.length),
            ...contributions.slice(0, seed % contributions.length),
          ];
          expect(fold(rotated).stats.occurrences).toBe(occurrences);
          const replayed = contributions.reduce((pattern, c) => mergePatternContribution(pattern, c), merged);
          expect(replayed.stats).toEqual(merged.stats);
        },
      ),
    );
  });
});

describe('mergeHeuristicContribution', () => {
  it('accumulates evidence once per episode and recomputes the Wilson confidence', () => {
    const first = heuristic({ success: 1 });
    let stored = mergeHeuristicContribution(undefined, first);
    expect(stored.evidence).toEqual({ episodeIds: [first.episodeId], successes: 1, total: 1 });
    expect(stored.confidence).toBe(wilsonLowerBound(1, 1));
    stored = mergeHeuristicContribution(stored, heuristic({ success: 0 }));
    stored = mergeHeuristicContribution(stored, heuristic({ success: 0.5 }));
    expect(mergeHeuristicContribution(stored, heuristic({ episodeId: first.episodeId, success: 0 }))).toBe(
      stored,
    );
    expect(stored.evidence.successes).toBe(1.5);
    expect(stored.evidence.total).toBe(3);
    expect(stored.confidence).toBe(wilsonLowerBound(1.5, 3));
    expect(stored.id).toBe(first.newId);
  });
});

describe('applyPatternUsage', () => {
  it('adds counters, averages reward deltas over applications and stamps lastUsedAt', () => {
    let pattern = mergePatternContribution(undefined, contribution());
    pattern = applyPatternUsage(pattern, {
      patternId: pattern.id,
      retrieved: 3,
      at: '2025-02-01T00:00:00.000Z',
    });
    pattern = applyPatternUsage(pattern, {
      patternId: pattern.id,
      applied: 2,
      succeeded: 1.5,
      failed: 0.5,
      rewardDelta: 0.3,
      at: '2025-02-02T00:00:00.000Z',
    });
    pattern = applyPatternUsage(pattern, {
      patternId: pattern.id,
      applied: 1,
      succeeded: 0,
      failed: 1,
      rewardDelta: -0.6,
      at: '2025-02-03T00:00:00.000Z',
    });
    // A delta without an application does not move the mean.
    pattern = applyPatternUsage(pattern, {
      patternId: pattern.id,
      rewardDelta: 5,
      at: '2025-02-04T00:00:00.000Z',
    });
    expect(pattern.effectiveness).toEqual({
      timesRetrieved: 3,
      timesApplied: 3,
      successWhenApplied: 1.5,
      failureWhenApplied: 1.5,
      avgRewardDelta: expect.closeTo((0.3 * 2 - 0.6) / 3, 12),
      lastUsedAt: '2025-02-04T00:00:00.000Z',
    });
  });
});
