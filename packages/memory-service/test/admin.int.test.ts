import type { ExportHeader, ExportRecord } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { completedEpisode, createEpisode, type ErrorBody } from './support/fixtures.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { useService } from './support/service-harness.js';

const services = useService();
const admin = { key: KEYS.alphaAdmin };

function parseJsonl(text: string): Array<ExportHeader | ExportRecord> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

describe('export and import', () => {
  it("streams the key's namespace as JSONL and imports it into an empty service (JSONL and JSON array)", async () => {
    const source = await services.start({ apiKeys: testApiKeys() });
    await completedEpisode(source, KEYS.alphaUser);
    const open = await createEpisode(source, KEYS.alphaUser);
    await createEpisode(source, KEYS.beta);

    const exported = await source.call('GET', '/v1/admin/export', admin);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/x-ndjson');
    const [header, ...records] = parseJsonl(exported.text);
    expect(header).toMatchObject({ type: 'header', namespace: 'alpha', formatVersion: 1 });
    const episodes = records.filter((record) => record.type === 'episode');
    expect(episodes).toHaveLength(2);
    expect(records.every((record) => record.type !== 'header' && record.record.namespace === 'alpha')).toBe(
      true,
    );
    expect((header as ExportHeader).counts['episode']).toBe(2);

    const target = await services.start({ apiKeys: testApiKeys() });
    const imported = await target.call<{ imported: Record<string, number>; lines: number }>(
      'POST',
      '/v1/admin/import',
      {
        ...admin,
        raw: exported.text,
        headers: { 'content-type': 'application/x-ndjson' },
      },
    );
    expect(imported.status).toBe(200);
    expect(imported.body.imported['episode']).toBe(2);
    expect(imported.body.lines).toBe(records.length + 1);
    expect((await target.call('GET', `/v1/episodes/${open.id}`, { key: KEYS.alphaUser })).status).toBe(200);
    const again = await target.call('GET', '/v1/admin/export', admin);
    expect(parseJsonl(again.text).slice(1)).toEqual(records);

    // The same records as a JSON array: an upsert, so nothing changes.
    const asArray = await target.call<{ imported: Record<string, number> }>('POST', '/v1/admin/import', {
      ...admin,
      json: records,
    });
    expect(asArray.status).toBe(200);
    expect((await target.memory.withNamespace('alpha').stats()).episodes.total).toBe(2);
  });

  it('exports every namespace with allNamespaces=true and filters by since', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    await createEpisode(service, KEYS.alphaUser);
    await createEpisode(service, KEYS.beta);
    const all = parseJsonl((await service.call('GET', '/v1/admin/export?allNamespaces=true', admin)).text);
    expect(all[0]).toMatchObject({ type: 'header', namespace: null });
    expect(new Set(all.slice(1).map((record) => (record as ExportRecord).record.namespace))).toEqual(
      new Set(['alpha', 'beta']),
    );
    const future = parseJsonl(
      (await service.call('GET', '/v1/admin/export?since=2999-01-01T00:00:00Z', admin)).text,
    );
    expect(future).toHaveLength(1);
    expect((await service.call('GET', '/v1/admin/export?since=yesterday', admin)).status).toBe(400);
  });

  it('refuses an import with any bad record and writes nothing', async () => {
    const source = await services.start({ apiKeys: testApiKeys() });
    await createEpisode(source, KEYS.alphaUser);
    await createEpisode(source, KEYS.beta);
    const all = parseJsonl((await source.call('GET', '/v1/admin/export?allNamespaces=true', admin)).text);
    const alphaLines = all.filter(
      (record) => record.type === 'header' || record.record.namespace === 'alpha',
    );
    const lines = alphaLines.map((record) => JSON.stringify(record));

    const target = await services.start({ apiKeys: testApiKeys() });
    const withGarbage = await target.call<ErrorBody>('POST', '/v1/admin/import', {
      ...admin,
      raw: [...lines, '{not json', JSON.stringify({ type: 'episode', record: { id: 'x' } })].join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(withGarbage.status).toBe(400);
    expect(withGarbage.body.error.details['failed']).toBe(2);
    expect(withGarbage.body.error.message).toContain(`line ${lines.length + 1}: not valid JSON`);

    // A beta record through an alpha key is refused unless the admin asks for every namespace.
    const foreign = all.filter((record) => record.type !== 'header');
    const refused = await target.call<ErrorBody>('POST', '/v1/admin/import', { ...admin, json: foreign });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('namespace "beta"');
    expect((await target.memory.withNamespace('alpha').stats()).episodes.total).toBe(0);
    expect((await target.memory.withNamespace('beta').stats()).episodes.total).toBe(0);

    const accepted = await target.call('POST', '/v1/admin/import?allNamespaces=true', {
      ...admin,
      json: foreign,
    });
    expect(accepted.status).toBe(200);
    expect((await target.memory.withNamespace('beta').stats()).episodes.total).toBe(1);
    expect(
      (await target.call('POST', '/v1/admin/import', { ...admin, json: { not: 'a list' } })).status,
    ).toBe(400);
  });
});

describe('cache maintenance', () => {
  it('syncs and regenerates the cache, reporting what it did', async () => {
    const service = await services.start({ apiKeys: testApiKeys(), inProcessCache: true });
    const episode = await createEpisode(service, KEYS.alphaUser);
    await service.call('GET', `/v1/episodes/${episode.id}`, admin);
    const sync = await service.call<{ report: { checked: number } }>('POST', '/v1/admin/sync', admin);
    expect(sync.status).toBe(200);
    expect(sync.body.report.checked).toBe(1);
    const regenerate = await service.call<{ report: { dropped: number; warmed: number } }>(
      'POST',
      '/v1/admin/cache/regenerate',
      { ...admin, json: { warm: 5 } },
    );
    expect(regenerate.status).toBe(200);
    expect(regenerate.body.report).toEqual({ dropped: 1, warmed: 1 });
    const bad = await service.call('POST', '/v1/admin/cache/regenerate', { ...admin, json: { warm: -1 } });
    expect(bad.status).toBe(400);
    const noBody = await service.call('POST', '/v1/admin/cache/regenerate', admin);
    expect(noBody.status).toBe(200);
  });
});
