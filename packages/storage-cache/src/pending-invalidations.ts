import type { CacheStore } from './cache-store.js';

/**
 * Invalidations that could not reach the cache (Redis down or slow). They are replayed before the cache is
 * used again, so this process never reads an entry it has made stale. Beyond `limit` ids a namespace is
 * dropped whole instead (SCAN + DEL) to keep memory bounded.
 */
export class PendingInvalidations {
  readonly #ids = new Map<string, Set<string>>();
  readonly #wholeNamespaces = new Set<string>();
  readonly #limit: number;
  #count = 0;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#count + this.#wholeNamespaces.size;
  }

  add(namespace: string, ids: Iterable<string>): void {
    if (this.#wholeNamespaces.has(namespace)) return;
    let pending = this.#ids.get(namespace);
    if (!pending) {
      pending = new Set();
      this.#ids.set(namespace, pending);
    }
    for (const id of ids) {
      if (pending.has(id)) continue;
      pending.add(id);
      this.#count += 1;
    }
    if (this.#count > this.#limit) {
      this.#count -= pending.size;
      this.#ids.delete(namespace);
      this.#wholeNamespaces.add(namespace);
    }
  }

  /** Replays everything; what fails stays pending and the error propagates. */
  async flush(store: CacheStore): Promise<void> {
    for (const namespace of [...this.#wholeNamespaces]) {
      this.#wholeNamespaces.delete(namespace);
      try {
        await store.dropNamespace(namespace);
      } catch (error) {
        this.#wholeNamespaces.add(namespace);
        throw error;
      }
    }
    for (const [namespace, ids] of [...this.#ids]) {
      // Taken out before the await so that ids added meanwhile are not lost.
      this.#ids.delete(namespace);
      this.#count -= ids.size;
      try {
        await store.invalidate(namespace, [...ids]);
      } catch (error) {
        this.add(namespace, ids);
        throw error;
      }
    }
  }
}
