import type { StorageBackend } from '@slm/memory-core';

export type StorageOperationKind = 'read' | 'write' | 'search';

/** Called once per storage call with its measured duration. Must not throw. */
export type StorageObserver = (
  operation: string,
  kind: StorageOperationKind,
  durationMs: number,
  outcome: 'ok' | 'error',
) => void;

const UNMEASURED = new Set(['close', 'exportRecords', 'constructor', 'then']);

/** `searchEpisodesByText` → search; `getEpisode`, `listPatterns`, statistics → read; everything else writes. */
export function storageOperationKind(operation: string): StorageOperationKind {
  if (/^search(Episodes|Patterns)/.test(operation)) return 'search';
  if (/^(get|list|find|count|stats|health|recommendationStats|cacheHealth)|Statistics$/.test(operation))
    return 'read';
  return 'write';
}

/**
 * The storage with every promise-returning call timed (the service's storage latency metric). A Proxy keeps
 * every method and capability of the wrapped backend (cache maintenance included) without listing them.
 */
export function measureStorage<T extends StorageBackend>(storage: T, observe: StorageObserver): T {
  // One wrapper per method, made on first use: property reads sit on every storage call's path.
  const wrappers = new Map<string, unknown>();
  return new Proxy(storage, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || UNMEASURED.has(property)) return value.bind(target);
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        wrapper = timed(target, property, value as (...args: unknown[]) => unknown, observe);
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

function timed(
  target: object,
  operation: string,
  method: (...args: unknown[]) => unknown,
  observe: StorageObserver,
): (...args: unknown[]) => unknown {
  const kind = storageOperationKind(operation);
  return (...args: unknown[]) => {
    const started = performance.now();
    const result = method.apply(target, args);
    if (!(result instanceof Promise)) return result;
    return result.then(
      (resolved) => {
        observe(operation, kind, performance.now() - started, 'ok');
        return resolved;
      },
      (error: unknown) => {
        observe(operation, kind, performance.now() - started, 'error');
        throw error;
      },
    );
  };
}
