import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { SCHEMA_VERSION } from '@slm/storage-turso';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';
import { createSchemaVersion1Database } from './support/schema-v1.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();
/** The migrations a schema-version-1 database still needs. */
const AFTER_V1 = [
  '0002_search',
  '0003_search_facets',
  '0004_single_token_facets',
  '0005_episode_vector_scan',
];

describe('memory-cli migrate', () => {
  it('upgrades a schema-version-1 database: --dry-run lists the pending migrations, migrate applies them, status shows the code version', async () => {
    const url = directory().databaseUrl();
    await createSchemaVersion1Database(url);

    const dryRun = await runCliJson(['migrate', '--dry-run', '--database-url', url]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.json).toEqual({
      dryRun: true,
      databaseVersion: 1,
      codeVersion: SCHEMA_VERSION,
      applied: ['0001_records'],
      pending: AFTER_V1,
    });
    const human = await runCli(['migrate', '--dry-run', '--database-url', url]);
    expect(human.stdout).toContain(`pending migrations:\n  ${AFTER_V1.join('\n  ')}\n`);

    // Before the upgrade: status reports the pending migration, and other commands refuse to touch the data.
    const behind = await runCliJson(['status', '--database-url', url]);
    expect(behind.code).toBe(0);
    expect(behind.json).toMatchObject({
      status: 'degraded',
      versions: { schema: { code: SCHEMA_VERSION, database: 1, pending: AFTER_V1 } },
    });
    const refused = await runCli(['episodes', 'list', '--database-url', url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('run `memory-cli migrate`');
    expect(await schemaVersion(url)).toBe(1);

    const applied = await runCliJson(['migrate', '--database-url', url]);
    expect(applied.code).toBe(0);
    expect(applied.json).toEqual({ dryRun: false, from: 1, to: SCHEMA_VERSION, applied: AFTER_V1 });

    const status = await runCliJson(['status', '--database-url', url]);
    expect(status.code).toBe(0);
    expect(status.json).toMatchObject({
      status: 'ok',
      versions: { schema: { code: SCHEMA_VERSION, database: SCHEMA_VERSION, pending: [] } },
    });
    expect(await schemaVersion(url)).toBe(SCHEMA_VERSION);

    const again = await runCli(['migrate', '--database-url', url]);
    expect(again.stdout).toBe(`schema version ${SCHEMA_VERSION} is up to date; nothing applied\n`);
  });

  it('creates a new database; --dry-run never creates one', async () => {
    const work = directory();
    const url = work.databaseUrl('fresh.db');
    const dryRun = await runCliJson(['migrate', '--dry-run', '--database-url', url]);
    expect(dryRun.json).toMatchObject({ databaseVersion: 0, pending: ['0001_records', ...AFTER_V1] });
    expect(existsSync(join(work.path, 'fresh.db'))).toBe(false);
    const applied = await runCliJson(['migrate', '--database-url', url]);
    expect(applied.json).toEqual({
      dryRun: false,
      from: 0,
      to: SCHEMA_VERSION,
      applied: ['0001_records', ...AFTER_V1],
    });
  });

  it('refuses a database newer than this memory-cli (exit 2, nothing changed)', async () => {
    const url = directory().databaseUrl();
    expect((await runCli(['migrate', '--database-url', url])).code).toBe(0);
    const client = createClient({ url });
    await client.execute({
      sql: "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, 'future', '2030-01-01T00:00:00Z', 'x')",
      args: [SCHEMA_VERSION + 1],
    });
    client.close();
    for (const args of [['migrate'], ['migrate', '--dry-run']]) {
      const run = await runCliJson([...args, '--database-url', url]);
      expect(run.code).toBe(2);
      expect(run.json).toMatchObject({
        error: {
          code: 'CONFIG_INVALID',
          details: { schemaVersion: SCHEMA_VERSION + 1, codeSchemaVersion: SCHEMA_VERSION },
        },
      });
      expect(run.stderr).toContain('newer than this code');
    }
  });
});

async function schemaVersion(url: string): Promise<number> {
  const client = createClient({ url });
  try {
    return Number((await client.execute('SELECT version FROM schema_version')).rows[0]!['version']);
  } finally {
    client.close();
  }
}
