import type { ScoredId } from '../filters.js';
import { Bm25Index, Bm25Query } from './bm25-index.js';
import type { Partition } from './partitioned-vector-index.js';
import { TopK } from './top-k.js';

interface Slice<P extends Partition> {
  partition: P;
  index: Bm25Index;
}

/**
 * Full-text documents split into partitions, one `Bm25Index` each. Scores use the statistics of all
 * partitions together (document count, average length, document frequencies), so a document scores exactly
 * as in one undivided index; a search then reads the postings of the admitted partitions only.
 */
export class PartitionedBm25Index<P extends Partition> {
  private readonly slices = new Map<string, Slice<P>>();
  /** id → key of the partition holding it */
  private readonly keys = new Map<string, string>();

  get size(): number {
    return this.keys.size;
  }

  /** Indexes (or re-indexes) a document as exactly these terms in `partition`, moving it when it sat elsewhere. */
  set(id: string, terms: readonly string[], partition: P): void {
    const current = this.keys.get(id);
    if (current !== undefined && current !== partition.key) this.remove(id, current);
    let slice = this.slices.get(partition.key);
    if (!slice) {
      slice = { partition, index: new Bm25Index() };
      this.slices.set(partition.key, slice);
    }
    slice.index.set(id, terms);
    this.keys.set(id, partition.key);
  }

  delete(id: string): boolean {
    const key = this.keys.get(id);
    if (key === undefined) return false;
    this.remove(id, key);
    this.keys.delete(id);
    return true;
  }

  contains(id: string, term: string): boolean {
    const key = this.keys.get(id);
    return key !== undefined && this.slices.get(key)!.index.contains(id, term);
  }

  /** The `limit` best documents of the admitted partitions that `accept` (when given) lets through. */
  search(
    terms: readonly string[],
    limit: number,
    admits: (partition: P) => boolean,
    accept?: (id: string) => boolean,
  ): ScoredId[] {
    if (this.size === 0 || limit <= 0) return [];
    const query = Bm25Query.of(
      terms,
      [...this.slices.values()].map((slice) => slice.index),
    );
    const best = new TopK(limit);
    for (const { partition, index } of this.slices.values()) {
      if (admits(partition)) index.scoreInto(query, best, accept);
    }
    return best.results();
  }

  /** Drops the document; an emptied partition goes too, so partitions never outnumber the facets in use. */
  private remove(id: string, key: string): void {
    const slice = this.slices.get(key)!;
    slice.index.delete(id);
    if (slice.index.size === 0) this.slices.delete(key);
  }
}
