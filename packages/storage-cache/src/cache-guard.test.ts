import type { Logger } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CacheGuard } from './cache-guard.js';

function setup() {
  let now = 0;
  const warnings: string[] = [];
  const infos: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (_fields, message) => infos.push(message),
    warn: (_fields, message) => warnings.push(message),
    error: () => {},
  };
  const guard = new CacheGuard({ logger, retryIntervalMs: 1_000, logIntervalMs: 10_000, now: () => now });
  return { guard, warnings, infos, advance: (ms: number) => (now += ms) };
}

const failing = () => Promise.reject(new Error('connection refused'));

describe('CacheGuard', () => {
  it('counts every failure, logs once per interval, and skips the cache until the retry interval', async () => {
    const { guard, warnings, advance } = setup();
    expect(await guard.run('lookup', failing)).toEqual({ ok: false });
    expect(guard.degraded).toBe(true);
    let calls = 0;
    expect(await guard.run('lookup', async () => ++calls)).toEqual({ ok: false });
    expect(calls).toBe(0); // skipped, not tried
    advance(1_000);
    await guard.run('lookup', failing);
    advance(1_000);
    await guard.run('fill', failing);
    expect(guard.errors).toBe(3);
    expect(warnings).toHaveLength(1);
    advance(10_000);
    await guard.run('fill', failing);
    expect(warnings).toHaveLength(2);
  });

  it('ends the outage on the first success and logs the recovery once', async () => {
    const { guard, infos, advance } = setup();
    await guard.run('lookup', failing);
    expect((await guard.run('ping', async () => 'PONG', true)).ok).toBe(true);
    expect(guard.degraded).toBe(false);
    advance(5);
    await guard.run('lookup', async () => 1);
    expect(infos).toEqual(['cache recovered']);
  });
});
