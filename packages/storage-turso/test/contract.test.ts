import { reopenableInstance, runStorageContract } from '@slm/storage-contract';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { createTursoStorage } from '../src/index.js';

const DIMENSIONS = 8;

// The shared contract suite, unchanged, on real database files (one fresh file per test).
runStorageContract({
  name: 'libsql-file',
  dimensions: DIMENSIONS,
  async create() {
    const directory = createTempDirectory('slm-turso-contract-');
    const url = directory.databaseUrl();
    const open = () => createTursoStorage({ url, embeddingDimensions: DIMENSIONS });
    return reopenableInstance(open, () => directory.remove());
  },
});
