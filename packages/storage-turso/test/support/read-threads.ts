import type { TursoStorage } from '../../src/index.js';

/** Resolves with the storage once its read threads answer (with `startAfterReads: 0` they start at open). */
export async function readThreadsRunning(storage: TursoStorage): Promise<TursoStorage> {
  for (let attempt = 0; storage.readStatistics().threads !== 'running'; attempt++) {
    if (attempt > 500)
      throw new Error(`read threads did not start: ${JSON.stringify(storage.readStatistics())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return storage;
}
