// Candidate search in isolation at a given size: `tsx --conditions=source bench/search.ts 10000`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalEmbeddingProvider, type Episode, searchTerms, uuidv7 } from '@slm/memory-core';
import { createTursoStorage } from '../src/index.js';

const size = Number(process.argv[2] ?? 10_000);
const VERBS = [
  'fix',
  'add',
  'refactor',
  'test',
  'document',
  'optimise',
  'migrate',
  'review',
  'debug',
  'remove',
];
const OBJECTS = [
  'the login flow',
  'pagination on the users endpoint',
  'the payment webhook',
  'the CSV export',
  'rate limiting',
  'the search index',
  'the session cache',
  'error reporting',
  'the billing job',
  'feature flags',
  'the audit log',
  'image uploads',
];
const DOMAINS = ['web-api', 'data-pipeline', 'frontend', 'infrastructure', 'mobile'];
let seed = 1;
const next = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
const directory = mkdtempSync(join(tmpdir(), 'slm-search-'));
const storage = await createTursoStorage({
  url: `file:${join(directory, 'm.db')}`,
  embeddingDimensions: 384,
});
const embedder = createLocalEmbeddingProvider();
const started = performance.now();
for (let offset = 0; offset < size; offset += 500) {
  const episodes: Episode[] = Array.from({ length: Math.min(500, size - offset) }, (_, i) => ({
    schemaVersion: 1,
    id: uuidv7(),
    namespace: 'default',
    taskType: 'debugging',
    taskDescription: `${pick(VERBS)} ${pick(OBJECTS)} and ${pick(VERBS)} ${pick(OBJECTS)}`,
    context: { domain: pick(DOMAINS), complexity: 'moderate', tags: [] },
    startedAt: new Date(1_700_000_000_000 + (offset + i) * 1000).toISOString(),
    endedAt: new Date(1_700_000_000_000 + (offset + i) * 1000 + 500).toISOString(),
    steps: Array.from({ length: 8 }, (_, n) => ({
      stepNumber: n + 1,
      at: new Date().toISOString(),
      tool: pick(['read_file', 'edit_file', 'run_tests', 'shell']),
      action: `${pick(VERBS)} ${pick(OBJECTS)}`,
      parameters: {},
      latencyMs: 5,
      metadata: {},
    })),
    outcome:
      next() < 0.8 ? { type: 'success', verdict: 'done', artifacts: [] } : { type: 'failure', reason: 'no' },
    patternIds: [],
    heuristicIds: [],
    labels: [],
    metadata: {},
    checkpoints: [],
    version: 1,
  }));
  await storage.importRecords(episodes.map((record) => ({ type: 'episode', record })));
  const vectors = await embedder.embed(episodes.map((e) => e.taskDescription));
  await Promise.all(episodes.map((e, i) => storage.saveEmbedding('default', 'episode', e.id, vectors[i]!)));
}
console.log(`ingest ${size}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
const time = async (label: string, run: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(label.padEnd(28), 'p50', samples[30]!.toFixed(2), 'p95', samples[57]!.toFixed(2), 'ms');
};
const query = () => `${pick(VERBS)} ${pick(OBJECTS)}`;
await time('text search (limit 50)', () =>
  storage.searchEpisodesByText('default', searchTerms(query()), {}, 50),
);
await time('text search + domain', () =>
  storage.searchEpisodesByText('default', searchTerms(query()), { domains: [pick(DOMAINS)] }, 50),
);
const [vector] = await embedder.embed([query()]);
await time('vector search (limit 50)', () => storage.searchEpisodesByVector('default', vector!, {}, 50));
await time('vector search + domain', () =>
  storage.searchEpisodesByVector('default', vector!, { domains: [pick(DOMAINS)] }, 50),
);
const page = await storage.listEpisodes('default', {}, { limit: 20 });
const ids = page.items.map((e) => e.id);
await time('getEpisodes (20)', () => storage.getEpisodes('default', ids));
await time('getEmbeddings (20)', () => storage.getEmbeddings('default', 'episode', ids));
await time('listEpisodes (20)', () => storage.listEpisodes('default', {}, { limit: 20 }));
console.log('rss', (process.memoryUsage().rss / 1048576).toFixed(0), 'MB');
await storage.close();
if (process.env['KEEP']) console.log('kept', directory);
else rmSync(directory, { recursive: true, force: true });
