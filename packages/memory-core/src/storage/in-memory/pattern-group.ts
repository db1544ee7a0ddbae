import { compareScored } from './top-k.js';

/** How many of a group's best patterns are kept ranked; listings up to this size need no scan. */
export const GROUP_LEADERS = 64;

/**
 * The patterns of one type × domain, with the best `GROUP_LEADERS` by (occurrences desc, id asc) kept ranked.
 * Merges only ever raise occurrences, so a pattern outside the leaders can enter only when it is itself
 * updated; anything that lowers a count (an import overwriting a record) marks the ranking stale and the next
 * read rebuilds it from the group.
 */
export class PatternGroup {
  readonly ids = new Set<string>();
  private leaders: Array<{ id: string; score: number }> = [];
  private stale = false;

  update(id: string, occurrences: number): void {
    this.ids.add(id);
    if (this.stale) return;
    const index = this.leaders.findIndex((entry) => entry.id === id);
    if (index >= 0) {
      if (occurrences < this.leaders[index]!.score) {
        this.stale = true;
        return;
      }
      this.leaders.splice(index, 1);
    }
    const entry = { id, score: occurrences };
    const worst = this.leaders[this.leaders.length - 1];
    if (this.leaders.length >= GROUP_LEADERS && worst && compareScored(entry, worst) > 0) return;
    let position = this.leaders.findIndex((leader) => compareScored(entry, leader) < 0);
    if (position < 0) position = this.leaders.length;
    this.leaders.splice(position, 0, entry);
    if (this.leaders.length > GROUP_LEADERS) this.leaders.pop();
  }

  /** The ranked leaders, rebuilt from `occurrences` when stale. */
  top(occurrences: (id: string) => number | undefined): ReadonlyArray<{ id: string; score: number }> {
    if (this.stale) {
      this.stale = false;
      this.leaders = [];
      for (const id of this.ids) {
        const score = occurrences(id);
        if (score !== undefined) this.update(id, score);
      }
    }
    return this.leaders;
  }
}
