import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKSTOP_AUTOCHECKPOINT_PAGES,
  BackgroundCheckpoint,
  DEFAULT_AUTOCHECKPOINT_PAGES,
} from './background-checkpoint.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function tempFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'slm-checkpoint-'));
  directories.push(directory);
  return join(directory, 'wal.db');
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** A WAL file with one table, whose connection never checkpoints: only the background thread may. */
async function walFile(): Promise<{ file: string; client: Client }> {
  const file = tempFile();
  const client = createClient({ url: `file:${file}`, concurrency: 1 });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA wal_autocheckpoint = 0');
  await client.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)');
  return { file, client };
}

describe('BackgroundCheckpoint', () => {
  it('starts after enough commits and copies the WAL into the database file on its own thread', async () => {
    const { file, client } = await walFile();
    for (let index = 0; index < 200; index++)
      await client.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'.repeat(2_000)] });
    const sizeBefore = statSync(file).size;

    let modeChanges = 0;
    const checkpoint = new BackgroundCheckpoint(file, 5_000, () => modeChanges++);
    try {
      expect(checkpoint.autocheckpointPages).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
      expect(checkpoint.state).toBe('waiting');
      for (let index = 0; index < 99; index++) checkpoint.noteCommit();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(statSync(file).size).toBe(sizeBefore);
      checkpoint.noteCommit();
      expect(await until(() => statSync(file).size > sizeBefore + 200 * 2_000)).toBe(true);
      expect(checkpoint.state).toBe('running');
      expect(checkpoint.autocheckpointPages).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
      expect(modeChanges).toBe(1);
      const rows = await client.execute('SELECT count(*) AS n FROM t');
      expect(rows.rows[0]?.['n']).toBe(200);
    } finally {
      await checkpoint.stop();
      client.close();
    }
  });

  it('hands checkpointing back to the writer when its thread cannot work', async () => {
    let modeChanges = 0;
    // A directory that does not exist: the thread's connection fails to open.
    const checkpoint = new BackgroundCheckpoint(
      join(tempFile(), 'missing', 'x.db'),
      5_000,
      () => modeChanges++,
    );
    for (let index = 0; index < 100; index++) checkpoint.noteCommit();
    // It may report running before the failure; it must end off, back on the default threshold.
    expect(await until(() => checkpoint.state === 'off')).toBe(true);
    expect(checkpoint.autocheckpointPages).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
    expect(modeChanges % 2).toBe(0);
    for (let index = 0; index < 200; index++) checkpoint.noteCommit();
    expect(checkpoint.state).toBe('off');
    await checkpoint.stop();
  });

  it('stops cleanly while its thread is checkpointing a file that is being written', async () => {
    const { file, client } = await walFile();
    try {
      // Checkpointing every millisecond while a writer keeps the WAL growing: a stop that tore the thread down
      // inside a libsql call would abort this test process.
      for (let round = 0; round < 20; round++) {
        const checkpoint = new BackgroundCheckpoint(file, 5_000, () => {}, {
          startAfterCommits: 1,
          intervalMs: 1,
        });
        checkpoint.noteCommit();
        expect(await until(() => checkpoint.state === 'running')).toBe(true);
        for (let index = 0; index < 20; index++)
          await client.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['y'.repeat(4_000)] });
        await checkpoint.stop();
        expect(checkpoint.state).toBe('off');
      }
      const rows = await client.execute('SELECT count(*) AS n FROM t');
      expect(rows.rows[0]?.['n']).toBe(400);
    } finally {
      client.close();
    }
  });
});
