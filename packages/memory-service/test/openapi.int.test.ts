import { describe, expect, it } from 'vitest';
import { createGatedMcp } from './support/gated-mcp.js';
import { useService } from './support/service-harness.js';

const services = useService();

/** The routes interfaces.md and the service brief pin. */
const PINNED_ROUTES = [
  'POST /v1/episodes',
  'GET /v1/episodes',
  'GET /v1/episodes/{id}',
  'PATCH /v1/episodes/{id}',
  'DELETE /v1/episodes/{id}',
  'POST /v1/episodes/{id}/steps',
  'POST /v1/episodes/{id}/complete',
  'POST /v1/episodes/{id}/checkpoints',
  'GET /v1/checkpoints/{id}/handoff',
  'POST /v1/handoffs/resume',
  'POST /v1/retrieve',
  'POST /v1/patterns/search',
  'POST /v1/patterns/recommend',
  'GET /v1/patterns/{id}',
  'POST /v1/playbooks/recommend',
  'POST /v1/feedback',
  'GET /v1/stats',
  'POST /v1/episodes/{id}/labels',
  'DELETE /v1/episodes/{id}/labels',
  'POST /v1/relationships',
  'GET /v1/episodes/{id}/relationships',
  'DELETE /v1/relationships/{id}',
  'GET /v1/admin/export',
  'POST /v1/admin/import',
  'POST /v1/admin/sync',
  'POST /v1/admin/cache/regenerate',
  'GET /health/live',
  'GET /health/ready',
  'GET /health',
  'GET /metrics',
  'GET /version',
  'GET /openapi.json',
  'GET /docs',
  'POST /mcp',
  'GET /mcp',
  'DELETE /mcp',
];

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: unknown; responses: Record<string, unknown>; security: unknown[] }>
  >;
  components: { schemas: Record<string, unknown> };
};

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

describe('/openapi.json', () => {
  it('documents every pinned route, and every documented route exists', async () => {
    const service = await services.start({ mcp: createGatedMcp(true) });
    const response = await service.call<Document>('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...PINNED_ROUTES].sort());
    for (const route of documented) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      expect(service.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    // Every reference resolves, and request bodies come from the zod schemas (not empty placeholders).
    for (const ref of refs(document)) {
      expect(document.components.schemas, ref).toHaveProperty(ref.replace('#/components/schemas/', ''));
    }
    const createBody = document.components.schemas['CreateEpisodeRequest'] as {
      required: string[];
      properties: object;
    };
    expect(createBody.required).toEqual(['taskDescription']);
    expect(Object.keys(createBody.properties)).toEqual([
      'taskDescription',
      'taskType',
      'context',
      'labels',
      'metadata',
    ]);
    expect(document.paths['/health']?.['get']?.security).toEqual([]);
    expect(document.paths['/v1/admin/sync']?.['post']?.responses).toHaveProperty('403');
  });

  it('leaves /mcp out when no MCP handler is mounted, and answers it with 404', async () => {
    const service = await services.start();
    const document = (await service.call<Document>('GET', '/openapi.json')).body;
    expect(document.paths).not.toHaveProperty('/mcp');
    expect((await service.call('POST', '/mcp', { json: {} })).status).toBe(404);
  });
});

describe('/docs', () => {
  it('is a self-contained HTML page listing the routes', async () => {
    const service = await services.start();
    const page = await service.call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('/v1/episodes/{id}/steps');
    expect(page.text).toContain('/v1/admin/export');
    expect(page.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });
});
