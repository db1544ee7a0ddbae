import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReward } from '../../src/learning/reward.js';
import { buildEpisode, failed, ok, type StepSpec } from './episodes.js';

const E_HALF = Math.exp(-0.5); // 0.6065306597

function repeat(count: number, step: (index: number) => StepSpec): StepSpec[] {
  return Array.from({ length: count }, (_, index) => step(index));
}

describe('computeReward', () => {
  it('scores a clean success', () => {
    // 10 successful steps with 2 tools, 60 s, simple, no artifacts.
    // d = s = 0.5 + e^(−0.5) = 1.1065306597 → efficiency 1.1065306597
    // quality: error rate 0 → 1 + 0.1 = 1.1; learning: success 10/10 > 0.9 with ≥ 5 steps → 0.2
    // total = 1 × 1.1065306597 × 1.0 × 1.1 + 0.2 = 1.4171837257
    const reward = computeReward(
      buildEpisode({
        steps: repeat(10, (index) => ok(index % 2 === 0 ? 'read_file' : 'edit_file')),
        outcome: { type: 'success', verdict: 'done' },
        seconds: 60,
      }),
    );
    expect(reward.base).toBe(1);
    expect(reward.abstention).toBe(0);
    expect(reward.efficiency).toBeCloseTo(0.5 + E_HALF, 10);
    expect(reward.complexityBonus).toBe(1);
    expect(reward.qualityMultiplier).toBeCloseTo(1.1, 10);
    expect(reward.learningBonus).toBeCloseTo(0.2, 10);
    expect(reward.total).toBeCloseTo(1.4171837257, 8);
  });

  it('scores a partial success by the share of completed subtasks', () => {
    // base = 2/3. d = 0.5 + e^(−0.25) = 1.2788007831; s = 0.5 + e^(−0.2) = 1.3187307531
    // efficiency = (1.2788007831 + 1.3187307531) / 2 = 1.2987657681; moderate → 1.1
    // quality: error rate 1/4 = 0.25 > 0.1 → 0.9
    // learning: 4 steps with 4 tools → 0.1; recovery (b fails, c succeeds) → 0.15; 30 s is not < 30 → 0.25
    // total = 2/3 × 1.2987657681 × 1.1 × 0.9 + 0.25 = 1.1071854069
    const reward = computeReward(
      buildEpisode({
        steps: [ok('a'), failed('b', 'boom'), ok('c'), ok('d')],
        outcome: { type: 'partial_success', completed: ['x', 'y'], failed: ['z'] },
        seconds: 30,
        context: { domain: 'web-api', complexity: 'moderate' },
      }),
    );
    expect(reward.base).toBeCloseTo(2 / 3, 10);
    expect(reward.efficiency).toBeCloseTo(1.2987657681, 9);
    expect(reward.complexityBonus).toBe(1.1);
    expect(reward.qualityMultiplier).toBeCloseTo(0.9, 10);
    expect(reward.learningBonus).toBeCloseTo(0.25, 10);
    expect(reward.total).toBeCloseTo(1.1071854069, 8);
  });

  it('gives a partial success without subtasks a base of 0.5', () => {
    const reward = computeReward(buildEpisode({ outcome: { type: 'partial_success' } }));
    expect(reward.base).toBe(0.5);
  });

  it('penalises a long failure but never goes below zero', () => {
    // 12 steps (> 10) failing → abstention −0.2; max(0, 0 − 0.2) = 0, so only the learning bonus remains:
    // 12 steps with 2 tools → 0; success 6/12; recovery (x fails, y succeeds) → 0.15; 600 s → 0. total = 0.15
    const reward = computeReward(
      buildEpisode({
        steps: repeat(12, (index) => (index % 2 === 0 ? failed('x', 'no') : ok('y'))),
        outcome: { type: 'failure', reason: 'gave up' },
        seconds: 600,
        context: { domain: 'web-api', complexity: 'complex' },
      }),
    );
    expect(reward.base).toBe(0);
    expect(reward.abstention).toBe(-0.2);
    expect(reward.complexityBonus).toBe(1.2);
    expect(reward.total).toBeCloseTo(0.15, 10);
  });

  it('rewards an early abstention', () => {
    // base 0.3 + abstention 0.5 (stopped at step 2 ≤ 3) = 0.8
    // d = 0.5 + e^(−1/12) = 1.4200444146; s = 0.5 + e^(−0.1) = 1.4048374180 → efficiency 1.4124409163
    // quality: error rate 1/2 > 0.3 → 0.8; learning: 2 steps (no tool bonus), no recovery, 10 s < 30 → 0.1
    // total = 0.8 × 1.4124409163 × 1.0 × 0.8 + 0.1 = 1.0039621864
    const reward = computeReward(
      buildEpisode({
        steps: [ok('search'), failed('book', 'not available')],
        outcome: { type: 'abstained', reason: 'no flights', stoppedAtStep: 2 },
        seconds: 10,
      }),
    );
    expect(reward.base).toBe(0.3);
    expect(reward.abstention).toBe(0.5);
    expect(reward.efficiency).toBeCloseTo(1.4124409163, 9);
    expect(reward.qualityMultiplier).toBeCloseTo(0.8, 10);
    expect(reward.learningBonus).toBeCloseTo(0.1, 10);
    expect(reward.total).toBeCloseTo(1.0039621864, 8);
  });

  it('interpolates the abstention between step 3 and step 10, and penalises late abstention', () => {
    const at = (stoppedAtStep: number) =>
      computeReward(buildEpisode({ outcome: { type: 'abstained', reason: 'r', stoppedAtStep } }));
    // 0.5 − 0.8 × (5 − 3) / 7 = 0.2714285714
    expect(at(5).abstention).toBeCloseTo(0.2714285714, 9);
    expect(at(3).abstention).toBe(0.5);
    expect(at(10).abstention).toBe(-0.3);
    // base 0.3 − 0.3 = 0: nothing but the learning bonus (no steps → 0)
    expect(at(12).total).toBe(0);
  });

  it('adds the artifact and coverage quality bonuses of a success', () => {
    // 1 + 0.1 (test artifact) + 0.05 (≥ 3 artifacts) + 0.15 (coverage 85 > 80) + 0.1 (no failed steps) = 1.4
    const reward = computeReward(
      buildEpisode({
        steps: [ok('edit')],
        outcome: { type: 'success', artifacts: ['src/a.ts', 'test/a.test.ts', 'README.md'] },
        metadata: { test_coverage: '85' },
      }),
    );
    expect(reward.qualityMultiplier).toBeCloseTo(1.4, 10);
    // coverage 70 → +0.1 instead of +0.15; a failed outcome gets no artifact bonus
    const medium = computeReward(
      buildEpisode({ steps: [ok('edit')], outcome: { type: 'success' }, metadata: { test_coverage: '70%' } }),
    );
    expect(medium.qualityMultiplier).toBeCloseTo(1.2, 10);
  });

  it('keeps efficiency within [0.5, 1.5]', () => {
    // 0 s and 0 steps: d = s = 0.5 + e^0 = 1.5, the cap
    expect(computeReward(buildEpisode({ outcome: { type: 'success' }, seconds: 0 })).efficiency).toBe(1.5);
    // 1,000 steps over a day: d, s → 0.5 + ε
    const slow = computeReward(
      buildEpisode({ steps: repeat(1_000, () => ok('x')), outcome: { type: 'success' }, seconds: 86_400 }),
    );
    expect(slow.efficiency).toBeGreaterThanOrEqual(0.5);
    expect(slow.efficiency).toBeLessThan(0.501);
  });

  it('caps the learning bonus at 0.5', () => {
    // 11 steps, 5 distinct tools → 0.15; 10/11 > 0.9 → 0.2; recovery → 0.15; sum 0.5 (the cap)
    const tools = ['a', 'b', 'c', 'd', 'e'];
    const steps = [failed('a', 'x'), ...repeat(10, (index) => ok(tools[index % 5]!))];
    const reward = computeReward(buildEpisode({ steps, outcome: { type: 'success' }, seconds: 5 }));
    expect(reward.learningBonus).toBe(0.5);
  });

  it('treats the duration of an open episode as neutral', () => {
    // d = 1 (unknown duration); s = 0.5 + e^0 = 1.5 → efficiency 1.25; no outcome → base 0
    const reward = computeReward(buildEpisode({}));
    expect(reward.efficiency).toBe(1.25);
    expect(reward.total).toBe(0);
  });

  it('is finite, non-negative and within its part bounds for any episode', () => {
    const step = fc.record({
      tool: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      kind: fc.constantFrom('success', 'error', 'timeout', 'none'),
      latencyMs: fc.nat({ max: 100_000 }),
    });
    const outcome = fc.oneof(
      fc.record({
        type: fc.constant('success' as const),
        artifacts: fc.array(fc.string(), { maxLength: 5 }),
      }),
      fc.record({
        type: fc.constant('partial_success' as const),
        completed: fc.array(fc.string(), { maxLength: 4 }),
        failed: fc.array(fc.string(), { maxLength: 4 }),
      }),
      fc.record({ type: fc.constant('failure' as const), reason: fc.string() }),
      fc.record({ type: fc.constant('abstained' as const), stoppedAtStep: fc.nat({ max: 30 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        outcome,
        fc.nat({ max: 100_000 }),
        fc.constantFrom('simple', 'moderate', 'complex'),
        fc.option(fc.integer({ min: -10, max: 200 }).map(String), { nil: undefined }),
        (steps, taskOutcome, seconds, complexity, coverage) => {
          const reward = computeReward(
            buildEpisode({
              steps: steps.map(({ tool, kind, latencyMs }) => ({
                tool,
                action: `use ${tool}`,
                latencyMs,
                ...(kind === 'none'
                  ? {}
                  : { result: kind === 'error' ? { type: 'error', message: 'm' } : { type: kind } }),
              })),
              outcome: taskOutcome,
              seconds,
              context: { domain: 'd', complexity },
              ...(coverage === undefined ? {} : { metadata: { test_coverage: coverage } }),
            }),
          );
          expect(Number.isFinite(reward.total)).toBe(true);
          expect(reward.total).toBeGreaterThanOrEqual(0);
          expect(reward.efficiency).toBeGreaterThanOrEqual(0.5);
          expect(reward.efficiency).toBeLessThanOrEqual(1.5);
          expect(reward.qualityMultiplier).toBeGreaterThanOrEqual(0.5);
          expect(reward.qualityMultiplier).toBeLessThanOrEqual(1.5);
          expect(reward.learningBonus).toBeGreaterThanOrEqual(0);
          expect(reward.learningBonus).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });
});
