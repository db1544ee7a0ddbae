import { describe, expect, it } from 'vitest';
import { at, NS, newId, OTHER_NS, patternContribution } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function patternUsageCases(harness: Harness): void {
  describe('recordPatternUsage', () => {
    it('adds counters, folds reward deltas into a mean over applications and sets lastUsedAt', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      const id = contribution.newId;
      await storage.recordPatternUsage(NS, [
        { patternId: id, retrieved: 2, at: at(50) },
        { patternId: id, applied: 1, succeeded: 1, failed: 0, rewardDelta: 0.5, at: at(51) },
      ]);
      await storage.recordPatternUsage(NS, [
        { patternId: id, applied: 1, succeeded: 0.25, failed: 0.75, rewardDelta: -0.1, at: at(52) },
        { patternId: newId(), applied: 1, at: at(52) },
      ]);
      const pattern = await storage.getPattern(NS, id);
      expect(pattern?.effectiveness).toEqual({
        timesRetrieved: 2,
        timesApplied: 2,
        successWhenApplied: 1.25,
        failureWhenApplied: 0.75,
        avgRewardDelta: expect.closeTo(0.2, 9),
        lastUsedAt: at(52),
      });
      expect(pattern?.stats).toEqual({ occurrences: 1, successes: 1, failures: 0 });
    });

    it('counts every concurrent report and ignores other namespaces', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      await Promise.all(
        Array.from({ length: 15 }, (_, index) =>
          storage.recordPatternUsage(NS, [{ patternId: contribution.newId, retrieved: 1, at: at(index) }]),
        ),
      );
      await storage.recordPatternUsage(OTHER_NS, [
        { patternId: contribution.newId, retrieved: 100, at: at(99) },
      ]);
      const pattern = await storage.getPattern(NS, contribution.newId);
      expect(pattern?.effectiveness.timesRetrieved).toBe(15);
      expect(pattern?.effectiveness.timesApplied).toBe(0);
    });

    it('keeps effectiveness when later contributions merge into the pattern', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      await storage.recordPatternUsage(NS, [
        { patternId: contribution.newId, applied: 1, succeeded: 1, at: at(60) },
      ]);
      const [merged] = await storage.upsertPatterns([patternContribution()]);
      expect(merged?.stats.occurrences).toBe(2);
      expect(merged?.effectiveness.timesApplied).toBe(1);
      expect(merged?.effectiveness.lastUsedAt).toBe(at(60));
    });
  });
}
