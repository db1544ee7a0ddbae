import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach } from 'vitest';
import {
  createTursoStorage,
  type TursoStorage,
  type TursoStorageConfig,
  type TursoStorageDependencies,
} from '../../src/index.js';

export const DIMENSIONS = 8;

/**
 * Temporary database files for a test file: `open()` creates storages on a file of a fresh directory; every
 * storage is closed and every directory removed after each test.
 */
export function useTempStorage() {
  const directories: TempDirectory[] = [];
  const storages: TursoStorage[] = [];
  afterEach(async () => {
    for (const storage of storages.splice(0)) await storage.close();
    for (const directory of directories.splice(0)) directory.remove();
  });
  return {
    /** A fresh directory; its `databaseUrl()` names a database file in it. */
    directory(): TempDirectory {
      const directory = createTempDirectory('slm-turso-');
      directories.push(directory);
      return directory;
    },
    async open(
      url: string,
      config: Partial<TursoStorageConfig> = {},
      dependencies: TursoStorageDependencies = {},
    ): Promise<TursoStorage> {
      const storage = await createTursoStorage(
        { url, embeddingDimensions: DIMENSIONS, ...config },
        dependencies,
      );
      storages.push(storage);
      return storage;
    },
  };
}
