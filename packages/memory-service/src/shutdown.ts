import type { FastifyInstance } from 'fastify';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ShutdownReport {
  /** True when requests were still running at the deadline and their connections were cut. */
  forced: boolean;
  durationMs: number;
}

/**
 * What the binary does on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, end MCP
 * sessions, then close the memory (flushing buffered steps, closing the stores). Requests still running after
 * `timeoutMs` are cut so the process can exit in time; the memory is closed either way.
 */
export async function closeService(
  app: FastifyInstance,
  timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
): Promise<ShutdownReport> {
  const startedMs = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closing = app.close();
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs);
  });
  try {
    const first = await Promise.race([closing.then(() => 'closed' as const), deadline]);
    if (first === 'deadline') {
      app.log.warn(
        { timeoutMs },
        'requests still running at the shutdown deadline: closing their connections',
      );
      app.server.closeAllConnections();
      await closing;
    }
    return { forced: first === 'deadline', durationMs: performance.now() - startedMs };
  } finally {
    clearTimeout(timer);
  }
}
