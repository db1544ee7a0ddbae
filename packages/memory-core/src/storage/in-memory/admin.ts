import { OUTCOME_TYPES, type OutcomeType } from '../../domain/outcome.js';
import { PATTERN_TYPES, type PatternType } from '../../domain/pattern.js';
import type { AdminStore, HealthStatus, StorageStats } from '../admin-store.js';
import { countRecords, exportRecords } from './export.js';
import { guarded } from './guard.js';
import { importRecords } from './import.js';
import type { InMemoryState } from './state.js';

export function createAdminStore(state: InMemoryState): AdminStore {
  return {
    stats: guarded(state, 'stats', (namespace: string) => computeStats(state, namespace)),
    getMeta: guarded(state, 'getMeta', (key: string) => state.meta.get(key) ?? null),
    setMeta: guarded(state, 'setMeta', (key: string, value: string) => {
      state.meta.set(key, value);
    }),
    countRecords: guarded(state, 'countRecords', countRecords.bind(null, state)),
    exportRecords: (options) => exportRecords(state, options),
    importRecords: guarded(state, 'importRecords', importRecords.bind(null, state)),
    healthCheck: guarded(state, 'healthCheck', (): HealthStatus => {
      const started = Date.now();
      // The round trip of an in-process store: a read of its own state.
      state.meta.get('');
      return { ok: true, latencyMs: Date.now() - started };
    }),
    close: async () => {
      if (state.closed) return;
      state.close();
    },
  };
}

/** Counts of one namespace, by walking its records (no estimates). */
function computeStats(state: InMemoryState, namespace: string): StorageStats {
  const byOutcome = Object.fromEntries(OUTCOME_TYPES.map((type) => [type, 0])) as Record<OutcomeType, number>;
  const byType = Object.fromEntries(PATTERN_TYPES.map((type) => [type, 0])) as Record<PatternType, number>;
  const data = state.peek(namespace);
  let completed = 0;
  let archived = 0;
  let steps = 0;
  for (const episode of data?.episodes.values() ?? []) {
    if (episode.endedAt !== undefined) completed++;
    if (episode.archivedAt !== undefined) archived++;
    if (episode.outcome) byOutcome[episode.outcome.type]++;
    steps += episode.steps.length;
  }
  for (const pattern of data?.patterns.values() ?? []) byType[pattern.type]++;
  const total = data?.episodes.size ?? 0;
  return {
    episodes: { total, completed, open: total - completed, archived, byOutcome },
    steps,
    patterns: { total: data?.patterns.size ?? 0, byType },
    heuristics: data?.heuristics.size ?? 0,
    relationships: data?.relationships.size ?? 0,
    recommendationSessions: data?.sessions.size ?? 0,
    recommendationFeedback: data?.feedback.size ?? 0,
  };
}
