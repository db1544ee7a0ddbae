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
export const COMPACT_VECTOR_TABLES_SQL = `
CREATE TABLE episode_vectors_compact (
  seq INTEGER PRIMARY KEY,
  vector F8_BLOB({{dimensions}}) NOT NULL
);
CREATE TRIGGER episode_vectors_compact_inserted AFTER INSERT ON episode_vectors BEGIN
  DELETE FROM episode_vectors_compact WHERE seq = new.seq;
  INSERT INTO episode_vectors_compact (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER episode_vectors_compact_updated AFTER UPDATE OF vector ON episode_vectors BEGIN
  DELETE FROM episode_vectors_compact WHERE seq = new.seq;
  INSERT INTO episode_vectors_compact (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER episode_vectors_compact_deleted AFTER DELETE ON episode_vectors BEGIN
  DELETE FROM episode_vectors_compact WHERE seq = old.seq;
END;
INSERT INTO episode_vectors_compact (seq, vector) SELECT seq, vector8(vector) FROM episode_vectors;

CREATE TABLE pattern_vectors_compact (
  seq INTEGER PRIMARY KEY,
  vector F8_BLOB({{dimensions}}) NOT NULL
);
CREATE TRIGGER pattern_vectors_compact_inserted AFTER INSERT ON pattern_vectors BEGIN
  DELETE FROM pattern_vectors_compact WHERE seq = new.seq;
  INSERT INTO pattern_vectors_compact (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER pattern_vectors_compact_updated AFTER UPDATE OF vector ON pattern_vectors BEGIN
  DELETE FROM pattern_vectors_compact WHERE seq = new.seq;
  INSERT INTO pattern_vectors_compact (seq, vector) VALUES (new.seq, vector8(new.vector));
END;
CREATE TRIGGER pattern_vectors_compact_deleted AFTER DELETE ON pattern_vectors BEGIN
  DELETE FROM pattern_vectors_compact WHERE seq = old.seq;
END;
INSERT INTO pattern_vectors_compact (seq, vector) SELECT seq, vector8(vector) FROM pattern_vectors;
`;
