import type { ScoredId } from '../filters.js';
import { Bm25Index, Bm25Query } from './bm25-index.js';
import { type Partition, Partitions } from './partitions.js';
import { TopK } from './top-k.js';

/**
 * Full-text documents split into partitions, one `Bm25Index` each. Scores use the statistics of all
 * partitions together (document count, average length, document frequencies), so a document scores exactly
 * as in one undivided index; a search then reads the postings of the admitted partitions only.
 */
export class PartitionedBm25Index<P extends Partition> {
  private readonly partitions = new Partitions<P, Bm25Index>(() => new Bm25Index());

  get size(): number {
    return this.partitions.size;
  }

  /** Indexes (or re-indexes) a document as exactly these terms in `partition`, moving it when it sat elsewhere. */
  set(id: string, terms: readonly string[], partition: P): void {
    this.partitions.place(id, partition).set(id, terms);
  }

  delete(id: string): boolean {
    return this.partitions.delete(id);
  }

  contains(id: string, term: string): boolean {
    return this.partitions.indexOf(id)?.contains(id, term) ?? false;
  }

  /** The `limit` best documents of the admitted partitions that `accept` (when given) lets through. */
  search(
    terms: readonly string[],
    limit: number,
    admits: (partition: P) => boolean,
    accept?: (id: string) => boolean,
  ): ScoredId[] {
    if (this.size === 0 || limit <= 0) return [];
    const slices = [...this.partitions.all()];
    const query = Bm25Query.of(
      terms,
      slices.map((slice) => slice.index),
    );
    const best = new TopK(limit);
    for (const { partition, index } of slices) {
      if (admits(partition)) index.scoreInto(query, best, accept);
    }
    return best.results();
  }
}
