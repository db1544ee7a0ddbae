import type { ScoredId } from '../filters.js';
import { CosineQuery, dot, type SparseLanes } from './cosine-query.js';
import { TopK } from './top-k.js';

const INITIAL_ROWS = 64;

/**
 * Vectors of one namespace and target in a contiguous Float32Array matrix (row-major, grown by doubling),
 * with id ↔ row maps. Deleting moves the last row into the hole, so rows stay dense. Search is an exact
 * brute-force cosine scan over the matrix: cache-friendly and a few milliseconds for 10k × 384.
 */
export class VectorIndex {
  private matrix: Float32Array;
  private norms: Float32Array;
  private readonly rowIds: string[] = [];
  private readonly rows = new Map<string, number>();

  constructor(readonly dimensions: number) {
    this.matrix = new Float32Array(INITIAL_ROWS * dimensions);
    this.norms = new Float32Array(INITIAL_ROWS);
  }

  get size(): number {
    return this.rowIds.length;
  }

  /** Stores or replaces a vector (copied; the caller keeps its array). Its length must be `dimensions`. */
  set(id: string, vector: Float32Array): void {
    let row = this.rows.get(id);
    if (row === undefined) {
      row = this.rowIds.length;
      this.ensureCapacity(row + 1);
      this.rowIds.push(id);
      this.rows.set(id, row);
    }
    this.matrix.set(vector, row * this.dimensions);
    this.norms[row] = Math.sqrt(dot(vector, 0, vector, this.dimensions));
  }

  /** A copy of the stored vector, or undefined. */
  get(id: string): Float32Array | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const start = row * this.dimensions;
    return this.matrix.slice(start, start + this.dimensions);
  }

  delete(id: string): boolean {
    const row = this.rows.get(id);
    if (row === undefined) return false;
    const last = this.rowIds.length - 1;
    if (row !== last) {
      const lastId = this.rowIds[last]!;
      this.matrix.copyWithin(row * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
      this.norms[row] = this.norms[last]!;
      this.rowIds[row] = lastId;
      this.rows.set(lastId, row);
    }
    this.rowIds.pop();
    this.rows.delete(id);
    return true;
  }

  /**
   * The `limit` rows most cosine-similar to `query` that `accept` lets through, best first. `accept` runs only
   * for rows whose score could still enter the result.
   */
  search(query: Float32Array, limit: number, accept?: (id: string) => boolean): ScoredId[] {
    const best = new TopK(limit);
    this.scoreInto(CosineQuery.of(query), best, accept);
    return best.results();
  }

  /**
   * Offers every row's cosine similarity to `best` (shared by callers that scan several indexes). The dot
   * product is inlined and reads the query as float64, and a sparse query (as the local hashing embedder
   * gives) visits only its nonzero components: the same sums in the same order either way (see
   * `CosineQuery`), so the same scores.
   */
  scoreInto(query: CosineQuery, best: TopK, accept?: (id: string) => boolean): void {
    if (query.norm === 0) {
      for (const id of this.rowIds)
        if (best.admits(id, 0) && (accept === undefined || accept(id))) best.push(id, 0);
      return;
    }
    if (query.nonzero) this.scoreSparse(query, query.nonzero, best, accept);
    else this.scoreDense(query, best, accept);
  }

  private scoreDense(query: CosineQuery, best: TopK, accept: ((id: string) => boolean) | undefined): void {
    const { matrix, norms, rowIds, dimensions } = this;
    const { components, norm: queryNorm } = query;
    const body = dimensions - (dimensions % 4);
    for (let row = 0, offset = 0; row < rowIds.length; row++, offset += dimensions) {
      const norm = norms[row]!;
      let score = 0;
      if (norm > 0) {
        let lane0 = 0;
        let lane1 = 0;
        let lane2 = 0;
        let lane3 = 0;
        let index = 0;
        for (; index < body; index += 4) {
          const at = offset + index;
          lane0 += matrix[at]! * components[index]!;
          lane1 += matrix[at + 1]! * components[index + 1]!;
          lane2 += matrix[at + 2]! * components[index + 2]!;
          lane3 += matrix[at + 3]! * components[index + 3]!;
        }
        for (; index < dimensions; index++) lane0 += matrix[offset + index]! * components[index]!;
        score = (lane0 + lane1 + lane2 + lane3) / (norm * queryNorm);
      }
      const id = rowIds[row]!;
      if (best.admits(id, score) && (accept === undefined || accept(id))) best.push(id, score);
    }
  }

  private scoreSparse(
    query: CosineQuery,
    nonzero: SparseLanes,
    best: TopK,
    accept: ((id: string) => boolean) | undefined,
  ): void {
    const { matrix, norms, rowIds, dimensions } = this;
    const { components, norm: queryNorm } = query;
    const { indexes, end0, end1, end2, end3 } = nonzero;
    for (let row = 0, offset = 0; row < rowIds.length; row++, offset += dimensions) {
      const norm = norms[row]!;
      let score = 0;
      if (norm > 0) {
        let lane0 = 0;
        let lane1 = 0;
        let lane2 = 0;
        let lane3 = 0;
        let at = 0;
        for (; at < end0; at++) lane0 += matrix[offset + indexes[at]!]! * components[indexes[at]!]!;
        for (; at < end1; at++) lane1 += matrix[offset + indexes[at]!]! * components[indexes[at]!]!;
        for (; at < end2; at++) lane2 += matrix[offset + indexes[at]!]! * components[indexes[at]!]!;
        for (; at < end3; at++) lane3 += matrix[offset + indexes[at]!]! * components[indexes[at]!]!;
        score = (lane0 + lane1 + lane2 + lane3) / (norm * queryNorm);
      }
      const id = rowIds[row]!;
      if (best.admits(id, score) && (accept === undefined || accept(id))) best.push(id, score);
    }
  }

  private ensureCapacity(rows: number): void {
    const capacity = this.norms.length;
    if (rows <= capacity) return;
    const grown = Math.max(rows, capacity * 2);
    const matrix = new Float32Array(grown * this.dimensions);
    matrix.set(this.matrix);
    const norms = new Float32Array(grown);
    norms.set(this.norms);
    this.matrix = matrix;
    this.norms = norms;
  }
}
