import { reopenableInstance, runStorageContract } from '@slm/storage-contract';
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
      return reopenableInstance(open, () => directory.remove());
    },
  });
}

cachedContract('cache(libsql-file) over redis', () => ({ redis: client, keyPrefix: uniquePrefix() }));
cachedContract('cache(libsql-file) in-process', () => ({}));
