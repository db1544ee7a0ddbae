import type { StorageBackend } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach } from 'vitest';
import { type CachedStorageBackend, type CacheOptions, withCache } from '../../src/index.js';
import { DIMENSIONS } from './fixtures.js';

/** libSQL storages on files of fresh temp directories, closed and removed after each test. */
export function useDurableStorage() {
  const directories: TempDirectory[] = [];
  const storages: StorageBackend[] = [];
  const caches: CachedStorageBackend[] = [];
  afterEach(async () => {
    for (const cache of caches.splice(0)) await cache.close();
    for (const storage of storages.splice(0)) await storage.close();
    for (const directory of directories.splice(0)) directory.remove();
  });
  return {
    async open(): Promise<StorageBackend> {
      const directory = createTempDirectory('slm-cache-');
      directories.push(directory);
      const storage = await createTursoStorage({
        url: directory.databaseUrl(),
        embeddingDimensions: DIMENSIONS,
      });
      storages.push(storage);
      return storage;
    },
    /** `withCache(durable, options)`, closed (with its Redis client) after the test. */
    cache(durable: StorageBackend, options: CacheOptions): CachedStorageBackend {
      const cache = withCache(durable, options);
      caches.push(cache);
      return cache;
    },
  };
}
