import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { createAuthenticator } from './auth/authenticator.js';
import { assertListenAllowed } from './auth/loopback.js';
import type { Principal } from './auth/principal.js';
import { answerClientError } from './http/client-error.js';
import { createErrorReplier, installErrorHandling } from './http/error-handling.js';
import { createLoadShedder } from './http/load-shedder.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { installRequestGuards } from './http/request-guards.js';
import { requestId } from './http/request-id.js';
import { createServiceMetrics } from './metrics/service-metrics.js';
import { adminRoutes, JSONL_CONTENT_TYPES } from './routes/admin.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { checkpointRoutes } from './routes/checkpoints.js';
import { completionRoutes } from './routes/completion.js';
import { episodeRoutes } from './routes/episodes.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { labelRoutes } from './routes/labels.js';
import { mcpRoutes } from './routes/mcp.js';
import { operationRoutes } from './routes/operations.js';
import { patternRoutes } from './routes/patterns.js';
import { playbookRoutes } from './routes/playbooks.js';
import { registerRoutes } from './routes/register-routes.js';
import { relationshipRoutes } from './routes/relationships.js';
import { retrievalRoutes } from './routes/retrieval.js';
import type { RouteSpec } from './routes/route-spec.js';
import type { ServiceContext } from './routes/service-context.js';
import { stepRoutes } from './routes/steps.js';
import {
  assertLimits,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_HEALTH_TIMEOUT_MS,
  type ServiceOptions,
} from './service-options.js';
import { installShutdownHooks } from './shutdown-hooks.js';

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/** Header values the logs never show, whatever serializers the given logger has. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'];

/**
 * The HTTP service: REST under `/v1`, `/mcp` when a handler is given, health, metrics, version and docs.
 * Refuses (`CONFIG_INVALID`) a non-loopback `host` without API keys, and impossible limits. The caller
 * listens; `app.close()` (or `closeService`, which adds a deadline) stops accepting, drains in-flight
 * requests, ends MCP sessions and then closes the memory, which flushes buffered steps.
 */
export async function createService(options: ServiceOptions): Promise<FastifyInstance> {
  assertListenAllowed(options.host, options.apiKeys);
  assertLimits(options);
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  const metrics = options.metrics ?? createServiceMetrics();
  metrics.bindSources({
    memory: options.memory,
    poolStatistics: options.poolStatistics,
    readStatistics: options.readStatistics,
  });

  const replyWithError = createErrorReplier(metrics.http, bodyLimitBytes);
  const app = Fastify({
    // Typed as Fastify's logger so the instance is a plain FastifyInstance (pino's type differs in generics only).
    loggerInstance: options.logger.child(
      {},
      { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    ) as FastifyBaseLogger,
    bodyLimit: bodyLimitBytes,
    genReqId: requestId,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Probes and scrapes arrive every few seconds; logging each would drown the lines that matter.
      disableRequestLogging: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
    }),
    // Shutdown refusals go through the guards, in the service's error shape.
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: replyWithError,
  });

  const lifecycle = { closing: false };
  const principals = new WeakMap<FastifyRequest, Principal>();
  const context: ServiceContext = {
    memory: options.memory,
    metrics,
    version: options.version,
    startedAtMs: Date.now(),
    healthTimeoutMs: options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    lifecycle,
    mcp: options.mcp,
  };

  installRequestGuards(app, {
    shedder: createLoadShedder(options.maxInFlight),
    authenticator: createAuthenticator(options.memory, options.apiKeys),
    rateLimiter: createRateLimiter(options.rateLimitPerSecond),
    metrics: metrics.http,
    lifecycle,
    principals,
  });
  installErrorHandling(app, metrics.http, replyWithError);
  app.addContentTypeParser(JSONL_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  const routes = serviceRoutes(context);
  registerRoutes(
    app,
    [...routes, ...apiDocsRoutes(routes, options.version.package)],
    options.memory,
    principals,
  );

  installShutdownHooks(app, { lifecycle, mcp: options.mcp, memory: options.memory });
  return app;
}

function serviceRoutes(context: ServiceContext): RouteSpec[] {
  return [
    ...episodeRoutes(),
    ...stepRoutes(),
    ...completionRoutes(),
    ...labelRoutes(),
    ...checkpointRoutes(),
    ...relationshipRoutes(),
    ...retrievalRoutes(),
    ...patternRoutes(),
    ...playbookRoutes(),
    ...feedbackRoutes(),
    ...adminRoutes(),
    ...healthRoutes(context),
    ...operationRoutes(context),
    ...(context.mcp ? mcpRoutes(context.mcp) : []),
  ];
}
