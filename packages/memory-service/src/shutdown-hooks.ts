import type { SelfLearningMemory } from '@slm/memory-core';
import type { FastifyInstance } from 'fastify';
import { loggableError } from './http/error-handling.js';
import type { McpHandler } from './service-options.js';

const IDLE_SWEEP_MS = 50;

export interface ShutdownParts {
  /** Set first, so readiness turns 503 and new requests on kept-alive connections are refused. */
  lifecycle: { closing: boolean };
  mcp: McpHandler | undefined;
  memory: SelfLearningMemory;
}

/**
 * The order of a graceful close: stop taking work, end MCP sessions, let in-flight requests finish (Fastify
 * waits for them before `onClose`), then close the memory — which flushes buffered steps and closes the stores.
 */
export function installShutdownHooks(app: FastifyInstance, parts: ShutdownParts): void {
  let idleSweep: ReturnType<typeof setInterval> | undefined;
  app.addHook('preClose', async () => {
    parts.lifecycle.closing = true;
    // server.close() drops only the connections idle at that moment; a kept-alive connection whose request
    // finishes during the drain would otherwise hold the close open until its keep-alive timeout.
    idleSweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
    idleSweep.unref();
    // Event streams would hold the server open: ending the sessions lets the drain finish.
    await parts.mcp?.close();
  });
  app.addHook('onClose', async () => {
    clearInterval(idleSweep);
    try {
      await parts.memory.close();
    } catch (error) {
      app.log.error({ err: loggableError(error) }, 'closing the memory failed; buffered steps may be lost');
      throw error;
    }
  });
}
