import { PassThrough } from 'node:stream';
import { createMemory } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runStdioServer } from './run-stdio-server.js';

const memories: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const memory of memories.splice(0)) await memory.close();
});

async function start() {
  const memory = await createMemory({ storage: createInMemoryStorage(), embeddings: null });
  memories.push(memory);
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: string[] = [];
  output.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  const running = await runStdioServer(memory, { input, output });
  return { input, output, lines, running };
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '0' } },
};

describe('runStdioServer', () => {
  it('answers JSON-RPC on the output and resolves `closed` when the input ends', async () => {
    const { input, lines, running } = await start();
    input.write(`${JSON.stringify(initialize)}\n`);
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: { serverInfo: expect.any(Object) },
    });
    input.end();
    await expect(running.closed).resolves.toBeUndefined();
  });

  it('closes when the output fails instead of crashing the process', async () => {
    const { output, running } = await start();
    output.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(running.closed).resolves.toBeUndefined();
  });
});
