import { describe, expect, it } from 'vitest';
import { at, NS, OTHER_NS } from '../fixtures.js';
import type { Harness } from '../harness.js';
import { populate } from '../populate.js';

export function statsCases(harness: Harness): void {
  describe('stats and counts', () => {
    it('counts a namespace exactly', async () => {
      const storage = harness.storage();
      await populate(storage, harness.target.dimensions);
      expect(await storage.stats(NS)).toEqual({
        episodes: {
          total: 4,
          completed: 3,
          open: 1,
          archived: 1,
          byOutcome: { success: 2, partial_success: 0, failure: 1, abstained: 0 },
        },
        steps: 3,
        patterns: {
          total: 2,
          byType: { tool_sequence: 1, decision_point: 1, error_recovery: 0, context_pattern: 0 },
        },
        heuristics: 2,
        relationships: 2,
        recommendationSessions: 2,
        recommendationFeedback: 1,
      });
      const foreign = await storage.stats(OTHER_NS);
      expect(foreign.episodes.total).toBe(1);
      expect(foreign.patterns.total).toBe(1);
      expect(foreign.heuristics).toBe(0);
    });

    it('reports zeros for an empty namespace', async () => {
      expect(await harness.storage().stats('contract-empty')).toEqual({
        episodes: {
          total: 0,
          completed: 0,
          open: 0,
          archived: 0,
          byOutcome: { success: 0, partial_success: 0, failure: 0, abstained: 0 },
        },
        steps: 0,
        patterns: {
          total: 0,
          byType: { tool_sequence: 0, decision_point: 0, error_recovery: 0, context_pattern: 0 },
        },
        heuristics: 0,
        relationships: 0,
        recommendationSessions: 0,
        recommendationFeedback: 0,
      });
    });

    it('counts exportable records by namespace, across namespaces and since a time', async () => {
      const storage = harness.storage();
      await populate(storage, harness.target.dimensions);
      expect(await storage.countRecords({ namespace: NS })).toEqual({
        episode: 4,
        pattern: 2,
        heuristic: 2,
        relationship: 2,
        recommendation_session: 2,
        recommendation_feedback: 1,
      });
      expect(await storage.countRecords({ namespace: null })).toEqual({
        episode: 5,
        pattern: 3,
        heuristic: 2,
        relationship: 2,
        recommendation_session: 2,
        recommendation_feedback: 1,
      });
      // Episodes by start, patterns and heuristics by last update, the rest by creation.
      expect(await storage.countRecords({ namespace: NS, since: at(3) })).toEqual({
        episode: 2,
        pattern: 2,
        heuristic: 2,
        relationship: 2,
        recommendation_session: 2,
        recommendation_feedback: 1,
      });
      expect(await storage.countRecords({ namespace: NS, since: at(21) })).toEqual({
        episode: 0,
        pattern: 0,
        heuristic: 0,
        relationship: 1,
        recommendation_session: 2,
        recommendation_feedback: 1,
      });
    });
  });
}
