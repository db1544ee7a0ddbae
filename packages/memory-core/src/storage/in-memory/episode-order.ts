/** Where an episode sits in list order: `startedAt` as an instant, then id. */
export interface OrderKey {
  ms: number;
  id: string;
}

function compareKeys(left: OrderKey, right: OrderKey): number {
  return left.ms - right.ms || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

/**
 * A namespace's episodes sorted by (startedAt, id), so that listing newest first walks from a cursor instead
 * of sorting the namespace per call. Episodes mostly arrive in time order, which makes inserting an append.
 */
export class EpisodeOrder {
  private readonly keys: OrderKey[] = [];

  insert(key: OrderKey): void {
    const last = this.keys[this.keys.length - 1];
    if (last === undefined || compareKeys(last, key) < 0) {
      this.keys.push(key);
      return;
    }
    this.keys.splice(this.lowerBound(key), 0, key);
  }

  remove(key: OrderKey): void {
    const index = this.lowerBound(key);
    const found = this.keys[index];
    if (found && compareKeys(found, key) === 0) this.keys.splice(index, 1);
  }

  /** Ids newest first, starting strictly after `cursor` (a key that need not exist any more). */
  *newestFirst(cursor?: OrderKey): Generator<string> {
    let index = cursor === undefined ? this.keys.length - 1 : this.lowerBound(cursor) - 1;
    for (; index >= 0; index--) yield this.keys[index]!.id;
  }

  /** First index whose key is ≥ `key`. */
  private lowerBound(key: OrderKey): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareKeys(this.keys[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function orderKey(episode: { id: string; startedAt: string }): OrderKey {
  return { ms: Date.parse(episode.startedAt), id: episode.id };
}
