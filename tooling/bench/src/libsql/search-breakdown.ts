/**
 * Diagnostics, not part of `pnpm bench`: where retrieval's time goes on a libSQL file, call by call through
 * the storage alone, at one size filled as the benchmark fills it (imported episodes).
 * `pnpm --filter @slm/bench run libsql:search -- --size 10000`
 */
import { parseArgs } from 'node:util';
import { createLocalEmbeddingProvider, searchTerms } from '@slm/memory-core';
import { µs } from '../format.js';
import { type Latency, measure } from '../measure.js';
import { random, retrievalQuery } from '../workload.js';
import { importEpisodes } from './fill.js';
import { openLibsqlMemory } from './open.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: { size: { type: 'string', default: '10000' } },
});
const size = Number(values.size);
const OPTIONS = { iterations: 60, warmup: 10, runs: 3 };
const NS = 'default';

const next = random(size);
const opened = await openLibsqlMemory();
try {
  const { memory, storage } = opened;
  const seconds = await importEpisodes(memory, size, next, Date.now());
  const embedder = createLocalEmbeddingProvider();
  // A fresh query each call: its terms, vector and domain.
  const query = async () => {
    const { query: text, context } = retrievalQuery(next);
    const [vector] = await embedder.embed([text]);
    return { terms: searchTerms(text), vector: vector!, domains: [context!.domain!] };
  };
  type Query = Awaited<ReturnType<typeof query>>;
  const ids = (await storage.listEpisodes(NS, {}, { limit: 20 })).items.map((episode) => episode.id);
  const calls: Array<[string, (q: Query) => Promise<unknown>]> = [
    ['text search (limit 50)', (q) => storage.searchEpisodesByText(NS, q.terms, {}, 50)],
    ['text search + domain', (q) => storage.searchEpisodesByText(NS, q.terms, { domains: q.domains }, 50)],
    ['vector search (limit 50)', (q) => storage.searchEpisodesByVector(NS, q.vector, {}, 50)],
    [
      'vector search + domain',
      (q) => storage.searchEpisodesByVector(NS, q.vector, { domains: q.domains }, 50),
    ],
    ['getEpisodes (20)', () => storage.getEpisodes(NS, ids)],
    ['getEmbeddings (20)', () => storage.getEmbeddings(NS, 'episode', ids)],
    ['listEpisodes (20)', () => storage.listEpisodes(NS, {}, { limit: 20 })],
  ];
  const rows: Array<[string, Latency]> = [];
  for (const [name, call] of calls) rows.push([name, await measure(call, query, OPTIONS)]);
  rows.push([
    'retrieveContext (whole memory)',
    await measure(
      (input) => memory.retrieveContext(input),
      () => retrievalQuery(next),
      OPTIONS,
    ),
  ]);
  process.stdout.write(
    [
      `libSQL file, ${size.toLocaleString('en')} imported episodes (${seconds.toFixed(1)} s to import), storage calls one at a time:`,
      '',
      '| call | p50 | p95 |',
      '| --- | --- | --- |',
      ...rows.map(([name, latency]) => `| ${name} | ${µs(latency.p50)} | ${µs(latency.p95)} |`),
      '',
      `RSS ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB`,
      '',
    ].join('\n'),
  );
} finally {
  await opened.dispose();
}
