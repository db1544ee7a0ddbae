import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { type Episode, episodeSearchText, mergePatternContribution, searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { EPISODE_COLUMNS, episodeColumnValues, episodeRecordJson } from '../src/episodes/episode-row.js';
import {
  createTursoStorage,
  inspectTursoSchema,
  migrateTursoDatabase,
  SCHEMA_VERSION,
} from '../src/index.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { migrate } from '../src/migrations/migrate.js';
import { migrationLabel } from '../src/migrations/migration.js';
import { PATTERN_WRITE_COLUMNS, patternWriteValues } from '../src/patterns/pattern-row.js';
import { completed, episode, NS, patternContribution, step } from './support/fixtures.js';
import { DIMENSIONS, useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();
const ALL_LABELS = MIGRATIONS.map(migrationLabel);

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = createClient({ url });
  try {
    return (await client.execute(sql)).rows.map((row) => ({ ...row }));
  } finally {
    client.close();
  }
}

/** A vector along one axis. */
function unit(index: number): Float32Array {
  return Float32Array.from({ length: DIMENSIONS }, (_, at) => (at === index ? 1 : 0));
}

/** A database at schema `version` holding `entries`: episode rows and vectors as that version wrote them. */
async function episodesWithVectorsAt(
  url: string,
  version: number,
  entries: ReadonlyArray<readonly [Episode, Float32Array]>,
): Promise<void> {
  const client = createClient({ url });
  try {
    await migrate(client, { dimensions: DIMENSIONS }, MIGRATIONS.slice(0, version));
    for (const [record, vector] of entries) {
      const inserted = await client.execute({
        sql: `INSERT INTO episodes (${EPISODE_COLUMNS.join(', ')}) VALUES (${EPISODE_COLUMNS.map(() => '?').join(', ')}) RETURNING seq`,
        args: episodeColumnValues(record, episodeRecordJson(record)),
      });
      await client.execute({
        sql: 'INSERT INTO episode_vectors (seq, vector) VALUES (?, vector32(?))',
        args: [inserted.rows[0]!['seq']!, new Uint8Array(vector.buffer)],
      });
    }
  } finally {
    client.close();
  }
}

describe('migrations', () => {
  it('creates the schema in an empty file, with checksums and the schema_version view', async () => {
    const directory = temp.directory();
    const url = `file:${join(directory.path, 'nested', 'deeper', 'memory.db')}`;
    const storage = await temp.open(url);
    expect(existsSync(join(directory.path, 'nested', 'deeper', 'memory.db'))).toBe(true);
    expect(storage.migration).toEqual({
      from: 0,
      to: SCHEMA_VERSION,
      applied: ALL_LABELS,
    });
    expect(storage.schemaVersion).toBe(SCHEMA_VERSION);
    await storage.close();
    expect(await query(url, 'SELECT version FROM schema_version')).toEqual([{ version: SCHEMA_VERSION }]);
    const rows = await query(url, 'SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(
      MIGRATIONS.map((migration) => ({
        version: migration.version,
        name: migration.name,
        checksum: createHash('sha256').update(migration.sql).digest('hex'),
      })),
    );
  });

  it('is idempotent: reopening applies nothing', async () => {
    const url = temp.directory().databaseUrl();
    const first = await temp.open(url);
    expect(first.migration.applied).toHaveLength(MIGRATIONS.length);
    await first.close();
    const again = await migrateTursoDatabase({ url, embeddingDimensions: DIMENSIONS });
    expect(again).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    expect(await query(url, 'SELECT count(*) AS n FROM schema_migrations')).toEqual([
      { n: MIGRATIONS.length },
    ]);
  });

  it('migrates a version-1 database with data and indexes what it holds', async () => {
    const url = temp.directory().databaseUrl();
    const client = createClient({ url });
    const old = episode({
      taskDescription: 'Reconcile the quarterly ledger',
      steps: [step(1, { tool: 'ledger_tool' })],
    });
    try {
      await migrate(client, { dimensions: DIMENSIONS }, MIGRATIONS.slice(0, 1));
      // Rows as version 1 wrote them (no search tables existed yet).
      const { steps, ...record } = old;
      const inserted = await client.execute({
        sql: `INSERT INTO episodes (id, namespace, task_type, domain, tags, started_at, version, record)
              VALUES (?, ?, ?, ?, '[]', ?, 1, ?) RETURNING seq`,
        args: [
          old.id,
          NS,
          old.taskType,
          old.context.domain,
          Date.parse(old.startedAt),
          JSON.stringify(record),
        ],
      });
      await client.execute({
        sql: 'INSERT INTO steps (episode_seq, step_number, record) VALUES (?, 1, ?)',
        args: [inserted.rows[0]!['seq']!, JSON.stringify(steps[0])],
      });
    } finally {
      client.close();
    }
    const storage = await temp.open(url);
    expect(storage.migration).toEqual({ from: 1, to: SCHEMA_VERSION, applied: ALL_LABELS.slice(1) });
    expect(await storage.getEpisode(NS, old.id)).toEqual(old);
    const hits = await storage.searchEpisodesByText(
      NS,
      searchTerms('ledger tool'),
      { completedOnly: false },
      5,
    );
    expect(hits.map((hit) => hit.id)).toEqual([old.id]);
    const [pattern] = await storage.upsertPatterns([patternContribution()]);
    expect(pattern?.stats.occurrences).toBe(1);
  });

  it('migrates a version-2 database: search facets are backfilled and follow archive, restore and completion', async () => {
    const url = temp.directory().databaseUrl();
    const ledger = completed(
      episode({
        taskDescription: 'Reconcile the quarterly ledger',
        context: { domain: 'finance', complexity: 'simple', tags: [] },
      }),
    );
    const elsewhere = completed(
      episode({ taskDescription: 'Reconcile the ledger of another team', namespace: 'other' }),
    );
    const open = episode({ taskDescription: 'Reconcile the yearly ledger' });
    const ledgerPattern = patternContribution({
      content: { type: 'tool_sequence', tools: ['ledger_reader', 'reconciler'] },
      context: { domain: 'finance', tags: [] },
      similarityKey: 'tool_sequence|ledger_reader>reconciler|finance',
    });
    const client = createClient({ url });
    try {
      await migrate(client, { dimensions: DIMENSIONS }, MIGRATIONS.slice(0, 2));
      // Rows and documents as version 2 wrote them.
      for (const record of [ledger, elsewhere, open]) {
        const inserted = await client.execute({
          sql: `INSERT INTO episodes (${EPISODE_COLUMNS.join(', ')}) VALUES (${EPISODE_COLUMNS.map(() => '?').join(', ')}) RETURNING seq`,
          args: episodeColumnValues(record, episodeRecordJson(record)),
        });
        await client.execute({
          sql: 'INSERT INTO episode_documents (seq, terms) VALUES (?, ?)',
          args: [inserted.rows[0]!['seq']!, episodeSearchText(record)],
        });
      }
      await client.execute({
        sql: `INSERT INTO patterns (${PATTERN_WRITE_COLUMNS.join(', ')}) VALUES (${PATTERN_WRITE_COLUMNS.map(() => '?').join(', ')})`,
        args: patternWriteValues(mergePatternContribution(undefined, ledgerPattern)),
      });
    } finally {
      client.close();
    }

    const storage = await temp.open(url);
    expect(storage.migration).toEqual({ from: 2, to: SCHEMA_VERSION, applied: ALL_LABELS.slice(2) });
    const search = async (filter: Parameters<typeof storage.searchEpisodesByText>[2], namespace = NS) =>
      (await storage.searchEpisodesByText(namespace, searchTerms('reconcile ledger'), filter, 10))
        .map((hit) => hit.id)
        .sort();
    expect(await search({})).toEqual([ledger.id]);
    expect(await search({ completedOnly: false })).toEqual([ledger.id, open.id].sort());
    expect(await search({ domains: ['finance'] })).toEqual([ledger.id]);
    expect(await search({ domains: ['elsewhere'] })).toEqual([]);
    expect(await search({}, 'other')).toEqual([elsewhere.id]);
    const patterns = async (filter: Parameters<typeof storage.searchPatternsByText>[2]) =>
      (await storage.searchPatternsByText(NS, searchTerms('ledger reconciler'), filter, 10)).length;
    expect(await patterns({})).toBe(1);
    expect(await patterns({ types: ['tool_sequence'], domains: ['finance'] })).toBe(1);
    expect(await patterns({ types: ['error_recovery'] })).toBe(0);
    expect(await patterns({ domains: ['elsewhere'] })).toBe(0);
    expect(await storage.searchPatternsByText('other', searchTerms('ledger reconciler'), {}, 10)).toEqual([]);

    await storage.updateEpisode({ ...ledger, archivedAt: '2025-02-01T00:00:00.000Z' }, ledger.version);
    expect(await search({})).toEqual([]);
    expect(await search({ includeArchived: true })).toEqual([ledger.id]);
    const archived = (await storage.getEpisode(NS, ledger.id))!;
    await storage.updateEpisode({ ...archived, archivedAt: undefined }, archived.version);
    expect(await search({})).toEqual([ledger.id]);

    await storage.completeEpisode(completed(open), open.version);
    expect(await search({})).toEqual([ledger.id, open.id].sort());
    await storage.close();
    expect(await query(url, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('migrates a version-3 database: float8 copies are backfilled and follow saves and deletes', async () => {
    const url = temp.directory().databaseUrl();
    const near = completed(episode({ taskDescription: 'Rotate the signing keys' }));
    const far = completed(episode({ taskDescription: 'Rotate the log files' }));
    // Rows and vectors as version 3 wrote them (no float8 copies yet).
    await episodesWithVectorsAt(url, 3, [
      [near, unit(0)],
      [far, unit(1)],
    ]);

    const storage = await temp.open(url);
    expect(storage.migration).toEqual({ from: 3, to: SCHEMA_VERSION, applied: ALL_LABELS.slice(3) });
    expect(await query(url, 'SELECT count(*) AS n FROM episode_vector_scan')).toEqual([{ n: 2 }]);
    const nearest = async (vector: Float32Array) =>
      (await storage.searchEpisodesByVector(NS, vector, {}, 1)).map((hit) => hit.id);
    expect(await nearest(unit(0))).toEqual([near.id]);
    expect(await nearest(unit(1))).toEqual([far.id]);

    // A replaced vector replaces its float8 copy; a deleted episode takes both with it.
    await storage.saveEmbedding(NS, 'episode', near.id, unit(2));
    expect(await nearest(unit(2))).toEqual([near.id]);
    const compactDistance = await query(
      url,
      `SELECT vector_distance_cos(s.vector, vector8('${JSON.stringify([...unit(2)])}')) AS distance
       FROM episode_vector_scan s WHERE s.id = '${near.id}'`,
    );
    expect(compactDistance).toHaveLength(1);
    expect(Number(compactDistance[0]!['distance'])).toBeCloseTo(0, 3);
    expect(await storage.deleteEpisode(NS, far.id)).toBe(true);
    expect(await query(url, 'SELECT count(*) AS n FROM episode_vector_scan')).toEqual([{ n: 1 }]);
    await storage.close();
    expect(await query(url, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('migrates a version-4 database: the episode scan table is backfilled and follows every filter column', async () => {
    const url = temp.directory().databaseUrl();
    const finance = { domain: 'finance', complexity: 'simple' as const, tags: [] };
    const ledger = completed(episode({ taskDescription: 'Reconcile the ledger', context: finance }));
    const invoices = completed(episode({ taskDescription: 'Reconcile the invoices', context: finance }));
    const open = episode({ taskDescription: 'Reconcile the payroll', context: finance });
    // Rows and vectors as version 4 wrote them (its triggers made the compact copies).
    await episodesWithVectorsAt(url, 4, [
      [ledger, unit(0)],
      [invoices, unit(1)],
      [open, unit(2)],
    ]);

    const storage = await temp.open(url);
    expect(storage.migration).toEqual({ from: 4, to: SCHEMA_VERSION, applied: ALL_LABELS.slice(4) });
    expect(
      await query(url, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'episode_vectors_compact'"),
    ).toEqual([{ n: 0 }]);
    expect(await query(url, 'SELECT id, domain FROM episode_vector_scan ORDER BY seq')).toEqual(
      [ledger, invoices, open].map((record) => ({ id: record.id, domain: 'finance' })),
    );
    // Every query below is answered by an exact scan (three episodes): what it returns is what the scan table admits.
    const found = async (filter: Parameters<typeof storage.searchEpisodesByVector>[2]) =>
      (await storage.searchEpisodesByVector(NS, unit(0), filter, 10)).map((hit) => hit.id).sort();
    const both = [ledger.id, invoices.id].sort();
    expect(await found({ domains: ['finance'] })).toEqual(both);
    expect(await found({ domains: ['finance'], completedOnly: false })).toEqual([...both, open.id].sort());

    await storage.updateEpisode({ ...ledger, archivedAt: '2025-02-01T00:00:00.000Z' }, ledger.version);
    expect(await found({ domains: ['finance'] })).toEqual([invoices.id]);
    expect(await found({ domains: ['finance'], includeArchived: true })).toEqual(both);
    await storage.updateEpisode(
      { ...invoices, context: { ...finance, domain: 'billing' }, outcome: { type: 'failure', reason: 'x' } },
      invoices.version,
    );
    expect(await found({ domains: ['finance'] })).toEqual([]);
    expect(await found({ domains: ['billing'] })).toEqual([invoices.id]);
    expect(await found({ domains: ['billing'], outcomeTypes: ['success'] })).toEqual([]);
    await storage.completeEpisode(completed(open), open.version);
    expect(await found({ domains: ['finance'] })).toEqual([open.id]);
    expect(await storage.deleteEpisode(NS, open.id)).toBe(true);
    expect(await query(url, 'SELECT count(*) AS n FROM episode_vector_scan')).toEqual([{ n: 2 }]);
    await storage.close();
    expect(await query(url, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('inspects the schema without changing it: missing file, version 1, up to date, newer than the code', async () => {
    const directory = temp.directory();
    const path = join(directory.path, 'memory.db');
    const url = `file:${path}`;
    expect(await inspectTursoSchema({ url })).toEqual({
      exists: false,
      databaseVersion: 0,
      codeVersion: SCHEMA_VERSION,
      applied: [],
      pending: ALL_LABELS,
      sizeBytes: 0,
    });
    expect(existsSync(path)).toBe(false);

    const client = createClient({ url });
    await migrate(client, { dimensions: DIMENSIONS }, MIGRATIONS.slice(0, 1));
    client.close();
    const old = await inspectTursoSchema({ url });
    expect(old).toMatchObject({ exists: true, databaseVersion: 1, applied: ['0001_records'] });
    expect(old.pending).toEqual(ALL_LABELS.slice(1));
    expect(old.sizeBytes).toBeGreaterThan(0);
    // Inspecting applied nothing.
    expect(await query(url, 'SELECT version FROM schema_version')).toEqual([{ version: 1 }]);

    await migrateTursoDatabase({ url, embeddingDimensions: DIMENSIONS });
    expect(await inspectTursoSchema({ url })).toMatchObject({ databaseVersion: SCHEMA_VERSION, pending: [] });

    const writer = createClient({ url });
    await writer.execute(
      "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (99, 'future', '2030-01-01T00:00:00Z', 'x')",
    );
    writer.close();
    await expect(inspectTursoSchema({ url })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { schemaVersion: 99 },
    });
  });

  it('reports an unreadable database as STORAGE_FAILED', async () => {
    const directory = temp.directory();
    const path = join(directory.path, 'not-a-database.db');
    writeFileSync(path, 'this is not SQLite'.repeat(100));
    await expect(inspectTursoSchema({ url: `file:${path}` })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
  });

  it('refuses a database whose applied migration was edited (checksum mismatch)', async () => {
    const url = temp.directory().databaseUrl();
    await migrateTursoDatabase({ url, embeddingDimensions: DIMENSIONS });
    const client = createClient({ url });
    await client.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
    client.close();
    const failure = createTursoStorage({ url, embeddingDimensions: DIMENSIONS });
    await expect(failure).rejects.toMatchObject({ name: 'MemoryError', code: 'CONFIG_INVALID' });
    await expect(failure).rejects.toThrow(/0001_records.*checksum edited/);
  });

  it('refuses a database newer than the code', async () => {
    const url = temp.directory().databaseUrl();
    await migrateTursoDatabase({ url, embeddingDimensions: DIMENSIONS });
    const client = createClient({ url });
    await client.execute(
      "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (99, 'future', '2030-01-01T00:00:00Z', 'x')",
    );
    client.close();
    const failure = createTursoStorage({ url, embeddingDimensions: DIMENSIONS });
    await expect(failure).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { schemaVersion: 99, codeSchemaVersion: SCHEMA_VERSION },
    });
    await expect(failure).rejects.toThrow(/newer than this code/);
  });

  it('keeps vectors of one dimension only: refuses another unless told to reset', async () => {
    const url = temp.directory().databaseUrl();
    const storage = await temp.open(url);
    const stored = episode();
    await storage.insertEpisode(stored);
    await storage.saveEmbedding(NS, 'episode', stored.id, new Float32Array(DIMENSIONS).fill(0.5));
    await storage.close();
    await expect(createTursoStorage({ url, embeddingDimensions: 16 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { storedDimensions: DIMENSIONS, configuredDimensions: 16, vectors: 1 },
    });
    const reset = await temp.open(url, { embeddingDimensions: 16, resetEmbeddingsOnDimensionChange: true });
    expect((await reset.getEmbeddings(NS, 'episode', [stored.id])).size).toBe(0);
    await reset.saveEmbedding(NS, 'episode', stored.id, new Float32Array(16).fill(1));
    expect(
      (await reset.searchEpisodesByVector(NS, new Float32Array(16).fill(1), { completedOnly: false }, 1))[0]
        ?.id,
    ).toBe(stored.id);
    expect(await reset.getEpisode(NS, stored.id)).toEqual(stored);
  });

  it('sets WAL, synchronous=NORMAL and foreign keys on the writer connection', async () => {
    const url = temp.directory().databaseUrl();
    const storage = await temp.open(url);
    await storage.insertEpisode(episode());
    expect(await query(url, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // Foreign keys hold: a step for a missing episode is refused by the database itself.
    const client = createClient({ url });
    try {
      await client.execute('PRAGMA foreign_keys = ON');
      await expect(
        client.execute("INSERT INTO steps (episode_seq, step_number, record) VALUES (424242, 1, '{}')"),
      ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    } finally {
      client.close();
    }
  });
});
