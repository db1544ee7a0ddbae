import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SelfLearningMemory } from '@slm/memory-core';
import type { McpHandler } from '../../src/index.js';

export interface GatedMcp extends McpHandler {
  /** Requests received so far: what each one saw. */
  calls: Array<{ method: string | undefined; body: unknown; namespace: string }>;
  /** Resolves once `count` requests are being handled (held at the gate). */
  waitForHeld(count: number): Promise<void>;
  /** Lets every held request (and later ones) answer. */
  open(): void;
  closed: boolean;
}

/**
 * A stand-in for the MCP handler: answers `{ namespace }` as JSON, but only once the gate opens — which gives
 * tests requests that stay in flight for as long as they need. `close()` opens the gate (as closing the real
 * handler ends its sessions) unless `holdOnClose`, so a failed test cannot leave the service unable to close.
 */
export function createGatedMcp(startOpen = false, holdOnClose = false): GatedMcp {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (startOpen) release();
  let held = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const handler: GatedMcp = {
    calls: [],
    closed: false,
    async handle(
      request: IncomingMessage,
      response: ServerResponse,
      body: unknown,
      memory: SelfLearningMemory,
    ) {
      handler.calls.push({ method: request.method, body, namespace: memory.namespace });
      held++;
      for (const waiter of waiters.filter((entry) => entry.count <= held)) waiter.resolve();
      await gate;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ namespace: memory.namespace }));
    },
    async close() {
      handler.closed = true;
      if (!holdOnClose) release();
    },
    waitForHeld(count) {
      if (held >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    open() {
      release();
    },
  };
  return handler;
}
