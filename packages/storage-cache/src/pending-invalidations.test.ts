import { describe, expect, it } from 'vitest';
import { encodeEntry } from './cache-entry.js';
import { InProcessCacheStore } from './in-process/in-process-cache-store.js';
import { PendingInvalidations } from './pending-invalidations.js';

const ticket = { marker: null, takenAt: Date.now() };
const entry = (id: string) => encodeEntry({ id, namespace: 'ns', version: 1 } as never);

describe('PendingInvalidations', () => {
  it('replays invalidations and empties', async () => {
    const store = new InProcessCacheStore({ maxEpisodes: 10, ttlMs: 60_000 });
    await store.fill(
      'ns',
      ['a', 'b', 'c'].map((id) => ({ id, entry: entry(id), ticket })),
    );
    const pending = new PendingInvalidations();
    pending.add('ns', ['a', 'b', 'a']);
    expect(pending.size).toBe(2);
    await pending.flush(store);
    expect(pending.size).toBe(0);
    expect(await store.cachedIds('ns')).toEqual(['c']);
  });

  it('falls back to dropping the whole namespace beyond its limit', async () => {
    const store = new InProcessCacheStore({ maxEpisodes: 10, ttlMs: 60_000 });
    await store.fill(
      'ns',
      ['a', 'b'].map((id) => ({ id, entry: entry(id), ticket })),
    );
    const pending = new PendingInvalidations(2);
    pending.add('ns', ['x', 'y', 'z']);
    expect(pending.size).toBe(1);
    await pending.flush(store);
    expect(await store.cachedIds('ns')).toEqual([]);
  });

  it('keeps what failed to replay', async () => {
    const pending = new PendingInvalidations();
    pending.add('ns', ['a']);
    const broken = { invalidate: () => Promise.reject(new Error('down')) } as never;
    await expect(pending.flush(broken)).rejects.toThrow('down');
    expect(pending.size).toBe(1);
  });
});

describe('fill tickets (in-process)', () => {
  it('refuses a fill whose read started before an invalidation', async () => {
    const store = new InProcessCacheStore({ maxEpisodes: 10, ttlMs: 60_000 });
    const [lookup] = await store.lookup('ns', ['a'], true);
    await store.invalidate('ns', ['a']); // a writer committed after the read began
    expect(await store.fill('ns', [{ id: 'a', entry: entry('a'), ticket: lookup!.ticket }])).toEqual({
      stored: 0,
      evicted: 0,
    });
    const [again] = await store.lookup('ns', ['a'], true);
    expect((await store.fill('ns', [{ id: 'a', entry: entry('a'), ticket: again!.ticket }])).stored).toBe(1);
  });
});
