import { wilsonLowerBound } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { episode, heuristicContribution, NS, patternContribution, step } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('concurrent writers in one process', () => {
  it('count parallel upserts exactly and stay idempotent per episode', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    const contributions = Array.from({ length: 300 }, (_, index) =>
      patternContribution({ successes: index % 3 === 0 ? 1 : 0, latencyMs: 30 }),
    );
    // Every contribution twice in a row, concurrently: the repeat must not count. (Idempotency is against the
    // newest 50 source episodes that a pattern keeps, as in memory-core's merge rules.)
    await Promise.all(
      contributions
        .flatMap((contribution) => [contribution, contribution])
        .map((c) => storage.upsertPatterns([c])),
    );
    await Promise.all(Array.from({ length: 120 }, () => storage.upsertHeuristics([heuristicContribution()])));
    const [pattern] = (await storage.listPatterns(NS, {})).items;
    expect(pattern?.stats).toEqual({ occurrences: 300, successes: 100, failures: 200 });
    expect(pattern?.sourceEpisodeIds).toHaveLength(50);
    expect(pattern?.type === 'tool_sequence' && pattern.avgLatencyMs).toBeCloseTo(30, 9);
    const [heuristic] = (await storage.listHeuristics(NS, {})).items;
    expect(heuristic?.evidence.total).toBe(120);
    expect(heuristic?.confidence).toBeCloseTo(wilsonLowerBound(120, 120), 12);
  });

  it('interleave appends, updates and completions without losing or reordering a step', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    const episodes = Array.from({ length: 16 }, () => episode());
    await Promise.all(episodes.map((record) => storage.insertEpisode(record)));
    await Promise.all(
      episodes.flatMap((record) =>
        Array.from({ length: 20 }, (_, index) => storage.appendSteps(NS, record.id, [step(20 - index)])),
      ),
    );
    const updates = await Promise.allSettled(
      episodes.map((record) => storage.updateEpisode({ ...record, labels: ['touched'] }, 1)),
    );
    expect(updates.every((result) => result.status === 'fulfilled')).toBe(true);
    for (const record of episodes) {
      const stored = await storage.getEpisode(NS, record.id);
      expect(stored?.steps.map((stored) => stored.stepNumber)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(stored?.version).toBe(2);
    }
    expect((await storage.stats(NS)).steps).toBe(16 * 20);
  });
});
