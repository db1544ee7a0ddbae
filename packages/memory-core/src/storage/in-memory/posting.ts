const INITIAL_CAPACITY = 4;

/**
 * One term's postings packed in typed arrays: document slots and term frequencies side by side. Scoring walks
 * them as plain arrays (several times faster than iterating a Map); removal moves the last entry into the hole,
 * so the entries stay dense and each document's position for the term must be updated by the caller.
 */
export class Posting {
  slots = new Int32Array(INITIAL_CAPACITY);
  frequencies = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  /** Appends an entry and returns its position. */
  push(slot: number, frequency: number): number {
    if (this.length === this.slots.length) this.grow();
    this.slots[this.length] = slot;
    this.frequencies[this.length] = frequency;
    return this.length++;
  }

  /**
   * Removes the entry at `position` by moving the last one into it; returns the slot of the moved entry (its
   * document's position for this term is now `position`), or -1 when nothing moved.
   */
  removeAt(position: number): number {
    const last = --this.length;
    if (position === last) return -1;
    const moved = this.slots[last]!;
    this.slots[position] = moved;
    this.frequencies[position] = this.frequencies[last]!;
    return moved;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    slots.set(this.slots);
    const frequencies = new Float64Array(this.frequencies.length * 2);
    frequencies.set(this.frequencies);
    this.slots = slots;
    this.frequencies = frequencies;
  }
}
