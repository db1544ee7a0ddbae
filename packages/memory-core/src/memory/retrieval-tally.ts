import type { PatternUsage } from '../storage/pattern-store.js';
import { unrefTimer } from './timers.js';

/** How long retrieval counts gather before they are written. */
export const RETRIEVAL_TALLY_INTERVAL_MS = 1_000;

type WriteUsage = (namespace: string, usage: PatternUsage[]) => Promise<void>;

/**
 * Pattern retrieval counts, summed in memory and written once per interval (and on `flush`/`close`): one
 * storage write per namespace per second instead of one per retrieval, which on a file database was a
 * transaction competing with the next retrieval. Counts are statistics no caller was promised: a crash loses
 * at most the last interval's. Feedback (applications, outcomes) is never tallied: it is written before
 * `recordFeedback` resolves.
 */
export class RetrievalTally {
  private pending = new Map<string, Map<string, PatternUsage>>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `schedule` runs a write in the background (failures logged, awaited by `flush`). */
  constructor(
    private readonly write: WriteUsage,
    private readonly schedule: (write: () => Promise<void>) => void,
    private readonly intervalMs = RETRIEVAL_TALLY_INTERVAL_MS,
  ) {}

  add(namespace: string, patternIds: readonly string[], at: string): void {
    if (patternIds.length === 0) return;
    let counts = this.pending.get(namespace);
    if (!counts) {
      counts = new Map();
      this.pending.set(namespace, counts);
    }
    for (const patternId of patternIds) {
      const usage = counts.get(patternId);
      if (usage) {
        usage.retrieved = (usage.retrieved ?? 0) + 1;
        if (at > usage.at) usage.at = at;
      } else counts.set(patternId, { patternId, retrieved: 1, at });
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.writeNow(), this.intervalMs);
      unrefTimer(this.timer);
    }
  }

  /** Hands every gathered count to `schedule` now. */
  writeNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = new Map();
    for (const [namespace, counts] of pending) {
      const usage = [...counts.values()];
      this.schedule(() => this.write(namespace, usage));
    }
  }
}
