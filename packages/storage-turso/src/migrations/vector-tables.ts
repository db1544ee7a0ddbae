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
