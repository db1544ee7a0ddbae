import { LIMITS, StepInputSchema } from '@slm/memory-core';
import { z } from 'zod';
import { parseRequest } from '../http/parse-request.js';
import { AcceptedStepsSchema } from '../openapi/response-schemas.js';
import { IdParamsSchema } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const StepBatchSchema = z.object({ steps: z.array(StepInputSchema).min(1).max(LIMITS.stepsPerEpisode) });

function isBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'steps' in body;
}

export function stepRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/episodes/:id/steps',
      operationId: 'logSteps',
      summary: 'Log one step, or several as `{ steps: [...] }`',
      description:
        'Steps are unique by `stepNumber`; logging the same step again is a no-op (`unchanged`). A step for an unknown or completed episode is an error.',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      bodyDoc: z.union([StepInputSchema, StepBatchSchema]),
      status: 201,
      response: { description: 'How many steps were accepted.', schema: AcceptedStepsSchema },
      async handler({ memory, params, request }) {
        // Two accepted shapes: validated here so messages name the fields of the shape that was sent.
        if (isBatch(request.body)) {
          const { steps } = parseRequest(StepBatchSchema, request.body, 'body');
          return memory.logSteps(params.id, steps);
        }
        return memory.logStep(params.id, parseRequest(StepInputSchema, request.body, 'body'));
      },
    }),
  ];
}
