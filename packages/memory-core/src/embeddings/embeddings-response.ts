import { l2Normalize } from './l2-normalize.js';
import { isRecord } from './provider-error.js';

/** The vectors of a response, or why it cannot be used (`dimensions`: model and configuration disagree). */
export type EmbeddingsResponse =
  | { ok: true; vectors: Float32Array[] }
  | { ok: false; kind: 'malformed' | 'dimensions'; problem: string };

/**
 * Reads `{ data: [{ index, embedding }] }`: one vector per input, placed by `index` (servers may answer out of
 * order; an entry without `index` keeps its position), each of `dimensions` finite numbers. Vectors are
 * re-normalised because not every OpenAI-compatible server returns unit vectors.
 */
export function parseEmbeddingsResponse(
  body: string,
  inputCount: number,
  dimensions: number,
): EmbeddingsResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return malformed('the response is not JSON');
  }
  const data = isRecord(parsed) ? parsed['data'] : undefined;
  if (!Array.isArray(data)) return malformed('the response has no data array');
  if (data.length !== inputCount) return malformed(`expected ${inputCount} embeddings, got ${data.length}`);
  const vectors: Float32Array[] = new Array(inputCount);
  for (let position = 0; position < data.length; position++) {
    const entry: unknown = data[position];
    if (!isRecord(entry)) return malformed('an entry of data is not an object');
    const index = entry['index'] ?? position;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= inputCount) {
      return malformed(`embedding index ${String(index)} is out of range`);
    }
    if (vectors[index]) return malformed(`embedding index ${index} appears twice`);
    const embedding = entry['embedding'];
    if (!Array.isArray(embedding)) return malformed('an embedding is not an array of numbers');
    if (embedding.length !== dimensions) {
      return {
        ok: false,
        kind: 'dimensions',
        problem:
          `the model returned ${embedding.length}-dimensional vectors but dimensions is ${dimensions}: set ` +
          `dimensions to ${embedding.length} (then run \`memory-cli reindex\`) or use a ${dimensions}-dimensional model`,
      };
    }
    if (!embedding.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      return malformed('an embedding contains a value that is not a finite number');
    }
    vectors[index] = l2Normalize(embedding as number[]);
  }
  return { ok: true, vectors };
}

function malformed(problem: string): EmbeddingsResponse {
  return { ok: false, kind: 'malformed', problem };
}
