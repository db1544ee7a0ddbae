import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '@slm/storage-turso';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/status/status-report.js';
import { backupRecords, NAMESPACE, writeRecords } from './support/backup-records.js';
import { runCli, runCliJson } from './support/cli.js';
import { closedPort } from './support/redis.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();

describe('memory-cli status', () => {
  it('reports versions, size, counts, cache statistics and each component with its latency', async () => {
    const url = directory().databaseUrl();
    await writeRecords(
      url,
      backupRecords({ episodes: 40, patterns: 5, heuristics: 2, relationships: 3, sessions: 2, feedback: 1 }),
    );
    const run = await runCliJson<StatusReport>(['status', '--database-url', url, '--namespace', NAMESPACE]);
    expect(run.code).toBe(0);
    const report = run.json;
    expect(report).toMatchObject({
      status: 'ok',
      versions: {
        cli: '0.1.0',
        schema: { code: SCHEMA_VERSION, database: SCHEMA_VERSION, pending: [] },
        exportFormat: 1,
        cacheFormat: 1,
      },
      database: { url, kind: 'cache(libsql-file)', exists: true },
      namespace: NAMESPACE,
      health: { storage: { ok: true }, cache: { ok: true, state: 'ok' } },
      cache: { backend: 'in-process', maxEpisodes: 1000, ttlSeconds: 1800 },
      problems: [],
    });
    expect(report.database.sizeBytes).toBeGreaterThan(0);
    expect(report.health.storage.latencyMs).toBeGreaterThan(0);
    // 40 episodes, every tenth in the other namespace; every fourth open.
    expect(report.counts).toMatchObject({
      episodes: { total: 36, completed: 26, open: 10 },
      steps: 108,
      patterns: { total: 5 },
      heuristics: 2,
      relationships: 3,
      recommendationSessions: 2,
      recommendationFeedback: 1,
    });

    const human = await runCli(['status', '--database-url', url, '--namespace', NAMESPACE]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^status: +ok$/m);
    expect(human.stdout).toMatch(
      new RegExp(`^schema: +code ${SCHEMA_VERSION}, database ${SCHEMA_VERSION}$`, 'm'),
    );
    expect(human.stdout).toMatch(/^store +ok +\d+\.\d ms$/m);
    expect(human.stdout).toMatch(/^episodes +36 +26 completed, 10 open/m);
  });

  it('exits 1 when the store is unreachable, saying why', async () => {
    const port = await closedPort();
    const run = await runCliJson<StatusReport>(['status', '--database-url', `libsql://127.0.0.1:${port}`], {
      env: { TURSO_AUTH_TOKEN: 'test-token' },
    });
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ status: 'down', counts: null, health: { storage: { ok: false } } });
    expect(run.json.health.storage.error).toContain('ECONNREFUSED');
    expect(run.stdout).not.toContain('test-token');

    const human = await runCli(['status', '--database-url', `libsql://127.0.0.1:${port}`], {
      env: { TURSO_AUTH_TOKEN: 'test-token' },
    });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^store +down .*ECONNREFUSED/m);
  });

  it('exits 1 for an absent database file and does not create it', async () => {
    const work = directory();
    const run = await runCliJson<StatusReport>(['status', '--database-url', work.databaseUrl('absent.db')]);
    expect(run.code).toBe(1);
    expect(run.json.problems[0]).toContain('run `memory-cli migrate` to create it');
    expect(existsSync(join(work.path, 'absent.db'))).toBe(false);
  });
});

describe('configuration', () => {
  it('takes flags over the environment over the --config file over defaults', async () => {
    const work = directory();
    const [fromFile, fromEnv, fromFlag] = ['file.db', 'env.db', 'flag.db'].map((name) =>
      work.databaseUrl(name),
    );
    for (const url of [fromFile, fromEnv, fromFlag])
      expect((await runCli(['migrate', '--database-url', url!])).code).toBe(0);
    const config = join(work.path, 'staging.env');
    writeFileSync(config, `# staging\nTURSO_DATABASE_URL=${fromFile}\nMEMORY_NAMESPACE=from-file\n`);
    const database = async (args: string[], env: Record<string, string> = {}) => {
      const run = await runCliJson<StatusReport>(['status', '--config', config, ...args], { env });
      expect(run.code).toBe(0);
      return { url: run.json.database.url, namespace: run.json.namespace };
    };
    expect(await database([])).toEqual({ url: fromFile, namespace: 'from-file' });
    expect(await database([], { TURSO_DATABASE_URL: fromEnv! })).toEqual({
      url: fromEnv,
      namespace: 'from-file',
    });
    expect(
      await database(['--database-url', fromFlag!, '--namespace', 'from-flag'], {
        TURSO_DATABASE_URL: fromEnv!,
      }),
    ).toEqual({
      url: fromFlag,
      namespace: 'from-flag',
    });
  });

  it('exits 2 listing every configuration problem, before touching anything', async () => {
    const work = directory();
    const config = join(work.path, 'bad.env');
    writeFileSync(config, 'MEMORY_DURABILITY=sometimes\nMEMORY_CACHE_TTL=60\n');
    const run = await runCliJson(['status', '--config', config, '--redis-url', 'http://cache:6379'], {
      env: { MEMORY_MAX_CONNECTIONS: '0' },
    });
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
    const problems = (run.json['error'] as { details: { problems: Array<{ variable: string }> } }).details
      .problems;
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'MEMORY_CACHE_TTL',
      'MEMORY_DURABILITY',
      'MEMORY_MAX_CONNECTIONS',
      'REDIS_URL',
    ]);
    expect(run.stderr).toContain('invalid configuration (4 problems)');
    expect(run.stderr).toContain('MEMORY_CACHE_TTL: unknown variable');
    expect(existsSync(join(work.path, 'memory.db'))).toBe(false);
  });

  it('exits 2 on usage errors, and 0 with --help and --version', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const unknown = await runCli(['status', '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--verbose'");
    expect((await runCli(['cache', 'regenerate', '--warm', 'lots'])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'migrate',
      'status',
      'export',
      'import',
      'sync',
      'cache',
      'reindex',
      'episodes',
      'patterns',
      'eval',
      'bench',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect((await runCli(['--version'])).stdout.trim()).toBe('0.1.0');
  });
});
