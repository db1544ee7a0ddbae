import type { Row } from '@libsql/client';
import type { ExportOptions, ExportRecord, ExportRecordType } from '@slm/memory-core';
import { episodeFromRow, episodeSelect } from '../episodes/episode-row.js';
import { heuristicFromRow, heuristicSelect } from '../heuristics/heuristic-row.js';
import { patternFromRow, patternSelect } from '../patterns/pattern-row.js';
import { Conditions } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';
import { toMillis } from '../timestamps.js';

/** One record type of the export: its table, the timestamp `since` compares, and how a row becomes a record. */
interface Section {
  type: ExportRecordType;
  /** `FROM` clause; the record table has alias `r`. */
  from: string;
  select: string;
  /** Typed column (epoch ms) that `since` compares. */
  time: string;
  pageSize: number;
  record(row: Row): unknown;
}

const parsed = (row: Row) => JSON.parse(text(row, 'record')) as unknown;

/** Export order: what an import needs first comes first (episodes before relationships, sessions before feedback). */
const SECTIONS: readonly Section[] = [
  {
    type: 'episode',
    from: 'episodes r',
    select: episodeSelect('r'),
    time: 'r.started_at',
    pageSize: 100,
    record: episodeFromRow,
  },
  {
    type: 'pattern',
    from: 'patterns r',
    select: patternSelect('r'),
    time: 'r.updated_at_ms',
    pageSize: 500,
    record: patternFromRow,
  },
  {
    type: 'heuristic',
    from: 'heuristics r',
    select: heuristicSelect('r'),
    time: 'r.updated_at_ms',
    pageSize: 500,
    record: heuristicFromRow,
  },
  {
    type: 'relationship',
    from: 'relationships r',
    select: 'r.id AS id, r.record AS record',
    time: 'r.created_at',
    pageSize: 500,
    record: parsed,
  },
  {
    type: 'recommendation_session',
    from: 'recommendation_sessions r',
    select: 'r.id AS id, r.record AS record',
    time: 'r.created_at',
    pageSize: 500,
    record: parsed,
  },
  {
    type: 'recommendation_feedback',
    from: 'recommendation_feedback r',
    select: 'r.id AS id, r.record AS record',
    time: 'r.created_at',
    pageSize: 500,
    record: parsed,
  },
];

/** `byId`: walk the id index (the unary `+` keeps the planner off the namespace index, which would sort). */
function sectionConditions(section: Section, options: ExportOptions, byId = false): Conditions {
  const where = new Conditions();
  if (options.namespace != null) where.add(byId ? '+r.namespace = ?' : 'r.namespace = ?', options.namespace);
  if (options.since !== undefined) where.add(`${section.time} >= ?`, toMillis(options.since, 'since'));
  return where;
}

/** How many records an export with these options would yield, by type (one statement). */
export async function countRecords(
  database: Database,
  options: ExportOptions,
): Promise<Record<ExportRecordType, number>> {
  database.assertOpen('countRecords');
  const parts = SECTIONS.map((section) => ({ section, where: sectionConditions(section, options) }));
  return database.read('countRecords', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${parts
        .map(
          ({ section, where }) =>
            `(SELECT count(*) FROM ${section.from} WHERE ${where.sql()}) AS "${section.type}"`,
        )
        .join(', ')}`,
      args: parts.flatMap(({ where }) => where.args),
    });
    const row = result.rows[0]!;
    return Object.fromEntries(
      SECTIONS.map((section) => [section.type, numeric(row, section.type)]),
    ) as Record<ExportRecordType, number>;
  });
}

/**
 * Streams every matching record, type by type, ordered by id, reading one page at a time with a keyset
 * cursor along the id index: memory stays constant however large the store, each page costs the same, and
 * records written meanwhile neither shift nor repeat pages.
 */
export async function* exportRecords(
  database: Database,
  options: ExportOptions,
): AsyncGenerator<ExportRecord> {
  database.assertOpen('exportRecords');
  for (const section of SECTIONS) {
    let after: string | undefined;
    for (;;) {
      const where = sectionConditions(section, options, true);
      if (after !== undefined) where.add('r.id > ?', after);
      const rows = await database.read('exportRecords', async (runner) => {
        const result = await runner.execute({
          sql: `SELECT ${section.select} FROM ${section.from} WHERE ${where.sql()} ORDER BY r.id LIMIT ?`,
          args: [...where.args, section.pageSize],
        });
        return result.rows;
      });
      for (const row of rows) yield { type: section.type, record: section.record(row) } as ExportRecord;
      const last = rows[rows.length - 1];
      if (!last || rows.length < section.pageSize) break;
      after = text(last, 'id');
    }
  }
}
