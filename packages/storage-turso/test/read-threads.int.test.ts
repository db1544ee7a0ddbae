import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { createClient, LibsqlError } from '@libsql/client';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadThreadConfig } from '../src/index.js';
import type { Database } from '../src/sql/database.js';
import { ReadThreads } from '../src/sql/read-threads.js';
import { clientRunner, type SqlRunner } from '../src/sql/runner.js';
import { episode, NS, step } from './support/fixtures.js';
import { readThreadsRunning } from './support/read-threads.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();
const THREADS: ReadThreadConfig = { threads: 2, startAfterReads: 0, cacheKib: 2_048 };

describe('read threads of a file database', () => {
  it('start after `startAfterReads` reads on the main thread, then serve the reads', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { reads: { startAfterReads: 3 } });
    await storage.insertEpisode(episode({ id: 'e1' }));
    for (let index = 0; index < 3; index++) await storage.getEpisodes(NS, ['e1']);
    expect(storage.readStatistics()).toEqual({
      threads: 'waiting',
      onThreads: 0,
      onMainThread: 3,
      lookups: 0,
    });
    await storage.getEpisodes(NS, ['e1']);
    await readThreadsRunning(storage);
    const before = storage.readStatistics();
    expect((await storage.getEpisodes(NS, ['e1'])).map((read) => read.id)).toEqual(['e1']);
    // A read of one record by key stays on the main thread: cheaper there than a round trip.
    expect((await storage.getEpisode(NS, 'e1'))?.id).toBe('e1');
    expect(storage.readStatistics()).toEqual({
      ...before,
      onThreads: before.onThreads + 1,
      lookups: before.lookups + 1,
    });
  });

  it('see every acknowledged write at once (read your writes across connections)', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { reads: THREADS });
    await readThreadsRunning(storage);
    for (let index = 0; index < 100; index++) {
      const id = `e${index}`;
      await storage.insertEpisode(episode({ id }));
      await storage.appendSteps(NS, id, [step(1)]);
      const [read] = await storage.getEpisodes(NS, [id]);
      expect(read?.steps.map((stored) => stored.stepNumber)).toEqual([1]);
    }
    expect(storage.readStatistics().onThreads).toBeGreaterThanOrEqual(100);
  });

  it('answer concurrent reads and finish them all when the store closes', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { reads: THREADS });
    await readThreadsRunning(storage);
    for (let index = 0; index < 20; index++) await storage.insertEpisode(episode({ id: `e${index}` }));
    const reads = Array.from({ length: 200 }, (_, index) => storage.getEpisodes(NS, [`e${index % 20}`]));
    const closed = storage.close();
    const results = await Promise.all(reads);
    await closed;
    expect(results.map(([read]) => read?.id)).toEqual(
      Array.from({ length: 200 }, (_, index) => `e${index % 20}`),
    );
    expect(storage.readStatistics().threads).toBe('off');
  });

  it('fall back to the main thread when their threads end', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { reads: THREADS });
    await readThreadsRunning(storage);
    await storage.insertEpisode(episode({ id: 'e1' }));
    // Idle threads (not inside a libsql call) may be terminated safely; a crashed thread looks the same.
    const lanes = (storage as unknown as { database: { readThreads: { lanes: Array<{ worker: Worker }> } } })
      .database.readThreads.lanes;
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    const before = storage.readStatistics();
    expect((await storage.getEpisodes(NS, ['e1'])).map((read) => read.id)).toEqual(['e1']);
    expect(storage.readStatistics()).toEqual({
      ...before,
      threads: 'off',
      onThreads: before.onThreads,
      onMainThread: before.onMainThread + 1,
    });
  });

  it('run reads that call the vector functions one at a time, and other reads side by side', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { reads: THREADS });
    const database = (storage as unknown as { database: Database }).database;
    const events: string[] = [];
    const body = (name: string) => async (runner: SqlRunner) => {
      events.push(`${name} start`);
      await runner.execute('SELECT 1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} end`);
    };
    await Promise.all([database.read('a', body('a'), 'vector'), database.read('b', body('b'), 'vector')]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    events.length = 0;
    await Promise.all([database.read('c', body('c')), database.read('d', body('d'))]);
    expect(events.slice(0, 2)).toEqual(['c start', 'd start']);
  });

  it('are off with `threads: 0`, and by default when the clients are wrapped', async () => {
    const url = temp.directory().databaseUrl();
    const off = await temp.open(url, { reads: { threads: 0, startAfterReads: 0 } });
    await off.getEpisodes(NS, ['missing']);
    expect(off.readStatistics()).toEqual({ threads: 'off', onThreads: 0, onMainThread: 1, lookups: 0 });
    const wrapped = await temp.open(
      url,
      { reads: { startAfterReads: 0 } },
      { wrapClient: (client) => client },
    );
    await wrapped.getEpisodes(NS, ['missing']);
    expect(wrapped.readStatistics().threads).toBe('off');
  });
});

