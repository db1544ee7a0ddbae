import {
  CheckpointSchema,
  EpisodeSchema,
  HeuristicSchema,
  PatternSchema,
  PlaybookSchema,
  RecommendationFeedbackSchema,
  RelationshipSchema,
} from '@slm/memory-core';
import { z } from 'zod';
import type { RouteSpec } from '../routes/route-spec.js';
import { ErrorBodySchema, ScoreBreakdownSchema } from './response-schemas.js';

type JsonSchema = Record<string, unknown>;

/** Records shared by many responses: named components instead of a copy in every operation. */
const SHARED_RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  Episode: EpisodeSchema,
  Pattern: PatternSchema,
  Heuristic: HeuristicSchema,
  Playbook: PlaybookSchema,
  Relationship: RelationshipSchema,
  Checkpoint: CheckpointSchema,
  RecommendationFeedback: RecommendationFeedbackSchema,
  ScoreBreakdown: ScoreBreakdownSchema,
  Error: ErrorBodySchema,
};

const COMPONENT = '#/components/schemas/';

/**
 * An OpenAPI 3.1 document of every route, generated from the same zod schemas that validate the requests
 * (request bodies as the schemas accept them, responses as the service produces them).
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): JsonSchema {
  const requestRegistry = z.registry<{ id: string }>();
  const responseRegistry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SHARED_RESPONSE_SCHEMAS)) responseRegistry.add(schema, { id });
  for (const route of routes) {
    const body = route.body ?? route.bodyDoc;
    // A schema shared by two routes keeps the first route's name.
    if (body && !requestRegistry.has(body)) {
      requestRegistry.add(body, { id: `${capitalise(route.operationId)}Request` });
    }
    const response = route.response.schema;
    if (response && !responseRegistry.has(response)) {
      responseRegistry.add(response, { id: `${capitalise(route.operationId)}Response` });
    }
  }
  const schemas = {
    ...components(requestRegistry, 'input'),
    ...components(responseRegistry, 'output'),
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, requestRegistry, responseRegistry);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Self-learning memory service',
      version,
      description:
        'REST API of the self-learning memory for AI agents. Every error has the body `{ error: { code, message, details } }`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key from MEMORY_API_KEYS; it selects the namespace. Not needed without configured keys.',
        },
      },
      schemas,
    },
  };
}

function components(registry: Registry, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `${COMPONENT}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const cleaned: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, id: _id, $id: _uri, ...rest } = schema;
    cleaned[id] = rest;
  }
  return cleaned;
}

type Registry = z.core.$ZodRegistry<{ id: string }>;

function operation(route: RouteSpec, requests: Registry, responses: Registry): Record<string, unknown> {
  const parameters = [...fieldParameters(route.params, 'path'), ...fieldParameters(route.query, 'query')];
  const body = route.body ?? route.bodyDoc;
  const status = String(route.status ?? 200);
  const success: Record<string, unknown> = { description: route.response.description };
  const responseSchema = route.response.schema;
  if (status !== '204') {
    const schema = responseSchema ? { $ref: `${COMPONENT}${responses.get(responseSchema)?.id}` } : {};
    success['content'] = { [route.response.contentType ?? 'application/json']: { schema } };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ bearer: [] }],
    'x-access': route.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: !body.safeParse(undefined).success,
            content: {
              'application/json': { schema: { $ref: `${COMPONENT}${requests.get(body)?.id}` } },
              ...Object.fromEntries(
                (route.bodyContentTypes ?? []).map((type) => [
                  type,
                  { schema: { type: 'string', description: 'One JSON record per line.' } },
                ]),
              ),
            },
          },
        }
      : {}),
    responses: { [status]: success, ...errorResponses(route, parameters.length > 0 || body !== undefined) },
  };
}

/** One OpenAPI parameter per field of an object schema; list fields are comma-separated (`style: form`). */
function fieldParameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const json = z.toJSONSchema(field, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _dialect, ...fieldSchema } = json;
    const list = fieldSchema['type'] === 'array';
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      schema: fieldSchema,
      ...(list ? { style: 'form', explode: false } : {}),
    };
  });
}

function errorResponses(route: RouteSpec, validated: boolean): Record<string, unknown> {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `${COMPONENT}Error` } } },
  });
  const responses: Record<string, unknown> = {};
  if (validated)
    responses['400'] = error(
      'VALIDATION_FAILED: a field is invalid (details.issues names it), or the JSON is malformed.',
    );
  if (route.access !== 'public') responses['401'] = error('UNAUTHORIZED: missing or unknown API key.');
  if (route.access === 'admin') responses['403'] = error('FORBIDDEN: the key is not an admin key.');
  if (route.params) responses['404'] = error("NOT_FOUND: no such record in the key's namespace.");
  if (route.method === 'POST' || route.method === 'PATCH')
    responses['409'] = error('CONFLICT: the change contradicts stored state.');
  if (route.body ?? route.bodyDoc)
    responses['413'] = error('PAYLOAD_TOO_LARGE: the body exceeds the body limit.');
  if (route.access !== 'public') responses['429'] = error('RATE_LIMITED: retry after `Retry-After` seconds.');
  responses['500'] = error('Internal failure; the body names the request id to find in the log.');
  responses['503'] = error('UNAVAILABLE: overloaded or shutting down; retry after `Retry-After` seconds.');
  return responses;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
