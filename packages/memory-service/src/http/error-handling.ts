import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpMetrics } from '../metrics/http-metrics.js';
import type { ErrorBody } from './error-response.js';
import { toErrorResponse } from './error-response.js';
import { redactSecrets } from './redact.js';

export type ErrorReplier = (error: unknown, request: FastifyRequest, reply: FastifyReply) => FastifyReply;

/**
 * Sends any error in the service's shape. Also Fastify's `frameworkErrors` handler: URLs the router rejects
 * (malformed, or a path parameter over its length limit) answer in the same shape.
 */
export function createErrorReplier(metrics: HttpMetrics, bodyLimitBytes: number): ErrorReplier {
  return (error, request, reply) => {
    const response = toErrorResponse(error, request.id, bodyLimitBytes);
    if (response.status >= 500) {
      request.log.error({ err: loggableError(error) }, 'request failed');
    } else {
      request.log.debug({ code: response.body.error.code, status: response.status }, 'request refused');
    }
    metrics.recordError(response.body.error.code);
    if (response.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(response.retryAfterSeconds));
    if (response.status === 401) reply.header('www-authenticate', 'Bearer realm="memory-service"');
    return reply.code(response.status).send(response.body);
  };
}

/** One error body for everything: handler errors, body parser errors, unknown routes. */
export function installErrorHandling(
  app: FastifyInstance,
  metrics: HttpMetrics,
  replyWithError: ErrorReplier,
): void {
  app.setErrorHandler(replyWithError);

  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    metrics.recordError('NOT_FOUND');
    const body: ErrorBody = {
      error: {
        code: 'NOT_FOUND',
        message: `no route ${request.method} ${path}; /openapi.json lists the routes`,
        details: { method: request.method, path },
      },
    };
    return reply.code(404).send(body);
  });
}

/** The error as logged: type, code, message and stack, with credentials removed from the texts. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactSecrets(String(error)) };
  const cause = error.cause instanceof Error ? redactSecrets(error.cause.message) : undefined;
  return {
    type: error.name,
    code: (error as { code?: unknown }).code,
    message: redactSecrets(error.message),
    stack: error.stack === undefined ? undefined : redactSecrets(error.stack),
    ...(cause === undefined ? {} : { cause }),
  };
}