describe('a read thread answers like the client', () => {
  let directory: TempDirectory | undefined;
  const opened: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.close();
    directory?.remove();
  });

  async function setUp() {
    directory = createTempDirectory('slm-read-threads-');
    const path = join(directory.path, 'values.db');
    const client = createClient({ url: `file:${path}` });
    opened.push(client);
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute(
      'CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, score REAL, data BLOB, big INTEGER)',
    );
    await client.execute({
      sql: 'INSERT INTO t VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
      args: [1, 'one', 0.5, new Uint8Array([1, 2, 3]).buffer, 9007199254740991n, 2, null, -1.25, null, null],
    });
    const threads = new ReadThreads(path, 1_000, THREADS, clientRunner(client));
    opened.push({ close: () => threads.stop() });
    for (let attempt = 0; threads.state !== 'running'; attempt++) {
      if (attempt > 500) throw new Error('read threads did not start');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { client, threads };
  }

  it('returns the same rows, columns and types for positional, named and converted arguments', async () => {
    const { client, threads } = await setUp();
    const statements = [
      'SELECT * FROM t ORDER BY id',
      { sql: 'SELECT id, label FROM t WHERE id = ? OR label = ?', args: [2, 'one'] },
      { sql: 'SELECT :a + 1 AS a, $b AS b, @c AS c', args: { a: 41, b: true, c: 'x' } },
      { sql: 'SELECT length(?) AS bytes', args: [new Uint8Array([7, 8]).buffer] },
      { sql: 'SELECT 1 AS x, 2 AS x' },
      { sql: 'SELECT 1 AS __proto__, 2 AS y' },
    ];
    for (const statement of statements) {
      const expected = await client.execute(statement);
      const actual = await threads.runner().execute(statement);
      expect(actual.toJSON()).toEqual(expected.toJSON());
      expect(actual.rows.map((row) => ({ ...row }))).toEqual(expected.rows.map((row) => ({ ...row })));
      expect(actual.rows.map((row) => Array.from(row))).toEqual(expected.rows.map((row) => Array.from(row)));
    }
    expect(threads.statistics().onThreads).toBe(statements.length);
    const [blobRow] = (await threads.runner().execute('SELECT data FROM t WHERE id = 1')).rows;
    expect(new Uint8Array(blobRow!['data'] as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('hand each statement to the first idle thread: a short read never waits behind a long one', async () => {
    const { threads } = await setUp();
    const runner = threads.runner();
    // Statements that keep a thread busy for a while, one ten times as long as the other.
    const busy = (rows: number) =>
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) SELECT count(*) AS n FROM n`;
    const finished: string[] = [];
    const track = (name: string, read: Promise<unknown>) => read.then(() => finished.push(name));
    await Promise.all([
      track('long', runner.execute(busy(3_000_000))),
      track('medium', runner.execute(busy(300_000))),
      // Both threads are busy: this waits for the first one free (the medium read's), not behind the long one.
      track('short', runner.execute('SELECT 1')),
    ]);
    expect(finished).toEqual(['medium', 'short', 'long']);
  });

  it('runs a batch in one read transaction', async () => {
    const { threads } = await setUp();
    const [count, labels] = await threads
      .runner()
      .batch(['SELECT count(*) AS n FROM t', 'SELECT label FROM t WHERE label IS NOT NULL']);
    expect(count!.rows[0]!['n']).toBe(2);
    expect(labels!.rows.map((row) => row['label'])).toEqual(['one']);
  });

  it('fails like the client: SQLite errors with their codes, writes refused, unsafe integers rejected', async () => {
    const { threads } = await setUp();
    const runner = threads.runner();
    const syntax = await runner.execute('SELEC 1').catch((error: unknown) => error);
    expect(syntax).toBeInstanceOf(LibsqlError);
    expect((syntax as LibsqlError).code).toBe('SQLITE_ERROR');
    const write = await runner.execute("INSERT INTO t (label) VALUES ('x')").catch((error: unknown) => error);
    expect((write as LibsqlError).code).toBe('SQLITE_READONLY');
    await expect(runner.execute('SELECT 9007199254740993 AS big')).rejects.toThrow(RangeError);
    await expect(runner.execute({ sql: 'SELECT ?', args: [Number.NaN] })).rejects.toThrow(RangeError);
    // The thread is still there and answers.
    expect((await runner.execute('SELECT count(*) AS n FROM t')).rows[0]!['n']).toBe(2);
  });
});
