import { invalid } from '../failures.js';

/** Checks a vector against the store's dimension (and for finite values) before it reaches SQL. */
export function checkVector(vector: Float32Array, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw invalid(
      `embedding has ${vector.length} dimensions but the store holds ${dimensions}-dimension vectors: re-index after changing the embedding provider`,
      { dimensions: vector.length, expected: dimensions },
    );
  }
  for (let index = 0; index < vector.length; index++) {
    if (!Number.isFinite(vector[index]!)) throw invalid('embedding holds a non-finite value', { index });
  }
}

/** The little-endian float32 bytes SQLite stores in an `F32_BLOB` (a copy: the caller keeps its array). */
export function vectorBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function vectorFromBlob(blob: ArrayBuffer, dimensions: number): Float32Array {
  if (blob.byteLength !== dimensions * 4) {
    throw new Error(`stored vector has ${blob.byteLength} bytes, expected ${dimensions * 4}`);
  }
  return new Float32Array(blob.slice(0));
}
