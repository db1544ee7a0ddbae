import { runStorageContract } from '@slm/storage-contract';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { createTursoStorage, type TursoStorage } from '../src/index.js';

const DIMENSIONS = 8;

/** Until the store's read thread answers: with `startAfterReads: 0` it starts at open. */
async function threadRunning(storage: TursoStorage): Promise<TursoStorage> {
  for (let attempt = 0; storage.readStatistics().threads !== 'running'; attempt++) {
    if (attempt > 500)
      throw new Error(`the read thread did not start: ${JSON.stringify(storage.readStatistics())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return storage;
}

// The shared contract suite, unchanged, with every read on a read thread from the first one.
runStorageContract({
  name: 'libsql-file, reads on a thread',
  dimensions: DIMENSIONS,
  async create() {
    const directory = createTempDirectory('slm-turso-contract-threads-');
    const url = directory.databaseUrl();
    const open = async () =>
      threadRunning(
        await createTursoStorage({
          url,
          embeddingDimensions: DIMENSIONS,
          reads: { threads: 1, startAfterReads: 0 },
        }),
      );
    let storage = await open();
    return {
      storage,
      async reopen() {
        await storage.close();
        storage = await open();
        return storage;
      },
      async cleanup() {
        const { onMainThread } = storage.readStatistics();
        await storage.close();
        directory.remove();
        if (onMainThread > 0) throw new Error(`${onMainThread} read(s) ran on the main thread`);
      },
    };
  },
});
