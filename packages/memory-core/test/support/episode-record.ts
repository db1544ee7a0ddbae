import type { Episode } from '../../src/domain/episode.js';
import { uuidv7 } from '../../src/domain/ids.js';

/** A stored episode record (open, no steps) for storage-level tests; `overrides` replace any field. */
export function episodeRecord(overrides: Partial<Episode> = {}): Episode {
  return {
    schemaVersion: 1,
    id: uuidv7(),
    namespace: 'default',
    taskType: 'other',
    taskDescription: 'Reconcile the ledger',
    context: { domain: 'finance', complexity: 'simple', tags: [] },
    startedAt: '2025-01-01T00:00:00.000Z',
    steps: [],
    patternIds: [],
    heuristicIds: [],
    labels: [],
    metadata: {},
    checkpoints: [],
    version: 1,
    ...overrides,
  };
}
