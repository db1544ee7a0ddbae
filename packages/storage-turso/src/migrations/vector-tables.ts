/**
 * The vector tables, shared by migration 0002 and the dimension reset: a DiskANN index (`libsql_vector_idx`,
 * cosine) over `F32_BLOB({{dimensions}})` columns. The neighbour settings were measured on 10k clustered
 * 384-dimension vectors: recall@10 = 1.0 against an exact scan, about 2 ms per insert and per query on 2 cores
 * (the defaults took 25 ms per insert). Changing this text changes migration 0002's checksum: add a migration.
 */
export const VECTOR_TABLES_SQL = `
CREATE TABLE episode_vectors (
  seq INTEGER PRIMARY KEY REFERENCES episodes (seq) ON DELETE CASCADE,
  vector F32_BLOB({{dimensions}}) NOT NULL
);
CREATE INDEX episode_vectors_ann ON episode_vectors (libsql_vector_idx(vector, 'metric=cosine', 'compress_neighbors=float1bit', 'max_neighbors=32', 'search_l=100'));

CREATE TABLE pattern_vectors (
  seq INTEGER PRIMARY KEY REFERENCES patterns (seq) ON DELETE CASCADE,
  vector F32_BLOB({{dimensions}}) NOT NULL
);
CREATE INDEX pattern_vectors_ann ON pattern_vectors (libsql_vector_idx(vector, 'metric=cosine', 'compress_neighbors=float1bit', 'max_neighbors=32', 'search_l=100'));
`;

export const EMBEDDING_DIMENSIONS_KEY = 'storage.embedding_dimensions';

/**
 * Compact copies of the vectors (migration 0004): one byte per dimension (`F8_BLOB`, libSQL's float8), a
 * quarter of the bytes, kept in step with the full vectors by triggers. An exact scan ranks a filtered set on
 * them first and re-scores only the best few with the full vectors (see search/vector-search.ts). The triggers
 * delete before inserting: an `OR REPLACE` inside a trigger yields to the conflict clause of the statement that
 * fired it (an upsert's). Changing this text changes migration 0004's checksum: add a migration.
 */
export const COMPACT_VECTOR_TABLES_SQL = ['episode_vectors', 'pattern_vectors'].map(compactCopyOf).join('');

/** The compact table of one vector table, its triggers and its backfill. */
function compactCopyOf(vectors: string): string {
  const compact = `${vectors}_compact`;
  return `
CREATE TABLE ${compact} (
  seq INTEGER PRIMARY KEY,
  vector F8_BLOB({{dimensions}}) NOT NULL
);
CREATE TRIGGER ${compact}_inserted AFTER INSERT ON ${vectors} BEGIN
  DELETE FROM ${compact} WHERE seq = new.seq;
  INSERT INTO ${compact} (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER ${compact}_updated AFTER UPDATE OF vector ON ${vectors} BEGIN
  DELETE FROM ${compact} WHERE seq = new.seq;
  INSERT INTO ${compact} (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER ${compact}_deleted AFTER DELETE ON ${vectors} BEGIN
  DELETE FROM ${compact} WHERE seq = old.seq;
END;
INSERT INTO ${compact} (seq, vector) SELECT seq, vector8(vector) FROM ${vectors};
`;
}
