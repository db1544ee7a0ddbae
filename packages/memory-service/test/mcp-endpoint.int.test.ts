import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createMcpHttpHandler } from '@slm/memory-mcp';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, testApiKeys } from './support/keys.js';
import { parseSamples } from './support/prometheus.js';
import { useService } from './support/service-harness.js';

const services = useService();
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

async function connect(url: string, key: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'service-mcp-test', version: '0.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function structured(result: Awaited<ReturnType<Client['callTool']>>): Record<string, unknown> {
  expect(result.isError ?? false).toBe(false);
  return result.structuredContent as Record<string, unknown>;
}

describe('/mcp on the service (the real @slm/memory-mcp handler behind the service auth)', () => {
  it('runs a lifecycle in the key namespace, and another key cannot see it', async () => {
    const service = await services.start({ apiKeys: testApiKeys(), mcp: createMcpHttpHandler() });
    const alpha = await connect(service.url, KEYS.alphaUser);
    const created = structured(
      await alpha.callTool({
        name: 'create_episode',
        arguments: { task_description: 'Rotate the TLS certificates', domain: 'ops', task_type: 'other' },
      }),
    );
    const episodeId = created['episode_id'] as string;
    structured(
      await alpha.callTool({
        name: 'add_episode_step',
        arguments: {
          episode_id: episodeId,
          step_number: 1,
          tool: 'shell',
          action: 'renew',
          result: { type: 'success' },
        },
      }),
    );
    structured(
      await alpha.callTool({
        name: 'complete_episode',
        arguments: { episode_id: episodeId, outcome_type: 'success' },
      }),
    );

    // The same episode over REST with the same key: MCP wrote to the key's namespace.
    const rest = await service.call<{ episode: { namespace: string; steps: unknown[] } }>(
      'GET',
      `/v1/episodes/${episodeId}`,
      {
        key: KEYS.alphaUser,
      },
    );
    expect(rest.status).toBe(200);
    expect(rest.body.episode).toMatchObject({ namespace: 'alpha', steps: [expect.anything()] });

    const beta = await connect(service.url, KEYS.beta);
    const missing = await beta.callTool({ name: 'get_episode', arguments: { episode_id: episodeId } });
    expect(missing.isError).toBe(true);
  });

  it('refuses MCP requests without a valid key', async () => {
    const service = await services.start({ apiKeys: testApiKeys(), mcp: createMcpHttpHandler() });
    await expect(connect(service.url, 'not-a-configured-key-0000')).rejects.toThrow();
    const response = await fetch(`${service.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
  });
});

describe('deploy/grafana dashboard', () => {
  it('queries only metrics the service exports', async () => {
    const service = await services.start({ mcp: createMcpHttpHandler() });
    // Produce a sample of every histogram and counter the dashboard reads.
    await service.call('POST', '/v1/episodes', {
      json: { taskDescription: 'Warm the metrics', taskType: 'other', context: { domain: 'ops' } },
    });
    await service.call('POST', '/v1/retrieve', { json: { query: 'metrics' } });
    await service.call('GET', '/v1/episodes/not-a-uuid');
    const exposition = (await service.call('GET', '/metrics')).text;
    const exported = new Set([...parseSamples(exposition).keys()].map((key) => key.replace(/\{.*$/, '')));
    // The storage histogram is fed by the binary (openMemory with the storage proxy): here it is declared, unsampled.
    const dashboard = readFileSync(
      new URL('../../../deploy/grafana/memory-service-dashboard.json', import.meta.url),
      'utf8',
    );
    const queried = new Set(
      [...dashboard.matchAll(/\b(memory_[a-z_]+)/g)].map((match) => match[1] as string),
    );
    const missing = [...queried].filter(
      (name) => !exported.has(name) && !exposition.includes(`# TYPE ${name.replace(/_bucket$/, '')} `),
    );
    expect(missing).toEqual([]);
    expect(queried.size).toBeGreaterThanOrEqual(6);
  });
});
