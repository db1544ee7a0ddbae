import { z } from 'zod';
import { CheckpointSchema } from './checkpoint.js';
import { TaskContextSchema, TaskTypeSchema } from './context.js';
import { LabelSchema } from './labels.js';
import {
  LearningStatusSchema,
  QualityScoreSchema,
  ReflectionSchema,
  RewardScoreSchema,
  SalientFeaturesSchema,
} from './learning-records.js';
import { LIMITS } from './limits.js';
import { TaskOutcomeSchema } from './outcome.js';
import { boundedText, IdSchema, MetadataSchema, NamespaceSchema, TimestampSchema } from './primitives.js';
import { ExecutionStepSchema } from './step.js';

export const EPISODE_SCHEMA_VERSION = 1;

/** One task an agent worked on: what it was, the steps it took, how it ended and what was learned. */
export const EpisodeSchema = z.object({
  schemaVersion: z.number().int().min(1).default(EPISODE_SCHEMA_VERSION),
  id: IdSchema,
  namespace: NamespaceSchema,
  taskType: TaskTypeSchema,
  taskDescription: boundedText(LIMITS.taskDescriptionBytes, 1),
  context: TaskContextSchema,
  startedAt: TimestampSchema,
  endedAt: TimestampSchema.optional(),
  steps: z.array(ExecutionStepSchema).max(LIMITS.stepsPerEpisode),
  outcome: TaskOutcomeSchema.optional(),
  reward: RewardScoreSchema.optional(),
  reflection: ReflectionSchema.optional(),
  salientFeatures: SalientFeaturesSchema.optional(),
  quality: QualityScoreSchema.optional(),
  learning: LearningStatusSchema.optional(),
  patternIds: z.array(IdSchema).default([]),
  heuristicIds: z.array(IdSchema).default([]),
  labels: z.array(LabelSchema).max(LIMITS.labelsPerEpisode).default([]),
  metadata: MetadataSchema.default({}),
  checkpoints: z.array(CheckpointSchema).default([]),
  archivedAt: TimestampSchema.optional(),
  version: z.number().int().min(1),
});
export type Episode = z.infer<typeof EpisodeSchema>;

export function isCompleted(episode: Episode): boolean {
  return episode.endedAt !== undefined;
}

/** Duration of a completed episode in milliseconds (0 while it is open). */
export function episodeDurationMs(episode: Episode): number {
  if (episode.endedAt === undefined) return 0;
  return Math.max(0, Date.parse(episode.endedAt) - Date.parse(episode.startedAt));
}
