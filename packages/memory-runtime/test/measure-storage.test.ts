import { hasCacheMaintenance, MemoryError, type StorageBackend } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { withCache } from '@slm/storage-cache';
import { describe, expect, it } from 'vitest';
import { measureStorage, storageOperationKind } from '../src/index.js';

describe('measureStorage', () => {
  it('times every call with its kind and outcome, and keeps the capabilities of the wrapped store', async () => {
    const seen: Array<[string, string, string]> = [];
    const storage = measureStorage(
      withCache(createInMemoryStorage(), {}),
      (operation, kind, durationMs, outcome) => {
        expect(durationMs).toBeGreaterThanOrEqual(0);
        seen.push([operation, kind, outcome]);
      },
    );
    expect(await storage.getEpisode('default', '00000000-0000-7000-8000-000000000000')).toBeNull();
    await storage.setMeta('k', 'v');
    expect(hasCacheMaintenance(storage)).toBe(true);
    expect((await storage.cacheStatistics()).backend).toBe('in-process');
    expect(seen.slice(0, 2)).toEqual([
      ['getEpisode', 'read', 'ok'],
      ['setMeta', 'write', 'ok'],
    ]);
    await storage.close();
  });

  it('reports a failed call as an error and passes the failure on', async () => {
    const seen: string[] = [];
    const failing = {
      async appendSteps() {
        throw new MemoryError('NOT_FOUND', 'no such episode');
      },
    } as unknown as StorageBackend;
    const storage = measureStorage(failing, (operation, _kind, _durationMs, outcome) =>
      seen.push(`${operation}:${outcome}`),
    );
    await expect(storage.appendSteps('default', 'x', [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(seen).toEqual(['appendSteps:error']);
  });

  it('classifies operations', () => {
    expect(storageOperationKind('searchEpisodesByVector')).toBe('search');
    expect(storageOperationKind('listRelationships')).toBe('read');
    expect(storageOperationKind('appendSteps')).toBe('write');
  });
});
