import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { SelfLearningMemory } from '@slm/memory-core';
import { createMcpServer, type MemoryMcpServerOptions } from '../../src/index.js';

/** The SDK client connected to a server through the SDK's in-process transport pair (fast, no process). */
export async function connectInMemory(
  memory: SelfLearningMemory,
  options: MemoryMcpServerOptions = {},
): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createMcpServer(memory, options);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'memory-mcp-test', version: '0.0.0' });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return {
    client,
    async close() {
      await client.close();
      await server.close();
    },
  };
}
