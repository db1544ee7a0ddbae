// Imported by path: a workspace dependency on @slm/storage-contract would make a package cycle (it depends on
// memory-core), which turbo refuses.
import { runStorageContract } from '../../../../tooling/storage-contract/src/index.js';
import { createInMemoryStorage } from '../../src/testing.js';

const DIMENSIONS = 16;

runStorageContract({
  name: 'memory',
  dimensions: DIMENSIONS,
  async create() {
    const storage = createInMemoryStorage({ embeddingDimensions: DIMENSIONS });
    return { storage, cleanup: () => storage.close() };
  },
});
