import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RequestPool } from './request-pool.js';

describe('RequestPool', () => {
  it('never lets more than maxConnections requests run, under 100 concurrent requests', async () => {
    const pool = new RequestPool(10, 5_000, true);
    let running = 0;
    let mostRunning = 0;
    let sawWaiting = false;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        pool.use(async () => {
          running++;
          mostRunning = Math.max(mostRunning, running);
          if (pool.statistics().waiting > 0) sawWaiting = true;
          await sleep(2);
          running--;
          return index;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(mostRunning).toBe(10);
    expect(sawWaiting).toBe(true);
    const statistics = pool.statistics();
    expect(statistics).toMatchObject({
      maxConnections: 10,
      bounded: true,
      active: 0,
      idle: 10,
      waiting: 0,
      peakActive: 10,
      checkouts: 100,
      checkoutTimeouts: 0,
    });
    // 90 of the 100 waited for a slot: at least the last 5 % waited for several rounds.
    expect(statistics.checkoutWaitP95Ms).toBeGreaterThan(2);
  });

  it('serves waiters in arrival order', async () => {
    const pool = new RequestPool(1, 5_000, true);
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        pool.use(async () => {
          order.push(index);
          await sleep(1);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('fails a request that waits longer than the checkout timeout with UNAVAILABLE', async () => {
    const pool = new RequestPool(1, 20, true);
    const holder = pool.use(() => sleep(200));
    await expect(pool.use(async () => 'never')).rejects.toMatchObject({
      name: 'MemoryError',
      code: 'UNAVAILABLE',
    });
    expect(pool.statistics()).toMatchObject({ checkoutTimeouts: 1, waiting: 0, active: 1 });
    await holder;
    expect(await pool.use(async () => 'after')).toBe('after');
  });

  it('releases the slot when the work fails', async () => {
    const pool = new RequestPool(1, 100, true);
    await expect(pool.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(pool.statistics().active).toBe(0);
    expect(await pool.use(async () => 1)).toBe(1);
  });

  it('only measures when pooling is disabled', async () => {
    const pool = new RequestPool(2, 10, false);
    let running = 0;
    let mostRunning = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.use(async () => {
          running++;
          mostRunning = Math.max(mostRunning, running);
          await sleep(2);
          running--;
        }),
      ),
    );
    expect(mostRunning).toBe(6);
    expect(pool.statistics()).toMatchObject({ bounded: false, peakActive: 6, checkouts: 6 });
  });

  it('counts health checks run and failed', () => {
    const pool = new RequestPool(1, 10, true);
    pool.recordHealthCheck(true);
    pool.recordHealthCheck(false);
    expect(pool.statistics().healthChecks).toEqual({ run: 2, failed: 1 });
  });
});
