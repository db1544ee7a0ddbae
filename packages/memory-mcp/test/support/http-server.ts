import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SelfLearningMemory } from '@slm/memory-core';
import type { McpHttpHandler } from '../../src/index.js';

/**
 * A plain node:http server standing in for memory-service: it "authenticates" the caller by the
 * x-test-namespace header, parses the JSON body, and hands the request to the MCP handler with the memory of
 * that namespace.
 */
export async function startHttpServer(
  handler: McpHttpHandler,
  memoryFor: (namespace: string) => SelfLearningMemory,
): Promise<{ url: URL; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = request.method === 'POST' ? await readJson(request) : undefined;
      const namespace = String(request.headers['x-test-namespace'] ?? 'default');
      await handler.handle(request, response, body, memoryFor(namespace));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/mcp`),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}
