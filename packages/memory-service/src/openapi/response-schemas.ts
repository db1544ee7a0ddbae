import {
  CheckpointSchema,
  EpisodeSchema,
  HeuristicSchema,
  PatternSchema,
  PlaybookSchema,
  RecommendationFeedbackSchema,
  RelationshipSchema,
  TaskContextSchema,
  TaskTypeSchema,
} from '@slm/memory-core';
import { z } from 'zod';

// Response shapes for the OpenAPI document. Records reuse the core's schemas; the computed results
// (ranked lists, stats, reports) have TypeScript types in core but no zod schemas, so they are described here.

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});

export const ScoreBreakdownSchema = z.object({
  lexical: z.number(),
  semantic: z.number(),
  fused: z.number(),
  context: z.number(),
  outcome: z.number(),
  recency: z.number(),
  prior: z.number(),
  effectiveness: z.number(),
  total: z.number(),
});

export const RankedEpisodeSchema = z.object({
  episode: EpisodeSchema,
  score: z.number(),
  breakdown: ScoreBreakdownSchema,
  reason: z.string(),
  crossDomain: z.boolean(),
});

export const RankedPatternSchema = z.object({
  pattern: PatternSchema,
  score: z.number(),
  breakdown: ScoreBreakdownSchema,
  reason: z.string(),
  crossDomain: z.boolean(),
});

export const RetrievedContextSchema = z.object({
  episodes: z.array(RankedEpisodeSchema),
  patterns: z.array(RankedPatternSchema),
  heuristics: z.array(z.object({ heuristic: HeuristicSchema, score: z.number(), reason: z.string() })),
  playbook: PlaybookSchema.nullable(),
  warnings: z.array(
    z.object({
      episodeId: z.string(),
      taskDescription: z.string(),
      whatWentWrong: z.string(),
      doInstead: z.string(),
      score: z.number(),
    }),
  ),
  explanation: z.string(),
  budget: z.object({ tokenBudget: z.number(), tokensUsed: z.number(), omitted: z.number() }).optional(),
});

export const EpisodeEnvelopeSchema = z.object({ episode: EpisodeSchema });

export const EpisodePageSchema = z.object({
  episodes: z.array(EpisodeSchema),
  nextCursor: z.string().nullable(),
});

export const AcceptedStepsSchema = z.object({
  accepted: z.number().int(),
  unchanged: z.number().int(),
  buffered: z.boolean(),
});

export const CheckpointEnvelopeSchema = z.object({ checkpoint: CheckpointSchema });

export const HandoffEnvelopeSchema = z.object({
  handoff: z.object({
    checkpointId: z.string(),
    episodeId: z.string(),
    namespace: z.string(),
    goal: z.string(),
    taskType: TaskTypeSchema,
    context: TaskContextSchema,
    checkpointReason: z.string(),
    note: z.string().optional(),
    stepsSoFar: z.array(
      z.object({
        stepNumber: z.number(),
        tool: z.string(),
        action: z.string(),
        result: z.enum(['success', 'error', 'timeout', 'none']),
      }),
    ),
    totalSteps: z.number(),
    whatWorked: z.array(z.string()),
    whatFailed: z.array(z.string()),
    salientFacts: z.array(z.string()),
    suggestedNextSteps: z.array(z.string()),
    relevantPatterns: z.array(PatternSchema),
    relevantHeuristics: z.array(HeuristicSchema),
    createdAt: z.string(),
  }),
});

export const PatternListSchema = z.object({ patterns: z.array(RankedPatternSchema) });

export const PatternRecommendationsSchema = z.object({
  sessionId: z.string().optional(),
  patterns: z.array(RankedPatternSchema),
});

export const PatternWithExplanationSchema = z.object({
  pattern: PatternSchema,
  explanation: z.object({
    summary: z.string(),
    successRate: z.number(),
    effectiveness: z.number(),
    confidence: z.number(),
    evidence: z.array(z.object({ episodeId: z.string(), taskDescription: z.string(), outcome: z.string() })),
  }),
});

export const PlaybookRecommendationsSchema = z.object({
  sessionId: z.string().optional(),
  playbooks: z.array(PlaybookSchema),
});

export const FeedbackEnvelopeSchema = z.object({ feedback: RecommendationFeedbackSchema });

export const StatsEnvelopeSchema = z.object({
  stats: z.looseObject({
    namespace: z.string(),
    episodes: z.looseObject({ total: z.number(), completed: z.number(), open: z.number() }),
    steps: z.number(),
    successRate: z.number(),
  }),
});

export const RelationshipEnvelopeSchema = z.object({ relationship: RelationshipSchema });
export const RelationshipListSchema = z.object({ relationships: z.array(RelationshipSchema) });

export const ImportSummarySchema = z.object({
  imported: z.record(z.string(), z.number()),
  lines: z.number().int(),
});

export const SyncReportSchema = z.object({
  report: z.object({ checked: z.number(), refreshed: z.number(), dropped: z.number() }),
});
export const RegenerateReportSchema = z.object({
  report: z.object({ dropped: z.number(), warmed: z.number() }),
});

const ProbeSchema = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  storage: ProbeSchema.extend({ kind: z.string() }).nullable(),
  cache: ProbeSchema.extend({ state: z.enum(['ok', 'degraded']) }).nullable(),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const LiveSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export const VersionSchema = z.object({
  name: z.string(),
  version: z.string(),
  schema: z.union([z.number(), z.string()]),
});
