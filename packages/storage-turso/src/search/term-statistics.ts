import { blob, numeric, text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';

/** How long a term's document frequency is reused: it moves slowly, and only its side of N/2 matters. */
const FREQUENCY_TTL_MS = 60_000;
const MAX_CACHED_TERMS = 50_000;

/**
 * Drops query terms that cannot change a full-text ranking, so FTS5 does not walk their long posting lists.
 *
 * FTS5's bm25 uses idf = ln((N − n + 0.5) / (n + 0.5)) and clamps it to 1e-6 when it is not positive, i.e.
 * whenever a term is in at least half of the N documents. Such a term adds at most ~2e-6 to any score, yet
 * costs a pass over half the index: at 10k episodes, two such terms made a text search 2× slower. Dropping
 * them keeps the order of every document that matches another term; documents matching only such terms
 * (score ≈ 0) are no longer candidates. When every term is that common, the query is left as it is.
 *
 * Document frequencies come from the fts5vocab table `<index>_terms` and are cached in this process;
 * N is read from FTS5's averages record (rowid 1 of `<index>_data`, whose first varint is the row count:
 * FTS5's documented on-disk format). Anything unexpected there means no pruning, never a wrong answer.
 */
export class TermStatistics {
  private readonly frequencies = new Map<string, { documents: number; until: number }>();

  /** `index`: the FTS5 table (`episode_fts`, `pattern_fts`), whose vocabulary is `<index>_terms`. */
  constructor(
    private readonly index: 'episode_fts' | 'pattern_fts',
    private readonly now: () => number = Date.now,
  ) {}

  async informativeTerms(runner: SqlRunner, terms: readonly string[]): Promise<string[]> {
    const distinct = [...new Set(terms)];
    if (distinct.length < 2) return distinct;
    let documentCount: number | undefined;
    let frequencies: Map<string, number>;
    try {
      [documentCount, frequencies] = await Promise.all([
        readDocumentCount(runner, this.index),
        this.documentFrequencies(runner, distinct),
      ]);
    } catch {
      // Statistics are an optimisation: if a server refuses them, search with every term (the search itself
      // reports a store that is really down).
      return distinct;
    }
    if (documentCount === undefined) return distinct;
    const kept = distinct.filter((term) => 2 * (frequencies.get(term) ?? 0) < documentCount);
    return kept.length > 0 ? kept : distinct;
  }

  private async documentFrequencies(
    runner: SqlRunner,
    terms: readonly string[],
  ): Promise<Map<string, number>> {
    const now = this.now();
    const known = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const cached = this.frequencies.get(term);
      if (cached && cached.until > now) known.set(term, cached.documents);
      else missing.push(term);
    }
    if (missing.length === 0) return known;
    const result = await runner.execute({
      sql: `SELECT term, doc FROM ${this.index}_terms WHERE col = 'terms' AND term IN (SELECT value FROM json_each(?))`,
      args: [JSON.stringify(missing)],
    });
    const found = new Map(result.rows.map((row) => [text(row, 'term'), numeric(row, 'doc')]));
    if (this.frequencies.size + missing.length > MAX_CACHED_TERMS) this.frequencies.clear();
    for (const term of missing) {
      const documents = found.get(term) ?? 0;
      known.set(term, documents);
      this.frequencies.set(term, { documents, until: now + FREQUENCY_TTL_MS });
    }
    return known;
  }
}

/**
 * N, the number of documents in the index, from its averages record; undefined if unreadable. Read on every
 * search, never cached: a stale, smaller N would drop terms that still rank (a stale df only drops fewer).
 */
async function readDocumentCount(runner: SqlRunner, index: string): Promise<number | undefined> {
  const result = await runner.execute(`SELECT block FROM ${index}_data WHERE id = 1`);
  const row = result.rows[0];
  if (!row) return undefined;
  try {
    return readVarint(new Uint8Array(blob(row, 'block')));
  } catch {
    return undefined;
  }
}

/** SQLite's varint: big-endian 7-bit groups, high bit = more; the 9th byte carries 8 bits. */
export function readVarint(bytes: Uint8Array): number | undefined {
  let value = 0;
  for (let index = 0; index < 9; index++) {
    const byte = bytes[index];
    if (byte === undefined) return undefined;
    if (index === 8) return value * 256 + byte;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return value;
  }
  return undefined;
}
