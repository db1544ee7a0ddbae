/** What a partition is keyed by; any extra fields are for the caller's `admits`. */
export interface Partition {
  readonly key: string;
}

/** The per-partition index a `Partitions` holds. */
export interface PartitionIndex {
  readonly size: number;
  delete(id: string): boolean;
}

/**
 * Which partition holds each id, and one index per partition. Shared by the partitioned vector and full-text
 * indexes: placing an id in another partition removes it from its old one, and an emptied partition is
 * dropped, so partitions never outnumber the facets in use.
 */
export class Partitions<P extends Partition, I extends PartitionIndex> {
  private readonly slices = new Map<string, { partition: P; index: I }>();
  /** id → key of the partition holding it */
  private readonly keys = new Map<string, string>();

  constructor(private readonly createIndex: () => I) {}

  get size(): number {
    return this.keys.size;
  }

  keyOf(id: string): string | undefined {
    return this.keys.get(id);
  }

  /** The index of the partition holding `id`. */
  indexOf(id: string): I | undefined {
    const key = this.keys.get(id);
    return key === undefined ? undefined : this.slices.get(key)!.index;
  }

  /** Records `id` in `partition` (out of any other) and returns that partition's index, to store it in. */
  place(id: string, partition: P): I {
    const current = this.keys.get(id);
    if (current !== undefined && current !== partition.key) this.removeFrom(id, current);
    let slice = this.slices.get(partition.key);
    if (!slice) {
      slice = { partition, index: this.createIndex() };
      this.slices.set(partition.key, slice);
    }
    this.keys.set(id, partition.key);
    return slice.index;
  }

  delete(id: string): boolean {
    const key = this.keys.get(id);
    if (key === undefined) return false;
    this.removeFrom(id, key);
    this.keys.delete(id);
    return true;
  }

  /** Every partition with its index. */
  all(): IterableIterator<{ partition: P; index: I }> {
    return this.slices.values();
  }

  private removeFrom(id: string, key: string): void {
    const slice = this.slices.get(key)!;
    slice.index.delete(id);
    if (slice.index.size === 0) this.slices.delete(key);
  }
}
