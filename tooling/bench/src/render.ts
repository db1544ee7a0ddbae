import { cpus } from 'node:os';
import type { LifecycleResults } from './lifecycle.js';
import type { Latency } from './measure.js';
import type { RetrievalResult } from './retrieval.js';

export interface BenchReport {
  lifecycle: LifecycleResults;
  retrieval: RetrievalResult[];
}

const µs = (value: number) =>
  value >= 1_000 ? `${(value / 1_000).toFixed(2)} ms` : `${value.toFixed(1)} µs`;

function row(name: string, latency: Latency, target: string, seed: string): string {
  const verdict = targetMet(latency.p95, target);
  return `| ${name} | ${µs(latency.p50)} | ${µs(latency.p95)} | ${target} ${verdict} | ${seed} |`;
}

/** "≤ 20 µs" / "≤ 5 ms" → met or not, from the measured p95. */
function targetMet(p95: number, target: string): string {
  const match = /≤ ([\d.]+) (µs|ms)/.exec(target);
  if (!match) return '';
  const limit = Number(match[1]) * (match[2] === 'ms' ? 1_000 : 1);
  return p95 <= limit ? '(met)' : '(**not met**)';
}

/** The benchmark section of docs/performance.md, from measured values only. */
export function renderReport(report: BenchReport): string {
  const { lifecycle } = report;
  const cpu = cpus();
  return [
    '# Performance',
    '',
    `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}.`,
    'Every figure below is written by that command; p50 and p95 are the medians over 5 runs (3 for retrieval)',
    'of per-operation latencies. Targets are from the quality bar; the seed column is the Rust original measured in',
    'process (its published table).',
    '',
    '## Episode lifecycle — in-memory backend',
    '',
    '| operation | p50 | p95 | target (p95) | seed (Rust, in-process) |',
    '| --- | --- | --- | --- | --- |',
    row('start episode', lifecycle.start, '≤ 20 µs', '2.56 µs'),
    row('log step (batched)', lifecycle.logStepBatched, '≤ 5 µs', '1.13 µs'),
    row('log step (durable)', lifecycle.logStepDurable, '—', '—'),
    row('complete episode (20 steps, whole learning pipeline)', lifecycle.complete20, '≤ 500 µs', '3.82 µs'),
    row('pattern extraction (50 steps)', lifecycle.extract50, '≤ 200 µs', '10.43 µs'),
    '',
    '"complete" includes salient features, reward, reflection, pattern extraction, quality, persisting, embedding',
    "the episode with the local embedder, the near-duplicate check and the pattern/heuristic merges; the seed's",
    'figure covers less of that work.',
    '',
    '## Retrieve context — in-memory backend',
    '',
    '| episodes | ingest (whole pipeline) | retrieve p50 | retrieve p95 | target (p95) |',
    '| --- | --- | --- | --- | --- |',
    ...report.retrieval.map(
      (result) =>
        `| ${result.episodes.toLocaleString('en')} | ${result.ingestSeconds.toFixed(1)} s | ${µs(result.retrieve.p50)} | ${µs(result.retrieve.p95)} | ${result.episodes >= 10_000 ? `≤ 5 ms ${targetMet(result.retrieve.p95, '≤ 5 ms')}` : '—'} |`,
    ),
    '',
    'Not measured yet: the libSQL file backend, the Redis cache, HTTP and MCP (their issues add their sections).',
    '',
  ].join('\n');
}
