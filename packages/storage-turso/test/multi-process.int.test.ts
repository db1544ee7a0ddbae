import { wilsonLowerBound } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { NS } from './support/fixtures.js';
import { spawnWriter } from './support/spawn-writer.js';
import { DIMENSIONS, useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('several processes writing one file', () => {
  it('migrate together and merge every contribution exactly, with no SQLITE_BUSY reaching a caller', async () => {
    const url = temp.directory().databaseUrl();
    const processes = 3;
    const contributions = 150;
    // The processes start on an empty file at the same time: they also race to apply the migrations.
    const writers = Array.from({ length: processes }, () =>
      spawnWriter({ url, mode: 'contribute', contributions, dimensions: DIMENSIONS }),
    );
    const reports = await Promise.all(
      writers.map((writer) => writer.waitFor((event) => event['done'] === true)),
    );
    const exits = await Promise.all(writers.map((writer) => writer.exited));
    expect(exits.map((exit) => exit.code)).toEqual(writers.map(() => 0));
    expect(reports.flatMap((report) => report['errors'] as string[])).toEqual([]);

    const storage = await temp.open(url);
    const patterns = await storage.listPatterns(NS, {});
    expect(patterns.items).toHaveLength(1);
    const total = processes * contributions;
    expect(patterns.items[0]?.stats).toEqual({
      occurrences: total,
      successes: total / 2,
      failures: total / 2,
    });
    const heuristics = await storage.listHeuristics(NS, {});
    expect(heuristics.items).toHaveLength(1);
    expect(heuristics.items[0]?.evidence.total).toBe(total);
    expect(heuristics.items[0]?.confidence).toBeCloseTo(wilsonLowerBound(total, total), 12);
    for (const report of reports) {
      const own = await storage.getEpisode(NS, report['episodeId'] as string);
      expect(own?.steps).toHaveLength(contributions);
    }
    expect((await storage.stats(NS)).steps).toBe(total);
  }, 120_000);
});
