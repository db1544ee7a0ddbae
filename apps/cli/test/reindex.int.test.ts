import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/status/status-report.js';
import { runCliJson } from './support/cli.js';
import { recordLearnedEpisodes } from './support/learned-memory.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();

describe('memory-cli reindex', () => {
  it('re-embeds everything after the embedding dimension changed; until then the store refuses to open', async () => {
    const url = directory().databaseUrl();
    await recordLearnedEpisodes(url, 4);
    const changed = { EMBEDDINGS_DIMENSIONS: '64' };

    const before = await runCliJson<StatusReport>(['status', '--database-url', url], { env: changed });
    expect(before.code).toBe(1);
    expect(before.json.problems[0]).toContain('memory-cli reindex');

    const reindexed = await runCliJson(['reindex', '--database-url', url], { env: changed });
    expect(reindexed.code).toBe(0);
    expect(reindexed.json).toMatchObject({ episodes: 4, provider: 'local-hash-v1-64', dimensions: 64 });
    expect(reindexed.json['patterns']).toBeGreaterThan(0);

    const after = await runCliJson<StatusReport>(['status', '--database-url', url], { env: changed });
    expect(after.code).toBe(0);
    expect(after.json.counts?.episodes.total).toBe(4);
  });

  it('refuses MEMORY_EMBEDDINGS=none (exit 2): there is nothing to re-embed with', async () => {
    const url = directory().databaseUrl();
    const run = await runCliJson(['reindex', '--database-url', url], { env: { MEMORY_EMBEDDINGS: 'none' } });
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({
      error: { code: 'CONFIG_INVALID', details: { variable: 'MEMORY_EMBEDDINGS' } },
    });
  });
});
