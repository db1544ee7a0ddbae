import { z } from 'zod';
import { LIMITS } from './limits.js';
import { TaskOutcomeSchema } from './outcome.js';
import { boundedText, IdSchema, NamespaceSchema, TimestampSchema } from './primitives.js';

/** What was recommended, to which episode: the unit that feedback refers to. */
export const RecommendationSessionSchema = z.object({
  id: IdSchema,
  namespace: NamespaceSchema,
  episodeId: IdSchema.optional(),
  query: boundedText(LIMITS.queryBytes).default(''),
  patternIds: z.array(IdSchema),
  playbookIds: z.array(z.string()),
  episodeIds: z.array(IdSchema).default([]),
  createdAt: TimestampSchema,
});
export type RecommendationSession = z.infer<typeof RecommendationSessionSchema>;

/** What the agent did with a session's recommendations and how the task went. */
export const RecommendationFeedbackSchema = z.object({
  id: IdSchema,
  namespace: NamespaceSchema,
  sessionId: IdSchema,
  appliedPatternIds: z.array(IdSchema),
  /** Playbooks of the session the agent followed (older records have none). */
  appliedPlaybookIds: z.array(z.string()).default([]),
  consultedEpisodeIds: z.array(IdSchema),
  outcome: TaskOutcomeSchema,
  rating: z.number().min(0).max(1).optional(),
  createdAt: TimestampSchema,
});
export type RecommendationFeedback = z.infer<typeof RecommendationFeedbackSchema>;

/** Adoption and success after adoption, from real counts. */
export interface RecommendationStats {
  sessions: number;
  sessionsWithFeedback: number;
  patternsRecommended: number;
  patternsApplied: number;
  /** patternsApplied / patternsRecommended over sessions with feedback (0 when none). */
  adoptionRate: number;
  /** Feedback whose outcome was a success (partial counts its fraction) among feedback that applied a pattern. */
  successAfterAdoption: number;
  averageRating: number | null;
}
