import type { ScoredId } from '../filters.js';
import { CosineQuery } from './cosine-query.js';
import { TopK } from './top-k.js';
import { VectorIndex } from './vector-index.js';

/** What a partition is keyed by; any extra fields are for the caller's `admits`. */
export interface Partition {
  readonly key: string;
}

interface Slice<P extends Partition> {
  partition: P;
  index: VectorIndex;
}

/**
 * Vectors split into partitions, one contiguous `VectorIndex` each. A search scans only the partitions
 * `admits` lets through, into one shared top-k; the top-k ranks by score, then id, so the result does not
 * depend on which partition a row sits in or in what order the partitions are scanned.
 */
export class PartitionedVectorIndex<P extends Partition> {
  private readonly slices = new Map<string, Slice<P>>();
  /** id → key of the partition holding it */
  private readonly keys = new Map<string, string>();

  constructor(readonly dimensions: number) {}

  get size(): number {
    return this.keys.size;
  }

  /** Stores or replaces a vector in `partition`, moving it there when it sat elsewhere. */
  set(id: string, vector: Float32Array, partition: P): void {
    const current = this.keys.get(id);
    if (current !== undefined && current !== partition.key) this.remove(id, current);
    this.slice(partition).index.set(id, vector);
    this.keys.set(id, partition.key);
  }

  /** Moves a stored vector to `partition` (its facets changed); nothing when it is absent or already there. */
  move(id: string, partition: P): void {
    const current = this.keys.get(id);
    if (current === undefined || current === partition.key) return;
    const vector = this.slices.get(current)!.index.get(id)!;
    this.set(id, vector, partition);
  }

  get(id: string): Float32Array | undefined {
    const key = this.keys.get(id);
    return key === undefined ? undefined : this.slices.get(key)!.index.get(id);
  }

  delete(id: string): boolean {
    const key = this.keys.get(id);
    if (key === undefined) return false;
    this.remove(id, key);
    this.keys.delete(id);
    return true;
  }

  /** The `limit` best rows of the admitted partitions that `accept` (when given) lets through, best first. */
  search(
    query: Float32Array,
    limit: number,
    admits: (partition: P) => boolean,
    accept?: (id: string) => boolean,
  ): ScoredId[] {
    const best = new TopK(limit);
    const prepared = CosineQuery.of(query);
    for (const { partition, index } of this.slices.values()) {
      if (admits(partition)) index.scoreInto(prepared, best, accept);
    }
    return best.results();
  }

  private slice(partition: P): Slice<P> {
    let slice = this.slices.get(partition.key);
    if (!slice) {
      slice = { partition, index: new VectorIndex(this.dimensions) };
      this.slices.set(partition.key, slice);
    }
    return slice;
  }

  /** Drops the row; an emptied partition goes too, so partitions never outnumber the facets in use. */
  private remove(id: string, key: string): void {
    const slice = this.slices.get(key)!;
    slice.index.delete(id);
    if (slice.index.size === 0) this.slices.delete(key);
  }
}
