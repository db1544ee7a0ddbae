export {
  DEFAULT_DATABASE_URL,
  DEFAULT_GROUP_COMMIT_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_READ_THREAD_CONFIG,
  DEFAULT_TURSO_CONFIG,
  type GroupCommitConfig,
  type PoolConfig,
  type ReadThreadConfig,
  type TursoConfig,
  type TursoStorageConfig,
} from './config.js';
export {
  createTursoStorage,
  migrateTursoDatabase,
  type TursoStorageDependencies,
} from './create-turso-storage.js';
export { SCHEMA_VERSION } from './migrations/index.js';
export {
  inspectTursoSchema,
  type SchemaInspection,
  type SchemaInspectionConfig,
} from './migrations/inspect-schema.js';
export type { MigrationReport } from './migrations/migrate.js';
export type { GroupCommitStatistics } from './sql/group-commit.js';
export type { ReadStatistics } from './sql/read-threads.js';
export type { PoolStatistics } from './sql/request-pool.js';
export { TursoStorage, type TursoStorageKind } from './turso-storage.js';
export { ACCEPTED_SCHEMES, type DatabaseLocation, resolveLocation } from './url-policy.js';
