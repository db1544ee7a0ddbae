import { RELATIONSHIP_TYPES, RelationshipInputSchema } from '@slm/memory-core';
import { z } from 'zod';
import { RelationshipEnvelopeSchema, RelationshipListSchema } from '../openapi/response-schemas.js';
import { IdParamsSchema, queryList } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const RelationshipQuerySchema = z.object({
  direction: z.enum(['outgoing', 'incoming', 'both']).optional(),
  types: queryList(z.enum(RELATIONSHIP_TYPES), RELATIONSHIP_TYPES.length),
});

export function relationshipRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/relationships',
      operationId: 'addRelationship',
      summary: 'Link two episodes (duplicates and cycles of acyclic types are 409)',
      tag: 'relationships',
      access: 'key',
      body: RelationshipInputSchema,
      status: 201,
      response: { description: 'The relationship.', schema: RelationshipEnvelopeSchema },
      async handler({ memory, body }) {
        return { relationship: await memory.addRelationship(body) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/episodes/:id/relationships',
      operationId: 'getRelationships',
      summary: "An episode's relationships",
      tag: 'relationships',
      access: 'key',
      params: IdParamsSchema,
      query: RelationshipQuerySchema,
      response: { description: 'The relationships.', schema: RelationshipListSchema },
      async handler({ memory, params, query }) {
        return { relationships: await memory.getRelationships(params.id, query) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/relationships/:id',
      operationId: 'removeRelationship',
      summary: 'Remove a relationship',
      tag: 'relationships',
      access: 'key',
      params: IdParamsSchema,
      status: 204,
      response: { description: 'Removed.' },
      async handler({ memory, params }) {
        await memory.removeRelationship(params.id);
      },
    }),
  ];
}
