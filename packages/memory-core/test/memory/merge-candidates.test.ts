import { describe, expect, it } from 'vitest';
import { EMPTY_EFFECTIVENESS, type Pattern, PatternSchema } from '../../src/domain/pattern.js';
import {
  MAX_MERGE_GROUPS,
  MERGE_CANDIDATES_PER_GROUP,
  MergeCandidates,
} from '../../src/memory/merge-candidates.js';

const AT = '2025-01-01T00:00:00.000Z';

function toolSequence(id: number, occurrences: number, domain = 'web-api'): Pattern {
  return PatternSchema.parse({
    type: 'tool_sequence',
    tools: [`tool-${id}`, 'finish'],
    avgLatencyMs: 0,
    id: `00000000-0000-7000-8000-${String(id).padStart(12, '0')}`,
    namespace: 'team-a',
    similarityKey: `key-${id}`,
    context: { domain, tags: [] },
    stats: { occurrences, successes: occurrences, failures: 0 },
    effectiveness: EMPTY_EFFECTIVENESS,
    sourceEpisodeIds: [],
    createdAt: AT,
    updatedAt: AT,
  });
}

function fixture(ttlMs = 1_000) {
  let nowMs = 0;
  const loads: string[] = [];
  const cache = new MergeCandidates(() => nowMs, ttlMs);
  const group = (domain: string) => ({ namespace: 'team-a', type: 'tool_sequence' as const, domain });
  const get = (domain: string, stored: Pattern[]) =>
    cache.get(group(domain), async () => {
      loads.push(domain);
      return stored;
    });
  return { cache, get, loads, advance: (ms: number) => (nowMs += ms) };
}

describe('MergeCandidates', () => {
  it('lists a group once per interval and again after it', async () => {
    const { get, loads, advance } = fixture();
    const stored = [toolSequence(1, 3)];
    expect(await get('web-api', stored)).toEqual(stored);
    advance(999);
    expect(await get('web-api', [])).toEqual(stored);
    expect(loads).toEqual(['web-api']);
    advance(1);
    expect(await get('web-api', [])).toEqual([]);
    expect(loads).toEqual(['web-api', 'web-api']);
  });

  it('folds this process’s merges into the cached lists in the store’s order, bounded like a listing', async () => {
    const { cache, get, loads } = fixture();
    const established = Array.from({ length: MERGE_CANDIDATES_PER_GROUP }, (_, index) =>
      toolSequence(index + 1, 100 - index),
    );
    await get('web-api', established);
    await get('', established);
    await get('other', []);
    const merged = {
      ...established[MERGE_CANDIDATES_PER_GROUP - 1]!,
      stats: { occurrences: 500, successes: 500, failures: 0 },
    };
    const added = toolSequence(99, 1000);
    const tooRare = toolSequence(98, 1);
    cache.remember([merged, added, tooRare]);
    for (const domain of ['web-api', '']) {
      const listed = await get(domain, []);
      expect(listed).toHaveLength(MERGE_CANDIDATES_PER_GROUP);
      expect(listed.slice(0, 2)).toEqual([added, merged]);
      expect(listed.some((pattern) => pattern.similarityKey === tooRare.similarityKey)).toBe(false);
      expect(listed.filter((pattern) => pattern.similarityKey === merged.similarityKey)).toHaveLength(1);
    }
    expect(await get('other', [])).toEqual([]);
    expect(loads).toEqual(['web-api', '', 'other']);
  });

  it('ties on occurrences keep the store’s id order', async () => {
    const { cache, get } = fixture();
    await get('web-api', [toolSequence(5, 2)]);
    cache.remember([toolSequence(3, 2), toolSequence(7, 2)]);
    expect((await get('web-api', [])).map((pattern) => pattern.similarityKey)).toEqual([
      'key-3',
      'key-5',
      'key-7',
    ]);
  });

  it('keeps at most MAX_MERGE_GROUPS groups, dropping the least recently loaded', async () => {
    const { get, loads } = fixture();
    for (let index = 0; index <= MAX_MERGE_GROUPS; index++) await get(`domain-${index}`, []);
    await get(`domain-${MAX_MERGE_GROUPS}`, []);
    await get('domain-1', []);
    expect(loads).toHaveLength(MAX_MERGE_GROUPS + 1);
    await get('domain-0', []);
    expect(loads).toHaveLength(MAX_MERGE_GROUPS + 2);
  });
});
