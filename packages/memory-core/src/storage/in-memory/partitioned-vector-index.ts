import type { ScoredId } from '../filters.js';
import { CosineQuery } from './cosine-query.js';
import { searchVectors } from './exact-scan.js';
import { type Partition, Partitions } from './partitions.js';
import { VectorIndex } from './vector-index.js';

/**
 * Vectors split into partitions, one contiguous `VectorIndex` each. A search scans only the partitions
 * `admits` lets through, into one shared top-k; the top-k ranks by score, then id, so the result does not
 * depend on which partition a row sits in or in what order the partitions are scanned.
 */
export class PartitionedVectorIndex<P extends Partition> {
  private readonly partitions: Partitions<P, VectorIndex>;

  constructor(readonly dimensions: number) {
    this.partitions = new Partitions(() => new VectorIndex(dimensions));
  }

  get size(): number {
    return this.partitions.size;
  }

  /** Stores or replaces a vector in `partition`, moving it there when it sat elsewhere. */
  set(id: string, vector: Float32Array, partition: P): void {
    this.partitions.place(id, partition).set(id, vector);
  }

  /** Moves a stored vector to `partition` (its facets changed); nothing when it is absent or already there. */
  move(id: string, partition: P): void {
    const current = this.partitions.keyOf(id);
    if (current === undefined || current === partition.key) return;
    this.set(id, this.get(id)!, partition);
  }

  get(id: string): Float32Array | undefined {
    return this.partitions.indexOf(id)?.get(id);
  }

  delete(id: string): boolean {
    return this.partitions.delete(id);
  }

  /** The `limit` best rows of the admitted partitions that `accept` (when given) lets through, best first. */
  search(
    query: Float32Array,
    limit: number,
    admits: (partition: P) => boolean,
    accept?: (id: string) => boolean,
  ): ScoredId[] {
    const admitted: VectorIndex[] = [];
    for (const { partition, index } of this.partitions.all()) if (admits(partition)) admitted.push(index);
    return searchVectors(admitted, CosineQuery.of(query), limit, accept);
  }
}
