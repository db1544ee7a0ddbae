/**
 * Benchmarks of the libSQL file backend under memory-core's whole pipeline (durable mode): start, log step,
 * step throughput with 64 concurrent writers, complete (20 steps), retrieve context at several sizes, RSS.
 * `pnpm --filter @slm/storage-turso bench [-- --sizes 1000,10000]`. Prints a Markdown table (p50 / p95 in
 * milliseconds, medians over the runs); the machines are noisy, so compare runs made together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemory, type SelfLearningMemory, type StepInput } from '@slm/memory-core';
import { createTursoStorage } from '../src/index.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } },
});
const RUNS = Number(values.runs);

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
];
const DOMAINS = ['web-api', 'data-pipeline', 'frontend', 'infrastructure', 'mobile'];
const TOOLS = [
  'read_file',
  'search_code',
  'edit_file',
  'run_tests',
  'run_linter',
  'shell',
  'git_diff',
  'open_pr',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const next = random(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

function task() {
  return {
    taskDescription: `${pick(VERBS)} ${pick(OBJECTS)} and ${pick(VERBS)} ${pick(OBJECTS)} without breaking ${pick(OBJECTS)}`,
    taskType: 'debugging' as const,
    context: { domain: pick(DOMAINS), language: 'typescript', tags: ['backend'] },
  };
}

function stepsFrom(first: number, count: number): StepInput[] {
  return Array.from({ length: count }, (_, index) => ({
    stepNumber: first + index,
    tool: pick(TOOLS),
    action: `${pick(VERBS)} ${pick(OBJECTS)}`,
    parameters: { path: `src/${pick(DOMAINS)}/${index}.ts` },
    result:
      next() < 0.9
        ? { type: 'success' as const, output: 'ok' }
        : { type: 'error' as const, message: 'failed' },
    latencyMs: Math.floor(next() * 200),
  }));
}

interface Latency {
  p50: number;
  p95: number;
}

async function timed(operation: () => Promise<unknown>, iterations: number): Promise<Latency> {
  const perRun: Latency[] = [];
  for (let run = 0; run < RUNS; run++) {
    const samples: number[] = [];
    for (let index = 0; index < iterations; index++) {
      const started = performance.now();
      const measured = await operation();
      // An operation may time itself (returning milliseconds) when it needs untimed preparation.
      samples.push(typeof measured === 'number' ? measured : performance.now() - started);
    }
    samples.sort((left, right) => left - right);
    perRun.push({
      p50: samples[Math.floor(iterations * 0.5)]!,
      p95: samples[Math.floor(iterations * 0.95)]!,
    });
  }
  const median = (list: number[]) => list.sort((left, right) => left - right)[Math.floor(list.length / 2)]!;
  return {
    p50: median(perRun.map((latency) => latency.p50)),
    p95: median(perRun.map((latency) => latency.p95)),
  };
}

async function openMemory(directory: string): Promise<SelfLearningMemory> {
  const storage = await createTursoStorage({
    url: `file:${join(directory, 'memory.db')}`,
    embeddingDimensions: 384,
  });
  return createMemory({ storage });
}

const rows: string[] = [];
const row = (operation: string, latency: Latency, target: string) =>
  rows.push(`| ${operation} | ${latency.p50.toFixed(2)} ms | ${latency.p95.toFixed(2)} ms | ${target} |`);

const directory = mkdtempSync(join(tmpdir(), 'slm-bench-'));
try {
  const memory = await openMemory(directory);
  row('start episode', await timed(() => memory.startEpisode(task()), 500), '≤ 1 ms');
  const writer = await memory.startEpisode(task());
  let stepNumber = 0;
  row(
    'log step (one writer)',
    await timed(() => memory.logStep(writer.id, stepsFrom(++stepNumber, 1)[0]!), 300),
    '≤ 2 ms',
  );

  const writers = await Promise.all(Array.from({ length: 64 }, () => memory.startEpisode(task())));
  const started = performance.now();
  await Promise.all(
    writers.map(async (episode) => {
      for (let number = 1; number <= 200; number++)
        await memory.logStep(episode.id, stepsFrom(number, 1)[0]!);
    }),
  );
  const throughput = (64 * 200) / ((performance.now() - started) / 1_000);

  const complete = await timed(async () => {
    const episode = await memory.startEpisode(task());
    await memory.logSteps(episode.id, stepsFrom(1, 20));
    const before = performance.now();
    await memory.completeEpisode(episode.id, { type: 'success', verdict: 'done', artifacts: ['src/a.ts'] });
    return performance.now() - before;
  }, 100);
  await memory.close();

  const retrieval: string[] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const sized = mkdtempSync(join(tmpdir(), 'slm-bench-size-'));
    try {
      const corpus = await openMemory(sized);
      const ingestStarted = performance.now();
      for (let index = 0; index < size; index++) {
        const episode = await corpus.startEpisode(task());
        await corpus.logSteps(episode.id, stepsFrom(1, 5 + Math.floor(next() * 10)));
        await corpus.completeEpisode(
          episode.id,
          next() < 0.8
            ? { type: 'success', verdict: 'done', artifacts: [] }
            : { type: 'failure', reason: 'tests fail' },
        );
      }
      const ingest = (performance.now() - ingestStarted) / 1_000;
      const latency = await timed(
        () =>
          corpus.retrieveContext({
            query: `${pick(VERBS)} ${pick(OBJECTS)}`,
            context: { domain: pick(DOMAINS) },
            limit: 5,
          }),
        100,
      );
      const rss = process.memoryUsage().rss / 1024 / 1024;
      retrieval.push(
        `| ${size.toLocaleString('en')} | ${ingest.toFixed(1)} s | ${latency.p50.toFixed(2)} ms | ${latency.p95.toFixed(2)} ms | ${rss.toFixed(0)} MB |`,
      );
      await corpus.close();
    } finally {
      rmSync(sized, { recursive: true, force: true });
    }
  }

  process.stdout.write(
    [
      `libSQL file backend, durable mode, Node ${process.version}, ${RUNS} runs (medians of p50 / p95).`,
      '',
      '| operation | p50 | p95 | target (p95) |',
      '| --- | --- | --- | --- |',
      ...rows,
      `| complete episode (20 steps, whole pipeline) | ${complete.p50.toFixed(2)} ms | ${complete.p95.toFixed(2)} ms | ≤ 10 ms |`,
      '',
      `step throughput, 64 concurrent writers, each step acknowledged after commit: ${throughput.toFixed(0)} steps/s (target ≥ 20,000)`,
      '',
      '| episodes | ingest (whole pipeline) | retrieve p50 | retrieve p95 | process RSS |',
      '| --- | --- | --- | --- | --- |',
      ...retrieval,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
