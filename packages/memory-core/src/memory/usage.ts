import type { RankedPattern } from './results.js';
import { type MemoryScope, nowIso } from './runtime.js';

/** Counts that patterns were retrieved (persisted effectiveness), without holding up the answer. */
export function recordRetrievals(
  scope: MemoryScope,
  patterns: readonly Pick<RankedPattern, 'pattern'>[],
): void {
  scope.runtime.retrievals.add(
    scope.namespace,
    patterns.map(({ pattern }) => pattern.id),
    nowIso(scope),
  );
}
