import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { type McpSession, SessionRegistry } from './session-registry.js';

function session(id: string, namespace: string, lastActivityAt: number, activeRequests = 0): McpSession {
  return {
    id,
    namespace,
    lastActivityAt,
    activeRequests,
    server: {} as McpServer,
    transport: {} as StreamableHTTPServerTransport,
  };
}

describe('SessionRegistry', () => {
  it('finds a session only for the namespace that created it', () => {
    const registry = new SessionRegistry();
    registry.add(session('s1', 'team-a', 0));
    expect(registry.find('s1', 'team-a')?.id).toBe('s1');
    expect(registry.find('s1', 'team-b')).toBeUndefined();
    expect(registry.find('s2', 'team-a')).toBeUndefined();
  });

  it('expires idle sessions but never one with a request in progress', () => {
    const registry = new SessionRegistry();
    registry.add(session('old', 'a', 100));
    registry.add(session('busy', 'a', 100, 1));
    registry.add(session('recent', 'a', 900));
    expect(registry.idleSince(500).map((found) => found.id)).toEqual(['old']);
  });

  it('evicts the least recently active idle session, or none when all are busy', () => {
    const registry = new SessionRegistry();
    registry.add(session('busy-oldest', 'a', 1, 2));
    registry.add(session('idle-old', 'b', 5));
    registry.add(session('idle-new', 'a', 9));
    expect(registry.leastRecentlyActiveIdle()?.id).toBe('idle-old');
    registry.remove('idle-old');
    registry.remove('idle-new');
    expect(registry.leastRecentlyActiveIdle()).toBeUndefined();
  });
});
