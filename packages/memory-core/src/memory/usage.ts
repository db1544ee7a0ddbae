import type { RankedPattern } from './results.js';
import { inBackground, type MemoryScope, nowIso } from './runtime.js';

/** Counts that patterns were retrieved (persisted effectiveness), without holding up the answer. */
export function recordRetrievals(
  scope: MemoryScope,
  patterns: readonly Pick<RankedPattern, 'pattern'>[],
): void {
  if (patterns.length === 0) return;
  const at = nowIso(scope);
  const usage = patterns.map(({ pattern }) => ({ patternId: pattern.id, retrieved: 1, at }));
  inBackground(scope.runtime, 'recording pattern retrievals', () =>
    scope.runtime.storage.recordPatternUsage(scope.namespace, usage),
  );
}
