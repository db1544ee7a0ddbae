import type { CacheResults } from './cache/cache-bench.js';
import { count, latencyRow } from './format.js';

/** The seed's sizing table (redb): cache size and the hit rate it expected. */
const SEED_SIZING = [
  ['4 GB', '500 episodes', '70–80 %'],
  ['8 GB', '1,000 episodes', '80–90 %'],
  ['16 GB+', '2,000+ episodes', '90 %+'],
];

/** The Redis cache section: cached reads against the durable store, and Zipf hit rates. */
export function renderCache(results: CacheResults): string[] {
  return [
    '## Redis cache (storage-cache in front of the libSQL file)',
    '',
    `A private redis-server on loopback; ${count(results.episodes)} episodes in the file; the same 200 episodes read`,
    'repeatedly (after one warming read each) through the cache and straight from the file.',
    '',
    '| operation | p50 | p95 | target (p95) |',
    '| --- | --- | --- | --- |',
    latencyRow('getEpisode, Redis hit', results.cachedGet, '≤ 1 ms'),
    latencyRow('getEpisode, libSQL file (no cache)', results.durableGet, '—'),
    '',
    `Hit rate of 20,000 Zipf-distributed reads over ${count(results.episodes)} episodes with a`,
    `${count(results.cacheSize)}-episode cache (LRU), starting cold:`,
    '',
    '| Zipf exponent | reads | hit rate | evictions |',
    '| --- | --- | --- | --- |',
    ...results.zipf.map(
      (point) =>
        `| ${point.exponent.toFixed(1)} | ${count(point.reads)} | ${(point.hitRate * 100).toFixed(1)} % | ${count(point.evictions)} |`,
    ),
    '',
    "The seed's recommended sizing, for comparison (its figures, not measured here):",
    '',
    '| memory available | cache size | hit rate target |',
    '| --- | --- | --- |',
    ...SEED_SIZING.map((cells) => `| ${cells.join(' | ')} |`),
    '',
  ];
}
