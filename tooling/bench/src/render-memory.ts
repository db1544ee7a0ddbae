import { latencyRow, targetMet, µs } from './format.js';
import type { LifecycleResults } from './lifecycle.js';
import type { RetrievalResult } from './retrieval.js';

/** The in-memory backend's sections, with the seed's in-process figures next to ours. */
export function renderMemory(lifecycle: LifecycleResults, retrieval: RetrievalResult[]): string[] {
  return [
    '## Episode lifecycle — in-memory backend',
    '',
    '| operation | p50 | p95 | target (p95) | seed (Rust, in-process) |',
    '| --- | --- | --- | --- | --- |',
    latencyRow('start episode', lifecycle.start, '≤ 20 µs', '2.56 µs'),
    latencyRow('log step (batched)', lifecycle.logStepBatched, '≤ 5 µs', '1.13 µs'),
    latencyRow('log step (durable)', lifecycle.logStepDurable, '—', '—'),
    latencyRow(
      'complete episode (20 steps, whole learning pipeline)',
      lifecycle.complete20,
      '≤ 500 µs',
      '3.82 µs',
    ),
    latencyRow('pattern extraction (50 steps)', lifecycle.extract50, '≤ 200 µs', '10.43 µs'),
    '',
    '"complete" includes salient features, reward, reflection, pattern extraction, quality, persisting, embedding',
    "the episode with the local embedder, the near-duplicate check and the pattern/heuristic merges; the seed's",
    'figure covers less of that work.',
    '',
    '## Retrieve context — in-memory backend',
    '',
    '| episodes | ingest (whole pipeline) | retrieve p50 | retrieve p95 | target (p95) |',
    '| --- | --- | --- | --- | --- |',
    ...retrieval.map(
      (result) =>
        `| ${result.episodes.toLocaleString('en')} | ${result.ingestSeconds.toFixed(1)} s | ${µs(result.retrieve.p50)} | ${µs(result.retrieve.p95)} | ${result.episodes >= 10_000 ? `≤ 5 ms ${targetMet(result.retrieve.p95, '≤ 5 ms')}` : '—'} |`,
    ),
    '',
  ];
}
