import type { EmbeddingTarget } from '@slm/memory-core';
import { checkBatchSize } from '../batch-ids.js';
import { notFound } from '../failures.js';
import type { Database } from '../sql/database.js';
import { blob, text } from '../sql/row.js';
import { checkVector, vectorBytes, vectorFromBlob } from './vectors.js';

/**
 * Where each target's vectors live and which records they belong to. `scan` is what an exact scan reads,
 * aliased like the records (so their filter conditions apply), with `scanVector` the float8 copy: the episode
 * scan table (migration 0005) or the patterns joined to their compact copies (0004).
 */
export const VECTOR_TABLES = {
  episode: {
    vectors: 'episode_vectors',
    scan: 'episode_vector_scan e',
    scanVector: 'e.vector',
    records: 'episodes',
    index: 'episode_vectors_ann',
  },
  pattern: {
    vectors: 'pattern_vectors',
    scan: 'patterns p CROSS JOIN pattern_vectors_compact c ON c.seq = p.seq',
    scanVector: 'c.vector',
    records: 'patterns',
    index: 'pattern_vectors_ann',
  },
} as const satisfies Record<
  EmbeddingTarget,
  { vectors: string; scan: string; scanVector: string; records: string; index: string }
>;

/** Stores or replaces a record's vector; `NOT_FOUND` when the record is not in the namespace. */
export async function saveEmbedding(
  database: Database,
  dimensions: number,
  namespace: string,
  target: EmbeddingTarget,
  id: string,
  vector: Float32Array,
): Promise<void> {
  database.assertOpen('saveEmbedding');
  checkVector(vector, dimensions);
  const tables = VECTOR_TABLES[target];
  const bytes = vectorBytes(vector);
  await database.write(
    'saveEmbedding',
    async (runner) => {
      const saved = await runner.execute({
        sql: `INSERT INTO ${tables.vectors} (seq, vector)
              SELECT seq, vector32(?) FROM ${tables.records} WHERE id = ? AND namespace = ?
              ON CONFLICT (seq) DO UPDATE SET vector = excluded.vector`,
        args: [bytes, id, namespace],
      });
      if (saved.rowsAffected === 0) throw notFound(target, id, namespace);
    },
    bytes.byteLength,
  );
}

export async function getEmbeddings(
  database: Database,
  dimensions: number,
  namespace: string,
  target: EmbeddingTarget,
  ids: readonly string[],
): Promise<Map<string, Float32Array>> {
  database.assertOpen('getEmbeddings');
  checkBatchSize(ids, 'getEmbeddings');
  if (ids.length === 0) return new Map();
  const tables = VECTOR_TABLES[target];
  return database.read('getEmbeddings', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT r.id AS id, v.vector AS vector
            FROM json_each(?) ids CROSS JOIN ${tables.records} r ON r.id = ids.value CROSS JOIN ${tables.vectors} v ON v.seq = r.seq
            WHERE r.namespace = ?`,
      args: [JSON.stringify(ids), namespace],
    });
    const found = new Map(result.rows.map((row) => [text(row, 'id'), blob(row, 'vector')]));
    const vectors = new Map<string, Float32Array>();
    for (const id of ids) {
      const stored = found.get(id);
      if (stored) vectors.set(id, vectorFromBlob(stored, dimensions));
    }
    return vectors;
  });
}
