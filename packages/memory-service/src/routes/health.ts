import { probeHealth } from '../health/probe-health.js';
import { HealthSchema, LiveSchema } from '../openapi/response-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';
import type { ServiceContext } from './service-context.js';

export function healthRoutes(context: ServiceContext): RouteSpec[] {
  const uptimeSeconds = () => Math.round((Date.now() - context.startedAtMs) / 1000);
  const probe = async () => {
    const report = await probeHealth(context.memory, context.healthTimeoutMs);
    const status = context.lifecycle.closing ? 'down' : report.status;
    return {
      httpStatus: status === 'down' ? 503 : 200,
      body: { ...report, status, version: context.version.package, uptimeSeconds: uptimeSeconds() },
    };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/health/live',
      operationId: 'live',
      summary: 'The process is up (no dependency is probed)',
      tag: 'operations',
      access: 'public',
      response: { description: 'Alive.', schema: LiveSchema },
      async handler() {
        return { status: 'ok', uptimeSeconds: uptimeSeconds() };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/health/ready',
      operationId: 'ready',
      summary:
        'Ready for traffic: 200 when the store answers (`degraded` when only the cache is down), else 503',
      tag: 'operations',
      access: 'public',
      response: {
        description: 'Probe results with latencies (503 when down or shutting down).',
        schema: HealthSchema,
      },
      async handler({ reply }) {
        const { httpStatus, body } = await probe();
        return reply.code(httpStatus).send(body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/health',
      operationId: 'health',
      summary: 'Real probes of libSQL and the cache with latencies: 200 `ok`/`degraded`, 503 `down`',
      tag: 'operations',
      access: 'public',
      response: { description: 'Probe results with latencies (503 when down).', schema: HealthSchema },
      async handler({ reply }) {
        const { httpStatus, body } = await probe();
        return reply.code(httpStatus).send(body);
      },
    }),
  ];
}
