import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupRecords, NAMESPACE, OTHER_NAMESPACE, writeRecords } from './support/backup-records.js';
import { runCli, runCliJson } from './support/cli.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();

/** The record lines of a backup (the header carries the export time, so it is compared by its counts). */
function backupLines(path: string): { header: Record<string, unknown>; records: string[] } {
  const bytes = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const [header, ...records] = text.trimEnd().split('\n');
  return { header: JSON.parse(header!), records };
}

describe('export and import', () => {
  it('round-trips 10,000 episodes with patterns, heuristics, relationships and feedback: export → import → export', async () => {
    const work = directory();
    const source = work.databaseUrl('source.db');
    const target = work.databaseUrl('target.db');
    const records = backupRecords({
      episodes: 10_000,
      patterns: 1_000,
      heuristics: 200,
      relationships: 500,
      sessions: 300,
      feedback: 200,
    });
    await writeRecords(source, records);

    const first = join(work.path, 'first.jsonl.gz');
    const exported = await runCliJson([
      'export',
      '--all-namespaces',
      '--out',
      first,
      '--database-url',
      source,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.json).toMatchObject({
      path: first,
      namespace: null,
      records: {
        episode: 10_000,
        pattern: 1_000,
        heuristic: 200,
        relationship: 500,
        recommendation_session: 300,
        recommendation_feedback: 200,
      },
      lines: 12_201,
    });

    // Embeddings are derived data (never exported); without them the 10k import takes a fifth of the time.
    // The smaller tests below import with the default provider.
    const env = { MEMORY_EMBEDDINGS: 'none' };
    const imported = await runCliJson(['import', first, '--database-url', target], { env });
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ lines: 12_201, rejected: 0, errors: [] });
    expect(imported.json['imported']).toEqual(exported.json['records']);

    const second = join(work.path, 'second.jsonl');
    const again = await runCli(['export', '--all-namespaces', '--out', second, '--database-url', target], {
      env,
    });
    expect(again.code).toBe(0);
    const before = backupLines(first);
    const after = backupLines(second);
    expect(after.header['counts']).toEqual(before.header['counts']);
    // Same records in the same order (key order inside a line may differ: import normalises through the schema).
    expect(after.records.map((line) => JSON.parse(line))).toEqual(
      before.records.map((line) => JSON.parse(line)),
    );
    const written = new Map(records.map((record) => [record.record.id, record.record]));
    for (const line of before.records) {
      const { record } = JSON.parse(line) as { record: { id: string } };
      expect(record).toEqual(written.get(record.id));
    }
  }, 90_000);

  it('reports a corrupt line with its line number, imports the rest, and exits 1', async () => {
    const work = directory();
    const source = work.databaseUrl('source.db');
    await writeRecords(
      source,
      backupRecords({ episodes: 20, patterns: 3, heuristics: 0, relationships: 2, sessions: 0, feedback: 0 }),
    );
    const backup = join(work.path, 'backup.jsonl');
    expect(
      (await runCli(['export', '--all-namespaces', '--out', backup, '--database-url', source])).code,
    ).toBe(0);
    const lines = readFileSync(backup, 'utf8').trimEnd().split('\n');
    // Line 8 cut short (as a torn copy would be), line 12 an episode with an invalid field; neither episode
    // is referenced by a relationship.
    lines[7] = lines[7]!.slice(0, 40);
    const invalid = JSON.parse(lines[11]!);
    invalid.record.taskType = 'juggling';
    lines[11] = JSON.stringify(invalid);
    const damaged = join(work.path, 'damaged.jsonl');
    writeFileSync(damaged, `${lines.join('\n')}\n`);

    const target = work.databaseUrl('target.db');
    const human = await runCli(['import', damaged, '--database-url', target]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('2 lines rejected (the rest was imported)');
    expect(human.stdout).toContain('line 8: not valid JSON');
    expect(human.stdout).toMatch(/line 12: .*taskType/);

    const again = await runCliJson(['import', damaged, '--database-url', target]);
    expect(again.code).toBe(1);
    expect(again.json).toMatchObject({
      lines: 26,
      rejected: 2,
      imported: { episode: 18, pattern: 3, relationship: 2 },
      errors: [
        { line: 8, message: 'not valid JSON' },
        { line: 12, message: expect.stringContaining('taskType') },
      ],
    });
    const status = await runCliJson(['status', '--database-url', target, '--namespace', NAMESPACE]);
    const other = await runCliJson(['status', '--database-url', target, '--namespace', OTHER_NAMESPACE]);
    const counts = (run: typeof status) =>
      (run.json['counts'] as { episodes: { total: number } }).episodes.total;
    expect(counts(status) + counts(other)).toBe(18);
  });

  it('exports one namespace by default, filters by --since, and never overwrites a file', async () => {
    const work = directory();
    const url = work.databaseUrl();
    await writeRecords(
      url,
      backupRecords({
        episodes: 100,
        patterns: 0,
        heuristics: 0,
        relationships: 0,
        sessions: 0,
        feedback: 0,
      }),
    );
    const mine = join(work.path, 'mine.jsonl');
    const exported = await runCliJson([
      'export',
      '--out',
      mine,
      '--database-url',
      url,
      '--namespace',
      NAMESPACE,
    ]);
    expect(exported.json).toMatchObject({ namespace: NAMESPACE, records: { episode: 90 } });
    expect(backupLines(mine).header).toMatchObject({
      type: 'header',
      namespace: NAMESPACE,
      counts: { episode: 90 },
    });

    // Fixture episodes start one minute apart from 2025-03-01T12:00Z.
    const recent = join(work.path, 'recent.jsonl.gz');
    const since = await runCliJson([
      'export',
      '--all-namespaces',
      '--since',
      '2025-03-01T13:00:00Z',
      '--out',
      recent,
      '--database-url',
      url,
    ]);
    expect(since.json).toMatchObject({ since: '2025-03-01T13:00:00.000Z', records: { episode: 40 } });

    const refused = await runCli(['export', '--out', mine, '--database-url', url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('exports never overwrite');
    expect(backupLines(mine).records).toHaveLength(90);

    const usage = await runCli(['export', '--out', join(work.path, 'backup.zip'), '--database-url', url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('must end in .jsonl or .jsonl.gz');
    expect(readdirSync(work.path).sort()).toEqual([
      'memory.db',
      'memory.db-shm',
      'memory.db-wal',
      'mine.jsonl',
      'recent.jsonl.gz',
    ]);
  });
});
