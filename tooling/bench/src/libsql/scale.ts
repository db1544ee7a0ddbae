import { statSync } from 'node:fs';
import { ingestThroughPipeline } from '../ingest.js';
import { type Latency, measure } from '../measure.js';
import { random, retrievalQuery } from '../workload.js';
import { importEpisodes } from './fill.js';
import { type MixedLoadResult, measureMixedLoad } from './mixed-load.js';
import { openLibsqlMemory } from './open.js';
import { probeFreshProcess, residentMegabytes } from './resident-memory.js';

export interface ScalePoint {
  episodes: number;
  /** Episodes added since the previous point through the whole pipeline, and by import. */
  pipelined: number;
  imported: number;
  /** Seconds to add them. */
  fillSeconds: number;
  retrieve: Latency;
  /** Logging steps while other agents retrieve. */
  mixed: MixedLoadResult;
  /** Database file plus WAL. */
  fileMegabytes: number;
  /** A fresh process that opened the file at this size and answered retrievals. */
  freshProcess: { rssMegabytes: number; retrievals: number };
}

export interface ScaleResult {
  points: ScalePoint[];
  /** This process's RSS once filled to the largest size (after a GC when exposed). */
  builderRssMegabytes: number;
}

/** The first episodes go through the whole pipeline, so that patterns, heuristics and the prior are learned. */
export const PIPELINE_EPISODES = 1_000;
const RETRIEVE = { iterations: 100, warmup: 20, runs: 3 };

/**
 * `retrieveContext` on one libSQL file grown through `sizes` (ascending): the first 1,000 episodes are
 * completed through the whole pipeline, every later one is imported (see `fill.ts`).
 */
export async function benchLibsqlScale(
  sizes: readonly number[],
  progress: (message: string) => void,
): Promise<ScaleResult> {
  const next = random(1_000);
  const opened = await openLibsqlMemory();
  try {
    const { memory, file } = opened;
    const points: ScalePoint[] = [];
    let stored = 0;
    // Imported history ends a day ago and grows backwards, one episode a second.
    let oldestMs = Date.now() - 86_400_000;
    for (const size of sizes) {
      const label = size.toLocaleString('en');
      const pipelined = Math.max(0, Math.min(size, PIPELINE_EPISODES) - stored);
      const imported = size - stored - pipelined;
      progress(`libSQL: filling to ${label} episodes …`);
      let fillSeconds = await ingestThroughPipeline(memory, pipelined, next);
      fillSeconds += await importEpisodes(memory, imported, next, oldestMs);
      oldestMs -= imported * 1_000;
      stored = size;
      progress(`libSQL: retrieve context over ${label} episodes …`);
      const retrieve = await measure(
        (query) => memory.retrieveContext(query),
        () => retrievalQuery(next),
        RETRIEVE,
      );
      progress(`libSQL: log steps while ${label} episodes are searched …`);
      const mixed = await measureMixedLoad(memory, next);
      await memory.flush();
      progress(`libSQL: a fresh process opens the ${label}-episode file …`);
      const freshProcess = await probeFreshProcess(file);
      points.push({
        episodes: size,
        pipelined,
        imported,
        fillSeconds,
        retrieve,
        mixed,
        fileMegabytes: fileMegabytes(file),
        freshProcess,
      });
    }
    return { points, builderRssMegabytes: residentMegabytes() };
  } finally {
    await opened.dispose();
  }
}

function fileMegabytes(file: string): number {
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return (size(file) + size(`${file}-wal`)) / 1_048_576;
}
