import type { Heuristic, HeuristicContribution } from '../domain/heuristic.js';
import { HEURISTIC_SCHEMA_VERSION } from '../domain/heuristic.js';
import { LIMITS } from '../domain/limits.js';
import {
  EMPTY_EFFECTIVENESS,
  PATTERN_SCHEMA_VERSION,
  type Pattern,
  type PatternContribution,
} from '../domain/pattern.js';
import { wilsonLowerBound } from '../learning/wilson.js';
import type { PatternUsage } from './pattern-store.js';

/**
 * The write-time merge rules every backend follows (the in-memory backend calls these; SQL backends express
 * the same arithmetic inside their upserts). Pure: inputs are never mutated.
 */

/** How many source episode ids a pattern keeps (the newest). */
export const PATTERN_SOURCE_EPISODE_LIMIT = LIMITS.sourceEpisodeIds;
/** How many evidence episode ids a heuristic keeps (the newest). */
export const HEURISTIC_EVIDENCE_EPISODE_LIMIT = LIMITS.heuristicEvidenceIds;

/**
 * Merges one episode's contribution into a pattern, or creates the pattern from it. Idempotent per episode:
 * when `c.episodeId` is already among `sourceEpisodeIds` the pattern is returned unchanged, so re-learning an
 * episode does not inflate its counts.
 */
export function mergePatternContribution(existing: Pattern | undefined, c: PatternContribution): Pattern {
  if (!existing) return createPattern(c);
  if (existing.sourceEpisodeIds.includes(c.episodeId)) return existing;
  const occurrences = existing.stats.occurrences + c.occurrences;
  const successes = existing.stats.successes + c.successes;
  const merged: Pattern = {
    ...existing,
    stats: { occurrences, successes, failures: Math.max(0, occurrences - successes) },
    sourceEpisodeIds: appendBounded(existing.sourceEpisodeIds, c.episodeId, PATTERN_SOURCE_EPISODE_LIMIT),
    updatedAt: laterOf(existing.updatedAt, c.at),
  };
  if (merged.type === 'tool_sequence' && existing.type === 'tool_sequence') {
    // Weighted by occurrences, so one slow run does not outweigh many fast ones.
    merged.avgLatencyMs =
      occurrences > 0
        ? (existing.avgLatencyMs * existing.stats.occurrences + c.latencyMs * c.occurrences) / occurrences
        : existing.avgLatencyMs;
  }
  return merged;
}

function createPattern(c: PatternContribution): Pattern {
  const base = {
    schemaVersion: PATTERN_SCHEMA_VERSION,
    id: c.newId,
    namespace: c.namespace,
    similarityKey: c.similarityKey,
    ...(c.context ? { context: { ...c.context, tags: [...c.context.tags] } } : {}),
    stats: {
      occurrences: c.occurrences,
      successes: c.successes,
      failures: Math.max(0, c.occurrences - c.successes),
    },
    effectiveness: { ...EMPTY_EFFECTIVENESS },
    sourceEpisodeIds: [c.episodeId],
    createdAt: c.at,
    updatedAt: c.at,
  };
  const content = c.content;
  switch (content.type) {
    case 'tool_sequence':
      return { ...base, type: content.type, tools: [...content.tools], avgLatencyMs: c.latencyMs };
    case 'decision_point':
      return { ...base, type: content.type, condition: content.condition, action: content.action };
    case 'error_recovery':
      return {
        ...base,
        type: content.type,
        errorType: content.errorType,
        recoverySteps: [...content.recoverySteps],
      };
    case 'context_pattern':
      return {
        ...base,
        type: content.type,
        contextFeatures: [...content.contextFeatures],
        recommendedApproach: content.recommendedApproach,
      };
  }
}

/**
 * Adds one episode's evidence to a heuristic, or creates it. Confidence is always recomputed as the Wilson
 * lower bound of the accumulated evidence. Idempotent per episode like `mergePatternContribution`.
 */
export function mergeHeuristicContribution(
  existing: Heuristic | undefined,
  c: HeuristicContribution,
): Heuristic {
  if (!existing) {
    return {
      schemaVersion: HEURISTIC_SCHEMA_VERSION,
      id: c.newId,
      namespace: c.namespace,
      key: c.key,
      condition: c.condition,
      action: c.action,
      domain: c.domain,
      evidence: { episodeIds: [c.episodeId], successes: c.success, total: 1 },
      confidence: wilsonLowerBound(c.success, 1),
      createdAt: c.at,
      updatedAt: c.at,
    };
  }
  if (existing.evidence.episodeIds.includes(c.episodeId)) return existing;
  const successes = existing.evidence.successes + c.success;
  const total = existing.evidence.total + 1;
  return {
    ...existing,
    evidence: {
      episodeIds: appendBounded(existing.evidence.episodeIds, c.episodeId, HEURISTIC_EVIDENCE_EPISODE_LIMIT),
      successes,
      total,
    },
    confidence: wilsonLowerBound(successes, total),
    updatedAt: laterOf(existing.updatedAt, c.at),
  };
}

/**
 * Adds a usage report to a pattern's effectiveness: counters add, the reward delta is folded into the running
 * mean over applications (weighted by `applied`; ignored when nothing was applied), `lastUsedAt` becomes `at`.
 */
export function applyPatternUsage(pattern: Pattern, usage: PatternUsage): Pattern {
  const before = pattern.effectiveness;
  const applied = usage.applied ?? 0;
  const timesApplied = before.timesApplied + applied;
  const avgRewardDelta =
    usage.rewardDelta !== undefined && applied > 0
      ? (before.avgRewardDelta * before.timesApplied + usage.rewardDelta * applied) / timesApplied
      : before.avgRewardDelta;
  return {
    ...pattern,
    effectiveness: {
      timesRetrieved: before.timesRetrieved + (usage.retrieved ?? 0),
      timesApplied,
      successWhenApplied: before.successWhenApplied + (usage.succeeded ?? 0),
      failureWhenApplied: before.failureWhenApplied + (usage.failed ?? 0),
      avgRewardDelta,
      lastUsedAt: usage.at,
    },
  };
}

/** `list` with `id` appended, keeping the newest `limit` entries. */
function appendBounded(list: readonly string[], id: string, limit: number): string[] {
  const appended = [...list, id];
  return appended.length > limit ? appended.slice(appended.length - limit) : appended;
}

/** The later of two ISO timestamps (they may carry different offsets, so compare instants). */
function laterOf(left: string, right: string): string {
  return Date.parse(right) > Date.parse(left) ? right : left;
}
