import { z } from 'zod';

/** The seed's step batching (`batched` durability). */
export const BatchConfigSchema = z.object({
  maxBatchSize: z.number().int().min(1).max(1_000).default(50),
  flushIntervalMs: z.number().int().min(10).max(600_000).default(5_000),
  autoFlush: z.boolean().default(true),
});
export type BatchConfig = z.infer<typeof BatchConfigSchema>;

/** Retrieval weights and knobs, in one object; every result reports its breakdown under these names. */
export const RankingConfigSchema = z.object({
  relevanceWeight: z.number().min(0).default(0.55),
  contextWeight: z.number().min(0).default(0.1),
  outcomeWeight: z.number().min(0).default(0.1),
  recencyWeight: z.number().min(0).default(0.05),
  priorWeight: z.number().min(0).default(0.2),
  effectivenessWeight: z.number().min(0).default(0.15),
  /** Reciprocal rank fusion constant. */
  rrfK: z.number().min(1).default(60),
  recencyHalfLifeDays: z.number().positive().default(30),
  /** Maximal marginal relevance trade-off (1 = relevance only). */
  mmrLambda: z.number().min(0).max(1).default(0.7),
  /** Candidates fetched from each search before fusion. */
  candidatePoolSize: z.number().int().min(10).max(1_000).default(100),
  /** Fused candidates loaded and re-scored with every signal. */
  rerankDepth: z.number().int().min(5).max(500).default(50),
  /** Candidate sources; switching one off is for ablations (the evaluation measures each signal). */
  lexicalSearch: z.boolean().default(true),
  semanticSearch: z.boolean().default(true),
  /** Learned boost for recommendations: weight × WilsonLowerBound(succeeded, applied). */
  feedbackBoostWeight: z.number().min(0).default(0.25),
});
export type RankingConfig = z.infer<typeof RankingConfigSchema>;

export const MemoryConfigSchema = z.object({
  namespace: z.string().default('default'),
  durability: z.enum(['durable', 'batched']).default('durable'),
  batch: BatchConfigSchema.default({ maxBatchSize: 50, flushIntervalMs: 5_000, autoFlush: true }),
  /** Episodes with a quality score below this are stored but not mined for patterns (0 = learn from all). */
  qualityThreshold: z.number().min(0).max(1).default(0),
  /** Heuristics surface once their evidence total ≥ 2 and confidence ≥ this floor. */
  heuristicConfidenceFloor: z.number().min(0).max(1).default(0.3),
  /** Patterns with effectiveness below this after ≥ 5 applications are demoted in ranking. */
  demotionThreshold: z.number().min(0).max(1).default(0.3),
  ranking: RankingConfigSchema.default(RankingConfigSchema.parse({})),
});
export type MemoryConfig = z.infer<typeof MemoryConfigSchema>;
export type MemoryConfigInput = z.input<typeof MemoryConfigSchema>;
