import { z } from 'zod';
import { IdSchema, NamespaceSchema, TimestampSchema } from './primitives.js';

export const PATTERN_SCHEMA_VERSION = 1;

export const PATTERN_TYPES = [
  'tool_sequence',
  'decision_point',
  'error_recovery',
  'context_pattern',
] as const;
export const PatternTypeSchema = z.enum(PATTERN_TYPES);
export type PatternType = z.infer<typeof PatternTypeSchema>;

/** Where a pattern was seen. */
export const PatternContextSchema = z.object({
  domain: z.string(),
  language: z.string().optional(),
  framework: z.string().optional(),
  tags: z.array(z.string()).default([]),
});
export type PatternContext = z.infer<typeof PatternContextSchema>;

/**
 * Occurrence counts accumulated across episodes. `successes` may be fractional: a partial success counts
 * completed/(completed+failed). `failures` = occurrences − successes.
 */
export const PatternStatsSchema = z.object({
  occurrences: z.number().min(0),
  successes: z.number().min(0),
  failures: z.number().min(0),
});
export type PatternStats = z.infer<typeof PatternStatsSchema>;

/** Measured use of a pattern after it was recommended, updated by feedback. */
export const PatternEffectivenessSchema = z.object({
  timesRetrieved: z.number().int().min(0),
  timesApplied: z.number().int().min(0),
  successWhenApplied: z.number().min(0),
  failureWhenApplied: z.number().min(0),
  avgRewardDelta: z.number(),
  lastUsedAt: TimestampSchema.optional(),
});
export type PatternEffectiveness = z.infer<typeof PatternEffectivenessSchema>;

export const EMPTY_EFFECTIVENESS: PatternEffectiveness = Object.freeze({
  timesRetrieved: 0,
  timesApplied: 0,
  successWhenApplied: 0,
  failureWhenApplied: 0,
  avgRewardDelta: 0,
});

const PatternBase = {
  schemaVersion: z.number().int().min(1).default(PATTERN_SCHEMA_VERSION),
  id: IdSchema,
  namespace: NamespaceSchema,
  similarityKey: z.string().min(1),
  context: PatternContextSchema.optional(),
  stats: PatternStatsSchema,
  effectiveness: PatternEffectivenessSchema,
  /** Bounded: the newest ids are kept. */
  sourceEpisodeIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

export const ToolSequencePatternSchema = z.object({
  type: z.literal('tool_sequence'),
  ...PatternBase,
  tools: z.array(z.string()).min(2).max(5),
  avgLatencyMs: z.number().min(0),
});

export const DecisionPointPatternSchema = z.object({
  type: z.literal('decision_point'),
  ...PatternBase,
  condition: z.string(),
  action: z.string(),
});

export const ErrorRecoveryPatternSchema = z.object({
  type: z.literal('error_recovery'),
  ...PatternBase,
  errorType: z.string(),
  recoverySteps: z.array(z.string()).min(1),
});

export const ContextPatternSchema = z.object({
  type: z.literal('context_pattern'),
  ...PatternBase,
  contextFeatures: z.array(z.string()).min(1),
  recommendedApproach: z.string(),
});

export const PatternSchema = z.discriminatedUnion('type', [
  ToolSequencePatternSchema,
  DecisionPointPatternSchema,
  ErrorRecoveryPatternSchema,
  ContextPatternSchema,
]);
export type Pattern = z.infer<typeof PatternSchema>;
export type ToolSequencePattern = z.infer<typeof ToolSequencePatternSchema>;
export type DecisionPointPattern = z.infer<typeof DecisionPointPatternSchema>;
export type ErrorRecoveryPattern = z.infer<typeof ErrorRecoveryPatternSchema>;
export type ContextPattern = z.infer<typeof ContextPatternSchema>;

/** The variant-specific content of a pattern, without identity or counters. */
export type PatternContent =
  | Pick<ToolSequencePattern, 'type' | 'tools'>
  | Pick<DecisionPointPattern, 'type' | 'condition' | 'action'>
  | Pick<ErrorRecoveryPattern, 'type' | 'errorType' | 'recoverySteps'>
  | Pick<ContextPattern, 'type' | 'contextFeatures' | 'recommendedApproach'>;

/**
 * What one episode contributes to a pattern. Storing a contribution whose `similarityKey` exists in the
 * namespace merges into that pattern atomically (counts add, averages weight by occurrences, evidence appends);
 * otherwise a pattern is created with `newId`.
 */
export interface PatternContribution {
  newId: string;
  namespace: string;
  similarityKey: string;
  content: PatternContent;
  context?: PatternContext;
  occurrences: number;
  successes: number;
  /** Latency of this occurrence (tool sequences only; 0 otherwise). */
  latencyMs: number;
  episodeId: string;
  at: string;
}

export function patternSuccessRate(stats: PatternStats): number {
  return stats.occurrences === 0 ? 0 : stats.successes / stats.occurrences;
}

/** A one-line description of a pattern, used for display, full-text indexing and embeddings. */
export function describePattern(pattern: Pattern | PatternContent): string {
  switch (pattern.type) {
    case 'tool_sequence':
      return `Use ${pattern.tools.join(' → ')}`;
    case 'decision_point':
      return `When ${pattern.condition}: ${pattern.action}`;
    case 'error_recovery':
      return `If ${pattern.errorType}: ${pattern.recoverySteps.join(', then ')}`;
    case 'context_pattern':
      return `For ${pattern.contextFeatures.join(', ')}: ${pattern.recommendedApproach}`;
  }
}
