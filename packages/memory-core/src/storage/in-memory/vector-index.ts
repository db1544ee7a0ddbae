import type { ScoredId } from '../filters.js';
import { CosineQuery, dot, type SparseLanes } from './cosine-query.js';
import { searchVectors } from './exact-scan.js';
import type { TopK } from './top-k.js';

const INITIAL_ROWS = 64;

/** Largest int8 code: a row's components are stored as round(component / scale), scale = max |component| / 127. */
const CODE_MAX = 127;
/**
 * Added to every bound, in cosine units: covers float rounding in encoding (component / scale) and in the
 * sums, many orders of magnitude below it, so a bound never excludes a row that could rank.
 */
const BOUND_MARGIN = 1e-6;

/**
 * Vectors of one namespace and target in a contiguous Float32Array matrix (row-major, grown by doubling),
 * with id ↔ row maps. Deleting moves the last row into the hole, so rows stay dense. Search is an exact
 * brute-force cosine scan over the matrix: cache-friendly and a few milliseconds for 10k × 384.
 *
 * Each row is also kept as int8 codes with a per-row scale (a quarter of the bytes), for large scans in two
 * passes (see `exact-scan.ts`): `boundInto` ranks every row on its codes and bounds how far rounding can
 * move its score; `rescoreInto` then scores exactly, from the float32 row, only rows whose bound still
 * reaches the limit-th best lower bound. The result is the exact scan's, scores to the bit.
 */
export class VectorIndex {
  private matrix: Float32Array;
  private norms: Float32Array;
  private codes: Int8Array;
  private scales: Float32Array;
  /** Per row, the upper bound of the last `boundInto` (read by the `rescoreInto` that follows it). */
  private upperBounds: Float64Array;
  private readonly rowIds: string[] = [];
  private readonly rows = new Map<string, number>();

