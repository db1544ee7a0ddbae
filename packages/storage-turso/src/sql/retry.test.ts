import { LibsqlError } from '@libsql/client';
import { MemoryError } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { isConnectionError, isTransientError, isUniqueViolation } from './errors.js';
import { backoffDelayMs, withRetry } from './retry.js';

const busy = () => new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY', 'SQLITE_BUSY', 5);
const constraint = () =>
  new LibsqlError(
    'UNIQUE constraint failed: episodes.id',
    'SQLITE_CONSTRAINT',
    'SQLITE_CONSTRAINT_UNIQUE',
    2067,
  );
const dropped = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });

describe('transient error classification', () => {
  it('retries a busy or locked database and dropped connections', () => {
    expect(isTransientError(busy())).toBe(true);
    expect(isTransientError(new LibsqlError('locked', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 517))).toBe(
      true,
    );
    expect(isTransientError(new LibsqlError('locked', 'SQLITE_LOCKED'))).toBe(true);
    expect(isTransientError(dropped())).toBe(true);
    expect(isTransientError(new LibsqlError('socket closed', 'HRANA_WEBSOCKET_ERROR'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('bad gateway'), { status: 502 }))).toBe(true);
    expect(isTransientError(new Error('wrapped', { cause: busy() }))).toBe(true);
  });

  it('never retries constraint or syntax errors, misuse, auth failures or MemoryErrors', () => {
    expect(isTransientError(constraint())).toBe(false);
    expect(
      isTransientError(new LibsqlError('near "SELEC": syntax error', 'SQLITE_ERROR', 'SQLITE_ERROR', 1)),
    ).toBe(false);
    expect(isTransientError(Object.assign(new Error('unauthorized'), { status: 401 }))).toBe(false);
    expect(isTransientError(new MemoryError('CONFLICT', 'taken', { cause: busy() }))).toBe(false);
    expect(isTransientError(new TypeError('x is not a function'))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });

  it('tells connection failures and unique violations apart', () => {
    expect(isConnectionError(dropped())).toBe(true);
    expect(isConnectionError(busy())).toBe(false);
    expect(isUniqueViolation(constraint())).toBe(true);
    expect(isUniqueViolation(new LibsqlError('UNIQUE constraint failed: x', 'SQLITE_CONSTRAINT'))).toBe(true);
    expect(
      isUniqueViolation(
        new LibsqlError(
          'FOREIGN KEY constraint failed',
          'SQLITE_CONSTRAINT',
          'SQLITE_CONSTRAINT_FOREIGNKEY',
          787,
        ),
      ),
    ).toBe(false);
  });
});

describe('withRetry', () => {
  const policy = { maxRetries: 3, retryBaseDelayMs: 1, retryMaxDelayMs: 4 };

  it('retries transient failures until the call succeeds', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      policy,
      async () => {
        calls++;
        if (calls < 3) throw busy();
        return 'done';
      },
      { beforeRetry: (_error, _attempt, delay) => void delays.push(delay) },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it('gives up after maxRetries and rethrows the last failure', async () => {
    let calls = 0;
    await expect(
      withRetry(policy, async () => {
        calls++;
        throw busy();
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(calls).toBe(4);
  });

  it('does not retry a constraint error', async () => {
    let calls = 0;
    await expect(
      withRetry(policy, async () => {
        calls++;
        throw constraint();
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(calls).toBe(1);
  });

  it('draws full-jitter delays below min(cap, base·2^attempt)', () => {
    const slow = { maxRetries: 10, retryBaseDelayMs: 100, retryMaxDelayMs: 5_000 };
    expect(backoffDelayMs(slow, 0, () => 0.999)).toBe(99);
    expect(backoffDelayMs(slow, 3, () => 0.5)).toBe(400);
    expect(backoffDelayMs(slow, 10, () => 0.999)).toBe(4_995);
    expect(backoffDelayMs(slow, 2, () => 0)).toBe(0);
    for (let attempt = 0; attempt < 10; attempt++) {
      const delay = backoffDelayMs(slow, attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(5_000, 100 * 2 ** attempt));
    }
  });
});
