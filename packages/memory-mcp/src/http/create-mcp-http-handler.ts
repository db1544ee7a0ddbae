import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { type Logger, MemoryError, noopLogger, type SelfLearningMemory } from '@slm/memory-core';
import { createMcpServer, type MemoryMcpServerOptions } from '../create-mcp-server.js';
import { SESSION_NOT_FOUND_CODE, sendJsonRpcError } from './json-rpc-error.js';
import { type McpSession, SessionRegistry } from './session-registry.js';

export interface McpHttpHandlerOptions {
  /** Open sessions at most (default 100). When full, the least recently active idle session is closed. */
  maxSessions?: number;
  /** A session without requests for this long is closed (default 30 minutes). */
  sessionIdleMs?: number;
  logger?: Logger;
  serverOptions?: Omit<MemoryMcpServerOptions, 'logger'>;
}

export interface McpHttpHandler {
  /**
   * POST/GET/DELETE of the Streamable HTTP endpoint, for a caller already authenticated to `memory.namespace`.
   * `body` is the parsed JSON body (POST) or undefined.
   */
  handle(
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
    memory: SelfLearningMemory,
  ): Promise<void>;
  readonly sessionCount: number;
  /** Closes every session; later requests get 503. */
  close(): Promise<void>;
}

const DEFAULT_MAX_SESSIONS = 100;
const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
const METHODS = new Set(['GET', 'POST', 'DELETE']);

/**
 * The MCP Streamable HTTP endpoint with stateful sessions: an `initialize` POST opens a session (its own
 * McpServer and transport, bound to the caller's namespace); later requests carry `Mcp-Session-Id`. A session
 * id presented by another namespace is answered 404, exactly like an unknown one. When `maxSessions` sessions
 * are open and all of them have a request in progress, a new session is refused with 503 and `Retry-After`.
 */
export function createMcpHttpHandler(options: McpHttpHandlerOptions = {}): McpHttpHandler {
  const maxSessions = positiveInteger(options.maxSessions ?? DEFAULT_MAX_SESSIONS, 'maxSessions');
  const sessionIdleMs = positiveInteger(options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS, 'sessionIdleMs');
  const logger = options.logger ?? noopLogger;
  const registry = new SessionRegistry();
  let initializing = 0;
  let closed = false;

  const closeSession = async (session: McpSession, reason: string): Promise<void> => {
    registry.remove(session.id);
    logger.info({ sessionId: session.id, namespace: session.namespace, reason }, 'mcp session closed');
    try {
      await session.server.close();
    } catch (error) {
      logger.warn({ err: error, sessionId: session.id }, 'closing an mcp session failed');
    }
  };

  const expireIdleSessions = (): void => {
    for (const session of registry.idleSince(Date.now() - sessionIdleMs)) void closeSession(session, 'idle');
  };
  const sweepTimer = setInterval(expireIdleSessions, Math.min(Math.max(sessionIdleMs / 2, 10), 60_000));
  sweepTimer.unref();

  const serveSession = async (
    session: McpSession,
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
  ): Promise<void> => {
    // A GET is a long-lived event stream, not work in progress: it must not keep the session from expiring.
    const counted = request.method !== 'GET';
    session.lastActivityAt = Date.now();
    if (counted) session.activeRequests += 1;
    try {
      await session.transport.handleRequest(request, response, body);
    } finally {
      if (counted) session.activeRequests -= 1;
      session.lastActivityAt = Date.now();
    }
  };

  const openSession = async (
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
    memory: SelfLearningMemory,
  ): Promise<void> => {
    if (registry.size + initializing >= maxSessions) {
      const evicted = registry.leastRecentlyActiveIdle();
      if (!evicted) {
        logger.warn({ maxSessions }, 'mcp session refused: every session is busy');
        sendJsonRpcError(response, 503, `Too many MCP sessions (${maxSessions}) are busy; retry shortly`, {
          headers: { 'retry-after': '1' },
        });
        return;
      }
      await closeSession(evicted, 'evicted');
    }
    initializing += 1;
    const server = createMcpServer(memory, { ...options.serverOptions, logger });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      // Plain JSON answers to POSTs: nothing here streams, and proxies handle JSON better than SSE.
      enableJsonResponse: true,
      onsessioninitialized: (sessionId) => {
        registry.add({
          id: sessionId,
          namespace: memory.namespace,
          server,
          transport,
          lastActivityAt: Date.now(),
          activeRequests: 1,
        });
        logger.info({ sessionId, namespace: memory.namespace }, 'mcp session opened');
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) registry.remove(transport.sessionId);
    };
    transport.onerror = (error) => logger.debug({ err: error }, 'mcp http request refused');
    try {
      await server.connect(transport);
      await transport.handleRequest(request, response, body);
    } finally {
      initializing -= 1;
      const session =
        transport.sessionId === undefined ? undefined : registry.find(transport.sessionId, memory.namespace);
      if (session) {
        session.activeRequests -= 1;
        session.lastActivityAt = Date.now();
        if (closed) await closeSession(session, 'shutdown');
      } else {
        // The initialize request was refused (bad version, malformed): there is no session to keep.
        await server.close();
      }
    }
  };

  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
    memory: SelfLearningMemory,
  ): Promise<void> => {
    if (closed) return sendJsonRpcError(response, 503, 'The MCP endpoint is shutting down');
    if (!METHODS.has(request.method ?? '')) {
      return sendJsonRpcError(response, 405, 'Method not allowed: use POST, GET or DELETE', {
        headers: { allow: 'GET, POST, DELETE' },
      });
    }
    // Expire here too, so an idle session is never served just because the sweep has not run yet.
    expireIdleSessions();
    const sessionId = sessionIdOf(request);
    if (sessionId !== undefined) {
      const session = registry.find(sessionId, memory.namespace);
      if (!session) {
        return sendJsonRpcError(
          response,
          404,
          'Session not found: start a new session with an initialize request',
          {
            code: SESSION_NOT_FOUND_CODE,
          },
        );
      }
      return serveSession(session, request, response, body);
    }
    if (request.method === 'POST' && isInitialization(body))
      return openSession(request, response, body, memory);
    return sendJsonRpcError(
      response,
      400,
      'Bad Request: Mcp-Session-Id header is required; start a session with an initialize request',
    );
  };

  return {
    async handle(request, response, body, memory) {
      try {
        await route(request, response, body, memory);
      } catch (error) {
        logger.error({ err: error, namespace: memory.namespace }, 'mcp http request failed');
        if (!response.headersSent) sendJsonRpcError(response, 500, 'Internal error handling the MCP request');
        else response.end();
      }
    },
    get sessionCount() {
      return registry.size;
    },
    async close() {
      closed = true;
      clearInterval(sweepTimer);
      await Promise.all(registry.all().map((session) => closeSession(session, 'shutdown')));
    },
  };
}

function sessionIdOf(request: IncomingMessage): string | undefined {
  const value = request.headers['mcp-session-id'];
  return Array.isArray(value) ? value[0] : value;
}

function isInitialization(body: unknown): boolean {
  return Array.isArray(body)
    ? body.some((message) => isInitializeRequest(message))
    : isInitializeRequest(body);
}

function positiveInteger(value: number, name: string): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new MemoryError('CONFIG_INVALID', `${name} must be a positive integer (got ${value})`, {
    details: { field: name, value },
  });
}
