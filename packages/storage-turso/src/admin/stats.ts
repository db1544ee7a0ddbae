import {
  OUTCOME_TYPES,
  type OutcomeType,
  PATTERN_TYPES,
  type PatternType,
  type StorageStats,
} from '@slm/memory-core';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';

/** Counts of one namespace, computed by the database in one statement (exact, never estimated). */
export function storageStats(database: Database, namespace: string): Promise<StorageStats> {
  return database.read('stats', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT
          (SELECT count(*) FROM episodes WHERE namespace = ?1) AS total,
          (SELECT count(*) FROM episodes WHERE namespace = ?1 AND ended_at IS NOT NULL) AS completed,
          (SELECT count(*) FROM episodes WHERE namespace = ?1 AND archived_at IS NOT NULL) AS archived,
          (SELECT json_group_object(outcome_type, n) FROM (SELECT outcome_type, count(*) AS n FROM episodes
            WHERE namespace = ?1 AND outcome_type IS NOT NULL GROUP BY outcome_type)) AS by_outcome,
          (SELECT count(*) FROM episodes e JOIN steps s ON s.episode_seq = e.seq WHERE e.namespace = ?1) AS steps,
          (SELECT count(*) FROM patterns WHERE namespace = ?1) AS patterns,
          (SELECT json_group_object(type, n) FROM (SELECT type, count(*) AS n FROM patterns
            WHERE namespace = ?1 GROUP BY type)) AS by_type,
          (SELECT count(*) FROM heuristics WHERE namespace = ?1) AS heuristics,
          (SELECT count(*) FROM relationships WHERE namespace = ?1) AS relationships,
          (SELECT count(*) FROM recommendation_sessions WHERE namespace = ?1) AS sessions,
          (SELECT count(*) FROM recommendation_feedback WHERE namespace = ?1) AS feedback`,
      args: [namespace],
    });
    const row = result.rows[0]!;
    const outcomes = JSON.parse(text(row, 'by_outcome')) as Partial<Record<OutcomeType, number>>;
    const types = JSON.parse(text(row, 'by_type')) as Partial<Record<PatternType, number>>;
    const total = numeric(row, 'total');
    const completed = numeric(row, 'completed');
    return {
      episodes: {
        total,
        completed,
        open: total - completed,
        archived: numeric(row, 'archived'),
        byOutcome: Object.fromEntries(OUTCOME_TYPES.map((type) => [type, outcomes[type] ?? 0])) as Record<
          OutcomeType,
          number
        >,
      },
      steps: numeric(row, 'steps'),
      patterns: {
        total: numeric(row, 'patterns'),
        byType: Object.fromEntries(PATTERN_TYPES.map((type) => [type, types[type] ?? 0])) as Record<
          PatternType,
          number
        >,
      },
      heuristics: numeric(row, 'heuristics'),
      relationships: numeric(row, 'relationships'),
      recommendationSessions: numeric(row, 'sessions'),
      recommendationFeedback: numeric(row, 'feedback'),
    };
  });
}
