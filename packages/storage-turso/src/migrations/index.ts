import { migration0001 } from './0001_records.js';
import { migration0002 } from './0002_search.js';
import { migration0003 } from './0003_search_facets.js';
import { migration0004 } from './0004_single_token_facets.js';
import { migration0005 } from './0005_episode_vector_scan.js';
import type { Migration } from './migration.js';

/** Every migration, in order. Append new ones; never edit an applied one (its checksum is checked at start). */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
