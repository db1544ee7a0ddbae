import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDirectory {
  path: string;
  /** A `file:` URL for a libSQL database inside the directory. */
  databaseUrl: (name?: string) => string;
  remove: () => void;
}

/** A fresh temporary directory for real database files; remove it in afterEach/afterAll. */
export function createTempDirectory(prefix = 'slm-test-'): TempDirectory {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    databaseUrl: (name = 'memory.db') => `file:${join(path, name)}`,
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
