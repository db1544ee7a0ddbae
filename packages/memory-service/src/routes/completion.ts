import { TaskOutcomeSchema } from '@slm/memory-core';
import { z } from 'zod';
import { EpisodeEnvelopeSchema } from '../openapi/response-schemas.js';
import { IdParamsSchema } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const CompleteEpisodeBodySchema = z.object({ outcome: TaskOutcomeSchema });

export function completionRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/episodes/:id/complete',
      operationId: 'completeEpisode',
      summary: 'Complete an episode and learn from it',
      description:
        'Idempotent for the same outcome; a different outcome for a completed episode is 409. Learning (reward, reflection, patterns, heuristics) runs before the response.',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      body: CompleteEpisodeBodySchema,
      response: {
        description: 'The completed episode with what was learned.',
        schema: EpisodeEnvelopeSchema,
      },
      async handler({ memory, params, body }) {
        return { episode: await memory.completeEpisode(params.id, body.outcome) };
      },
    }),
  ];
}
