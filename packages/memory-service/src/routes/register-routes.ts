import type { SelfLearningMemory } from '@slm/memory-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { parseRequest } from '../http/parse-request.js';
import type { RouteGuardConfig } from '../http/request-guards.js';
import type { RouteSpec } from './route-spec.js';

const EXEMPT_FROM_SHEDDING = new Set(['/health/live', '/metrics']);

/** Registers each route: validate path, query and body with its zod schemas, call it, send its result. */
export function registerRoutes(
  app: FastifyInstance,
  routes: readonly RouteSpec[],
  rootMemory: SelfLearningMemory,
  principals: WeakMap<FastifyRequest, Principal>,
): void {
  for (const route of routes) {
    const config: RouteGuardConfig = {
      access: route.access,
      streaming: route.streaming ?? false,
      exemptFromShedding: EXEMPT_FROM_SHEDDING.has(route.url),
    };
    app.route({
      method: route.method,
      url: route.url,
      config,
      handler: async (request, reply) => {
        const principal = principals.get(request);
        const result = await route.handler({
          params: route.params ? parseRequest(route.params, request.params, 'path') : request.params,
          query: route.query ? parseRequest(route.query, request.query, 'query') : request.query,
          body: route.body ? parseRequest(route.body, request.body, 'body') : request.body,
          memory: principal?.memory ?? rootMemory,
          principal,
          request,
          reply,
        });
        // Handlers that stream or hand the socket to another transport have sent (or hijacked) the reply.
        if (reply.sent || result === reply) return reply;
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
}
