import { describe, expect, it } from 'vitest';
import { createGatedMcp } from './support/gated-mcp.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { useService } from './support/service-harness.js';

const services = useService();

describe('/mcp', () => {
  it("hands authenticated requests to the MCP handler with the memory of the key's namespace", async () => {
    const mcp = createGatedMcp(true);
    const service = await services.start({ apiKeys: testApiKeys(), mcp });
    const message = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const post = await service.call('POST', '/mcp', { key: KEYS.beta, json: message });
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ namespace: 'beta' });
    const get = await service.call('GET', '/mcp', { key: KEYS.alphaUser });
    expect(get.body).toEqual({ namespace: 'alpha' });
    const del = await service.call('DELETE', '/mcp', { key: KEYS.gammaHashed });
    expect(del.body).toEqual({ namespace: 'gamma' });
    expect(mcp.calls).toEqual([
      { method: 'POST', body: message, namespace: 'beta' },
      { method: 'GET', body: undefined, namespace: 'alpha' },
      { method: 'DELETE', body: undefined, namespace: 'gamma' },
    ]);
  });

  it('refuses requests without a valid key before the handler sees them', async () => {
    const mcp = createGatedMcp(true);
    const service = await services.start({ apiKeys: testApiKeys(), mcp });
    expect((await service.call('POST', '/mcp', { json: {} })).status).toBe(401);
    expect((await service.call('GET', '/mcp', { key: 'wrong-key-wrong-key-wrong' })).status).toBe(401);
    expect(mcp.calls).toEqual([]);
  });

  it('closes the MCP handler when the service closes', async () => {
    const mcp = createGatedMcp(true);
    const service = await services.start({ mcp });
    await service.app.close();
    expect(mcp.closed).toBe(true);
  });
});
