import { MemoryError } from '@slm/memory-core';
import {
  componentLogger,
  type OpenedMemory,
  openMemory,
  type RuntimeConfig,
  type RuntimeLogger,
} from '@slm/memory-runtime';
import { inspectTursoSchema, type SchemaInspection } from '@slm/storage-turso';

export interface OpenStoreOptions {
  /** Only `reindex`: open a store whose vectors come from another embedding provider. */
  acceptEmbeddingChange?: boolean;
}

/**
 * Opens the memory as the service does, but never upgrades a database behind the operator's back: a schema
 * older than the code is refused with the command to run (`memory-cli migrate`, after a backup). An empty
 * or absent database is created, so restoring into a fresh file works.
 */
export async function openStore(
  config: RuntimeConfig,
  logger: RuntimeLogger,
  options: OpenStoreOptions = {},
): Promise<OpenedMemory> {
  requireCurrentSchema(await inspectTursoSchema(config.database));
  return openMemory(config, {
    logger: componentLogger(logger, 'memory-core'),
    acceptEmbeddingChange: options.acceptEmbeddingChange ?? false,
  });
}

export function requireCurrentSchema(schema: SchemaInspection): void {
  if (schema.databaseVersion === 0 || schema.pending.length === 0) return;
  throw new MemoryError(
    'UNAVAILABLE',
    `the database is at schema version ${schema.databaseVersion} and this memory-cli needs ${schema.codeVersion} ` +
      `(pending: ${schema.pending.join(', ')}): back it up, then run \`memory-cli migrate\` (docs/operations.md, "Upgrade")`,
    {
      details: {
        databaseVersion: schema.databaseVersion,
        codeVersion: schema.codeVersion,
        pending: schema.pending,
      },
    },
  );
}
