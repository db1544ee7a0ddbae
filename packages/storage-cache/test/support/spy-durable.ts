import type { StorageBackend } from '@slm/memory-core';

/** A gate on the next call of a method: the durable call runs at once, its result waits for `release()`. */
export interface HeldCall {
  /** Settles once the durable store has answered (with data as it was then). */
  answered: Promise<void>;
  release(): void;
}

/**
 * The durable store behind a Proxy that counts calls per method and can hold the next call of a method, to
 * observe whether the cache answered and to stage races deterministically.
 */
export function spyDurable(durable: StorageBackend) {
  const calls = new Map<string, number>();
  const holds = new Map<string, { answered: () => void; released: Promise<void> }>();
  const storage = new Proxy(durable, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = String(property);
      return async (...args: unknown[]) => {
        calls.set(method, (calls.get(method) ?? 0) + 1);
        const hold = holds.get(method);
        holds.delete(method);
        const result: unknown = await value.apply(target, args);
        if (hold) {
          hold.answered();
          await hold.released;
        }
        return result;
      };
    },
  });
  return {
    storage,
    /** Durable calls of `method` so far. */
    calls: (method: keyof StorageBackend) => calls.get(method) ?? 0,
    hold(method: keyof StorageBackend): HeldCall {
      let answered!: () => void;
      let release!: () => void;
      const held: HeldCall = {
        answered: new Promise((resolve) => {
          answered = resolve;
        }),
        release: () => release(),
      };
      holds.set(method, {
        answered,
        released: new Promise((resolve) => {
          release = resolve;
        }),
      });
      return held;
    },
  };
}
