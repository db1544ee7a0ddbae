import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTursoStorage } from '../src/index.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('configuration', () => {
  it('refuses a bad configuration with CONFIG_INVALID before touching the disk', async () => {
    const directory = temp.directory();
    const url = `file:${directory.path}/sub/memory.db`;
    const cases = [
      { url, embeddingDimensions: 0 },
      { url, embeddingDimensions: 1.5 },
      { url, embeddingDimensions: 8, pool: { maxConnections: 0 } },
      { url, embeddingDimensions: 8, turso: { maxRetries: -1 } },
      { url: 'https://db.turso.io', authToken: 'token', embeddingDimensions: 8 },
      { url: 'libsql://db.turso.io', embeddingDimensions: 8 },
    ];
    for (const config of cases) {
      await expect(createTursoStorage(config), JSON.stringify(config)).rejects.toMatchObject({
        name: 'MemoryError',
        code: 'CONFIG_INVALID',
      });
    }
    await expect(createTursoStorage(cases[2]!)).rejects.toThrow(/MEMORY_MAX_CONNECTIONS/);
    expect(existsSync(`${directory.path}/sub`)).toBe(false);
    expect(readdirSync(directory.path)).toEqual([]);
  });

  it('keeps the defaults for options given as undefined', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), {
      turso: { maxRetries: undefined, enablePooling: undefined },
      pool: { maxConnections: undefined },
    });
    expect(storage.poolStatistics()).toMatchObject({ maxConnections: 10, bounded: true });
    expect(storage.kind).toBe('libsql-file');
  });
});