  constructor(readonly dimensions: number) {
    this.matrix = new Float32Array(INITIAL_ROWS * dimensions);
    this.norms = new Float32Array(INITIAL_ROWS);
    this.codes = new Int8Array(INITIAL_ROWS * dimensions);
    this.scales = new Float32Array(INITIAL_ROWS);
    this.upperBounds = new Float64Array(0);
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
    this.encode(row, vector);
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
      this.codes.copyWithin(row * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
      this.norms[row] = this.norms[last]!;
      this.scales[row] = this.scales[last]!;
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
    return searchVectors([this], CosineQuery.of(query), limit, accept);
  }

  /**
   * Offers every row's cosine similarity to `best` (shared by callers that scan several indexes). The dot
   * product is inlined and reads the query as float64, and a sparse query (as the local hashing embedder
   * gives) visits only its nonzero components: the same sums in the same order either way (see
   * `CosineQuery`), so the same scores.
   */
  scoreInto(
    query: CosineQuery,
    best: TopK,
    accept?: (id: string) => boolean,
    skipBelow = Number.NEGATIVE_INFINITY,
  ): void {
    if (query.norm === 0) {
      for (const id of this.rowIds)
        if (best.admits(id, 0) && (accept === undefined || accept(id))) best.push(id, 0);
      return;
    }
    if (query.nonzero) this.scoreSparse(query, query.nonzero, best, accept, skipBelow);
    else this.scoreDense(query, best, accept, skipBelow);
  }

  private scoreDense(
    query: CosineQuery,
    best: TopK,
    accept: ((id: string) => boolean) | undefined,
    skipBelow: number,
  ): void {
    const { matrix, norms, rowIds, dimensions, upperBounds } = this;
    const { components, norm: queryNorm } = query;
    const body = dimensions - (dimensions % 4);
    // After `boundInto`: rows whose upper bound is below `skipBelow` cannot rank.
    const bounded = skipBelow > Number.NEGATIVE_INFINITY;
    for (let row = 0, offset = 0; row < rowIds.length; row++, offset += dimensions) {
      if (bounded && upperBounds[row]! < skipBelow) continue;
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
    skipBelow: number,
  ): void {
    const { matrix, norms, rowIds, dimensions, upperBounds } = this;
    const { components, norm: queryNorm } = query;
    const { indexes, end0, end1, end2, end3 } = nonzero;
    const bounded = skipBelow > Number.NEGATIVE_INFINITY;
    for (let row = 0, offset = 0; row < rowIds.length; row++, offset += dimensions) {
      if (bounded && upperBounds[row]! < skipBelow) continue;
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

  /**
   * First pass of a two-pass scan: each row's score from its int8 codes, ± how far rounding can move it. Offers
   * every lower bound to `lower` (whose threshold then bounds the limit-th best exact score from below) and
   * keeps every upper bound for `rescoreInto`.
   */
  boundInto(query: CosineQuery, lower: TopK, accept?: (id: string) => boolean): void {
    const { codes, scales, norms, rowIds, dimensions } = this;
    if (this.upperBounds.length < rowIds.length) this.upperBounds = new Float64Array(this.norms.length);
    const upperBounds = this.upperBounds;
    const { components, norm: queryNorm, l1 } = query;
    const indexes = query.nonzero?.indexes;
    const visited = indexes ? indexes.length : dimensions;
    for (let row = 0, offset = 0; row < rowIds.length; row++, offset += dimensions) {
      const norm = norms[row]!;
      let estimate = 0;
      let slack = 0;
      if (norm > 0 && queryNorm > 0) {
        let sum0 = 0;
        let sum1 = 0;
        let at = 0;
        if (indexes) {
          for (; at + 1 < visited; at += 2) {
            const first = indexes[at]!;
            const second = indexes[at + 1]!;
            sum0 += codes[offset + first]! * components[first]!;
            sum1 += codes[offset + second]! * components[second]!;
          }
          if (at < visited) sum0 += codes[offset + indexes[at]!]! * components[indexes[at]!]!;
        } else {
          for (; at + 1 < visited; at += 2) {
            sum0 += codes[offset + at]! * components[at]!;
            sum1 += codes[offset + at + 1]! * components[at + 1]!;
          }
          if (at < visited) sum0 += codes[offset + at]! * components[at]!;
        }
        const scale = scales[row]!;
        const denominator = norm * queryNorm;
        estimate = ((sum0 + sum1) * scale) / denominator;
        // Each component is off by at most scale / 2, so the dot product by at most scale / 2 · Σ|q|.
        slack = (0.5 * scale * l1) / denominator + BOUND_MARGIN;
      }
      upperBounds[row] = estimate + slack;
      const id = rowIds[row]!;
      const floor = estimate - slack;
      if (lower.admits(id, floor) && (accept === undefined || accept(id))) lower.push(id, floor);
    }
  }

  /** Second pass: the exact score of every row whose upper bound reaches `threshold`, offered to `best`. */
  rescoreInto(query: CosineQuery, threshold: number, best: TopK, accept?: (id: string) => boolean): void {
    this.scoreInto(query, best, accept, threshold);
  }

  private encode(row: number, vector: Float32Array): void {
    let largest = 0;
    for (const component of vector) largest = Math.max(largest, Math.abs(component));
    const scale = Math.fround(largest / CODE_MAX);
    this.scales[row] = scale;
    const offset = row * this.dimensions;
    for (let index = 0; index < this.dimensions; index++) {
      const code = scale > 0 ? Math.round(vector[index]! / scale) : 0;
      this.codes[offset + index] = Math.max(-CODE_MAX, Math.min(CODE_MAX, code));
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
    const codes = new Int8Array(grown * this.dimensions);
    codes.set(this.codes);
    const scales = new Float32Array(grown);
    scales.set(this.scales);
    this.matrix = matrix;
    this.norms = norms;
    this.codes = codes;
    this.scales = scales;
  }
}
