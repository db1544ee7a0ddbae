import { createClient } from '@libsql/client';
import { reopenableInstance, runStorageContract } from '@slm/storage-contract';
import { describe, expect, it } from 'vitest';
import { createTursoStorage } from '../src/index.js';

// A real Turso database, only when one is configured (none is reachable from CI or this machine). The suite
// deletes every row of that database between tests, so it reads dedicated variables rather than the service's
// TURSO_DATABASE_URL: point them at a disposable database.
const url = process.env['TURSO_TEST_DATABASE_URL'];
const authToken = process.env['TURSO_TEST_AUTH_TOKEN'];
const DIMENSIONS = 8;

/** Every table with rows, children before parents. */
const TABLES = [
  'recommendation_feedback',
  'recommendation_sessions',
  'relationships',
  'episode_vectors',
  'pattern_vectors',
  'episode_documents',
  'episode_labels',
  'episode_checkpoints',
  'steps',
  'episodes',
  'patterns',
  'heuristics',
  'procedure_term_tools',
  'procedure_terms',
  'procedure_tools',
  'procedure_totals',
  'procedure_episodes',
];

async function wipe(): Promise<void> {
  const client = createClient({ url: url!, authToken: authToken! });
  try {
    await client.batch(
      [...TABLES.map((table) => `DELETE FROM ${table}`), "DELETE FROM meta WHERE key NOT LIKE 'storage.%'"],
      'write',
    );
  } finally {
    client.close();
  }
}

describe.skipIf(!url)('a real Turso database (TURSO_TEST_DATABASE_URL)', () => {
  it('opens as libsql-remote and answers a health check', async () => {
    const storage = await createTursoStorage({ url, authToken, embeddingDimensions: DIMENSIONS });
    try {
      expect(storage.kind).toBe('libsql-remote');
      expect((await storage.healthCheck()).ok).toBe(true);
    } finally {
      await storage.close();
    }
  });
});

if (url) {
  runStorageContract({
    name: 'libsql-remote',
    dimensions: DIMENSIONS,
    async create() {
      await wipe();
      const open = () => createTursoStorage({ url, authToken, embeddingDimensions: DIMENSIONS });
      return reopenableInstance(open);
    },
  });
}
