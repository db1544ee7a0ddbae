import { statSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { asStorageError } from '@slm/memory-core';
import { DEFAULT_DATABASE_URL, type TursoStorageConfig } from '../config.js';
import { numeric, text } from '../sql/row.js';
import { type DatabaseLocation, fileUrl, resolveLocation } from '../url-policy.js';
import { MIGRATIONS, SCHEMA_VERSION } from './index.js';
import { checkApplied } from './migrate.js';
import { migrationLabel } from './migration.js';

/** The schema state of a database, read without changing anything (`memory-cli migrate --dry-run`, `status`). */
export interface SchemaInspection {
  /** False for a `file:` database that does not exist yet (it is not created). */
  exists: boolean;
  /** The schema version recorded in the database: 0 when it is empty or absent. */
  databaseVersion: number;
  /** The schema version of this code (`SCHEMA_VERSION`). */
  codeVersion: number;
  /** Migrations recorded as applied, e.g. `0001_records`. */
  applied: string[];
  /** Migrations that opening the database (or `migrateTursoDatabase`) would apply now, in order. */
  pending: string[];
  /** `page_count × page_size` (a file's WAL not included); null when the database does not report it. */
  sizeBytes: number | null;
}

export type SchemaInspectionConfig = Pick<
  TursoStorageConfig,
  'url' | 'authToken' | 'syncUrl' | 'syncIntervalSeconds'
>;

/**
 * Reads which migrations a database has and which it lacks, without applying any and without creating a
 * missing file. An embedded replica is inspected at its remote primary (where migrations land). Like opening,
 * it refuses a schema newer than the code or an edited applied migration (`CONFIG_INVALID`); an unreachable or
 * unreadable database is `STORAGE_FAILED`.
 */
export async function inspectTursoSchema(config: SchemaInspectionConfig): Promise<SchemaInspection> {
  const location = resolveLocation({ ...config, url: config.url ?? DEFAULT_DATABASE_URL });
  if (location.kind === 'file' && !fileExists(location.path)) {
    return {
      exists: false,
      databaseVersion: 0,
      codeVersion: SCHEMA_VERSION,
      applied: [],
      pending: MIGRATIONS.map(migrationLabel),
      sizeBytes: 0,
    };
  }
  const client = inspectionClient(location);
  try {
    const recorded = await appliedMigrations(client);
    for (const row of recorded) checkApplied(MIGRATIONS, row.version, row.name, row.checksum, SCHEMA_VERSION);
    const versions = new Set(recorded.map((row) => row.version));
    return {
      exists: true,
      databaseVersion: Math.max(0, ...versions),
      codeVersion: SCHEMA_VERSION,
      applied: recorded.map(migrationLabel),
      pending: MIGRATIONS.filter((migration) => !versions.has(migration.version)).map(migrationLabel),
      sizeBytes: await databaseSize(client),
    };
  } catch (error) {
    throw asStorageError(error, 'inspectSchema');
  } finally {
    client.close();
  }
}

function fileExists(path: string): boolean {
  try {
    // An unreadable directory throws (EACCES): reported as a storage failure, not as "no database".
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    throw asStorageError(error, 'inspectSchema');
  }
}

function inspectionClient(location: DatabaseLocation): Client {
  try {
    switch (location.kind) {
      case 'file':
        return createClient({ url: fileUrl(location.path) });
      case 'remote':
        return createClient({ url: location.url, authToken: location.authToken });
      case 'replica':
        return createClient({ url: location.syncUrl, authToken: location.authToken });
    }
  } catch (error) {
    throw asStorageError(error, 'inspectSchema');
  }
}

async function appliedMigrations(
  client: Client,
): Promise<Array<{ version: number; name: string; checksum: string }>> {
  const bookkeeping = await client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (bookkeeping.rows.length === 0) return [];
  const result = await client.execute(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return result.rows.map((row) => ({
    version: numeric(row, 'version'),
    name: text(row, 'name'),
    checksum: text(row, 'checksum'),
  }));
}

async function databaseSize(client: Client): Promise<number | null> {
  try {
    const result = await client.execute(
      'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()',
    );
    return numeric(result.rows[0]!, 'bytes');
  } catch {
    // Hosted databases may refuse pragmas; the size is informative only.
    return null;
  }
}
