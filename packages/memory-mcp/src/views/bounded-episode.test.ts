import type { Episode, ExecutionStep } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { boundedEpisode } from './bounded-episode.js';

function step(stepNumber: number, overrides: Partial<ExecutionStep> = {}): ExecutionStep {
  return {
    stepNumber,
    at: '2026-01-01T00:00:00.000Z',
    tool: 'bash',
    action: `step ${stepNumber}`,
    parameters: {},
    latencyMs: 0,
    metadata: {},
    ...overrides,
  };
}

function episode(steps: ExecutionStep[]): Episode {
  return {
    schemaVersion: 1,
    id: '01a21393-5237-735a-a6bc-163e8aa4144a',
    namespace: 'default',
    taskType: 'debugging',
    taskDescription: 'fix the flaky test',
    context: { domain: 'cli', complexity: 'moderate', tags: [] },
    startedAt: '2026-01-01T00:00:00.000Z',
    steps,
    patternIds: [],
    heuristicIds: [],
    labels: [],
    metadata: {},
    checkpoints: [],
    version: 1,
  };
}

describe('boundedEpisode', () => {
  it('returns a short episode unchanged, without a note', () => {
    const small = episode([step(1), step(2)]);
    expect(boundedEpisode(small)).toEqual({ episode: small, stepsOmitted: 0, note: null });
  });

  it('keeps the latest steps of a long episode and says how many were left out', () => {
    const long = episode(Array.from({ length: 70 }, (_, index) => step(index + 1)));
    const bounded = boundedEpisode(long, 50);
    expect(bounded.episode.steps.map((kept) => kept.stepNumber)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 21),
    );
    expect(bounded.stepsOmitted).toBe(20);
    expect(bounded.note).toContain('showing the last 50 of 70 steps');
  });

  it('shortens huge step texts and parameters', () => {
    const huge = episode([
      step(1, {
        action: 'a'.repeat(5_000),
        parameters: { file: 'x'.repeat(10_000) },
        result: { type: 'error', message: 'm'.repeat(5_000) },
      }),
    ]);
    const bounded = boundedEpisode(huge);
    expect(JSON.stringify(bounded).length).toBeLessThan(8_000);
    expect(bounded.episode.steps[0]?.parameters).toMatchObject({ truncated: true });
    expect(bounded.note).toContain('1 long steps were shortened');
  });
});
