import type { Migration } from './migration.js';
import { COMPACT_VECTOR_TABLES_SQL } from './vector-tables.js';

/**
 * Each candidate filter becomes one facet token, and exact vector scans read compact vectors.
 *
 * Full text: FTS5's bm25() computes each phrase's IDF by walking that phrase's whole posting list, facet phrases
 * included, though they carry no weight. With migration 0003's separate tokens (namespace, domain, `c1`, `a0`)
 * a filtered search walked three posting lists as long as the namespace on every query. Now a document carries
 * one token per filter it satisfies — `e<mode><namespace>` and `e<mode><namespace>x<domain>`, where the mode is
 * `a` (any), `c` (completed), `l` (live: not archived) or `b` (completed and live); namespace and domain as
 * hex of their UTF-8 bytes — so a filter is one phrase whose list holds only what it admits. Patterns likewise:
 * `pa<namespace>`, `pt<namespace>x<type>`, `pd<namespace>x<domain>`, `pb<namespace>x<type>x<domain>`.
 * The hex alphabet has no `x` and each prefix is fixed, so no two facets share a token.
 *
 * Vectors: float8 copies in `*_vectors_compact`, kept by triggers (see vector-tables.ts).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'single_token_facets',
  sql: `
DROP VIEW episode_facets;
CREATE VIEW episode_facets (seq, facets) AS
  SELECT seq,
    'ea' || n || ' ea' || n || 'x' || d
    || CASE WHEN completed THEN ' ec' || n || ' ec' || n || 'x' || d ELSE '' END
    || CASE WHEN live THEN ' el' || n || ' el' || n || 'x' || d ELSE '' END
    || CASE WHEN completed AND live THEN ' eb' || n || ' eb' || n || 'x' || d ELSE '' END
  FROM (SELECT seq, hex(namespace) AS n, hex(domain) AS d, ended_at IS NOT NULL AS completed, archived_at IS NULL AS live
        FROM episodes);

INSERT INTO episode_fts (episode_fts) VALUES ('delete-all');
INSERT INTO episode_fts (rowid, terms, facets)
  SELECT d.seq, d.terms, f.facets FROM episode_documents d JOIN episode_facets f ON f.seq = d.seq;

DROP VIEW pattern_facets;
CREATE VIEW pattern_facets (seq, facets) AS
  SELECT seq, 'pa' || n || ' pt' || n || 'x' || t || ' pd' || n || 'x' || d || ' pb' || n || 'x' || t || 'x' || d
  FROM (SELECT seq, hex(namespace) AS n, hex(type) AS t, hex(coalesce(domain, '')) AS d FROM patterns);

INSERT INTO pattern_fts (pattern_fts) VALUES ('delete-all');
INSERT INTO pattern_fts (rowid, terms, facets)
  SELECT p.seq, p.search_text, f.facets FROM patterns p JOIN pattern_facets f ON f.seq = p.seq;
${COMPACT_VECTOR_TABLES_SQL}`,
};
