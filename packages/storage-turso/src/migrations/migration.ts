import { createHash } from 'node:crypto';
import type { Transaction } from '@libsql/client';

/** One numbered schema change. Applied migrations must never change: their checksum is recorded. */
export interface Migration {
  version: number;
  name: string;
  /** SQL statements; `{{dimensions}}` stands for the configured embedding dimension. */
  sql: string;
  /**
   * Fills what the SQL created from rows written by older versions, when that needs memory-core (search
   * documents are computed by its normaliser). Runs in the migration's transaction, after `sql`.
   */
  backfill?: (transaction: Transaction) => Promise<void>;
}

/** What the schema needs from the configuration. */
export interface MigrationContext {
  dimensions: number;
}

/** SHA-256 of the migration's text as written (before `{{dimensions}}` is filled in), hex. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export function renderMigration(migration: Migration, context: MigrationContext): string {
  return migration.sql.replaceAll('{{dimensions}}', String(context.dimensions));
}

/** `0002_search`: how migrations are named in messages and in `schema_migrations`. */
export function migrationLabel(migration: Pick<Migration, 'version' | 'name'>): string {
  return `${String(migration.version).padStart(4, '0')}_${migration.name}`;
}
