import { describe, expect, it } from 'vitest';
import { createMemory } from '../../src/index.js';
import { createInMemoryStorage } from '../../src/testing.js';
import { debuggingSteps } from '../support/memory.js';

function batchedMemory(flushIntervalMs: number, storage = createInMemoryStorage()) {
  return createMemory({
    storage,
    config: { durability: 'batched', batch: { maxBatchSize: 50, flushIntervalMs, autoFlush: true } },
  });
}

describe('batched durability', () => {
  it('resolves at once, shows buffered steps to reads, and writes them on complete', async () => {
    const storage = createInMemoryStorage();
    const memory = await batchedMemory(60_000, storage);
    const episode = await memory.startEpisode({ taskDescription: 'Fix the login 500 error' });
    const result = await memory.logSteps(episode.id, debuggingSteps());
    expect(result.buffered).toBe(true);
    expect((await memory.getEpisode(episode.id)).steps).toHaveLength(4);
    expect((await storage.getEpisode('default', episode.id))?.steps).toHaveLength(0);
    await memory.completeEpisode(episode.id, { type: 'success', verdict: 'ok', artifacts: [] });
    expect((await storage.getEpisode('default', episode.id))?.steps).toHaveLength(4);
  });

  it('flushes on the timer', async () => {
    const storage = createInMemoryStorage();
    const memory = await batchedMemory(20, storage);
    const episode = await memory.startEpisode({ taskDescription: 'Fix the login 500 error' });
    await memory.logStep(episode.id, debuggingSteps()[0]!);
    for (let waited = 0; waited < 2_000; waited += 10) {
      if ((await storage.getEpisode('default', episode.id))?.steps.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await storage.getEpisode('default', episode.id))?.steps).toHaveLength(1);
    await memory.close();
  });

  it('flushes when the batch is full and on close', async () => {
    const storage = createInMemoryStorage();
    // The memory closes its storage on close(); keep this one readable to see what reached it.
    const unclosable = new Proxy(storage, {
      get: (target, property) => (property === 'close' ? async () => {} : Reflect.get(target, property)),
    });
    const memory = await createMemory({
      storage: unclosable,
      config: { durability: 'batched', batch: { maxBatchSize: 2, flushIntervalMs: 60_000, autoFlush: true } },
    });
    const episode = await memory.startEpisode({ taskDescription: 'Fix the login 500 error' });
    const steps = debuggingSteps();
    await memory.logSteps(episode.id, steps.slice(0, 3));
    await memory.flush();
    expect((await storage.getEpisode('default', episode.id))?.steps.length).toBe(3);
    await memory.logStep(episode.id, steps[3]!);
    await memory.close();
    expect((await storage.getEpisode('default', episode.id))?.steps).toHaveLength(4);
  });
});
