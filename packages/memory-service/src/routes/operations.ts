import { VersionSchema } from '../openapi/response-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';
import type { ServiceContext } from './service-context.js';

export const SERVICE_NAME = '@slm/memory-service';

export function operationRoutes(context: ServiceContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics (no key: firewall it, or bind the service to loopback)',
      tag: 'operations',
      access: 'public',
      response: { description: 'Prometheus text exposition format.', contentType: 'text/plain' },
      async handler({ reply }) {
        const { registry } = context.metrics;
        const text = await registry.metrics();
        return reply.type(registry.contentType).send(text);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/version',
      operationId: 'version',
      summary: 'Service and database schema versions',
      tag: 'operations',
      access: 'public',
      response: { description: 'Versions.', schema: VersionSchema },
      async handler() {
        return { name: SERVICE_NAME, version: context.version.package, schema: context.version.schema };
      },
    }),
  ];
}
