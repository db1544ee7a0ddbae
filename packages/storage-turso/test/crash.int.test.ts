import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { NS } from './support/fixtures.js';
import { spawnWriter } from './support/spawn-writer.js';
import { DIMENSIONS, useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('crash durability', () => {
  it('loses no acknowledged step when the writing process is killed with SIGKILL mid-write', async () => {
    const url = temp.directory().databaseUrl();
    const writer = spawnWriter({ url, mode: 'log-steps', writers: 64, dimensions: DIMENSIONS });
    await writer.waitFor((event) => event['ready'] === true);
    // Let the 64 writers run for a while, then kill the process without any chance to flush or close.
    await writer.waitFor(() => writer.events.filter((event) => 'ack' in event).length >= 3_000);
    writer.child.kill('SIGKILL');
    const exit = await writer.exited;
    expect(exit.signal).toBe('SIGKILL');

    const acknowledged = new Map<string, number>();
    for (const event of writer.events) {
      if (!('ack' in event)) continue;
      const episodeId = event['ack'] as string;
      acknowledged.set(episodeId, Math.max(acknowledged.get(episodeId) ?? 0, event['step'] as number));
    }
    expect(acknowledged.size).toBe(64);

    const client = createClient({ url });
    try {
      expect((await client.execute('PRAGMA integrity_check')).rows.map((row) => row[0])).toEqual(['ok']);
    } finally {
      client.close();
    }
    const storage = await temp.open(url);
    const episodes = await storage.getEpisodes(NS, [...acknowledged.keys()]);
    expect(episodes).toHaveLength(64);
    for (const stored of episodes) {
      const numbers = stored.steps.map((stored) => stored.stepNumber);
      // Every acknowledged step is there, in order with no gap (a writer logs its steps one after another).
      const highest = acknowledged.get(stored.id)!;
      expect(numbers.slice(0, highest)).toEqual(Array.from({ length: highest }, (_, index) => index + 1));
    }
    // The database serves writes again after the crash.
    const first = episodes[0]!;
    const next = first.steps.length + 1;
    const appended = await storage.appendSteps(NS, first.id, [{ ...first.steps[0]!, stepNumber: next }]);
    expect(appended.appended).toBe(1);
  }, 120_000);
});
