import type { ScoredId } from '../filters.js';

/** Best first; equal scores by id, so results are deterministic. */
export function compareScored(left: ScoredId, right: ScoredId): number {
  return right.score - left.score || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

/**
 * Keeps the `limit` best of a stream of scored ids in a bounded min-heap: O(n log k) instead of sorting every
 * candidate. `admits` lets callers skip costly work (filter predicates) for scores that could not enter.
 */
export class TopK {
  private readonly heap: ScoredId[] = [];

  constructor(private readonly limit: number) {}

  /** Whether this candidate would enter: the heap has room, or it ranks above the worst kept entry. */
  admits(id: string, score: number): boolean {
    if (this.limit <= 0) return false;
    if (this.heap.length < this.limit) return true;
    const worst = this.heap[0]!;
    return score > worst.score || (score === worst.score && id < worst.id);
  }

  push(id: string, score: number): void {
    if (!this.admits(id, score)) return;
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push({ id, score });
      this.siftUp(heap.length - 1);
      return;
    }
    heap[0] = { id, score };
    this.siftDown(0);
  }

  /** The worst kept score once `limit` entries are kept (anything entering must reach it), else −∞. */
  threshold(): number {
    return this.limit > 0 && this.heap.length >= this.limit ? this.heap[0]!.score : Number.NEGATIVE_INFINITY;
  }

  /** The kept entries, best first. */
  results(): ScoredId[] {
    return [...this.heap].sort(compareScored);
  }

  /** The root holds the worst kept entry: the one that ranks last. */
  private ranksWorse(left: ScoredId, right: ScoredId): boolean {
    return compareScored(left, right) > 0;
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.ranksWorse(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let worst = index;
      if (left < heap.length && this.ranksWorse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && this.ranksWorse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === index) return;
      [heap[index], heap[worst]] = [heap[worst]!, heap[index]!];
      index = worst;
    }
  }
}
