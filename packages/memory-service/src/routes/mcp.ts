import type { McpHandler } from '../service-options.js';
import { defineRoute, type HttpMethod, type RouteSpec } from './route-spec.js';

const SUMMARIES: Record<'POST' | 'GET' | 'DELETE', string> = {
  POST: 'MCP Streamable HTTP: send JSON-RPC messages',
  GET: 'MCP Streamable HTTP: open the server-to-client event stream',
  DELETE: 'MCP Streamable HTTP: end the session',
};

/**
 * The MCP endpoint: authenticated like `/v1`, then the raw request goes to the MCP handler with the memory
 * scoped to the caller's namespace. Fastify steps aside (`hijack`): the MCP transport writes the response.
 */
export function mcpRoutes(mcp: McpHandler): RouteSpec[] {
  return (['POST', 'GET', 'DELETE'] as const).map((method: HttpMethod & keyof typeof SUMMARIES) =>
    defineRoute({
      method,
      url: '/mcp',
      operationId: `mcp${method[0]}${method.slice(1).toLowerCase()}`,
      summary: SUMMARIES[method],
      tag: 'mcp',
      access: 'key',
      streaming: method === 'GET',
      response: { description: 'Written by the MCP transport (JSON or an event stream).' },
      async handler({ memory, request, reply }) {
        reply.hijack();
        await mcp.handle(request.raw, reply.raw, request.body, memory);
        return reply;
      },
    }),
  );
}
