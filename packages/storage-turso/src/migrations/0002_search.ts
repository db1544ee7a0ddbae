import type { Transaction } from '@libsql/client';
import { episodeSearchText } from '@slm/memory-core';
import { episodeFromRow, episodeSelect } from '../episodes/episode-row.js';
import { numeric } from '../sql/row.js';
import type { Migration } from './migration.js';
import { VECTOR_TABLES_SQL } from './vector-tables.js';

/**
 * Search inside the database. Full text: FTS5 over the search terms memory-core produces (already lower-cased,
 * stemmed and stop-worded, so the plain `unicode61` tokenizer only splits on spaces), contentless with
 * `contentless_delete` so a document is replaced by rowid; triggers keep it in step with its source
 * (`episode_documents`, `patterns.search_text`). Vectors:
 * `F32_BLOB` columns with a DiskANN index (see vector-tables.ts). `{{dimensions}}` is the configured
 * embedding dimension.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search',
  sql: `
CREATE TABLE episode_documents (
  seq INTEGER PRIMARY KEY REFERENCES episodes (seq) ON DELETE CASCADE,
  terms TEXT NOT NULL,
  stale INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX episode_documents_stale ON episode_documents (seq) WHERE stale = 1;

-- Appended steps stay out of their episode's document until it is folded (see episodes/search-documents.ts):
-- appending never rewrites a document.
ALTER TABLE steps ADD COLUMN indexed INTEGER NOT NULL DEFAULT 1;
CREATE VIRTUAL TABLE episode_fts USING fts5 (terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER episode_documents_inserted AFTER INSERT ON episode_documents BEGIN
  INSERT INTO episode_fts (rowid, terms) VALUES (new.seq, new.terms);
END;
CREATE TRIGGER episode_documents_updated AFTER UPDATE OF terms ON episode_documents BEGIN
  DELETE FROM episode_fts WHERE rowid = old.seq;
  INSERT INTO episode_fts (rowid, terms) VALUES (new.seq, new.terms);
END;
CREATE TRIGGER episode_documents_deleted AFTER DELETE ON episode_documents BEGIN
  DELETE FROM episode_fts WHERE rowid = old.seq;
END;

CREATE VIRTUAL TABLE pattern_fts USING fts5 (terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER patterns_inserted AFTER INSERT ON patterns BEGIN
  INSERT INTO pattern_fts (rowid, terms) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER patterns_search_updated AFTER UPDATE OF search_text ON patterns BEGIN
  DELETE FROM pattern_fts WHERE rowid = old.seq;
  INSERT INTO pattern_fts (rowid, terms) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER patterns_deleted AFTER DELETE ON patterns BEGIN
  DELETE FROM pattern_fts WHERE rowid = old.seq;
END;

${VECTOR_TABLES_SQL}
INSERT INTO meta (key, value) VALUES ('storage.embedding_dimensions', '{{dimensions}}');
`,
  backfill: indexExistingRecords,
};

/** Indexes records written at schema version 1: pattern documents in SQL, episode documents page by page. */
async function indexExistingRecords(transaction: Transaction): Promise<void> {
  await transaction.execute('INSERT INTO pattern_fts (rowid, terms) SELECT seq, search_text FROM patterns');
  for (let after = 0; ; ) {
    const page = await transaction.execute({
      sql: `SELECT e.seq AS seq, ${episodeSelect('e')} FROM episodes e WHERE e.seq > ? ORDER BY e.seq LIMIT 500`,
      args: [after],
    });
    const last = page.rows[page.rows.length - 1];
    if (!last) return;
    await transaction.batch(
      page.rows.map((row) => ({
        sql: 'INSERT INTO episode_documents (seq, terms) VALUES (?, ?)',
        args: [numeric(row, 'seq'), episodeSearchText(episodeFromRow(row))],
      })),
    );
    after = numeric(last, 'seq');
  }
}
