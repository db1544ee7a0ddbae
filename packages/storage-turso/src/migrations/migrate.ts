import type { Client } from '@libsql/client';
import { configInvalid } from '../failures.js';
import { numeric, text } from '../sql/row.js';
import { MIGRATIONS } from './index.js';
import {
  type Migration,
  type MigrationContext,
  migrationChecksum,
  migrationLabel,
  renderMigration,
} from './migration.js';

export interface MigrationReport {
  /** Schema version before: 0 for an empty database. */
  from: number;
  to: number;
  /** Labels of the migrations applied now (`0002_search`), in order; empty when up to date. */
  applied: string[];
}

const BOOKKEEPING = [
  `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    checksum TEXT NOT NULL
  )`,
  // The seed's `SELECT version FROM schema_version;` keeps working.
  'CREATE VIEW IF NOT EXISTS schema_version AS SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
];

/**
 * Brings the schema up to date in one write transaction (`BEGIN IMMEDIATE`, so two processes starting together
 * apply each migration once). Refuses a database whose schema is newer than this code, and one where an applied
 * migration's checksum differs from the code's (someone edited an applied migration): both are `CONFIG_INVALID`.
 */
export async function migrate(
  client: Client,
  context: MigrationContext,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const transaction = await client.transaction('write');
  try {
    for (const statement of BOOKKEEPING) await transaction.execute(statement);
    const applied = await transaction.execute(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const appliedVersions = new Set<number>();
    let from = 0;
    for (const row of applied.rows) {
      const version = numeric(row, 'version');
      appliedVersions.add(version);
      from = Math.max(from, version);
      checkApplied(migrations, version, text(row, 'name'), text(row, 'checksum'), latest);
    }
    const pending = migrations.filter((migration) => !appliedVersions.has(migration.version));
    for (const migration of pending) {
      await transaction.executeMultiple(renderMigration(migration, context));
      await migration.backfill?.(transaction);
      await transaction.execute({
        sql: 'INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)',
        args: [migration.version, migration.name, new Date().toISOString(), migrationChecksum(migration)],
      });
    }
    await transaction.commit();
    return { from, to: Math.max(from, latest), applied: pending.map(migrationLabel) };
  } finally {
    transaction.close();
  }
}

/** Refuses an applied migration this code does not know (a newer schema) or whose text changed. */
export function checkApplied(
  migrations: readonly Migration[],
  version: number,
  name: string,
  checksum: string,
  latest: number,
): void {
  const known = migrations.find((migration) => migration.version === version);
  if (!known) {
    throw configInvalid(
      `the database schema is at version ${version} (${migrationLabel({ version, name })}), newer than this code (version ${latest}): upgrade memory-service / memory-cli before using this database`,
      { schemaVersion: version, codeSchemaVersion: latest },
    );
  }
  const expected = migrationChecksum(known);
  if (checksum !== expected || name !== known.name) {
    throw configInvalid(
      `migration ${migrationLabel({ version, name })} was applied with checksum ${checksum}, but this code's ${migrationLabel(known)} has checksum ${expected}: applied migrations must never be edited (add a new migration instead)`,
      { version, appliedChecksum: checksum, expectedChecksum: expected },
    );
  }
}

/** The schema version recorded in the database (0 before the first migration). */
export async function schemaVersion(client: Client): Promise<number> {
  const exists = await client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'schema_version'",
  );
  if (exists.rows.length === 0) return 0;
  const result = await client.execute('SELECT version FROM schema_version');
  return numeric(result.rows[0]!, 'version');
}
