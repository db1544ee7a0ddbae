import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { installStatementCache, statementCacheCounts } from './statement-cache.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function fileClient() {
  const directory = mkdtempSync(join(tmpdir(), 'slm-statement-cache-'));
  directories.push(directory);
  return createClient({ url: `file:${join(directory, 'cache.db')}`, concurrency: 1 });
}

describe('installStatementCache', () => {
  it('makes the client reuse what a connection prepared, with the same results', async () => {
    expect(installStatementCache()).toBe(true);
    expect(installStatementCache()).toBe(true);
    const client = fileClient();
    await client.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT UNIQUE)');
    const select = 'SELECT a, b FROM t WHERE a >= ? ORDER BY a';
    await client.execute({ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', args: [1, 'x'] });
    const before = statementCacheCounts();
    await client.execute({ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', args: [2, 'y'] });
    const all = await client.execute({ sql: select, args: [1] });
    const later = await client.execute({ sql: select, args: [2] });
    const after = statementCacheCounts();
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(1);
    expect(all.rows.map((row) => [row['a'], row['b']])).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(later.rows.map((row) => row['b'])).toEqual(['y']);
    client.close();
  });

  it('drops a statement that failed, and the next call with that text still works', async () => {
    installStatementCache();
    const client = fileClient();
    await client.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT UNIQUE)');
    const insert = { sql: 'INSERT INTO t (a, b) VALUES (?, ?)', args: [1, 'x'] };
    await client.execute(insert);
    await expect(client.execute({ ...insert, args: [2, 'x'] })).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT',
    });
    const before = statementCacheCounts();
    await client.execute({ ...insert, args: [3, 'z'] });
    // Prepared afresh: the failed statement was not handed out again.
    expect(statementCacheCounts().prepared - before.prepared).toBe(1);
    const rows = await client.execute('SELECT count(*) AS n FROM t');
    expect(rows.rows[0]?.['n']).toBe(2);
    client.close();
  });

  it('keeps one cache per connection: a second client prepares its own statements', async () => {
    installStatementCache();
    const first = fileClient();
    const second = fileClient();
    const sql = 'SELECT 41 + 1 AS answer';
    await first.execute(sql);
    const before = statementCacheCounts();
    expect((await second.execute(sql)).rows[0]?.['answer']).toBe(42);
    expect(statementCacheCounts().prepared - before.prepared).toBe(1);
    first.close();
    second.close();
  });
});
