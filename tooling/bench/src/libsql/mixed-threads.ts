/**
 * Diagnostics, not part of `pnpm bench`: the mixed load of the benchmark (one agent logs steps while four
 * retrieve) and plain retrieval, with the reads on `--threads` read threads (0 = the main thread), on one file
 * filled as the benchmark fills it, each setting opened in turn and measured twice, alternated.
 * `pnpm --filter @slm/bench run libsql:mixed -- --threads 0,2 --size 10000`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemory } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { µs } from '../format.js';
import { ingestThroughPipeline } from '../ingest.js';
import { measure } from '../measure.js';
import { random, retrievalQuery } from '../workload.js';
import { importEpisodes } from './fill.js';
import { measureMixedLoad } from './mixed-load.js';
import { EMBEDDING_DIMENSIONS } from './open.js';
import { PIPELINE_EPISODES } from './scale.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: { size: { type: 'string', default: '10000' }, threads: { type: 'string', default: '0,2' } },
});
const size = Number(values.size);
const settings = values.threads.split(',').map(Number);
const directory = mkdtempSync(join(tmpdir(), 'slm-bench-mixed-'));
const url = `file:${join(directory, 'memory.db')}`;
const open = async (threads: number) => {
  const storage = await createTursoStorage({
    url,
    embeddingDimensions: EMBEDDING_DIMENSIONS,
    reads: { threads },
  });
  return { storage, memory: await createMemory({ storage }) };
};

try {
  const next = random(size);
  const filled = await open(0);
  await ingestThroughPipeline(filled.memory, Math.min(size, PIPELINE_EPISODES), next);
  await importEpisodes(filled.memory, Math.max(0, size - PIPELINE_EPISODES), next, Date.now() - 86_400_000);
  await filled.memory.close();
  const rows: string[] = [];
  for (const threads of [...settings, ...settings]) {
    const { storage, memory } = await open(threads);
    const retrieve = await measure(
      (query) => memory.retrieveContext(query),
      () => retrievalQuery(next),
      { iterations: 100, warmup: 120, runs: 3 },
    );
    const mixed = await measureMixedLoad(memory, next);
    const where = storage.readStatistics();
    await memory.close();
    rows.push(
      `| ${threads} (${where.onThreads} on threads, ${where.onMainThread} on the main thread) | ${µs(retrieve.p50)} | ${µs(retrieve.p95)} | ${µs(mixed.logStep.p50)} | ${µs(mixed.logStep.p95)} | ${µs(mixed.logStep.p99)} | ${mixed.retrievalsPerSecond.toFixed(0)} |`,
    );
  }
  process.stdout.write(
    [
      `libSQL file, ${size.toLocaleString('en')} episodes (filled as the benchmark fills it):`,
      '',
      '| read threads (reads served) | retrieve p50 | retrieve p95 | log step p50 (4 agents retrieving) | p95 | p99 | retrievals/s meanwhile |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
