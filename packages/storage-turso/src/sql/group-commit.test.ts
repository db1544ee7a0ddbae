import { LibsqlError, type Transaction } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { GroupCommit, type TransactionScope } from './group-commit.js';

const busy = () => new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY', 'SQLITE_BUSY', 5);

/** A transaction that records its statements; `failCommit` decides whether a COMMIT throws. */
function fakeScope(failCommit: (attempt: number) => Error | undefined) {
  const log: string[][] = [];
  let commits = 0;
  const scope: TransactionScope = async (body) => {
    const statements: string[] = [];
    log.push(statements);
    const transaction = {
      execute: async (statement: string | { sql: string }) => {
        statements.push(typeof statement === 'string' ? statement : statement.sql);
        return { rows: [], rowsAffected: 0 };
      },
      batch: async () => [],
      commit: async () => {
        const failure = failCommit(commits++);
        if (failure) throw failure;
        statements.push('COMMIT');
      },
      rollback: async () => {
        statements.push('ROLLBACK');
      },
      close: () => {},
    } as unknown as Transaction;
    return body(transaction);
  };
  return { scope, log };
}

const options = (commitMayBeAmbiguous: boolean) => ({
  bounds: { maxWrites: 100, maxBytes: 1_000_000 },
  retry: { maxRetries: 3, retryBaseDelayMs: 0, retryMaxDelayMs: 0 },
  commitMayBeAmbiguous,
});

describe('GroupCommit', () => {
  it('isolates each write of a shared transaction in a savepoint', async () => {
    const { scope, log } = fakeScope(() => undefined);
    const commit = new GroupCommit(scope, options(false));
    const results = await Promise.allSettled([
      commit.submit(async (runner) => runner.execute('INSERT 1'), 1),
      commit.submit(async () => Promise.reject(new Error('refused')), 1),
      commit.submit(async (runner) => runner.execute('INSERT 3'), 1),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual([
      [
        'SAVEPOINT group_commit_write',
        'INSERT 1',
        'RELEASE group_commit_write',
        'SAVEPOINT group_commit_write',
        'ROLLBACK TO group_commit_write',
        'RELEASE group_commit_write',
        'SAVEPOINT group_commit_write',
        'INSERT 3',
        'RELEASE group_commit_write',
        'COMMIT',
      ],
    ]);
    expect(commit.statistics()).toMatchObject({
      transactions: 1,
      writes: 2,
      failedWrites: 1,
      largestBatch: 3,
    });
  });

  it('retries a local COMMIT that failed with a transient error, splitting the batch', async () => {
    const { scope, log } = fakeScope((attempt) => (attempt === 0 ? busy() : undefined));
    const commit = new GroupCommit(scope, options(false));
    const values = await Promise.all([1, 2, 3, 4].map((value) => commit.submit(async () => value, 1)));
    expect(values).toEqual([1, 2, 3, 4]);
    // One failed attempt with four writes, then two halves.
    expect(
      log.map((statements) => statements.filter((sql) => sql === 'RELEASE group_commit_write').length),
    ).toEqual([4, 2, 2]);
    expect(commit.statistics()).toMatchObject({ transactions: 2, writes: 4, retries: 1 });
  });

  it('never retries a remote COMMIT that failed: it may have committed', async () => {
    const dropped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    });
    const { scope, log } = fakeScope(() => dropped);
    const commit = new GroupCommit(scope, options(true));
    await expect(commit.submit(async () => 'written', 1)).rejects.toBe(dropped);
    expect(log).toHaveLength(1);
    expect(commit.statistics().retries).toBe(0);
  });

  it('retries a transient failure before COMMIT, remote or not', async () => {
    const { scope, log } = fakeScope(() => undefined);
    const commit = new GroupCommit(scope, options(true));
    let attempts = 0;
    const value = await commit.submit(async () => {
      attempts++;
      if (attempts < 3) throw busy();
      return 'done';
    }, 1);
    expect(value).toBe('done');
    expect(log).toHaveLength(3);
  });

  it('gives up on a single write after maxRetries', async () => {
    const { scope } = fakeScope(() => undefined);
    const commit = new GroupCommit(scope, options(false));
    let attempts = 0;
    await expect(
      commit.submit(async () => {
        attempts++;
        throw busy();
      }, 1),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(attempts).toBe(4);
  });
});
