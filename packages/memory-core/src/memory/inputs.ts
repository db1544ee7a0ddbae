import { z } from 'zod';
import { ComplexitySchema, TaskContextSchema, TaskTypeSchema } from '../domain/context.js';
import { LabelSchema } from '../domain/labels.js';
import { LIMITS } from '../domain/limits.js';
import { OUTCOME_TYPES, TaskOutcomeSchema } from '../domain/outcome.js';
import { PatternTypeSchema } from '../domain/pattern.js';
import {
  boundedText,
  IdSchema,
  MetadataSchema,
  ShortTextSchema,
  TimestampSchema,
} from '../domain/primitives.js';
import { RelationshipTypeSchema } from '../domain/relationship.js';

export const StartEpisodeInputSchema = z.object({
  taskDescription: boundedText(LIMITS.taskDescriptionBytes, 1),
  taskType: TaskTypeSchema.default('other'),
  context: TaskContextSchema.default({ domain: 'general', complexity: 'moderate', tags: [] }),
  labels: z.array(LabelSchema).max(LIMITS.labelsPerEpisode).default([]),
  metadata: MetadataSchema.default({}),
});
export type StartEpisodeInput = z.input<typeof StartEpisodeInputSchema>;

export const UpdateEpisodeInputSchema = z
  .object({
    taskDescription: boundedText(LIMITS.taskDescriptionBytes, 1).optional(),
    metadata: MetadataSchema.optional(),
    labels: z.array(LabelSchema).max(LIMITS.labelsPerEpisode).optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'give at least one of taskDescription, metadata, labels',
  });
export type UpdateEpisodeInput = z.input<typeof UpdateEpisodeInputSchema>;

export const LabelsInputSchema = z.array(LabelSchema).min(1).max(LIMITS.labelsPerEpisode);

export const CheckpointInputSchema = z.object({
  reason: boundedText(1_000, 1),
  note: boundedText(LIMITS.stepTextBytes).optional(),
});
export type CheckpointInput = z.input<typeof CheckpointInputSchema>;

export const ResumeFromHandoffInputSchema = z.object({
  checkpointId: IdSchema,
  taskDescription: boundedText(LIMITS.taskDescriptionBytes, 1).optional(),
  labels: z.array(LabelSchema).max(LIMITS.labelsPerEpisode).optional(),
  metadata: MetadataSchema.optional(),
});
export type ResumeFromHandoffInput = z.input<typeof ResumeFromHandoffInputSchema>;

export const RelationshipInputSchema = z.object({
  fromEpisodeId: IdSchema,
  toEpisodeId: IdSchema,
  type: RelationshipTypeSchema,
  reason: boundedText(1_000).default(''),
  priority: z.number().int().min(1).max(10).default(5),
  createdBy: ShortTextSchema.default('agent'),
});
export type RelationshipInput = z.input<typeof RelationshipInputSchema>;

/** Context hints for retrieval; every field is optional. */
export const QueryContextSchema = z.object({
  domain: ShortTextSchema.optional(),
  language: ShortTextSchema.optional(),
  framework: ShortTextSchema.optional(),
  complexity: ComplexitySchema.optional(),
  tags: z.array(ShortTextSchema).max(LIMITS.tagsPerContext).optional(),
});
export type QueryContext = z.infer<typeof QueryContextSchema>;

export const RetrieveContextInputSchema = z.object({
  query: boundedText(LIMITS.queryBytes, 1),
  context: QueryContextSchema.default({}),
  taskType: TaskTypeSchema.optional(),
  limit: z.number().int().min(1).max(50).default(5),
  /** Approximate tokens (characters / 4) the packed answer may use. */
  tokenBudget: z.number().int().min(50).max(200_000).optional(),
});
export type RetrieveContextInput = z.input<typeof RetrieveContextInputSchema>;

export const PatternQueryInputSchema = z.object({
  query: boundedText(LIMITS.queryBytes, 1),
  context: QueryContextSchema.default({}),
  types: z.array(PatternTypeSchema).optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type PatternQueryInput = z.input<typeof PatternQueryInputSchema>;

export const RecommendPatternsInputSchema = PatternQueryInputSchema.extend({
  /** When given, a recommendation session is recorded for feedback. */
  episodeId: IdSchema.optional(),
});
export type RecommendPatternsInput = z.input<typeof RecommendPatternsInputSchema>;

export const RecommendPlaybookInputSchema = z.object({
  taskDescription: boundedText(LIMITS.queryBytes, 1),
  context: QueryContextSchema.default({}),
  taskType: TaskTypeSchema.optional(),
  maxSteps: z.number().int().min(1).max(50).default(10),
  maxPlaybooks: z.number().int().min(1).max(10).default(1),
  episodeId: IdSchema.optional(),
});
export type RecommendPlaybookInput = z.input<typeof RecommendPlaybookInputSchema>;

export const FeedbackInputSchema = z.object({
  appliedPatternIds: z.array(IdSchema).max(LIMITS.listItems).default([]),
  /** Playbooks of the session that were followed: teaches which procedures work for tasks like this one. */
  appliedPlaybookIds: z.array(z.string().max(200)).max(10).default([]),
  consultedEpisodeIds: z.array(IdSchema).max(LIMITS.listItems).default([]),
  outcome: TaskOutcomeSchema,
  rating: z.number().min(0).max(1).optional(),
});
export type FeedbackInput = z.input<typeof FeedbackInputSchema>;

export const AnalogousPatternsInputSchema = z.object({
  sourceDomain: ShortTextSchema,
  targetContext: QueryContextSchema.extend({ description: boundedText(LIMITS.queryBytes).optional() }),
  limit: z.number().int().min(1).max(50).default(10),
});
export type AnalogousPatternsInput = z.input<typeof AnalogousPatternsInputSchema>;

export const EpisodeListFilterSchema = z.object({
  taskTypes: z.array(TaskTypeSchema).max(10).optional(),
  domains: z.array(ShortTextSchema).max(50).optional(),
  labelsAny: z.array(LabelSchema).max(50).optional(),
  labelsAll: z.array(LabelSchema).max(50).optional(),
  tags: z.array(ShortTextSchema).max(50).optional(),
  startedAfter: TimestampSchema.optional(),
  startedBefore: TimestampSchema.optional(),
  outcomeTypes: z.array(z.enum(OUTCOME_TYPES)).max(4).optional(),
  rewardMin: z.number().optional(),
  rewardMax: z.number().optional(),
  completed: z.boolean().optional(),
  archived: z.enum(['exclude', 'include', 'only']).optional(),
  /** Free text: episodes whose search document holds every term of it. */
  text: boundedText(1_000).optional(),
});
export type EpisodeListFilter = z.input<typeof EpisodeListFilterSchema>;

export const PageRequestSchema = z.object({
  limit: z.number().int().min(1).max(100).optional(),
  cursor: z.string().max(1_000).nullable().optional(),
});
