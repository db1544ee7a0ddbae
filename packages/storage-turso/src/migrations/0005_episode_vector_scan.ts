import type { Migration } from './migration.js';
import { EPISODE_VECTOR_SCAN_SQL } from './vector-tables.js';

/**
 * Exact vector scans of episodes read one contiguous range. Migration 0004's compact copies were keyed by
 * `seq`, so a scan walked the filtered episodes on the candidate index and looked up each one's copy
 * elsewhere in the file; `episode_vector_scan` keeps the float8 copy beside the filter columns, keyed by
 * (namespace, domain, seq) (see vector-tables.ts). Patterns keep their compact table.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'episode_vector_scan',
  sql: `
DROP TRIGGER episode_vectors_compact_inserted;
DROP TRIGGER episode_vectors_compact_updated;
DROP TRIGGER episode_vectors_compact_deleted;
DROP TABLE episode_vectors_compact;
${EPISODE_VECTOR_SCAN_SQL}`,
};
