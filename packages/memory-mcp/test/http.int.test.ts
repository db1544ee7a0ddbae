import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { SelfLearningMemory } from '@slm/memory-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMcpHttpHandler, type McpHttpHandlerOptions } from '../src/index.js';
import { startHttpServer } from './support/http-server.js';
import { runLifecycleScenario } from './support/lifecycle-scenario.js';
import { openTestMemory } from './support/test-memory.js';
import { callError, callOk } from './support/tool-calls.js';

const PROTOCOL_VERSION = '2025-06-18';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A memory, the handler and a node:http server in front of it; `memoryFor` may swap in a wrapped memory. */
async function startEndpoint(
  options: McpHttpHandlerOptions = {},
  wrap: (memory: SelfLearningMemory) => SelfLearningMemory = (memory) => memory,
) {
  const test = await openTestMemory();
  cleanups.push(() => test.close());
  const handler = createMcpHttpHandler(options);
  cleanups.push(() => handler.close());
  const server = await startHttpServer(handler, (namespace) => wrap(test.memory.withNamespace(namespace)));
  cleanups.push(() => server.close());

  const connect = async (namespace: string) => {
    const transport = new StreamableHTTPClientTransport(server.url, {
      requestInit: { headers: { 'x-test-namespace': namespace } },
    });
    const client = new Client({ name: `http-test-${namespace}`, version: '0.0.0' });
    await client.connect(transport);
    cleanups.push(() => client.close());
    return { client, transport, sessionId: transport.sessionId ?? '' };
  };

  const post = (namespace: string, body: unknown, sessionId?: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'x-test-namespace': namespace,
        ...(sessionId ? { 'mcp-session-id': sessionId, 'mcp-protocol-version': PROTOCOL_VERSION } : {}),
      },
      body: JSON.stringify(body),
    });

  return { handler, server, connect, post };
}

const listTools = { jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} };
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};

describe('the MCP Streamable HTTP handler', () => {
  it('serves the whole agent loop to the SDK client', async () => {
    const { connect, handler } = await startEndpoint();
    const { client } = await connect('team-a');
    expect(handler.sessionCount).toBe(1);
    await runLifecycleScenario(client);
  });

  it('binds a session to the namespace that opened it', async () => {
    const { connect, post, handler } = await startEndpoint();
    const a = await connect('team-a');
    const b = await connect('team-b');
    expect(handler.sessionCount).toBe(2);
    const { episode_id } = await callOk<{ episode_id: string }>(a.client, 'create_episode', {
      task_description: 'secret work of team a',
      domain: 'web-api',
      task_type: 'analysis',
    });

    expect(await callError(b.client, 'get_episode', { episode_id })).toContain('NOT_FOUND');
    expect(await callOk(b.client, 'list_episodes', {})).toEqual({ episodes: [], next_cursor: null });
    expect(await callOk(a.client, 'list_episodes', {})).toMatchObject({ episodes: [{ id: episode_id }] });

    // A's session id presented by namespace B is answered like an unknown session…
    const stolen = await post('team-b', listTools, a.sessionId);
    expect(stolen.status).toBe(404);
    expect(await stolen.json()).toMatchObject({ error: { code: -32001 } });
    const unknown = await post('team-b', listTools, crypto.randomUUID());
    expect(unknown.status).toBe(404);
    // …while namespace A can use it.
    expect((await post('team-a', listTools, a.sessionId)).status).toBe(200);
  });

  it('ends a session on DELETE', async () => {
    const { connect, post, handler } = await startEndpoint();
    const { transport, sessionId } = await connect('team-a');
    expect(handler.sessionCount).toBe(1);
    await transport.terminateSession();
    expect(handler.sessionCount).toBe(0);
    expect((await post('team-a', listTools, sessionId)).status).toBe(404);
  });

  it('asks for an initialize request when there is no session, and refuses other methods', async () => {
    const { post, server, handler } = await startEndpoint();
    const response = await post('team-a', listTools);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('initialize') },
    });
    expect(
      (await fetch(server.url, { method: 'GET', headers: { accept: 'text/event-stream' } })).status,
    ).toBe(400);
    const put = await fetch(server.url, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, DELETE');
    expect(handler.sessionCount).toBe(0);
  });

  it('closes sessions that stay idle longer than sessionIdleMs', async () => {
    const { connect, post, handler } = await startEndpoint({ sessionIdleMs: 300 });
    const { client, sessionId } = await connect('team-a');
    await callOk(client, 'health_check', {});
    expect(handler.sessionCount).toBe(1);
    await expect.poll(() => handler.sessionCount, { timeout: 5_000, interval: 50 }).toBe(0);
    expect((await post('team-a', listTools, sessionId)).status).toBe(404);
  });

  it('closes the least recently active session to make room when maxSessions are open', async () => {
    const { connect, post, handler } = await startEndpoint({ maxSessions: 2 });
    const first = await connect('team-a');
    const second = await connect('team-b');
    await callOk(first.client, 'health_check', {});
    const third = await connect('team-c');
    expect(handler.sessionCount).toBe(2);
    expect((await post('team-b', listTools, second.sessionId)).status).toBe(404);
    await callOk(first.client, 'health_check', {});
    await callOk(third.client, 'health_check', {});
  });

  it('answers 503 for a new session when every open session is busy', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let healthCalls = 0;
    const slowHealth = (memory: SelfLearningMemory): SelfLearningMemory =>
      new Proxy(memory, {
        get(target, property) {
          if (property === 'health') {
            return async () => {
              healthCalls += 1;
              await gate;
              return target.health();
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const { connect, post, handler } = await startEndpoint({ maxSessions: 1 }, slowHealth);
    const { client } = await connect('team-a');
    const pending = callOk(client, 'health_check', {});
    await expect.poll(() => healthCalls).toBe(1);

    const refused = await post('team-b', initialize);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(handler.sessionCount).toBe(1);

    release();
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
    expect((await post('team-b', initialize)).status).toBe(200);
  });

  it('closes every session on close and refuses requests afterwards', async () => {
    const { connect, post, handler } = await startEndpoint();
    await connect('team-a');
    await connect('team-b');
    await handler.close();
    expect(handler.sessionCount).toBe(0);
    expect((await post('team-a', initialize)).status).toBe(503);
  });
});
