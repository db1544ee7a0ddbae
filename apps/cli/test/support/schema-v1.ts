import { createClient } from '@libsql/client';
// Test-only reach into storage-turso's internals: the package exports no way to stop at an old schema version
// (production code must never), and this is the migration list its own migration tests use.
import { MIGRATIONS } from '../../../../packages/storage-turso/src/migrations/index.js';
import { migrate } from '../../../../packages/storage-turso/src/migrations/migrate.js';

/** A database as the first release left it: schema version 1 only (what `memory-cli migrate` upgrades). */
export async function createSchemaVersion1Database(url: string): Promise<void> {
  const client = createClient({ url });
  try {
    await migrate(client, { dimensions: 384 }, MIGRATIONS.slice(0, 1));
  } finally {
    client.close();
  }
}
