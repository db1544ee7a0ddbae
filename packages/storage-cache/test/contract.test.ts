import type { StorageBackend } from '@slm/memory-core';
import { runStorageContract } from '@slm/storage-contract';
import { createTursoStorage } from '@slm/storage-turso';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { type CacheOptions, withCache } from '../src/index.js';
import { DIMENSIONS } from './support/fixtures.js';
import { connectTestClient, uniquePrefix } from './support/redis.js';

// One client shared by every instance (the "existing client" option); a fresh key prefix per instance keeps
// tests apart on the shared server.
const client = await connectTestClient();

/** The contract suite, unchanged, over a cache in front of a real libSQL file. */
function cachedContract(name: string, cacheOptions: () => CacheOptions): void {
  runStorageContract({
    name,
    dimensions: DIMENSIONS,
    async create() {
      const directory = createTempDirectory('slm-cache-contract-');
      const url = directory.databaseUrl();
      const options = cacheOptions();
      const open = async () =>
        withCache(await createTursoStorage({ url, embeddingDimensions: DIMENSIONS }), options);
      let storage: StorageBackend = await open();
      return {
        storage,
        async reopen() {
          await storage.close();
          storage = await open();
          return storage;
        },
        async cleanup() {
          await storage.close();
          directory.remove();
        },
      };
    },
  });
}

cachedContract('cache(libsql-file) over redis', () => ({ redis: client, keyPrefix: uniquePrefix() }));
cachedContract('cache(libsql-file) in-process', () => ({}));
