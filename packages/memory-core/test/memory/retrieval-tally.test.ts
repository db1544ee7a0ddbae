import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetrievalTally } from '../../src/memory/retrieval-tally.js';
import type { PatternUsage } from '../../src/storage/pattern-store.js';
import { completedDebuggingEpisode, newMemory } from '../support/memory.js';

function recordingTally(intervalMs = 1_000) {
  const writes: Array<[string, PatternUsage[]]> = [];
  const tally = new RetrievalTally(
    async (namespace, usage) => {
      writes.push([namespace, usage]);
    },
    (write) => void write(),
    intervalMs,
  );
  return { tally, writes };
}

describe('RetrievalTally', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sums retrievals per pattern and namespace, keeps the latest time, and writes once per interval', () => {
    vi.useFakeTimers();
    const { tally, writes } = recordingTally();
    tally.add('a', ['p1', 'p2'], '2026-01-01T00:00:01.000Z');
    tally.add('a', ['p1'], '2026-01-01T00:00:03.000Z');
    tally.add('a', ['p1'], '2026-01-01T00:00:02.000Z');
    tally.add('b', ['p1'], '2026-01-01T00:00:04.000Z');
    vi.advanceTimersByTime(999);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([
      [
        'a',
        [
          { patternId: 'p1', retrieved: 3, at: '2026-01-01T00:00:03.000Z' },
          { patternId: 'p2', retrieved: 1, at: '2026-01-01T00:00:01.000Z' },
        ],
      ],
      ['b', [{ patternId: 'p1', retrieved: 1, at: '2026-01-01T00:00:04.000Z' }]],
    ]);
    // Nothing gathered since: the next interval writes nothing.
    vi.advanceTimersByTime(5_000);
    expect(writes).toHaveLength(2);
  });

  it('writes what it holds at once on writeNow, and nothing for an empty list', () => {
    vi.useFakeTimers();
    const { tally, writes } = recordingTally();
    tally.add('a', [], '2026-01-01T00:00:00.000Z');
    tally.writeNow();
    expect(writes).toEqual([]);
    tally.add('a', ['p1'], '2026-01-01T00:00:00.000Z');
    tally.writeNow();
    expect(writes).toEqual([['a', [{ patternId: 'p1', retrieved: 1, at: '2026-01-01T00:00:00.000Z' }]]]);
    vi.advanceTimersByTime(2_000);
    expect(writes).toHaveLength(1);
  });

  it('reaches the store through the memory: flush writes the counts of every retrieval', async () => {
    const memory = await newMemory();
    for (let index = 0; index < 3; index++) {
      await completedDebuggingEpisode(memory, 'Fix the login 500 error in the auth service');
    }
    const query = { query: 'login returns 500 in auth', context: { domain: 'web-api' } };
    const first = await memory.retrieveContext(query);
    expect(first.patterns.length).toBeGreaterThan(0);
    const patternId = first.patterns[0]!.pattern.id;
    const retrievals =
      1 +
      (await memory.retrieveContext(query)).patterns.filter((ranked) => ranked.pattern.id === patternId)
        .length;
    await memory.flush();
    const stored = await memory.getPattern(patternId);
    expect(stored?.effectiveness.timesRetrieved).toBe(
      first.patterns[0]!.pattern.effectiveness.timesRetrieved + retrievals,
    );
    await memory.close();
  });
});
