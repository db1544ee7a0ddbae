import { CheckpointInputSchema, ResumeFromHandoffInputSchema } from '@slm/memory-core';
import {
  CheckpointEnvelopeSchema,
  EpisodeEnvelopeSchema,
  HandoffEnvelopeSchema,
} from '../openapi/response-schemas.js';
import { IdParamsSchema } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

export function checkpointRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/episodes/:id/checkpoints',
      operationId: 'checkpointEpisode',
      summary: 'Mark progress in an open episode, so another agent can take over',
      tag: 'handoff',
      access: 'key',
      params: IdParamsSchema,
      body: CheckpointInputSchema,
      status: 201,
      response: { description: 'The checkpoint.', schema: CheckpointEnvelopeSchema },
      async handler({ memory, params, body }) {
        return { checkpoint: await memory.checkpointEpisode(params.id, body) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/checkpoints/:id/handoff',
      operationId: 'getHandoffPack',
      summary: 'Everything a fresh agent needs to continue from a checkpoint',
      tag: 'handoff',
      access: 'key',
      params: IdParamsSchema,
      response: { description: 'The handoff pack.', schema: HandoffEnvelopeSchema },
      async handler({ memory, params }) {
        return { handoff: await memory.getHandoffPack(params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/handoffs/resume',
      operationId: 'resumeFromHandoff',
      summary: 'Start a new episode continuing a checkpoint (linked with a `follows` relationship)',
      tag: 'handoff',
      access: 'key',
      body: ResumeFromHandoffInputSchema,
      status: 201,
      response: { description: 'The new episode.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, body }) {
        return { episode: await memory.resumeFromHandoff(body) };
      },
    }),
  ];
}
