import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { IdSchema, LIMITS, OUTCOME_TYPES } from '@slm/memory-core';
import { z } from 'zod';
import { OutcomeObjectSchema, toTaskOutcome } from '../mapping/outcome.js';
import { ADDS, defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { round } from '../views/pattern-view.js';

const OutcomeArgumentSchema = z
  .union([z.enum(OUTCOME_TYPES), OutcomeObjectSchema])
  .describe(
    'How the task went: "success", "partial_success", "failure" or "abstained", or an object ' +
      '{ outcome_type, verdict?, reason?, … } as complete_episode takes.',
  );

/** record_recommendation_feedback and get_recommendation_stats: closing the loop on recommendations. */
export function registerFeedbackTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'record_recommendation_feedback',
    title: 'Report what you did with recommendations',
    description:
      'Call after the task, with the session_id from recommend_playbook or recommend_patterns: which ' +
      'recommended patterns you applied, which past episodes you consulted, and how it went. This teaches the ' +
      'memory which recommendations work.',
    input: z.strictObject({
      session_id: IdSchema.describe('The session_id returned by recommend_playbook or recommend_patterns.'),
      applied_pattern_ids: z
        .array(IdSchema)
        .max(LIMITS.listItems)
        .optional()
        .describe('Ids of recommended patterns you actually applied.'),
      applied_playbook_ids: z
        .array(z.string().min(1).max(200))
        .max(10)
        .optional()
        .describe('Ids of recommended playbooks you followed.'),
      consulted_episode_ids: z
        .array(IdSchema)
        .max(LIMITS.listItems)
        .optional()
        .describe('Ids of past episodes you looked at.'),
      outcome: OutcomeArgumentSchema,
      agent_rating: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .describe('How useful the recommendations were, 0 to 1.'),
    }),
    annotations: ADDS,
    run: async (args) => {
      const outcome =
        typeof args.outcome === 'string'
          ? toTaskOutcome({ outcome_type: args.outcome })
          : toTaskOutcome(args.outcome);
      const feedback = await memory.recordFeedback(args.session_id, {
        appliedPatternIds: args.applied_pattern_ids,
        appliedPlaybookIds: args.applied_playbook_ids,
        consultedEpisodeIds: args.consulted_episode_ids,
        outcome,
        rating: args.agent_rating,
      });
      return {
        summary: `Recorded feedback ${feedback.id} for session ${feedback.sessionId} (${feedback.outcome.type}).`,
        data: {
          feedback_id: feedback.id,
          session_id: feedback.sessionId,
          applied_pattern_ids: feedback.appliedPatternIds,
          outcome: feedback.outcome.type,
        },
      };
    },
  });

  defineTool(server, context, {
    name: 'get_recommendation_stats',
    title: 'Recommendation statistics',
    description:
      'How recommendations are doing in this namespace: sessions, sessions with feedback, patterns recommended ' +
      'and applied, adoption rate, success after adoption and the average agent rating.',
    input: z.strictObject({}),
    annotations: READ_ONLY,
    run: async () => {
      const stats = await memory.recommendationStats();
      return {
        summary:
          `${stats.sessions} sessions, ${stats.sessionsWithFeedback} with feedback; adoption ` +
          `${round(stats.adoptionRate)}, success after adoption ${round(stats.successAfterAdoption)}.`,
        data: {
          sessions: stats.sessions,
          sessions_with_feedback: stats.sessionsWithFeedback,
          patterns_recommended: stats.patternsRecommended,
          patterns_applied: stats.patternsApplied,
          adoption_rate: stats.adoptionRate,
          success_after_adoption: stats.successAfterAdoption,
          average_rating: stats.averageRating,
        },
      };
    },
  });
}
