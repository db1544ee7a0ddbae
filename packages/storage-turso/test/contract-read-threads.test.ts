import { reopenableInstance, runStorageContract } from '@slm/storage-contract';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { createTursoStorage } from '../src/index.js';
import { readThreadsRunning } from './support/read-threads.js';

const DIMENSIONS = 8;

// The shared contract suite, unchanged, with every read on a read thread from the first one.
runStorageContract({
  name: 'libsql-file, reads on a thread',
  dimensions: DIMENSIONS,
  async create() {
    const directory = createTempDirectory('slm-turso-contract-threads-');
    const url = directory.databaseUrl();
    const open = async () =>
      readThreadsRunning(
        await createTursoStorage({
          url,
          embeddingDimensions: DIMENSIONS,
          reads: { threads: 1, startAfterReads: 0 },
        }),
      );
    return reopenableInstance(open, (storage) => {
      directory.remove();
      // Read statistics survive close: every read of the test must have run on the thread.
      const { onMainThread } = storage.readStatistics();
      if (onMainThread > 0) throw new Error(`${onMainThread} read(s) ran on the main thread`);
    });
  },
});
