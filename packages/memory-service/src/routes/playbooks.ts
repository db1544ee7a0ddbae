import { RecommendPlaybookInputSchema } from '@slm/memory-core';
import { PlaybookRecommendationsSchema } from '../openapi/response-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

export function playbookRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/playbooks/recommend',
      operationId: 'recommendPlaybook',
      summary: 'A step-by-step playbook for a task, from what worked before',
      tag: 'patterns',
      access: 'key',
      body: RecommendPlaybookInputSchema,
      response: { description: 'Playbooks and the session id.', schema: PlaybookRecommendationsSchema },
      async handler({ memory, body }) {
        return memory.recommendPlaybook(body);
      },
    }),
  ];
}
