import { LabelsInputSchema } from '@slm/memory-core';
import { z } from 'zod';
import { parseRequest } from '../http/parse-request.js';
import { EpisodeEnvelopeSchema } from '../openapi/response-schemas.js';
import { IdParamsSchema, queryList } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const LabelsBodySchema = z.object({ labels: LabelsInputSchema });

export function labelRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/episodes/:id/labels',
      operationId: 'addLabels',
      summary: 'Add labels to an episode',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      body: LabelsBodySchema,
      response: { description: 'The episode with its labels.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, params, body }) {
        return { episode: await memory.addLabels(params.id, body.labels) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/episodes/:id/labels',
      operationId: 'removeLabels',
      summary:
        'Remove labels from an episode (`{ labels }` body, or `?labels=a,b` for clients without DELETE bodies)',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      query: z.object({ labels: queryList(z.string(), 50) }),
      bodyDoc: LabelsBodySchema,
      response: { description: 'The episode with its labels.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, params, query, request }) {
        const labels =
          request.body === undefined && query.labels !== undefined
            ? query.labels
            : parseRequest(LabelsBodySchema, request.body, 'body').labels;
        return { episode: await memory.removeLabels(params.id, labels) };
      },
    }),
  ];
}
