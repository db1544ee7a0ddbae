/**
 * Turns texts into vectors. `id` and `dimensions` are stored with the database: switching provider is an
 * explicit re-index, never a silent mix of vector spaces.
 */
export interface EmbeddingProvider {
  /** Stable identity of the vector space, e.g. `local-hash-v1` or `openai-compatible:text-embedding-3-small`. */
  readonly id: string;
  readonly dimensions: number;
  /**
   * One L2-normalised vector per text, in order (a text with nothing to embed may give the zero vector).
   * Fails with `UNAVAILABLE` when a remote provider cannot answer, `CONFIG_INVALID` when it rejects the
   * configuration (API key, model, URL, dimensions).
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Cosine similarity of two vectors of equal length (dot product when both are L2-normalised). */
export function cosineSimilarity(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const a = left[index]!;
    const b = right[index]!;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  if (leftNorm === 0 || rightNorm === 0) return 0;
  return dot / Math.sqrt(leftNorm * rightNorm);
}
