import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** One Streamable HTTP session: its own server and transport, bound to the namespace that created it. */
export interface McpSession {
  id: string;
  namespace: string;
  server: McpServer;
  transport: StreamableHTTPServerTransport;
  lastActivityAt: number;
  /** POST and DELETE requests being handled; a session with any is never closed for idleness. */
  activeRequests: number;
}

/** The open sessions, by id, with the choices of which to expire or evict. */
export class SessionRegistry {
  private readonly sessions = new Map<string, McpSession>();

  get size(): number {
    return this.sessions.size;
  }

  /** The session, only for the namespace that created it: another namespace cannot tell it exists. */
  find(id: string, namespace: string): McpSession | undefined {
    const session = this.sessions.get(id);
    return session?.namespace === namespace ? session : undefined;
  }

  add(session: McpSession): void {
    this.sessions.set(session.id, session);
  }

  remove(id: string): void {
    this.sessions.delete(id);
  }

  all(): McpSession[] {
    return [...this.sessions.values()];
  }

  /** Sessions without activity for `idleMs` and no request in progress. */
  idleSince(cutoff: number): McpSession[] {
    return this.all().filter((session) => session.activeRequests === 0 && session.lastActivityAt <= cutoff);
  }

  /** The least recently active session without a request in progress, or undefined when all are busy. */
  leastRecentlyActiveIdle(): McpSession | undefined {
    let oldest: McpSession | undefined;
    for (const session of this.sessions.values()) {
      if (session.activeRequests > 0) continue;
      if (!oldest || session.lastActivityAt < oldest.lastActivityAt) oldest = session;
    }
    return oldest;
  }
}
