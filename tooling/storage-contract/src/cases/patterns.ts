import type { PatternContribution } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { at, NS, newId, OTHER_NS, patternContribution } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function patternCases(harness: Harness): void {
  describe('upsertPatterns', () => {
    it('creates a pattern from a first contribution with empty effectiveness', async () => {
      const storage = harness.storage();
      const contribution = patternContribution({ successes: 1, latencyMs: 120 });
      const [created] = await storage.upsertPatterns([contribution]);
      const expected = {
        schemaVersion: 1,
        type: 'tool_sequence',
        id: contribution.newId,
        namespace: NS,
        similarityKey: contribution.similarityKey,
        context: contribution.context,
        tools: ['read_file', 'edit_file', 'run_tests'],
        avgLatencyMs: 120,
        stats: { occurrences: 1, successes: 1, failures: 0 },
        effectiveness: {
          timesRetrieved: 0,
          timesApplied: 0,
          successWhenApplied: 0,
          failureWhenApplied: 0,
          avgRewardDelta: 0,
        },
        sourceEpisodeIds: [contribution.episodeId],
        createdAt: contribution.at,
        updatedAt: contribution.at,
      };
      expect(created).toEqual(expected);
      expect(await storage.getPattern(NS, contribution.newId)).toEqual(expected);
    });

    it('merges three contributions with the same key into one pattern: counts add, latency weighted', async () => {
      const storage = harness.storage();
      const contributions = [
        patternContribution({ successes: 1, latencyMs: 100, at: at(1) }),
        patternContribution({ successes: 0, latencyMs: 400, at: at(2) }),
        patternContribution({ successes: 0.5, latencyMs: 100, occurrences: 2, at: at(3) }),
      ];
      const stored = [];
      for (const contribution of contributions)
        stored.push(...(await storage.upsertPatterns([contribution])));
      expect(stored.map((pattern) => pattern.id)).toEqual([
        contributions[0]!.newId,
        contributions[0]!.newId,
        contributions[0]!.newId,
      ]);
      const pattern = await storage.getPattern(NS, contributions[0]!.newId);
      expect(pattern?.stats).toEqual({ occurrences: 4, successes: 1.5, failures: 2.5 });
      expect(pattern?.type === 'tool_sequence' && pattern.avgLatencyMs).toBeCloseTo(
        (100 + 400 + 100 * 2) / 4,
        6,
      );
      expect(pattern?.sourceEpisodeIds).toEqual(contributions.map((contribution) => contribution.episodeId));
      expect(pattern?.createdAt).toBe(at(1));
      expect(pattern?.updatedAt).toBe(at(3));
      expect(await storage.getPattern(NS, contributions[1]!.newId)).toBeNull();
      const listed = await storage.listPatterns(NS, {});
      expect(listed.items).toHaveLength(1);
    });

    it('counts an episode once: contributing the same episode again changes nothing', async () => {
      const storage = harness.storage();
      const episodeId = newId();
      const first = patternContribution({ episodeId });
      await storage.upsertPatterns([first]);
      const [again] = await storage.upsertPatterns([patternContribution({ episodeId, latencyMs: 9_000 })]);
      expect(again?.stats).toEqual({ occurrences: 1, successes: 1, failures: 0 });
      expect(again?.sourceEpisodeIds).toEqual([episodeId]);
      expect(again?.type === 'tool_sequence' && again.avgLatencyMs).toBe(100);
    });

    it('merges contributions within one call in order and returns the stored pattern for each', async () => {
      const storage = harness.storage();
      const contributions = [
        patternContribution(),
        patternContribution(),
        patternContribution({ similarityKey: 'other' }),
      ];
      const stored = await storage.upsertPatterns(contributions);
      expect(stored.map((pattern) => pattern.id)).toEqual([
        contributions[0]!.newId,
        contributions[0]!.newId,
        contributions[2]!.newId,
      ]);
      expect(stored[1]?.stats.occurrences).toBe(2);
    });

    it('loses no update under concurrent upserts', async () => {
      const storage = harness.storage();
      const contributions = Array.from({ length: 20 }, (_, index) =>
        patternContribution({ successes: index % 2, latencyMs: 50 }),
      );
      await Promise.all(contributions.map((contribution) => storage.upsertPatterns([contribution])));
      const listed = await storage.listPatterns(NS, {});
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0]?.stats).toEqual({ occurrences: 20, successes: 10, failures: 10 });
      expect(new Set(listed.items[0]?.sourceEpisodeIds)).toEqual(
        new Set(contributions.map((c) => c.episodeId)),
      );
    });

    it('keeps only the newest 50 source episode ids while counts keep growing', async () => {
      const storage = harness.storage();
      const contributions = Array.from({ length: 55 }, (_, index) => patternContribution({ at: at(index) }));
      for (const contribution of contributions) await storage.upsertPatterns([contribution]);
      const pattern = await storage.getPattern(NS, contributions[0]!.newId);
      expect(pattern?.stats.occurrences).toBe(55);
      expect(pattern?.sourceEpisodeIds).toEqual(
        contributions.slice(5).map((contribution) => contribution.episodeId),
      );
    });

    it('keeps namespaces apart: the same key in two namespaces makes two patterns', async () => {
      const storage = harness.storage();
      const mine = patternContribution();
      const theirs = patternContribution({ namespace: OTHER_NS });
      await storage.upsertPatterns([mine, theirs]);
      expect((await storage.getPattern(NS, mine.newId))?.stats.occurrences).toBe(1);
      expect((await storage.getPattern(OTHER_NS, theirs.newId))?.stats.occurrences).toBe(1);
      expect(await storage.getPattern(OTHER_NS, mine.newId)).toBeNull();
      expect(await storage.getPatterns(NS, [theirs.newId, mine.newId])).toHaveLength(1);
    });

    it('stores every pattern variant with its content', async () => {
      const storage = harness.storage();
      const variants: PatternContribution[] = [
        patternContribution({
          similarityKey: 'decision',
          content: { type: 'decision_point', condition: 'if the cache is cold', action: 'warm it first' },
          latencyMs: 0,
        }),
        patternContribution({
          similarityKey: 'recovery',
          content: {
            type: 'error_recovery',
            errorType: 'TypeError: <value> is undefined',
            recoverySteps: ['a', 'b'],
          },
          latencyMs: 0,
        }),
        patternContribution({
          similarityKey: 'context',
          content: {
            type: 'context_pattern',
            contextFeatures: ['domain:web-api'],
            recommendedApproach: 'use tools: x',
          },
          latencyMs: 0,
        }),
      ];
      await storage.upsertPatterns(variants);
      const read = await storage.getPatterns(
        NS,
        variants.map((variant) => variant.newId),
      );
      expect(read.map((pattern) => pattern.type)).toEqual([
        'decision_point',
        'error_recovery',
        'context_pattern',
      ]);
      expect(read[0]).toMatchObject({ condition: 'if the cache is cold', action: 'warm it first' });
      expect(read[1]).toMatchObject({
        errorType: 'TypeError: <value> is undefined',
        recoverySteps: ['a', 'b'],
      });
      expect(read[2]).toMatchObject({
        contextFeatures: ['domain:web-api'],
        recommendedApproach: 'use tools: x',
      });
      for (const pattern of read) expect(pattern).not.toHaveProperty('avgLatencyMs');
    });
  });

  describe('listPatterns', () => {
    it('orders by occurrences (then id), filters by type, domain and occurrences, and pages', async () => {
      const storage = harness.storage();
      const make = (key: string, times: number, overrides: Partial<PatternContribution> = {}) =>
        Array.from({ length: times }, () => patternContribution({ similarityKey: key, ...overrides }));
      const data = make('data-seq', 1, { context: { domain: 'data', tags: [] } });
      const three = make('three', 3);
      const two = make('two', 2);
      const decision = make('decision', 4, {
        content: { type: 'decision_point', condition: 'when x', action: 'do y' },
      });
      for (const contribution of [...data, ...three, ...two, ...decision])
        await storage.upsertPatterns([contribution]);
      const all = await storage.listPatterns(NS, {});
      expect(all.items.map((pattern) => pattern.similarityKey)).toEqual([
        'decision',
        'three',
        'two',
        'data-seq',
      ]);
      expect(all.nextCursor).toBeNull();
      const keys = async (filter: Parameters<typeof storage.listPatterns>[1]) =>
        (await storage.listPatterns(NS, filter)).items.map((pattern) => pattern.similarityKey);
      expect(await keys({ types: ['tool_sequence'] })).toEqual(['three', 'two', 'data-seq']);
      expect(await keys({ domains: ['data'] })).toEqual(['data-seq']);
      expect(await keys({ minOccurrences: 3 })).toEqual(['decision', 'three']);
      expect(await keys({ types: ['decision_point'], domains: ['data'] })).toEqual([]);
      const first = await storage.listPatterns(NS, {}, { limit: 3 });
      const rest = await storage.listPatterns(NS, {}, { limit: 3, cursor: first.nextCursor });
      expect([...first.items, ...rest.items].map((pattern) => pattern.similarityKey)).toEqual([
        'decision',
        'three',
        'two',
        'data-seq',
      ]);
      expect(rest.nextCursor).toBeNull();
      expect(await storage.listPatterns(OTHER_NS, {})).toEqual({ items: [], nextCursor: null });
    });

    it('breaks occurrence ties by id', async () => {
      const storage = harness.storage();
      const contributions = Array.from({ length: 5 }, (_, index) =>
        patternContribution({ similarityKey: `k${index}` }),
      );
      await storage.upsertPatterns(contributions);
      const listed = await storage.listPatterns(NS, {});
      expect(listed.items.map((pattern) => pattern.id)).toEqual(contributions.map((c) => c.newId).sort());
    });
  });
}
