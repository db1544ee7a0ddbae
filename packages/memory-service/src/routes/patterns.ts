import { PatternQueryInputSchema, RecommendPatternsInputSchema } from '@slm/memory-core';
import {
  PatternListSchema,
  PatternRecommendationsSchema,
  PatternWithExplanationSchema,
} from '../openapi/response-schemas.js';
import { IdParamsSchema } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

export function patternRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/patterns/search',
      operationId: 'searchPatterns',
      summary: 'Search learned patterns',
      tag: 'patterns',
      access: 'key',
      body: PatternQueryInputSchema,
      response: { description: 'Ranked patterns.', schema: PatternListSchema },
      async handler({ memory, body }) {
        return { patterns: await memory.searchPatterns(body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/patterns/recommend',
      operationId: 'recommendPatterns',
      summary: 'Recommend patterns for a task; with `episodeId`, opens a session to send feedback on',
      tag: 'patterns',
      access: 'key',
      body: RecommendPatternsInputSchema,
      response: {
        description: 'Recommended patterns and the session id.',
        schema: PatternRecommendationsSchema,
      },
      async handler({ memory, body }) {
        return memory.recommendPatterns(body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/patterns/:id',
      operationId: 'getPattern',
      summary: 'A pattern with an explanation: success rate, effectiveness, confidence and evidence',
      tag: 'patterns',
      access: 'key',
      params: IdParamsSchema,
      response: { description: 'The pattern and its explanation.', schema: PatternWithExplanationSchema },
      async handler({ memory, params }) {
        const { pattern, ...explanation } = await memory.explainPattern(params.id);
        return { pattern, explanation };
      },
    }),
  ];
}
