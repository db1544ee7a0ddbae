import { seededRandom } from '@slm/vitest-config/seeded-random';
import { describe, expect, it } from 'vitest';
import { completed, episode, NS } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();
const DIMENSIONS = 64;
const EPISODES = 1_500;
// Above the ~100 neighbours the DiskANN index answers, so the search scans exactly (see vector-search.ts).
const LIMIT = 150;

function cosine(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index]! * right[index]!;
    leftNorm += left[index]! * left[index]!;
    rightNorm += right[index]! * right[index]!;
  }
  return dot / Math.sqrt(leftNorm * rightNorm);
}

describe('exact vector scan over compact vectors', () => {
  it('returns what a float32 scan returns: the same neighbours, ranked and scored in float32', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { embeddingDimensions: DIMENSIONS });
    const next = seededRandom(7);
    // Clustered vectors, as embeddings of similar tasks are: near neighbours differ by small amounts.
    const centres = Array.from({ length: 10 }, () =>
      Float32Array.from({ length: DIMENSIONS }, () => next() * 2 - 1),
    );
    const vectors = new Map<string, Float32Array>();
    for (let index = 0; index < EPISODES; index++) {
      const record = completed(episode());
      const centre = centres[index % centres.length]!;
      vectors.set(
        record.id,
        Float32Array.from(centre, (value) => value + (next() - 0.5) * 0.05),
      );
      await storage.insertEpisode(record);
    }
    await Promise.all([...vectors].map(([id, vector]) => storage.saveEmbedding(NS, 'episode', id, vector)));

    for (let query = 0; query < 10; query++) {
      const target = Float32Array.from(centres[query]!, (value) => value + (next() - 0.5) * 0.05);
      const expected = [...vectors]
        .map(([id, vector]) => ({ id, score: cosine(target, vector) }))
        .sort((left, right) => right.score - left.score || left.id.localeCompare(right.id))
        .slice(0, LIMIT);
      const hits = await storage.searchEpisodesByVector(NS, target, {}, LIMIT);
      // The same neighbours; within them, only scores closer than float32 rounding may swap places.
      expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(expected.map((hit) => hit.id)));
      const exact = new Map(expected.map((hit) => [hit.id, hit.score]));
      for (const [index, hit] of hits.entries()) {
        expect(hit.score).toBeCloseTo(exact.get(hit.id)!, 6);
        expect(Math.abs(hit.score - expected[index]!.score)).toBeLessThan(1e-6);
      }
    }
  }, 120_000);
});
