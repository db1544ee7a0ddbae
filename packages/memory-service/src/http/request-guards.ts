import { MemoryError } from '@slm/memory-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { HttpMetrics } from '../metrics/http-metrics.js';
import type { Access } from '../routes/route-spec.js';
import type { LoadShedder } from './load-shedder.js';
import type { RateLimiter } from './rate-limiter.js';

/** Per-route settings the guards read (`config` of each Fastify route). */
export interface RouteGuardConfig {
  access: Access;
  /** Long-lived responses (event streams) are not counted as in flight. */
  streaming: boolean;
  /** Liveness and metrics stay answerable under overload, so the overload itself can be observed. */
  exemptFromShedding: boolean;
}

export interface RequestGuards {
  shedder: LoadShedder;
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  metrics: HttpMetrics;
  lifecycle: { closing: boolean };
  principals: WeakMap<FastifyRequest, Principal>;
}

/**
 * Everything that happens before a body is read: measuring, load shedding, refusing new work while shutting
 * down, authentication, rate limiting and the admin check. Running before the body parser means a refused
 * request costs no parsing.
 */
export function installRequestGuards(app: FastifyInstance, guards: RequestGuards): void {
  app.addHook('onRequest', async (request, reply) => {
    const config = guardConfig(request);
    const startedMs = performance.now();
    let admitted = false;
    // 'close' fires once for every response: finished, failed, aborted or hijacked.
    reply.raw.once('close', () => {
      if (admitted) guards.shedder.release();
      const status = reply.raw.writableFinished ? String(reply.raw.statusCode) : 'aborted';
      const route = request.routeOptions.url ?? 'unmatched';
      guards.metrics.recordRequest(request.method, route, status, performance.now() - startedMs);
    });
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // Draining: tell keep-alive clients to reconnect (to another instance) after this response.
    if (guards.lifecycle.closing) reply.header('connection', 'close');
    if (!config.streaming && !config.exemptFromShedding) {
      guards.shedder.admit();
      admitted = true;
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const { access } = guardConfig(request);
    if (access === 'public') return;
    if (guards.lifecycle.closing) {
      throw new MemoryError('UNAVAILABLE', 'the service is shutting down; retry against another instance', {
        details: { retryAfterSeconds: 1 },
      });
    }
    const principal = guards.authenticator.authenticate(
      request.headers.authorization,
      request.socket.localAddress,
    );
    guards.rateLimiter.take(principal.keyId);
    if (access === 'admin' && !principal.admin) {
      throw new MemoryError('FORBIDDEN', 'this route needs an admin key (an entry ending in ":admin")');
    }
    guards.principals.set(request, principal);
    reply.header('cache-control', 'no-store');
  });
}

const PUBLIC: RouteGuardConfig = { access: 'public', streaming: false, exemptFromShedding: false };

function guardConfig(request: FastifyRequest): RouteGuardConfig {
  const config = request.routeOptions.config as Partial<RouteGuardConfig> | undefined;
  // Unknown routes (404) have no config: they need no key and are shed like any request.
  return config?.access === undefined ? PUBLIC : (config as RouteGuardConfig);
}
