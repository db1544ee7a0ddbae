import { z } from 'zod';
import { EpisodeSchema } from './episode.js';
import { HeuristicSchema } from './heuristic.js';
import { PatternSchema } from './pattern.js';
import { RecommendationFeedbackSchema, RecommendationSessionSchema } from './recommendation.js';
import { RelationshipSchema } from './relationship.js';

export const EXPORT_FORMAT_VERSION = 1;

/** One line of a JSONL export after the header. Import validates each line with this schema. */
export const ExportRecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('episode'), record: EpisodeSchema }),
  z.object({ type: z.literal('pattern'), record: PatternSchema }),
  z.object({ type: z.literal('heuristic'), record: HeuristicSchema }),
  z.object({ type: z.literal('relationship'), record: RelationshipSchema }),
  z.object({ type: z.literal('recommendation_session'), record: RecommendationSessionSchema }),
  z.object({ type: z.literal('recommendation_feedback'), record: RecommendationFeedbackSchema }),
]);
export type ExportRecord = z.infer<typeof ExportRecordSchema>;
export type ExportRecordType = ExportRecord['type'];

export const ExportHeaderSchema = z.object({
  type: z.literal('header'),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  namespace: z.string().nullable(),
  exportedAt: z.string(),
  since: z.string().nullable().default(null),
  counts: z.record(z.string(), z.number().int()),
});
export type ExportHeader = z.infer<typeof ExportHeaderSchema>;
