import type { InStatement } from '@libsql/client';
import type { PatternUsage } from '@slm/memory-core';

/**
 * `applyPatternUsage` as an UPDATE: counters add; the reward delta folds into the mean over applications
 * (SQLite evaluates every SET expression on the old row, so `times_applied` there is the count before).
 * Unknown ids and other namespaces match no row and are ignored.
 */
const RECORD_USAGE = `UPDATE patterns SET
    times_retrieved = times_retrieved + ?1,
    times_applied = times_applied + ?2,
    success_when_applied = success_when_applied + ?3,
    failure_when_applied = failure_when_applied + ?4,
    avg_reward_delta = CASE WHEN ?5 IS NOT NULL AND ?2 > 0
      THEN (avg_reward_delta * times_applied + ?5 * ?2) / (times_applied + ?2)
      ELSE avg_reward_delta END,
    last_used_at = ?6
  WHERE id = ?7 AND namespace = ?8`;

export function patternUsageStatements(namespace: string, usage: readonly PatternUsage[]): InStatement[] {
  return usage.map((entry) => ({
    sql: RECORD_USAGE,
    args: [
      entry.retrieved ?? 0,
      entry.applied ?? 0,
      entry.succeeded ?? 0,
      entry.failed ?? 0,
      entry.rewardDelta ?? null,
      entry.at,
      entry.patternId,
      namespace,
    ],
  }));
}
