/**
 * One term's postings as two parallel arrays: document slots and term frequencies. Scoring walks them as plain
 * packed arrays (several times faster than iterating a Map); plain arrays rather than typed ones because an
 * index holds many small postings, and each typed array is a separate buffer for the garbage collector to
 * track. Removal moves the last entry into the hole, so the entries stay dense and each document's position
 * for the term must be updated by the caller.
 */
export class Posting {
  readonly slots: number[] = [];
  readonly frequencies: number[] = [];

  get length(): number {
    return this.slots.length;
  }

  /** Appends an entry and returns its position. */
  push(slot: number, frequency: number): number {
    this.slots.push(slot);
    this.frequencies.push(frequency);
    return this.slots.length - 1;
  }

  /**
   * Removes the entry at `position` by moving the last one into it; returns the slot of the moved entry (its
   * document's position for this term is now `position`), or -1 when nothing moved.
   */
  removeAt(position: number): number {
    const slot = this.slots.pop()!;
    const frequency = this.frequencies.pop()!;
    if (position === this.slots.length) return -1;
    this.slots[position] = slot;
    this.frequencies[position] = frequency;
    return slot;
  }
}
