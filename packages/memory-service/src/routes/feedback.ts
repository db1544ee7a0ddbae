import { FeedbackInputSchema, IdSchema } from '@slm/memory-core';
import { FeedbackEnvelopeSchema, StatsEnvelopeSchema } from '../openapi/response-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const FeedbackBodySchema = FeedbackInputSchema.extend({ sessionId: IdSchema });

export function feedbackRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/feedback',
      operationId: 'recordFeedback',
      summary: "Report what was done with a session's recommendations and how the task went",
      description:
        'Updates the measured effectiveness of every applied pattern. One feedback per session (409 after).',
      tag: 'feedback',
      access: 'key',
      body: FeedbackBodySchema,
      status: 201,
      response: { description: 'The stored feedback.', schema: FeedbackEnvelopeSchema },
      async handler({ memory, body }) {
        const { sessionId, ...feedback } = body;
        return { feedback: await memory.recordFeedback(sessionId, feedback) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/stats',
      operationId: 'getStats',
      summary: "Counts and rates of the caller's namespace, measured in the store",
      tag: 'feedback',
      access: 'key',
      response: { description: 'Statistics.', schema: StatsEnvelopeSchema },
      async handler({ memory }) {
        return { stats: await memory.stats() };
      },
    }),
  ];
}
