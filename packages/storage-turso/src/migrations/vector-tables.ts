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

/** The pattern half of `COMPACT_VECTOR_TABLES_SQL`: episodes' compact copies moved to the scan table (0005). */
export const PATTERN_COMPACT_VECTOR_TABLE_SQL = compactCopyOf('pattern_vectors');

/**
 * The episode scan table (migration 0005): each episode's float8 vector beside the columns a candidate search
 * filters on, keyed by them, so an exact scan reads one contiguous range of the filtered episodes instead of
 * an index range plus one lookup per episode (the completed, archived, type and outcome filters are checked
 * row by row within it). Triggers on `episode_vectors` keep the vector and on `episodes`
 * the filter columns (only when one of them changes). Changing this text changes migration 0005's checksum:
 * add a migration.
 */
export const EPISODE_VECTOR_SCAN_SQL = `
CREATE TABLE episode_vector_scan (
  namespace TEXT NOT NULL,
  domain TEXT NOT NULL,
  ended_at INTEGER,
  archived_at INTEGER,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  task_type TEXT NOT NULL,
  outcome_type TEXT,
  vector F8_BLOB({{dimensions}}) NOT NULL,
  PRIMARY KEY (namespace, domain, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX episode_vector_scan_by_seq ON episode_vector_scan (seq);
CREATE TRIGGER episode_vector_scan_inserted AFTER INSERT ON episode_vectors BEGIN
  DELETE FROM episode_vector_scan WHERE seq = new.seq;
  INSERT INTO episode_vector_scan (namespace, domain, ended_at, archived_at, seq, id, task_type, outcome_type, vector)
    SELECT e.namespace, e.domain, e.ended_at, e.archived_at, e.seq, e.id, e.task_type, e.outcome_type, vector8(new.vector)
    FROM episodes e WHERE e.seq = new.seq;
END;
CREATE TRIGGER episode_vector_scan_updated AFTER UPDATE OF vector ON episode_vectors BEGIN
  UPDATE episode_vector_scan SET vector = vector8(new.vector) WHERE seq = new.seq;
END;
CREATE TRIGGER episode_vector_scan_deleted AFTER DELETE ON episode_vectors BEGIN
  DELETE FROM episode_vector_scan WHERE seq = old.seq;
END;
CREATE TRIGGER episode_vector_scan_filters AFTER UPDATE OF namespace, domain, ended_at, archived_at, task_type, outcome_type ON episodes
WHEN old.namespace IS NOT new.namespace OR old.domain IS NOT new.domain OR old.ended_at IS NOT new.ended_at
  OR old.archived_at IS NOT new.archived_at OR old.task_type IS NOT new.task_type OR old.outcome_type IS NOT new.outcome_type
BEGIN
  UPDATE episode_vector_scan SET namespace = new.namespace, domain = new.domain, ended_at = new.ended_at,
    archived_at = new.archived_at, task_type = new.task_type, outcome_type = new.outcome_type
  WHERE seq = new.seq;
END;
INSERT INTO episode_vector_scan (namespace, domain, ended_at, archived_at, seq, id, task_type, outcome_type, vector)
  SELECT e.namespace, e.domain, e.ended_at, e.archived_at, e.seq, e.id, e.task_type, e.outcome_type, vector8(v.vector)
  FROM episode_vectors v JOIN episodes e ON e.seq = v.seq;
`;
