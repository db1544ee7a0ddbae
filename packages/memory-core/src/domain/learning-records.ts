import { z } from 'zod';
import { LIMITS } from './limits.js';
import { TimestampSchema } from './primitives.js';

/** The reward of a completed episode and the parts it is computed from (domain.md, Reward). */
export const RewardScoreSchema = z.object({
  total: z.number().min(0),
  base: z.number(),
  efficiency: z.number(),
  complexityBonus: z.number(),
  qualityMultiplier: z.number(),
  learningBonus: z.number(),
  abstention: z.number(),
});
export type RewardScore = z.infer<typeof RewardScoreSchema>;

const reflectionItems = z.array(z.string()).max(LIMITS.reflectionItems);

/** What went well, what to improve and what was learned, at most five of each. */
export const ReflectionSchema = z.object({
  successes: reflectionItems,
  improvements: reflectionItems,
  insights: reflectionItems,
  generatedAt: TimestampSchema,
});
export type Reflection = z.infer<typeof ReflectionSchema>;

export const ErrorRecoveryFeatureSchema = z.object({
  errorTool: z.string(),
  error: z.string(),
  recoveryTool: z.string(),
  recoveryAction: z.string(),
});

/** The parts of an episode worth remembering (domain.md, Salient features). */
export const SalientFeaturesSchema = z.object({
  criticalDecisions: z.array(z.string()),
  toolCombinations: z.array(z.array(z.string())),
  errorRecoveries: z.array(ErrorRecoveryFeatureSchema),
  keyInsights: z.array(z.string()),
});
export type SalientFeatures = z.infer<typeof SalientFeaturesSchema>;

/** Quality score in [0, 1] and its five weighted parts, assessed after reflection and extraction. */
export const QualityScoreSchema = z.object({
  score: z.number().min(0).max(1),
  complexity: z.number().min(0).max(1),
  diversity: z.number().min(0).max(1),
  errorRate: z.number().min(0).max(1),
  reflectionDepth: z.number().min(0).max(1),
  novelty: z.number().min(0).max(1),
});
export type QualityScore = z.infer<typeof QualityScoreSchema>;

/** Where an episode is in the learning pipeline; `failed` episodes can be re-learned with `relearn`. */
export const LearningStatusSchema = z.object({
  status: z.enum(['pending', 'learned', 'skipped', 'failed']),
  at: TimestampSchema.optional(),
  error: z.string().optional(),
});
export type LearningStatus = z.infer<typeof LearningStatusSchema>;
