import { existsSync } from 'node:fs';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, openMemory } from '../src/index.js';

const directories: TempDirectory[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) directory.remove();
});

describe('openMemory', () => {
  it('opens the configured libSQL file (creating its directory) behind the in-process cache', async () => {
    const directory = createTempDirectory('slm-open-');
    directories.push(directory);
    const url = `file:${directory.path}/nested/memory.db`;
    const config = loadConfig({ env: { TURSO_DATABASE_URL: url, MEMORY_NAMESPACE: 'team-a' } });

    const first = await openMemory(config);
    expect(first.memory.namespace).toBe('team-a');
    const episode = await first.memory.startEpisode({
      taskDescription: 'Rotate the signing keys',
      taskType: 'other',
      context: { domain: 'security' },
    });
    expect((await first.memory.health()).cache).toMatchObject({ state: 'ok' });
    expect(first.poolStatistics().maxConnections).toBe(10);
    await first.close();
    await first.close();
    expect(existsSync(`${directory.path}/nested/memory.db`)).toBe(true);

    const second = await openMemory(config);
    expect((await second.memory.getEpisode(episode.id)).taskDescription).toBe('Rotate the signing keys');
    await second.close();
  });

  it('refuses a store embedded with another provider', async () => {
    const directory = createTempDirectory('slm-open-');
    directories.push(directory);
    const env = { TURSO_DATABASE_URL: `file:${directory.path}/memory.db` };
    const local = await openMemory(loadConfig({ env }));
    await local.memory.startEpisode({ taskDescription: 'x', taskType: 'other', context: { domain: 'd' } });
    await local.close();
    await expect(
      openMemory(loadConfig({ env: { ...env, MEMORY_EMBEDDINGS: 'none' } })),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('memory-cli reindex'),
    });
  });

  it('opens a store embedded with another dimension for a re-index (acceptEmbeddingChange), and only then', async () => {
    const directory = createTempDirectory('slm-open-');
    directories.push(directory);
    const env = { TURSO_DATABASE_URL: `file:${directory.path}/memory.db` };
    const first = await openMemory(loadConfig({ env }));
    const episode = await first.memory.startEpisode({
      taskDescription: 'Rotate the signing keys',
      taskType: 'other',
      context: { domain: 'security' },
    });
    // Completion embeds the episode: the store now holds 384-dimension vectors.
    await first.memory.completeEpisode(episode.id, { type: 'success' });
    await first.close();
    const smaller = loadConfig({ env: { ...env, EMBEDDINGS_DIMENSIONS: '64' } });
    await expect(openMemory(smaller)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const reindexing = await openMemory(smaller, { acceptEmbeddingChange: true });
    expect(await reindexing.memory.reindex()).toMatchObject({ episodes: 1, dimensions: 64 });
    await reindexing.close();
    const after = await openMemory(smaller);
    expect((await after.memory.stats()).episodes.total).toBe(1);
    await after.close();
  });
});
