import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { SelfLearningMemory } from '@slm/memory-core';
import { afterAll, beforeAll } from 'vitest';
import { createMcpServer, type MemoryMcpServerOptions } from '../../src/index.js';
import { openTestMemory, type TestMemory } from './test-memory.js';

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

/** A memory on a libSQL file and a client connected to it, shared by a test file (opened before, closed after). */
export function useConnectedMemory(): { readonly test: TestMemory; readonly client: Client } {
  const connected = {} as { test: TestMemory; client: Client; close: () => Promise<void> };
  beforeAll(async () => {
    connected.test = await openTestMemory();
    Object.assign(connected, await connectInMemory(connected.test.memory));
  });
  afterAll(async () => {
    await connected.close();
    await connected.test.close();
  });
  return connected;
}
