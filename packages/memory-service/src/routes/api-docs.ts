import { renderDocsPage } from '../openapi/docs-page.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

/**
 * `/openapi.json` and `/docs`, describing `routes` plus themselves. Built once, on first request: by then every
 * route is known and the zod conversion is not paid at start-up.
 */
export function apiDocsRoutes(routes: readonly RouteSpec[], version: string): RouteSpec[] {
  let document: Record<string, unknown> | undefined;
  let page: string | undefined;
  const docsRoutes: RouteSpec[] = [
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openApiDocument',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'operations',
      access: 'public',
      response: { description: 'The OpenAPI document.' },
      async handler() {
        document ??= buildOpenApiDocument([...routes, ...docsRoutes], version);
        return document;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/docs',
      operationId: 'docsPage',
      summary: 'This API as a readable page',
      tag: 'operations',
      access: 'public',
      response: { description: 'HTML.', contentType: 'text/html' },
      async handler({ reply }) {
        document ??= buildOpenApiDocument([...routes, ...docsRoutes], version);
        page ??= renderDocsPage(document);
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(page);
      },
    }),
  ];
  return docsRoutes;
}
