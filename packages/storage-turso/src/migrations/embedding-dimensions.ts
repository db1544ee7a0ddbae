import type { Client } from '@libsql/client';
import { configInvalid } from '../failures.js';
import { numeric } from '../sql/row.js';
import { renderMigration } from './migration.js';
import {
  EMBEDDING_DIMENSIONS_KEY,
  EPISODE_VECTOR_SCAN_SQL,
  PATTERN_COMPACT_VECTOR_TABLE_SQL,
  VECTOR_TABLES_SQL,
} from './vector-tables.js';

/** The vector tables as the latest migration leaves them. */
const CURRENT_VECTOR_TABLES_SQL =
  VECTOR_TABLES_SQL + PATTERN_COMPACT_VECTOR_TABLE_SQL + EPISODE_VECTOR_SCAN_SQL;

/**
 * Makes the vector tables match the configured dimension. A database created with another dimension is only
 * rebuilt when it holds no vectors, or when the caller accepts dropping them (a re-index refills them);
 * otherwise opening fails with `CONFIG_INVALID`, so vectors of two spaces never mix.
 */
export async function ensureEmbeddingDimensions(
  client: Client,
  dimensions: number,
  reset: boolean,
): Promise<void> {
  const stored = await client.execute({
    sql: 'SELECT value FROM meta WHERE key = ?',
    args: [EMBEDDING_DIMENSIONS_KEY],
  });
  const current = stored.rows[0] ? Number(stored.rows[0]['value']) : undefined;
  if (current === dimensions) return;
  const counted = await client.execute(
    'SELECT (SELECT count(*) FROM episode_vectors) + (SELECT count(*) FROM pattern_vectors) AS vectors',
  );
  const vectors = numeric(counted.rows[0]!, 'vectors');
  if (vectors > 0 && !reset) {
    throw configInvalid(
      `the database holds ${vectors} embeddings of dimension ${current}, but the configured embedding dimension is ${dimensions}: switch back to the previous embedding provider, or re-index (memory-cli reindex) to replace the stored vectors`,
      { storedDimensions: current, configuredDimensions: dimensions, vectors },
    );
  }
  const transaction = await client.transaction('write');
  try {
    await transaction.executeMultiple(`
      DROP INDEX IF EXISTS episode_vectors_ann;
      DROP INDEX IF EXISTS pattern_vectors_ann;
      DROP TABLE IF EXISTS episode_vectors;
      DROP TABLE IF EXISTS pattern_vectors;
      DROP TABLE IF EXISTS episode_vectors_compact;
      DROP TABLE IF EXISTS pattern_vectors_compact;
      DROP TRIGGER IF EXISTS episode_vector_scan_filters;
      DROP TABLE IF EXISTS episode_vector_scan;
      ${renderMigration({ version: 0, name: 'vectors', sql: CURRENT_VECTOR_TABLES_SQL }, { dimensions })}`);
    await transaction.execute({
      sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      args: [EMBEDDING_DIMENSIONS_KEY, String(dimensions)],
    });
    await transaction.commit();
  } finally {
    transaction.close();
  }
}
