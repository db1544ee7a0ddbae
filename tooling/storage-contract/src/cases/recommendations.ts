import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { at, FAILURE, feedback, NS, newId, OTHER_NS, patternContribution, session } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function recommendationCases(harness: Harness): void {
  describe('recommendations', () => {
    it('stores sessions by id, refuses duplicates and keeps namespaces apart', async () => {
      const storage = harness.storage();
      const stored = session({ patternIds: [newId()], playbookIds: ['playbook-1'], episodeIds: [newId()] });
      await storage.insertRecommendationSession(stored);
      expect(await storage.getRecommendationSession(NS, stored.id)).toEqual(stored);
      expect(await storage.getRecommendationSession(OTHER_NS, stored.id)).toBeNull();
      expect(await storage.getRecommendationSession(NS, newId())).toBeNull();
      await expectCode(storage.insertRecommendationSession({ ...stored, query: 'again' }), 'CONFLICT');
      expect((await storage.getRecommendationSession(NS, stored.id))?.query).toBe(stored.query);
    });

    it('stores feedback and its pattern usage together, exactly once', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      const stored = session({ patternIds: [contribution.newId] });
      await storage.insertRecommendationSession(stored);
      const given = feedback(stored.id, { appliedPatternIds: [contribution.newId], rating: 0.9 });
      const usage = [
        { patternId: contribution.newId, applied: 1, succeeded: 1, failed: 0, rewardDelta: 0.25, at: at(40) },
      ];
      await storage.insertRecommendationFeedback(given, usage);
      expect(await storage.getRecommendationFeedback(NS, stored.id)).toEqual(given);
      expect(await storage.getRecommendationFeedback(OTHER_NS, stored.id)).toBeNull();
      await expectCode(storage.insertRecommendationFeedback({ ...given, id: newId() }, usage), 'CONFLICT');
      const pattern = await storage.getPattern(NS, contribution.newId);
      expect(pattern?.effectiveness).toMatchObject({
        timesApplied: 1,
        successWhenApplied: 1,
        failureWhenApplied: 0,
        avgRewardDelta: 0.25,
        lastUsedAt: at(40),
      });
      expect(await storage.getRecommendationFeedback(NS, stored.id)).toEqual(given);
    });

    it('refuses feedback for an unknown or foreign session with NOT_FOUND and applies no usage', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      const foreign = session({ namespace: OTHER_NS });
      await storage.insertRecommendationSession(foreign);
      const usage = [{ patternId: contribution.newId, applied: 1, succeeded: 1, at: at(40) }];
      await expectCode(storage.insertRecommendationFeedback(feedback(newId()), usage), 'NOT_FOUND');
      await expectCode(storage.insertRecommendationFeedback(feedback(foreign.id), usage), 'NOT_FOUND');
      expect((await storage.getPattern(NS, contribution.newId))?.effectiveness.timesApplied).toBe(0);
    });

    it('of concurrent feedback for one session exactly one lands, with its usage once', async () => {
      const storage = harness.storage();
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      const stored = session({ patternIds: [contribution.newId] });
      await storage.insertRecommendationSession(stored);
      const usage = [{ patternId: contribution.newId, applied: 1, succeeded: 1, at: at(40) }];
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => storage.insertRecommendationFeedback(feedback(stored.id), usage)),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect((await storage.getPattern(NS, contribution.newId))?.effectiveness.timesApplied).toBe(1);
    });

    it('computes adoption and success statistics from sessions and feedback', async () => {
      const storage = harness.storage();
      const empty = await storage.recommendationStats(NS);
      expect(empty).toEqual({
        sessions: 0,
        sessionsWithFeedback: 0,
        patternsRecommended: 0,
        patternsApplied: 0,
        adoptionRate: 0,
        successAfterAdoption: 0,
        averageRating: null,
      });
      const [p1, p2, p3] = [newId(), newId(), newId()];
      const adopted = session({ patternIds: [p1, p2, p3] });
      const partly = session({ patternIds: [p1, p2] });
      const ignored = session({ patternIds: [p3] });
      const silent = session({ patternIds: [p1, p2, p3] });
      for (const record of [adopted, partly, ignored, silent])
        await storage.insertRecommendationSession(record);
      await storage.insertRecommendationSession(session({ namespace: OTHER_NS, patternIds: [p1] }));
      await storage.insertRecommendationFeedback(
        feedback(adopted.id, { appliedPatternIds: [p1, p2], rating: 0.8 }),
        [],
      );
      await storage.insertRecommendationFeedback(
        feedback(partly.id, {
          appliedPatternIds: [p1],
          outcome: { type: 'partial_success', verdict: '', completed: ['a'], failed: ['b', 'c', 'd'] },
          rating: 0.4,
        }),
        [],
      );
      await storage.insertRecommendationFeedback(feedback(ignored.id, { outcome: FAILURE }), []);
      const stats = await storage.recommendationStats(NS);
      expect(stats).toEqual({
        sessions: 4,
        sessionsWithFeedback: 3,
        patternsRecommended: 6,
        patternsApplied: 3,
        adoptionRate: 0.5,
        successAfterAdoption: expect.closeTo((1 + 0.25) / 2, 9),
        averageRating: expect.closeTo(0.6, 9),
      });
      expect((await storage.recommendationStats(OTHER_NS)).sessions).toBe(1);
    });
  });
}
