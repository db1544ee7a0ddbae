import type { SearchStore } from './search-store.js';

/**
 * Generation bumps that could not reach the cache (Redis down or slow). While a namespace has one, this process
 * does not use cached searches of that namespace (it could read a result its own acknowledged write made
 * stale); the bumps are replayed before the next cached search and by `cacheHealth`. One entry per namespace.
 */
export class PendingBumps {
  /** Namespace → sequence number of its latest failed bump. */
  readonly #namespaces = new Map<string, number>();
  #sequence = 0;

  get size(): number {
    return this.#namespaces.size;
  }

  has(namespace: string): boolean {
    return this.#namespaces.has(namespace);
  }

  add(namespace: string): void {
    this.#sequence += 1;
    this.#namespaces.set(namespace, this.#sequence);
  }

  /** Replays every bump; what fails stays pending and the error propagates. */
  async flush(store: SearchStore): Promise<void> {
    for (const [namespace, sequence] of [...this.#namespaces]) {
      await store.bump(namespace);
      // Cleared only after the bump landed, and only if no write failed to bump meanwhile: until then the
      // namespace's cached searches stay unused.
      if (this.#namespaces.get(namespace) === sequence) this.#namespaces.delete(namespace);
    }
  }
}
