import { RetrieveContextInputSchema } from '@slm/memory-core';
import { RetrievedContextSchema } from '../openapi/response-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

export function retrievalRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/retrieve',
      operationId: 'retrieveContext',
      summary: 'Context for a new task: similar episodes, patterns, heuristics, a playbook and warnings',
      description:
        'Every ranked result carries its score breakdown and a one-line reason. `tokenBudget` packs the answer into roughly that many tokens.',
      tag: 'retrieval',
      access: 'key',
      body: RetrieveContextInputSchema,
      response: { description: 'The retrieved context.', schema: RetrievedContextSchema },
      async handler({ memory, body }) {
        return memory.retrieveContext(body);
      },
    }),
  ];
}
