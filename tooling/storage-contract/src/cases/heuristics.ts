import { wilsonLowerBound } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { at, heuristicContribution, NS, newId, OTHER_NS } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function heuristicCases(harness: Harness): void {
  describe('upsertHeuristics', () => {
    it('creates a heuristic whose confidence is the Wilson lower bound of its evidence', async () => {
      const storage = harness.storage();
      const contribution = heuristicContribution({ success: 1 });
      const [created] = await storage.upsertHeuristics([contribution]);
      expect(created).toEqual({
        schemaVersion: 1,
        id: contribution.newId,
        namespace: NS,
        key: contribution.key,
        condition: contribution.condition,
        action: contribution.action,
        domain: 'web-api',
        evidence: { episodeIds: [contribution.episodeId], successes: 1, total: 1 },
        confidence: expect.closeTo(wilsonLowerBound(1, 1), 9),
        createdAt: contribution.at,
        updatedAt: contribution.at,
      });
    });

    it('accumulates evidence across episodes by key and recomputes confidence', async () => {
      const storage = harness.storage();
      const contributions = [
        heuristicContribution({ success: 1, at: at(1) }),
        heuristicContribution({ success: 1, at: at(2) }),
        heuristicContribution({ success: 0, at: at(3) }),
        heuristicContribution({ success: 0.5, at: at(4) }),
      ];
      for (const contribution of contributions) await storage.upsertHeuristics([contribution]);
      const [stored] = await storage.getHeuristics(NS, [contributions[0]!.newId]);
      expect(stored?.evidence).toEqual({
        episodeIds: contributions.map((contribution) => contribution.episodeId),
        successes: 2.5,
        total: 4,
      });
      expect(stored?.confidence).toBeCloseTo(wilsonLowerBound(2.5, 4), 9);
      expect(stored?.updatedAt).toBe(at(4));
      expect(await storage.getHeuristics(NS, [contributions[1]!.newId])).toEqual([]);
    });

    it('counts an episode once and loses nothing under concurrent upserts', async () => {
      const storage = harness.storage();
      const episodeId = newId();
      await storage.upsertHeuristics([heuristicContribution({ episodeId })]);
      const [again] = await storage.upsertHeuristics([heuristicContribution({ episodeId, success: 0 })]);
      expect(again?.evidence.total).toBe(1);
      expect(again?.evidence.successes).toBe(1);
      await Promise.all(
        Array.from({ length: 10 }, () => storage.upsertHeuristics([heuristicContribution()])),
      );
      const listed = await storage.listHeuristics(NS, {});
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0]?.evidence.total).toBe(11);
      expect(listed.items[0]?.confidence).toBeCloseTo(wilsonLowerBound(11, 11), 9);
    });

    it('keeps the newest 50 evidence ids', async () => {
      const storage = harness.storage();
      const contributions = Array.from({ length: 53 }, () => heuristicContribution());
      for (const contribution of contributions) await storage.upsertHeuristics([contribution]);
      const [stored] = await storage.getHeuristics(NS, [contributions[0]!.newId]);
      expect(stored?.evidence.total).toBe(53);
      expect(stored?.evidence.episodeIds).toEqual(
        contributions.slice(3).map((contribution) => contribution.episodeId),
      );
    });
  });

  describe('listHeuristics', () => {
    it('orders by confidence and filters by domain, confidence and evidence', async () => {
      const storage = harness.storage();
      const strong = Array.from({ length: 6 }, () => heuristicContribution({ key: 'strong', success: 1 }));
      const mixed = [1, 0, 1].map((success) => heuristicContribution({ key: 'mixed', success }));
      const data = [heuristicContribution({ key: 'data', domain: 'data', success: 1 })];
      for (const contribution of [...strong, ...mixed, ...data])
        await storage.upsertHeuristics([contribution]);
      await storage.upsertHeuristics([heuristicContribution({ namespace: OTHER_NS, key: 'foreign' })]);
      const keys = async (filter: Parameters<typeof storage.listHeuristics>[1]) =>
        (await storage.listHeuristics(NS, filter)).items.map((heuristic) => heuristic.key);
      expect(await keys({})).toEqual(['strong', 'mixed', 'data']);
      expect(await keys({ domains: ['data'] })).toEqual(['data']);
      expect(await keys({ minEvidence: 2 })).toEqual(['strong', 'mixed']);
      expect(await keys({ minConfidence: wilsonLowerBound(2, 3) - 1e-9 })).toEqual(['strong', 'mixed']);
      expect(await keys({ minConfidence: 0.5 })).toEqual(['strong']);
      const first = await storage.listHeuristics(NS, {}, { limit: 2 });
      const rest = await storage.listHeuristics(NS, {}, { limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...rest.items].map((heuristic) => heuristic.key)).toEqual([
        'strong',
        'mixed',
        'data',
      ]);
      expect(rest.nextCursor).toBeNull();
    });
  });
}
