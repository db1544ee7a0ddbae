import type { SelfLearningMemory } from '@slm/memory-core';
import { learnedEpisode } from './learned-episode.js';

// One import call per batch: one transaction for the records, then their embeddings and prior observations.
const BATCH = 500;

/**
 * Adds `count` completed episodes through `memory.importRecords` (the restore path: records upserted, then
 * embedded with the memory's embedder and observed by the procedure prior). Returns the seconds it took.
 * Episodes end one second apart, before `endMs`, so the store reads as a history.
 */
export async function importEpisodes(
  memory: SelfLearningMemory,
  count: number,
  next: () => number,
  endMs: number,
): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const records = Array.from({ length: size }, (_, index) => ({
      type: 'episode' as const,
      record: learnedEpisode(next, endMs - (count - offset - index) * 1_000),
    }));
    await memory.importRecords(records);
  }
  return (performance.now() - started) / 1_000;
}
