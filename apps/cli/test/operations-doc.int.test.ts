import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCounts } from './support/backup-records.js';
import { CLI_MAIN, type CliRun, runCli } from './support/cli.js';
import { recordLearnedEpisodes } from './support/learned-memory.js';
import { cronLines, documentedCommands } from './support/operations-doc.js';
import { redisUrl } from './support/redis.js';
import { createSchemaVersion1Database } from './support/schema-v1.js';

const shell = promisify(execFile);
const SAMPLE = fileURLToPath(
  new URL('../../../tooling/eval/test/fixtures/tau-bench-sample', import.meta.url),
);
/** Database 8 of the run's redis-server: no other test file writes there. */
const REDIS_DB = 8;

/**
 * docs/operations.md, run: every `memory-cli` line of its code blocks is executed here, in the page's order of
 * procedures, on real libSQL files and a real Redis; the last test fails if the page holds a command this file
 * did not run. `/var/lib/memory`, `/var/backups/memory`, `/tmp` and `/etc/memory` are temporary directories.
 */
describe('docs/operations.md', () => {
  let root: TempDirectory;
  let lib: string;
  let backups: string;
  let scratch: string;
  const ran = new Set<string>();
  const ids: Record<string, string> = {};

  const database = () => `file:${join(lib, 'memory.db')}`;

  /** Runs one documented line the way a shell would, with the page's paths mapped to the test's. */
  async function doc(line: string, env: Record<string, string> = {}): Promise<CliRun> {
    const words = line.split(/\s+/);
    const assignments: Record<string, string> = {};
    while (/^[A-Z_]+=/.test(words[0]!)) {
      const [name, ...value] = words.shift()!.split('=');
      assignments[name!] = value.join('=');
    }
    expect(words.shift()).toBe('memory-cli');
    const args = words.map((word) =>
      word
        .replace('/var/lib/memory', lib)
        .replace('/var/backups/memory', backups)
        .replace(/^file:\/tmp\//, `file:${scratch}/`)
        .replace('<episode-id>', ids['episode'] ?? '<episode-id>')
        .replace('<pattern-id>', ids['pattern'] ?? '<pattern-id>'),
    );
    ran.add(line);
    return runCli(args, {
      env: {
        TURSO_DATABASE_URL: database(),
        REDIS_URL: redisUrl(REDIS_DB),
        SLM_EVAL_DATA: SAMPLE,
        ...env,
        ...assignments,
      },
    });
  }

  async function ok(line: string, env: Record<string, string> = {}): Promise<CliRun> {
    const run = await doc(line, env);
    expect(run.code, `${line}\n${run.signal}\n${run.stderr}`).toBe(0);
    return run;
  }

  const counts = (url = database()) => recordCounts(url);

  function moveDatabaseAside(suffix: string): void {
    for (const file of readdirSync(lib).filter((name) => /^memory\.db(-wal|-shm)?$/.test(name))) {
      renameSync(join(lib, file), join(lib, `${file}.${suffix}`));
    }
  }

  beforeAll(async () => {
    root = createTempDirectory('slm-cli-ops-');
    [lib, backups, scratch] = ['lib', 'backups', 'tmp'].map((name) => join(root.path, name)) as [
      string,
      string,
      string,
    ];
    for (const path of [lib, backups, scratch]) mkdirSync(path);
    await recordLearnedEpisodes(database(), 6, 'default');
    await recordLearnedEpisodes(database(), 3, 'team-a');
  });
  afterAll(() => root.remove());

  it('using memory-cli', async () => {
    expect((await ok('memory-cli --help')).stdout).toContain('Usage: memory-cli');
    expect((await ok('memory-cli --version')).stdout.trim()).toBe('0.1.0');
  });

  it('backup, its schedule, and checking a backup', async () => {
    const before = await counts();
    await ok('memory-cli export --all-namespaces --out /var/backups/memory/memory-full.jsonl.gz');
    await ok('memory-cli export --namespace team-a --out /var/backups/memory/team-a.jsonl');
    await ok(
      'memory-cli export --all-namespaces --since 30d --out /var/backups/memory/last-30-days.jsonl.gz',
    );
    expect(readdirSync(backups).sort()).toEqual([
      'last-30-days.jsonl.gz',
      'memory-full.jsonl.gz',
      'team-a.jsonl',
    ]);

    await ok(
      'memory-cli --database-url file:/tmp/restore-check.db import /var/backups/memory/memory-full.jsonl.gz',
    );
    const checked = await ok('memory-cli --database-url file:/tmp/restore-check.db status');
    expect(checked.stdout).toMatch(/^status: +ok$/m);
    expect(await counts(`file:${scratch}/restore-check.db`)).toEqual(before);

    // The crontab: the export line through a real shell (with cron's `\%` unescaped), then the retention line.
    const [exportLine, retentionLine] = cronLines().map((line) =>
      line
        .split(/\s+/)
        .slice(6)
        .join(' ')
        .replaceAll('\\%', '%')
        .replace('/usr/local/bin/memory-cli', `${process.execPath} ${CLI_MAIN}`)
        .replace('/etc/memory/memory.env', join(root.path, 'memory.env'))
        .replaceAll('/var/backups/memory', backups),
    );
    writeFileSync(join(root.path, 'memory.env'), `TURSO_DATABASE_URL=${database()}\n`);
    await shell('sh', ['-c', exportLine!], { env: { PATH: process.env['PATH'] } });
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(existsSync(join(backups, `memory-${today}.jsonl.gz`))).toBe(true);
    const old = join(backups, 'memory-20000101.jsonl.gz');
    writeFileSync(old, '');
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(old, fortyDaysAgo, fortyDaysAgo);
    await shell('sh', ['-c', retentionLine!]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(join(backups, `memory-${today}.jsonl.gz`))).toBe(true);
  });

  it('restore into a new database', async () => {
    const before = await counts();
    moveDatabaseAside('broken'); // systemctl stop; mv memory.db memory.db.broken
    await ok('memory-cli import /var/backups/memory/memory-full.jsonl.gz');
    await ok('memory-cli status');
    await ok('memory-cli sync --all-namespaces');
    expect(await counts()).toEqual(before);
  });

  it('disaster recovery: store check, cache loss, complete data loss', async () => {
    const before = await counts();
    await ok('memory-cli status');
    expect(JSON.parse((await ok('memory-cli status --json')).stdout)).toMatchObject({ status: 'ok' });
    await ok('memory-cli sync --all-namespaces');
    await ok('memory-cli cache regenerate --warm 100');

    for (const file of readdirSync(lib)) rmSync(join(lib, file));
    await ok('memory-cli migrate');
    await ok('memory-cli import /var/backups/memory/memory-full.jsonl.gz');
    await ok('memory-cli import /var/backups/memory/last-30-days.jsonl.gz');
    await ok('memory-cli cache regenerate --warm 100');
    await ok('memory-cli status');
    expect(await counts()).toEqual(before);
  });

  it('cache regeneration', async () => {
    await ok('memory-cli cache stats');
    expect((await ok('memory-cli cache regenerate --warm 100')).stdout).toMatch(/episodes warmed/);
    expect((await ok('memory-cli --namespace team-a cache regenerate --warm 100')).stdout).toContain(
      '(team-a)',
    );
    await ok('memory-cli sync --all-namespaces');
  });

  it('troubleshooting', async () => {
    await ok('memory-cli status');
    await ok('LOG_LEVEL=debug memory-cli status');
    const listed = await ok('memory-cli episodes list --limit 5');
    const episodeIds = listed.stdout.match(/^[0-9a-f]{8}-[0-9a-f-]{27}/gm) ?? [];
    expect(episodeIds).toHaveLength(5);
    ids['episode'] = episodeIds[0]!;
    expect((await ok('memory-cli episodes show <episode-id>')).stdout).toContain(
      `id:        ${ids['episode']}`,
    );
    const patterns = await ok('memory-cli patterns list --min-occurrences 3');
    ids['pattern'] = patterns.stdout.match(/^[0-9a-f]{8}-[0-9a-f-]{27}/m)![0];
    await ok('memory-cli patterns show <pattern-id>');
    expect((await ok('memory-cli eval --subset 20')).stdout).toContain('τ-bench evaluation');

    // Re-embedding with another dimension, on a copy of the store (the rest of this file keeps 384).
    const copy = `file:${join(scratch, 'reindex.db')}`;
    expect(
      (await runCli(['import', join(backups, 'memory-full.jsonl.gz'), '--database-url', copy])).code,
    ).toBe(0);
    const reindexed = await ok('MEMORY_EMBEDDINGS=local EMBEDDINGS_DIMENSIONS=256 memory-cli reindex', {
      TURSO_DATABASE_URL: copy,
    });
    expect(reindexed.stdout).toContain('(256 dimensions, local)');
  });

  it('upgrade and rollback', async () => {
    await ok('memory-cli --version');
    await ok('memory-cli status');
    // The old CLI's backup of the old database (this CLI stands in for it on its own schema).
    await ok('memory-cli export --all-namespaces --out /var/backups/memory/pre-upgrade.jsonl.gz');
    const before = await counts();

    // An old database: schema version 1.
    moveDatabaseAside('current');
    await createSchemaVersion1Database(database());
    const dryRun = await ok('memory-cli migrate --dry-run');
    expect(dryRun.stdout).toContain('0002_search');
    expect((await ok('memory-cli migrate')).stdout).toContain(
      'applied 0002_search, 0003_search_facets, 0004_single_token_facets, 0005_episode_vector_scan',
    );
    const migrated = await ok('memory-cli status');
    expect(migrated.stdout).toMatch(/^schema: +code 5, database 5$/m);

    // Rollback: keep what was written since the upgrade, restore the pre-upgrade backup, then those records.
    moveDatabaseAside('upgraded');
    for (const file of readdirSync(lib).filter((name) => name.endsWith('.current'))) {
      renameSync(join(lib, file), join(lib, file.replace(/\.current$/, '')));
    }
    await ok(
      'memory-cli export --all-namespaces --since 2025-06-01T12:00:00Z --out /var/backups/memory/since-upgrade.jsonl.gz',
    );
    moveDatabaseAside('rolled-back');
    await ok('memory-cli import /var/backups/memory/pre-upgrade.jsonl.gz');
    await ok('memory-cli import /var/backups/memory/since-upgrade.jsonl.gz');
    await ok('memory-cli sync --all-namespaces');
    await ok('memory-cli status');
    expect(await counts()).toEqual(before);
  });

  it('runs every memory-cli command the page shows', () => {
    const documented = documentedCommands();
    expect(documented.length).toBeGreaterThan(25);
    expect(documented.filter((line) => !ran.has(line))).toEqual([]);
    expect(cronLines()).toHaveLength(2);
  });
});
