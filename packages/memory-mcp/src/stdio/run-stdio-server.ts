import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { noopLogger, type SelfLearningMemory } from '@slm/memory-core';
import { createMcpServer, type MemoryMcpServerOptions } from '../create-mcp-server.js';

export interface StdioServerOptions extends MemoryMcpServerOptions {
  /** Default: process.stdin. */
  input?: Readable;
  /** Default: process.stdout. Only JSON-RPC messages are written to it; log elsewhere. */
  output?: Writable;
}

export interface RunningStdioServer {
  /** Resolves when the connection is closed: the input ended, the output failed, or `close` was called. */
  closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the memory over stdio until the input ends. The caller owns the memory: close it after `closed`
 * resolves (that flushes buffered steps).
 */
export async function runStdioServer(
  memory: SelfLearningMemory,
  options: StdioServerOptions = {},
): Promise<RunningStdioServer> {
  const { input = process.stdin, output = process.stdout, ...serverOptions } = options;
  const logger = serverOptions.logger ?? noopLogger;
  const server = createMcpServer(memory, serverOptions);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => {
      logger.info({ namespace: memory.namespace }, 'mcp stdio connection closed');
      resolve();
    };
  });
  const close = () => server.close();
  const closeQuietly = () => {
    close().catch((error: unknown) => logger.warn({ err: error }, 'closing the mcp stdio server failed'));
  };
  // The SDK transport does not watch for the end of its input; without this, `closed` would never resolve.
  input.once('end', closeQuietly);
  input.once('close', closeQuietly);
  // A client that goes away makes stdout fail (EPIPE); unhandled, that error would kill the process.
  output.on('error', (error) => {
    logger.warn({ err: error }, 'mcp stdio output failed');
    closeQuietly();
  });
  await server.connect(new StdioServerTransport(input, output));
  logger.info({ namespace: memory.namespace }, 'mcp stdio server started');
  return { closed, close };
}
