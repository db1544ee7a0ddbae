import { noopLogger } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CacheGuard } from '../cache-guard.js';
import { InProcessSearchStore } from '../in-process/in-process-search-store.js';
import { PendingBumps } from './pending-bumps.js';
import { SearchCache } from './search-cache.js';
import type { SearchRequest } from './search-request.js';
import type { SearchStore } from './search-store.js';

/** An in-process store whose bumps fail while `bumpsFail` is set (Redis unreachable for that call). */
function flakyStore() {
  const inner = new InProcessSearchStore({ maxSearches: 10, ttlMs: 60_000 });
  const state = { bumpsFail: false, lookups: 0 };
  const store: SearchStore = {
    lookup: (...args) => {
      state.lookups += 1;
      return inner.lookup(...args);
    },
    fill: (...args) => inner.fill(...args),
    bump: (namespace) => (state.bumpsFail ? Promise.reject(new Error('down')) : inner.bump(namespace)),
    namespaces: () => inner.namespaces(),
    usage: () => inner.usage(),
    close: () => inner.close(),
  };
  return { store, state };
}

const request = (namespace: string): SearchRequest => ({
  method: 'searchEpisodesByText',
  namespace,
  query: ['checkout'],
  filter: {},
  limit: 10,
});

describe('SearchCache with a pending generation bump', () => {
  it('does not use the namespace’s cached searches until the bump is replayed', async () => {
    const { store, state } = flakyStore();
    const guard = new CacheGuard({ logger: noopLogger, retryIntervalMs: 0, logIntervalMs: 60_000 });
    const cache = new SearchCache(store, guard, new PendingBumps());
    let durable = [{ id: 'old', score: 1 }];
    const search = (namespace: string) => cache.search(request(namespace), async () => durable);
    await search('a');
    await search('b');
    expect(await search('a')).toEqual([{ id: 'old', score: 1 }]); // cached

    durable = [{ id: 'new', score: 1 }]; // a write committed in both namespaces; only a's bump fails
    state.bumpsFail = true;
    await cache.bump('a');
    expect(cache.pending.size).toBe(1);
    const lookupsBefore = state.lookups;
    expect(await search('a')).toEqual([{ id: 'new', score: 1 }]); // replay fails: the durable store answers
    expect(state.lookups).toBe(lookupsBefore); // the cache was not even asked
    expect(await search('b')).toEqual([{ id: 'old', score: 1 }]); // other namespaces keep their entries

    state.bumpsFail = false;
    expect(await search('a')).toEqual([{ id: 'new', score: 1 }]); // replayed first, then a miss
    expect(cache.pending.size).toBe(0);
    expect(await search('a')).toEqual([{ id: 'new', score: 1 }]);
    expect(cache.counters).toMatchObject({ hits: 3, misses: 3 });
    expect(guard.errors).toBe(3); // the bump and two replays (every search retries while any bump is pending)
  });
});
